/**
 * The test Dockerfiles of each lesson, read from its folder (Node only: the content tests and
 * the e2e specs use them, the site does not).
 *
 * - `alternatives/NN-name.Dockerfile`: other correct answers, written the ways real Dockerfiles
 *   are written (heredocs, cache mounts, other stage names...). The content test proves the goals
 *   accept every one of them, not just the reference text. First line: `# Alternative: what it
 *   shows`.
 * - `broken/NN-name.Dockerfile`: Dockerfiles an expert knows are broken (would not build, would
 *   not start, or miss what the lesson teaches). The content test proves the goals reject each
 *   one, with the goal it names. Header: `# Broken: what it is`, `# Why: the reason`,
 *   `# Fails: the label (or the start of one) of a goal it must fail`.
 *
 * A `NN-name.dockerignore` next to a variant replaces the lesson's solution .dockerignore for it.
 * The header lines are taken off the text that is analysed, so a variant is analysed exactly as
 * it was written below them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Alternative {
  name: string;
  dockerfile: string;
  /** Defaults to the lesson's solution .dockerignore. */
  dockerignore?: string;
}

export interface BrokenVariant extends Alternative {
  /** Why it is broken. */
  why: string;
  /** A label (or the start of one) of a goal this variant must fail. */
  fails: string;
}

const LESSONS_DIR = __dirname;
const FOLDER = /^\d{2}-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const HEADER = /^# (Alternative|Broken|Why|Fails): (.+)$/;

/** The header fields and the Dockerfile below them. Throws on a file without a header. */
export function parseVariant(text: string, where: string) {
  const fields: Record<string, string> = {};
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\n');
    const match = HEADER.exec(end === -1 ? rest : rest.slice(0, end));
    if (!match) break;
    if (match[1] in fields) throw new Error(`${where}: "# ${match[1]}:" twice`);
    fields[match[1]] = match[2].trim();
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  if (Object.keys(fields).length === 0) {
    throw new Error(
      `${where}: the first line must say what it shows (# Alternative: … or # Broken: …)`,
    );
  }
  return { fields, dockerfile: rest };
}

function readVariants(kind: 'alternatives' | 'broken', dir: string) {
  const out: Record<
    string,
    { name: string; fields: Record<string, string>; dockerfile: string; dockerignore?: string }[]
  > = {};
  for (const folder of readdirSync(dir).sort()) {
    const match = FOLDER.exec(folder);
    const sub = join(dir, folder, kind);
    if (!match || !existsSync(sub)) continue;
    out[match[1]] = readdirSync(sub)
      .filter((f) => f.endsWith('.Dockerfile'))
      .sort()
      .map((file) => {
        const where = `content/lessons/${folder}/${kind}/${file}`;
        const { fields, dockerfile } = parseVariant(readFileSync(join(sub, file), 'utf8'), where);
        const ignore = join(sub, file.replace(/\.Dockerfile$/, '.dockerignore'));
        const name = fields[kind === 'alternatives' ? 'Alternative' : 'Broken'];
        if (!name)
          throw new Error(
            `${where}: no "# ${kind === 'alternatives' ? 'Alternative' : 'Broken'}:" line`,
          );
        return {
          name,
          fields,
          dockerfile,
          ...(existsSync(ignore) ? { dockerignore: readFileSync(ignore, 'utf8') } : {}),
        };
      });
  }
  return out;
}

/** Other correct answers per lesson slug, in file order. */
export function loadAlternatives(dir = LESSONS_DIR): Record<string, Alternative[]> {
  const raw = readVariants('alternatives', dir);
  return Object.fromEntries(
    Object.entries(raw).map(([slug, list]) => [
      slug,
      list.map(({ name, dockerfile, dockerignore }) => ({
        name,
        dockerfile,
        ...(dockerignore !== undefined ? { dockerignore } : {}),
      })),
    ]),
  );
}

/** Broken variants per lesson slug, in file order. Throws when one lacks its Why or Fails. */
export function loadBroken(dir = LESSONS_DIR): Record<string, BrokenVariant[]> {
  const raw = readVariants('broken', dir);
  return Object.fromEntries(
    Object.entries(raw).map(([slug, list]) => [
      slug,
      list.map(({ name, fields, dockerfile, dockerignore }) => {
        if (!fields.Why || !fields.Fails) {
          throw new Error(
            `broken variant "${name}" of ${slug} needs "# Why:" and "# Fails:" lines`,
          );
        }
        return {
          name,
          why: fields.Why,
          fails: fields.Fails,
          dockerfile,
          ...(dockerignore !== undefined ? { dockerignore } : {}),
        };
      }),
    ]),
  );
}

export const ALTERNATIVES = loadAlternatives();
export const BROKEN = loadBroken();
