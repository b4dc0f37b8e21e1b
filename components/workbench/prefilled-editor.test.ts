import { describe, expect, it } from 'vitest';
import { ROOM_MEMBERSHIP_KEY } from '@/lib/gallery';
import {
  PROGRESS_KEY,
  emptyProgress,
  saveDraft,
  writeProgress,
  type Progress,
} from '@/lib/progress';
import {
  HELD_STATUS,
  PREFILLED_ID,
  PREFILLED_STATUS,
  prefilledEditorHtml,
  prefilledHoldScript,
  prefilledStatusHtml,
} from './prefilled-editor';

const SLUG = 'base-image';
const START = 'FROM node:20\nCMD ["node"]\n';

/** The stored text lib/progress writes for `progress`. */
function stored(progress: Progress): string {
  let text = '';
  writeProgress({ get: () => null, set: (_key, value) => (text = value) }, progress);
  return text;
}

/** Runs the hold script against a fake page and storage; returns what it did to the editor. */
function runHold(storage: Record<string, string>, { throws = false } = {}) {
  const textarea = {
    defaultValue: START,
    readOnly: false,
    attributes: { 'data-slug': SLUG } as Record<string, string>,
    getAttribute(name: string) {
      return this.attributes[name] ?? null;
    },
    setAttribute(name: string, value: string) {
      this.attributes[name] = value;
    },
  };
  const status = { textContent: PREFILLED_STATUS };
  const document = {
    getElementById: (id: string) =>
      id === PREFILLED_ID ? textarea : id === `${PREFILLED_ID}-status` ? status : null,
  };
  const localStorage = {
    getItem: (key: string) => {
      if (throws) throw new Error('storage is blocked');
      return storage[key] ?? null;
    },
  };
  new Function('document', 'localStorage', prefilledHoldScript)(document, localStorage);
  return {
    isHeld: textarea.readOnly,
    isBusy: textarea.attributes['aria-busy'],
    status: status.textContent,
  };
}

describe('prefilledHoldScript', () => {
  it.each([
    ['nothing is stored', {}],
    ['progress holds no draft of this lesson', { [PROGRESS_KEY]: stored(emptyProgress()) }],
    [
      'the saved draft is the starting Dockerfile',
      {
        [PROGRESS_KEY]: stored(
          saveDraft(emptyProgress(), SLUG, { dockerfile: START, dockerignore: '*.log\n' }),
        ),
      },
    ],
    [
      'only another lesson has a draft',
      {
        [PROGRESS_KEY]: stored(
          saveDraft(emptyProgress(), 'multi-stage', { dockerfile: 'FROM x\n', dockerignore: '' }),
        ),
      },
    ],
  ])('leaves the editor open to typing when %s', (_reason, storage) => {
    expect(runHold(storage)).toEqual({
      isHeld: false,
      isBusy: undefined,
      status: PREFILLED_STATUS,
    });
  });

  it.each([
    [
      'a draft of this lesson has another Dockerfile',
      {
        [PROGRESS_KEY]: stored(
          saveDraft(emptyProgress(), SLUG, { dockerfile: 'FROM alpine\n', dockerignore: '' }),
        ),
      },
    ],
    ['the learner is in a room', { [ROOM_MEMBERSHIP_KEY]: '{"code":"ABC123"}' }],
    ['the stored progress is damaged', { [PROGRESS_KEY]: '{"version":1,' }],
    [
      'the stored progress has a version this page does not know',
      { [PROGRESS_KEY]: '{"version":2}' },
    ],
  ])('holds the editor until the page has loaded when %s', (_reason, storage) => {
    expect(runHold(storage)).toEqual({ isHeld: true, isBusy: 'true', status: HELD_STATUS });
  });

  it('holds the editor when storage cannot be read', () => {
    expect(runHold({}, { throws: true }).isHeld).toBe(true);
  });
});

describe('prefilledEditorHtml', () => {
  it('escapes the text, so no Dockerfile can end the textarea or start markup', () => {
    const html = prefilledEditorHtml(SLUG, 'RUN echo "</textarea><script>x</script>" && a<b\n');
    expect(html).toContain(
      'RUN echo &quot;&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;&quot; &amp;&amp; a&lt;b\n</textarea>',
    );
    expect(html.match(/<textarea/g)).toHaveLength(1);
    expect(html).not.toContain('<script>');
  });

  it('escapes the class name it is given', () => {
    expect(prefilledEditorHtml(SLUG, START, 'a" onfocus="x')).toContain(
      'class="a&quot; onfocus=&quot;x"',
    );
  });

  it('keeps a leading newline, which the HTML parser drops from a textarea', () => {
    expect(prefilledEditorHtml(SLUG, '\nFROM x\n')).toContain('>\n\nFROM x\n</textarea>');
  });

  it('is followed by the status line, then the hold script as is (its hash is in the page policy)', () => {
    const html = prefilledStatusHtml('hint');
    expect(html).toBe(
      `<p class="hint" role="status" id="${PREFILLED_ID}-status">${PREFILLED_STATUS}</p>` +
        `<script>${prefilledHoldScript}</script>`,
    );
  });
});
