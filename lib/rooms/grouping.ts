import { DockerfileParser } from 'dockerfile-ast';

/**
 * A key equal for solutions with the same parsed instructions: keywords in upper case, arguments
 * with line continuations, comments and runs of whitespace folded; blank lines and comment lines of
 * the .dockerignore dropped. Two texts that differ only in layout or comments get the same key.
 */
export function solutionKey(dockerfile: string, dockerignore = ''): string {
  const instructions = DockerfileParser.parse(dockerfile)
    .getInstructions()
    .map((ins) => {
      const args = (ins.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim();
      return `${ins.getKeyword().toUpperCase()} ${args}`.trim();
    });
  const ignore = dockerignore
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return JSON.stringify([instructions, ignore]);
}

/** A collected solution of one lesson. */
export interface Solution {
  memberId: string;
  nickname: string;
  dockerfile: string;
  dockerignore: string;
  bytes?: number;
  completedAt?: string;
}

/** Solutions with the same key; `solutions` in completion order, the first one shown. */
export interface SolutionGroup {
  key: string;
  bytes?: number;
  solutions: Solution[];
}

/**
 * Groups identical solutions (see `solutionKey`) and orders the groups smallest estimate first,
 * then the bigger group, then the earliest completion; groups without an estimate come last.
 */
export function groupSolutions(solutions: readonly Solution[]): SolutionGroup[] {
  const groups = new Map<string, SolutionGroup>();
  const ordered = [...solutions].sort(
    (a, b) => Date.parse(a.completedAt ?? '') - Date.parse(b.completedAt ?? '') || 0,
  );
  for (const solution of ordered) {
    const key = solutionKey(solution.dockerfile, solution.dockerignore);
    const group = groups.get(key);
    if (group) group.solutions.push(solution);
    else groups.set(key, { key, bytes: solution.bytes, solutions: [solution] });
  }
  const size = (g: SolutionGroup) => g.bytes ?? Number.POSITIVE_INFINITY;
  return [...groups.values()].sort(
    (a, b) => size(a) - size(b) || b.solutions.length - a.solutions.length,
  );
}
