import type { Goal, GoalResult, Report, Technique } from '../analyzer/types';
import { formatBytes, megabytes } from '../format';

/**
 * How a technique reads in a goal's label ("No RUN layering findings"); a technique without an
 * entry (a new lesson) reads as its slug with spaces.
 */
const TECHNIQUE_NAMES: Partial<Record<Technique, string>> = {
  'base-image': 'base image',
  'multi-stage': 'multi-stage',
  'combine-run': 'RUN layering',
  dockerignore: '.dockerignore',
  'remove-package-managers': 'package manager',
  'copy-only-needed': 'copy-only-what-you-need',
  distroless: 'distroless',
  correctness: 'correctness',
};

const ROOT_USERS = new Set(['', 'root', '0', 'root:root', '0:0', 'root:0', '0:root']);

/**
 * Checks each goal against the analyzer's report, in the order given, then the implicit
 * `no-errors` goal (flagged `isImplicit`) unless the list is empty or already has one. Pure: the same report and
 * goals always give the same results. A goal's `label` wins over the default label.
 * 'rebuild-below' reads the goal's path in `report.rebuilds` (`analyze(input, { goals })` puts it
 * there); without it the goal is not met and says why.
 */
export function evaluateGoals(report: Report, goals: Goal[]): GoalResult[] {
  const blocker = nothingToJudge(report);
  // No goals (the playground): nothing to complete, so no implicit goal either.
  const implicit =
    goals.length === 0 || goals.some((g) => g.type === 'no-errors') ? [] : [NO_ERRORS];
  return [...goals, ...implicit].map((goal) => {
    const { isMet, detail } = blocker ? { isMet: false, detail: blocker } : check(report, goal);
    return {
      goal,
      label: goal.label ?? defaultGoalLabel(goal),
      isMet,
      detail,
      ...(goal === NO_ERRORS ? { isImplicit: true } : {}),
    };
  });
}

/** The goal every lesson has: an error finding means the image would not build or start. */
const NO_ERRORS: Goal = { type: 'no-errors' };

/**
 * Why no goal can be judged yet, or undefined when the report describes an image. A Dockerfile
 * with errors (an empty one has "No FROM") builds nothing, and "nothing" would otherwise meet
 * every goal: 0 bytes, no findings, no shell.
 */
function nothingToJudge(report: Report): string | undefined {
  const error = report.problems.find((p) => p.severity === 'error');
  if (error)
    return `Fix the Dockerfile first (line ${error.range.start.line + 1}: ${error.message})`;
  return undefined;
}

/** True when every goal is met (and there is at least one goal). */
export function allGoalsMet(results: GoalResult[]): boolean {
  return results.length > 0 && results.every((r) => r.isMet);
}

/** The label shown for a goal that has none of its own, e.g. "Image under 150 MB". */
export function defaultGoalLabel(goal: Goal): string {
  switch (goal.type) {
    case 'size-below':
      return `Image under ${goal.megabytes} MB`;
    case 'rule-clear':
      return `No “${goal.rule}” finding`;
    case 'technique-clear':
      return `No ${TECHNIQUE_NAMES[goal.technique] ?? goal.technique.replace(/-/g, ' ')} findings`;
    case 'no-build-tools':
      return 'No compilers or build tools in the image';
    case 'no-package-manager':
      return goal.managers?.length
        ? `No ${joinOr(goal.managers)} in the image`
        : 'No package manager in the image';
    case 'no-shell':
      return 'No shell in the image';
    case 'file-shipped':
      return `${goal.path} is in the image`;
    case 'file-not-shipped':
      return `${goal.path} stays out of the image`;
    case 'context-below':
      return `Build context under ${goal.megabytes} MB`;
    case 'rebuild-below':
      return `Editing ${goal.path} rebuilds under ${goal.megabytes} MB`;
    case 'non-root':
      return 'Runs as a non-root user';
    case 'stages-at-least':
      return `At least ${goal.count} build stages`;
    case 'score-at-least':
      return `Score of ${goal.score} or more`;
    case 'app-starts':
      return 'The app can start';
    case 'no-errors':
      return 'No errors: it builds and starts';
  }
}

