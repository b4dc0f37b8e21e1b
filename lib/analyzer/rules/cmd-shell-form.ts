import { defineRule } from '../rule';
import type { RuleHit } from '../rule';
import type { MetaStep } from '../model-types';
import { stepsOfImage } from './helpers/commands';
import { hasShell } from './helpers/runtime';
import { textBetween } from './helpers/source';

/** Words a shell would pass through unchanged: no variables, quotes, globs or operators. */
const PLAIN_WORDS = /^[A-Za-z0-9_./:=@%+,-]+(\s+[A-Za-z0-9_./:=@%+,-]+)*$/;

export const cmdShellForm = defineRule({
  id: 'cmd-shell-form',
  technique: 'distroless',
  severity: 'info',
  lesson: 'distroless',
  hadolint: 'DL3025',
  message:
    'In shell form the app runs under /bin/sh -c, which does not pass on SIGTERM (docker stop waits 10 s, then kills it) and needs a shell that distroless images lack. Use the exec form: CMD ["program", "arg"].',
  check: (image) => {
    // Without a shell the command cannot start at all: runtime-missing reports that as an error.
    if (!hasShell(image.target)) return [];
    const steps = stepsOfImage(image.target);
    const hits: RuleHit[] = [];
    for (const kind of ['ENTRYPOINT', 'CMD'] as const) {
      const instr = kind === 'CMD' ? image.target.cmd : image.target.entrypoint;
      if (instr?.form !== 'shell') continue;
      const step = [...steps].reverse().find((s): s is MetaStep => s.kind === kind);
      if (!step) continue;
      const text = textBetween(image, step.keywordRange.end, step.range.end).trim();
      const words = text.split(/\s+/);
      hits.push({
        range: step.range,
        fix:
          PLAIN_WORDS.test(text) && step.range.start.line === step.range.end.line
            ? {
                title: `Use ${kind} ${JSON.stringify(words).replace(/","/g, '", "')}`,
                edits: [
                  {
                    range: { start: step.keywordRange.end, end: step.range.end },
                    newText: ` ${JSON.stringify(words).replace(/","/g, '", "')}`,
                  },
                ],
              }
            : undefined,
      });
    }
    return hits;
  },
});
