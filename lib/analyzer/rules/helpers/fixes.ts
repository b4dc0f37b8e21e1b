/** Building fixes (lists of text edits) from the model. Each returns `undefined` when unsafe. */
import type { ImageModel, RunStep, ShellCommand } from '../../model-types';
import type { Fix } from '../../types';
import { at, baseName, findWordAfterProgram, textBetween, trimmedEnd } from './source';

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
 * `apt-get install --no-install-recommends`). `isProgram` recognises the program word in the
 * source, `subs` the subcommand words. `undefined` when the source does not show them.
 */
export function insertAfterSubcommand(
  model: ImageModel,
  run: RunStep,
  command: ShellCommand,
  isProgram: (word: string) => boolean,
  subs: string[],
  flag: string,
  title: string,
): Fix | undefined {
  if (run.form === 'exec' || run.parseError) return undefined;
  // Which occurrence of this program in the RUN is `command` (the source lists them in order).
  const same = run.commands.filter((c) => isProgram(baseName(c.name)));
  const occurrence = same.indexOf(command);
  if (occurrence < 0) return undefined;
  const token = findWordAfterProgram(model, run.range, isProgram, subs, occurrence);
  if (!token) return undefined;
  return { title, edits: [{ range: at(token.range.end), newText: ` ${flag}` }] };
}

/** A program matcher for `insertAfterSubcommand`. */
export const programIs =
  (...names: string[]) =>
  (word: string): boolean =>
    names.includes(word);

/** `1.2 GB`, `119 MB`, `850 kB`: decimal units, as `docker images` prints them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(bytes >= 1e10 ? 0 : 2)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}