function check(report: Report, goal: Goal): { isMet: boolean; detail: string } {
  switch (goal.type) {
    case 'size-below': {
      const bytes = report.size.bytes;
      return { isMet: bytes < megabytes(goal.megabytes), detail: `${formatBytes(bytes)} now` };
    }
    case 'rule-clear': {
      const open = report.findings.filter((f) => f.rule === goal.rule);
      return {
        isMet: open.length === 0,
        detail: open.length === 0 ? 'Cleared' : `${open.length} open (line ${lines(open)})`,
      };
    }
    case 'technique-clear': {
      const open = report.findings.filter((f) => f.technique === goal.technique);
      return {
        isMet: open.length === 0,
        detail:
          open.length === 0
            ? 'Cleared'
            : `${open.length} open: ${unique(open.map((f) => f.rule)).join(', ')}`,
      };
    }
    case 'no-build-tools': {
      const tools = report.final.buildTools;
      return {
        isMet: tools.length === 0,
        detail: tools.length === 0 ? 'None shipped' : `Still shipped: ${list(tools)}`,
      };
    }
    case 'no-package-manager': {
      const wanted = goal.managers?.map((m) => m.toLowerCase());
      // A manager a later layer deletes still ships in the layer that installed it.
      const present = unique([
        ...report.final.packageManagers,
        ...(report.final.layerPackageManagers ?? []),
      ]).filter((m) => !wanted || wanted.includes(m.toLowerCase()));
      return {
        isMet: present.length === 0,
        detail: present.length === 0 ? 'None shipped' : `Still shipped: ${list(present)}`,
      };
    }
    case 'no-shell':
      return {
        isMet: !report.final.hasShell,
        detail: report.final.hasShell ? 'The image has /bin/sh' : 'No shell',
      };
    case 'file-shipped': {
      const hits = shippedMatches(report, goal.path);
      return { isMet: hits.length > 0, detail: hits.length > 0 ? 'Shipped' : 'Not in the image' };
    }
    case 'file-not-shipped': {
      const hits = shippedMatches(report, goal.path);
      return {
        isMet: hits.length === 0,
        detail: hits.length === 0 ? 'Not in the image' : `Shipped: ${list(hits)}`,
      };
    }
    case 'context-below': {
      const sent = report.context.sentBytes;
      return {
        isMet: sent < megabytes(goal.megabytes),
        detail: `${formatBytes(sent)} sent (${report.context.sentFiles} files)`,
      };
    }
    case 'rebuild-below': {
      const rebuild = report.rebuilds?.find((r) => r.path === goal.path);
      if (!rebuild) return { isMet: false, detail: 'Not measured yet' };
      const bytes = rebuild.rebuiltBytes;
      return { isMet: bytes < megabytes(goal.megabytes), detail: `${formatBytes(bytes)} rebuilt` };
    }
    case 'non-root': {
      const user = report.final.user.trim();
      const isRoot = ROOT_USERS.has(user);
      return { isMet: !isRoot, detail: `Runs as ${user === '' ? 'root' : user}` };
    }
    case 'stages-at-least': {
      const count = report.stages.length;
      return { isMet: count >= goal.count, detail: `${count} stage${count === 1 ? '' : 's'} now` };
    }
    case 'score-at-least': {
      const score = report.score.score;
      return { isMet: score >= goal.score, detail: `${score} now` };
    }
    case 'app-starts': {
      const { status, reason, line } = report.start;
      if (status === 'starts') return { isMet: true, detail: 'Starts' };
      const at = line !== undefined ? ` (line ${line + 1})` : '';
      return {
        isMet: false,
        detail:
          status === 'fails'
            ? `Does not start${at}: ${reason ?? 'see the findings'}`
            : `Cannot tell whether it starts${at}: ${reason ?? 'the model cannot follow this'}`,
      };
    }
    case 'no-errors': {
      const errors = report.findings.filter((f) => f.severity === 'error');
      return {
        isMet: errors.length === 0,
        detail:
          errors.length === 0
            ? 'No error findings'
            : `${errors.length} error${errors.length === 1 ? '' : 's'}: ${unique(
                errors.map((f) => `${f.rule} (line ${f.range.start.line + 1})`),
              ).join(', ')}`,
      };
    }
  }
}

/**
 * Context files (after .dockerignore) that ship and are `path` or under it. A path starting
 * with `/` is an image path and matches what COPY/ADD placed there instead.
 */
function shippedMatches(report: Report, path: string): string[] {
  if (path.startsWith('/')) {
    const target = path.replace(/\/+$/, '') || '/';
    return report.final.copiedPaths.filter((p) => isAtOrUnder(p, target));
  }
  const target = normalizePath(path);
  return report.final.contextFilesShipped.filter((p) => isAtOrUnder(normalizePath(p), target));
}

function isAtOrUnder(path: string, dir: string): boolean {
  if (dir === '/' || dir === '') return true;
  return path === dir || path.startsWith(`${dir}/`);
}

function normalizePath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

function lines(findings: Report['findings']): string {
  return unique(findings.map((f) => String(f.range.start.line + 1))).join(', ');
}

function list(items: string[]): string {
  const shown = unique(items);
  return shown.length <= 4
    ? shown.join(', ')
    : `${shown.slice(0, 4).join(', ')} and ${shown.length - 4} more`;
}

function joinOr(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
