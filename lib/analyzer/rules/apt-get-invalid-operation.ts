import type { ShellCommand } from '../model-types';
import { defineRule } from '../rule';
import { onlyCloseName } from '../spelling';
import type { Fix } from '../types';
import {
  APT_GET_OPERATIONS,
  aptGetOperationWord,
  hasDashLookalike,
  normalizeDashes,
} from '../vocabulary';
import { failuresOf } from './helpers/failures';

/** Replaces the operation word with the one operation it is a typo of, where the source shows it. */
function fixOf(cmd: ShellCommand): Fix | undefined {
  const word = aptGetOperationWord(cmd.args);
  if (word === undefined || !cmd.sourceWords) return undefined;
  const words = cmd.sourceWords;
  const program = words.findIndex((w) => w.literal?.replace(/^.*\//, '') === 'apt-get');
  if (program < 0) return undefined;
  const after = words.slice(program + 1);
  // Options typed with an en dash (`–y`): make every such word of the command a hyphen option.
  if (hasDashLookalike(word)) {
    const dashed = after.filter((w) => w.literal !== undefined && hasDashLookalike(w.literal));
    return {
      title: 'Type the options with a hyphen',
      edits: dashed.map((w) => ({ range: w.range, newText: normalizeDashes(w.literal as string) })),
    };
  }
  const meant = onlyCloseName(word, APT_GET_OPERATIONS);
  const at = after.find((w) => w.literal === word);
  if (!meant || !at) return undefined;
  return { title: `Write apt-get ${meant}`, edits: [{ range: at.range, newText: meant }] };
}

export const aptGetInvalidOperation = defineRule({
  id: 'apt-get-invalid-operation',
  technique: 'correctness',
  severity: 'error',
  lesson: 'combine-run',
  message:
    'apt-get has no such operation, so it stops with "E: Invalid operation" and the build fails. Use one of its operations (update, install, remove, purge, autoremove, clean…; see apt-get(8)).',
  // Only where the RUN fails with it (see ShellCommand.onFailure): not inside an if, after ||,
  // or when the shell goes on after a `;`.
  check: (image) =>
    failuresOf(image, 'apt-get-invalid-operation').map((f) => {
      const fix = fixOf(f.command);
      return { range: f.range, message: f.message, ...(fix ? { fix } : {}) };
    }),
});
