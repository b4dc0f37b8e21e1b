/**
 * The lesson's first editor as the page's HTML carries it: a plain textarea already filled with
 * the starting Dockerfile, editable as soon as the HTML is parsed, before any script of the site
 * has run. The plain editor (EarlyEditor.tsx) adopts this very element once the page has read the
 * learner's progress, and Monaco takes over from it later (see WorkbenchLoader.tsx).
 * No React here: proxy.ts hashes the hold script for the page's Content-Security-Policy.
 */
import { PROGRESS_KEY } from '@/lib/progress';
import { ROOM_MEMBERSHIP_KEY } from '@/lib/gallery';

/** The id of the prefilled textarea (one per page). */
export const PREFILLED_ID = 'prefilled-editor';

/** What the status line says while the learner can type into the prefilled editor. */
export const PREFILLED_STATUS =
  'Loading the full editor (hovers, completion, quick fixes); you can type already.';
/** What it says while the prefilled editor waits for the learner's saved work. */
export const HELD_STATUS = 'Loading your saved work…';
/** The textarea's accessible name, the same as the plain editor's. */
export const PLAIN_EDITOR_LABEL = 'Dockerfile (plain text until the full editor has loaded)';

/**
 * Runs while the HTML is parsed, right after the textarea and its status line, before the learner
 * can type into it:
 * it makes the textarea read-only (until the page has loaded) when what it shows may not be what
 * the learner should edit: a saved draft of this lesson with another Dockerfile, a room (whose
 * trainer decides which lessons are open), a progress version it does not know, or storage it
 * cannot read. The page settles anything typed anyway (lib/progress/prefilled.ts).
 * It reads the same key and fields as lib/progress, and must stay one fixed string (its hash is
 * in the page's Content-Security-Policy): the slug comes from the textarea.
 */
export const prefilledHoldScript = `(function(){var t=document.getElementById(${JSON.stringify(PREFILLED_ID)});if(!t)return;var h=false;try{if(localStorage.getItem(${JSON.stringify(ROOM_MEMBERSHIP_KEY)})!==null)h=true;var p=JSON.parse(localStorage.getItem(${JSON.stringify(PROGRESS_KEY)})||'null');if(p!==null){if(typeof p!=='object'||p.version!==1)h=true;else{var d=p.drafts&&p.drafts[t.getAttribute('data-slug')];if(d&&d.dockerfile!==t.defaultValue)h=true;}}}catch(_){h=true;}if(!h)return;t.readOnly=true;t.setAttribute('aria-busy','true');var s=document.getElementById(${JSON.stringify(PREFILLED_ID + '-status')});if(s)s.textContent=${JSON.stringify(HELD_STATUS)};})();`;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The HTML of the prefilled editor: the textarea, with the plain editor's attributes and
 * `className` (it sits in the editor frame of WorkbenchShell). A textarea's first newline is
 * dropped by the HTML parser, so a text starting with one gets another.
 */
export function prefilledEditorHtml(slug: string, text: string, className = ''): string {
  const content = text.startsWith('\n') ? `\n${text}` : text;
  return (
    `<textarea id="${PREFILLED_ID}" data-early-editor="" data-slug="${escapeHtml(slug)}" class="${escapeHtml(className)}" ` +
    `aria-label="${escapeHtml(PLAIN_EDITOR_LABEL)}" spellcheck="false" wrap="off" autocapitalize="off" ` +
    `autocomplete="off" autocorrect="off">${escapeHtml(content)}</textarea>`
  );
}

/**
 * The HTML that follows the prefilled editor: its status line (with `className`, under the
 * editor frame) and the hold script, which runs right after it, before the learner can type.
 */
export function prefilledStatusHtml(className = ''): string {
  return (
    `<p class="${escapeHtml(className)}" role="status" id="${PREFILLED_ID}-status">${escapeHtml(PREFILLED_STATUS)}</p>` +
    `<script>${prefilledHoldScript}</script>`
  );
}
