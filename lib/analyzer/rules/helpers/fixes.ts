/** Building fixes (lists of text edits) from the model. Each returns `undefined` when unsafe. */
import type { ImageModel, RunStep, ShellCommand } from '../../model-types';
import type { Fix } from '../../types';
import { at, baseName, textBetween, trimmedEnd } from './source';

/**
 * Appends `&& command` to a shell-form RUN (after its last word). `undefined` for exec-form and
 * heredoc RUNs, and when the RUN did not parse (the edit could land in the wrong place).
 */
export function appendToRun(
  model: ImageModel,
  run: RunStep,
  command: string,
  title: string,
): Fix | undefined {
  if (run.form !== 'shell' || run.parseError) return undefined;
  const end = trimmedEnd(model, run.range.end, run.keywordRange.end);
  const before = textBetween(model, run.keywordRange.end, end).trimEnd();
  if (before.endsWith('&') || before.endsWith('|')) return undefined;
  const joiner = before.endsWith(';') ? ' ' : ' && ';
  return { title, edits: [{ range: at(end), newText: `${joiner}${command}` }] };
}

/**
 * Inserts ` flag` right after the subcommand word of `command` (`apt-get install` →
 * `apt-get install --no-install-recommends`). `isProgram` recognises the program word, `subs` the
 * subcommand words. The words and their places come from the shell parser (the command's own
 * `sourceWords`), never from searching the text, so `{ …; }`, `( … )` and `then` around the
 * command do not move the edit. `undefined` when the source does not show them (the program or
 * subcommand came from a variable, or the command sits inside `sh -c "…"`).
 */
export function insertAfterSubcommand(
  _model: ImageModel,
  run: RunStep,
  command: ShellCommand,
  isProgram: (word: string) => boolean,
  subs: string[],
  flag: string,
  title: string,
): Fix | undefined {
  if (run.form === 'exec' || run.parseError || !command.sourceWords) return undefined;
  const words = command.sourceWords;
  const program = words.findIndex((w) => w.literal !== undefined && isProgram(baseName(w.literal)));
  if (program < 0) return undefined;
  const sub = words.findIndex(
    (w, i) => i > program && w.literal !== undefined && subs.includes(w.literal),
  );
  if (sub < 0) return undefined;
  return { title, edits: [{ range: at(words[sub].range.end), newText: ` ${flag}` }] };
}

/** A program matcher for `insertAfterSubcommand`. */
export const programIs =
  (...names: string[]) =>
  (word: string): boolean =>
    names.includes(word);

/**
 * `1.01 GB`, `199 MB`, `19.9 MB`, `850 kB`: decimal units, the formatter the layer chart and the
 * lesson prose use, so a finding never rounds the same bytes differently from them.
 */
export { formatBytes } from '../../../format';
