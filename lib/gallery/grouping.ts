import { DockerfileParser } from 'dockerfile-ast';
import { base32Prefix, canonicalJson, sha256Text } from './hash';

interface WithFlags {
  getFlags(): { getName(): string; getValue(): string | null }[];
}

function hasFlags(value: object): value is WithFlags {
  return typeof (value as Partial<WithFlags>).getFlags === 'function';
}

/**
 * The parsed instructions of a Dockerfile in a form where layout does not count: keyword (upper
 * case), flags (`--from=build`, `--mount=…`) and argument words, one entry per instruction.
 * Comments, blank lines, line continuations, keyword case and runs of spaces between words are
 * gone; everything else (word order, values, quoting) stays. Spaces inside a quoted word collapse
 * too, as dockerfile-ast splits arguments on whitespace.
 */
export function parsedInstructions(dockerfile: string): string[][] {
  const parsed = DockerfileParser.parse(dockerfile);
  return parsed.getInstructions().map((instruction) => {
    const flags = hasFlags(instruction)
      ? instruction.getFlags().map((flag) => `--${flag.getName()}=${flag.getValue() ?? ''}`)
      : [];
    return [
      instruction.getKeyword().toUpperCase(),
      ...flags,
      ...instruction.getArguments().map((arg) => arg.getValue()),
    ];
  });
}

/** .dockerignore patterns in order, trimmed, without comments and blank lines (order matters for `!`). */
export function ignorePatterns(dockerignore: string): string[] {
  return dockerignore
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Key under which identical solutions are grouped: solutions with the same parsed instructions
 * and the same .dockerignore patterns get the same key, whatever their comments or layout.
 * 16 base32 characters (80 bits) of SHA-256 over the canonical form.
 */
export function solutionGroupKey(dockerfile: string, dockerignore: string): string {
  const text = canonicalJson({
    tag: 'layerlab/group/1',
    instructions: parsedInstructions(dockerfile),
    ignore: ignorePatterns(dockerignore),
  });
  return base32Prefix(sha256Text(text), 16);
}
