import { defineRule } from '../rule';
import type { ImageModel, ShellCommand } from '../model-types';
import type { Fix } from '../types';
import { tokensIn } from './helpers/source';

/** Deletes a plain `sudo ` prefix; `undefined` for `sudo -u other …` (that needs USER instead). */
function dropSudo(image: ImageModel, command: ShellCommand): Fix | undefined {
  const tokens = tokensIn(image, command.range);
  const i = tokens.findIndex((t) => t.value === 'sudo');
  const next = tokens[i + 1];
  if (i < 0 || !next || next.value.startsWith('-')) return undefined;
  return {
    title: 'Remove sudo',
    edits: [{ range: { start: tokens[i].range.start, end: next.range.start }, newText: '' }],
  };
}

export const sudoUsed = defineRule({
  id: 'sudo-used',
  technique: 'correctness',
  severity: 'warning',
  lesson: 'remove-package-managers',
  hadolint: 'DL3004',
  message:
    'RUN already runs as root during the build, so sudo is unnecessary and adds a setuid tool to the image. Drop sudo; switch users with USER.',
  check: (image) =>
    image.steps.flatMap((step) =>
      step.kind === 'RUN'
        ? step.commands
            .filter((c) => c.viaSudo)
            .map((c) => ({ range: c.range, fix: dropSudo(image, c) }))
        : [],
    ),
});
