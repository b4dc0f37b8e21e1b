import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer/index';
import type { Finding, Report } from '../analyzer/types';
import { allGoalsMet, defaultGoalLabel, evaluateGoals } from './goals';
import type { Goal } from './types';

const range = { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } };

function finding(rule: string, technique: Finding['technique'] = 'combine-run'): Finding {
  return {
    rule,
    technique,
    severity: 'warning',
    message: 'm',
    range,
    lesson: 'combine-run',
    fixes: [],
  };
}

/** A hand-built report with only the fields goals read filled in meaningfully. */
function report(
  over: {
    bytes?: number;
    findings?: Finding[];
    final?: Partial<Report['final']>;
    sentBytes?: number;
    stages?: number;
    score?: number;
    problems?: Report['problems'];
    start?: Report['start'];
  } = {},
): Report {
  const stage = { index: 0, range, base: 'x', isShipped: true, isTarget: true, sizeBytes: 0 };
  return {
    stages: Array.from({ length: over.stages ?? 1 }, (_, i) => ({ ...stage, index: i })),
    layers: [],
    base: {
      ref: 'x',
      sizeBytes: 0,
      compressedSizeBytes: 0,
      known: true,
      guessed: false,
      source: 'test',
      confidence: 'high',
      osFamily: 'debian',
      libc: 'glibc',
      hasShell: true,
      packageManager: 'apt',
    },
    size: {
      bytes: over.bytes ?? 100_000_000,
      compressedBytes: 0,
      compressedMethod: '',
      baseBytes: 0,
      layersBytes: 0,
      wastedBytes: 0,
      sizeRange: [over.bytes ?? 100_000_000, over.bytes ?? 100_000_000],
      confidence: 'high',
      unknowns: [],
    },
    isBuildable: true,
    findings: over.findings ?? [],
    score: { score: over.score ?? 50, sizeAchieved: 0.5, penalties: [], explanation: [] },
    final: {
      stage: 0,
      hasShell: true,
      packageManagers: [],
      layerPackageManagers: [],
      buildTools: [],
      packages: [],
      copiedPaths: [],
      contextFilesShipped: [],
      user: 'root',
      workdir: '/',
      ...over.final,
    },
    context: {
      sentBytes: over.sentBytes ?? 0,
      sentFiles: 3,
      totalBytes: 0,
      totalFiles: 0,
      ignored: [],
      hasDockerignore: false,
      dockerignoreErrors: [],
    },
    problems: over.problems ?? [],
    start: over.start ?? { status: 'starts' },
  };
}

function met(r: Report, goal: Goal): boolean {
  return evaluateGoals(r, [goal])[0].isMet;
}

/** `r` with "What rebuilds" answered for `path` (as `analyze(…, { goals })` adds it). */
function withRebuild(r: Report, path: string, rebuiltBytes: number): Report {
  return { ...r, rebuilds: [{ path, layers: [], rebuiltBytes, cachedLayers: 0 }] };
}

describe('evaluateGoals', () => {
  it('size-below is strict and reports the current size in decimal MB', () => {
    const goal: Goal = { type: 'size-below', megabytes: 150 };
    expect(met(report({ bytes: 149_999_999 }), goal)).toBe(true);
    expect(met(report({ bytes: 150_000_000 }), goal)).toBe(false);
    const [result] = evaluateGoals(report({ bytes: 412_300_000 }), [goal]);
    expect(result.label).toBe('Image under 150 MB');
    expect(result.detail).toBe('412 MB now');
  });

  it('rule-clear fails while the rule has a finding and names its line', () => {
    const goal: Goal = { type: 'rule-clear', rule: 'apt-lists-not-removed' };
    const [open] = evaluateGoals(report({ findings: [finding('apt-lists-not-removed')] }), [goal]);
    expect(open.isMet).toBe(false);
    expect(open.detail).toContain('line 5');
    expect(met(report({ findings: [finding('consecutive-run')] }), goal)).toBe(true);
  });

  it('technique-clear looks at every rule of the technique', () => {
    const goal: Goal = { type: 'technique-clear', technique: 'dockerignore' };
    expect(met(report({ findings: [finding('secrets-in-image', 'dockerignore')] }), goal)).toBe(
      false,
    );
    expect(met(report({ findings: [finding('apt-upgrade', 'combine-run')] }), goal)).toBe(true);
  });

  it('no-build-tools lists what still ships', () => {
    const goal: Goal = { type: 'no-build-tools' };
    const [r] = evaluateGoals(report({ final: { buildTools: ['gcc', 'make'] } }), [goal]);
    expect(r.isMet).toBe(false);
    expect(r.detail).toContain('gcc, make');
    expect(met(report(), goal)).toBe(true);
  });

  it('no-package-manager can be limited to some managers, case-insensitively', () => {
    const r = report({ final: { packageManagers: ['apk', 'pip'] } });
    expect(met(r, { type: 'no-package-manager' })).toBe(false);
    expect(met(r, { type: 'no-package-manager', managers: ['npm', 'yarn'] })).toBe(true);
    expect(met(r, { type: 'no-package-manager', managers: ['PIP'] })).toBe(false);
    expect(defaultGoalLabel({ type: 'no-package-manager', managers: ['pip', 'apk', 'npm'] })).toBe(
      'No pip, apk or npm in the image',
    );
  });

  it('no-shell follows the final image', () => {
    expect(met(report({ final: { hasShell: false } }), { type: 'no-shell' })).toBe(true);
    expect(met(report({ final: { hasShell: true } }), { type: 'no-shell' })).toBe(false);
  });

  it('file goals match a context file or anything under a directory, ignoring ./ and a trailing /', () => {
    const r = report({
      final: { contextFilesShipped: ['.env.example', 'src/app.js', 'test/app.test.js'] },
    });
    expect(met(r, { type: 'file-not-shipped', path: '.env' })).toBe(true);
    expect(met(r, { type: 'file-shipped', path: './src/app.js' })).toBe(true);
    expect(met(r, { type: 'file-not-shipped', path: 'test/' })).toBe(false);
    expect(met(r, { type: 'file-not-shipped', path: 'tes' })).toBe(true);
    expect(met(r, { type: 'file-shipped', path: 'src' })).toBe(true);
  });

  it('an absolute file path is looked up among the paths COPY placed in the image', () => {
    const r = report({ final: { copiedPaths: ['/app/src', '/opt/venv'] } });
    expect(met(r, { type: 'file-shipped', path: '/opt' })).toBe(true);
    expect(met(r, { type: 'file-not-shipped', path: '/app/.env' })).toBe(true);
  });

  it('context-below compares the bytes sent after .dockerignore', () => {
    const goal: Goal = { type: 'context-below', megabytes: 5 };
    expect(met(report({ sentBytes: 4_900_000 }), goal)).toBe(true);
    const [r] = evaluateGoals(report({ sentBytes: 412_000_000 }), [goal]);
    expect(r.isMet).toBe(false);
    expect(r.detail).toContain('412 MB sent');
  });

  it('rebuild-below reads its path in the report rebuilds and is not met without it', () => {
    const goal: Goal = { type: 'rebuild-below', path: 'src/app.js', megabytes: 1 };
    expect(met(withRebuild(report(), 'src/app.js', 40_000), goal)).toBe(true);
    expect(met(withRebuild(report(), 'src/app.js', 25_000_000), goal)).toBe(false);
    // Another path's answer does not count for this goal.
    expect(met(withRebuild(report(), 'README.md', 40_000), goal)).toBe(false);
    const [missing] = evaluateGoals(report(), [goal]);
    expect(missing.isMet).toBe(false);
    expect(missing.detail).toMatch(/not measured/i);
  });

  it.each([
    ['root', false],
    ['', false],
    ['0:0', false],
    ['node', true],
    ['10001', true],
    ['nonroot:nonroot', true],
  ])('non-root: user %j is met=%s', (user, expected) => {
    expect(met(report({ final: { user } }), { type: 'non-root' })).toBe(expected);
  });

  it('stages-at-least and score-at-least are inclusive', () => {
    expect(met(report({ stages: 2 }), { type: 'stages-at-least', count: 2 })).toBe(true);
    expect(met(report({ stages: 1 }), { type: 'stages-at-least', count: 2 })).toBe(false);
    expect(met(report({ score: 80 }), { type: 'score-at-least', score: 80 })).toBe(true);
    expect(met(report({ score: 79 }), { type: 'score-at-least', score: 80 })).toBe(false);
  });

  it('keeps the order of the goals and prefers a lesson-given label', () => {
    const goals: Goal[] = [
      { type: 'no-shell', label: 'Nothing to exec into' },
      { type: 'size-below', megabytes: 1000 },
    ];
    const results = evaluateGoals(report({ final: { hasShell: false } }), goals);
    expect(results.map((r) => r.label)).toEqual([
      'Nothing to exec into',
      'Image under 1000 MB',
      'No errors: it builds and starts',
    ]);
    expect(results.slice(0, 2).map((r) => r.goal)).toEqual(goals);
    expect(results.map((r) => r.isImplicit ?? false)).toEqual([false, false, true]);
    expect(allGoalsMet(results)).toBe(true);
    expect(allGoalsMet([])).toBe(false);
  });

  it('meets no goal when there is no image (an empty Dockerfile), however lenient the goal', () => {
    const goals: Goal[] = [
      { type: 'size-below', megabytes: 1000 },
      { type: 'no-shell' },
      { type: 'rule-clear', rule: 'x' },
    ];
    // What the analyzer really returns for an empty text (and for whitespace only).
    for (const dockerfile of ['', '\n  \n']) {
      const results = evaluateGoals(analyze({ dockerfile }), goals);
      expect(results.map((r) => r.isMet)).toEqual([false, false, false, false]);
      expect(results[0].detail).toMatch(/FROM/);
    }
  });

  it('meets no goal while the Dockerfile has an error, and says where', () => {
    const problems: Report['problems'] = [
      { range, message: 'Unknown instruction: FORM', severity: 'error' },
    ];
    const [r] = evaluateGoals(report({ bytes: 1, problems }), [
      { type: 'size-below', megabytes: 1000 },
    ]);
    expect(r.isMet).toBe(false);
    expect(r.detail).toContain('line 5');
    const warnings: Report['problems'] = [
      { range, message: 'Empty continuation line', severity: 'warning' },
    ];
    expect(
      met(report({ bytes: 1, problems: warnings }), { type: 'size-below', megabytes: 1000 }),
    ).toBe(true);
  });

  it('adds a no-errors goal that an open error finding fails, whatever the other goals say', () => {
    const error = { ...finding('copy-source-missing', 'correctness'), severity: 'error' as const };
    const results = evaluateGoals(report({ findings: [error] }), [
      { type: 'size-below', megabytes: 1000 },
    ]);
    expect(results.map((r) => r.isMet)).toEqual([true, false]);
    expect(results[1].detail).toContain('copy-source-missing (line 5)');
    expect(allGoalsMet(results)).toBe(false);
    // A warning does not block; a lesson that lists no-errors itself gets it once.
    const warn = finding('pip-cache-kept', 'remove-package-managers');
    expect(allGoalsMet(evaluateGoals(report({ findings: [warn] }), [{ type: 'no-errors' }]))).toBe(
      true,
    );
    expect(evaluateGoals(report(), [{ type: 'no-errors' }])).toHaveLength(1);
    expect(evaluateGoals(report({ findings: [error] }), [])).toEqual([]);
  });

  it('app-starts is met only when the start model is certain it starts', () => {
    const goal: Goal = { type: 'app-starts' };
    expect(met(report({ start: { status: 'starts' } }), goal)).toBe(true);
    const [fails] = evaluateGoals(
      report({ start: { status: 'fails', reason: 'gunicorn is not installed', line: 9 } }),
      [goal],
    );
    expect(fails.isMet).toBe(false);
    expect(fails.detail).toBe('Does not start (line 10): gunicorn is not installed');
    expect(met(report({ start: { status: 'unknown', reason: 'a script' } }), goal)).toBe(false);
  });

  it('no-package-manager counts a manager that a later layer deleted but a layer still ships', () => {
    const goal: Goal = { type: 'no-package-manager', managers: ['pip'] };
    expect(met(report({ final: { layerPackageManagers: ['pip'] } }), goal)).toBe(false);
    expect(met(report({ final: { layerPackageManagers: [] } }), goal)).toBe(true);
  });

  it('every goal type has a non-empty default label', () => {
    const goals: Goal[] = [
      { type: 'size-below', megabytes: 1 },
      { type: 'rule-clear', rule: 'x' },
      { type: 'technique-clear', technique: 'distroless' },
      { type: 'no-build-tools' },
      { type: 'no-package-manager' },
      { type: 'no-shell' },
      { type: 'file-shipped', path: 'a' },
      { type: 'file-not-shipped', path: 'a' },
      { type: 'context-below', megabytes: 1 },
      { type: 'rebuild-below', path: 'a', megabytes: 1 },
      { type: 'non-root' },
      { type: 'stages-at-least', count: 2 },
      { type: 'score-at-least', score: 90 },
      { type: 'app-starts' },
      { type: 'no-errors' },
    ];
    for (const r of evaluateGoals(report(), goals)) {
      expect(r.label.length).toBeGreaterThan(5);
      expect(r.detail.length).toBeGreaterThan(0);
    }
  });
});

describe('analyze(input, { goals })', () => {
  const input = {
    dockerfile: 'FROM node:22-slim\nCOPY package.json .\nRUN npm install\nCOPY src/ src/\n',
    context: {
      files: [
        { path: 'package.json', sizeBytes: 500, content: '{"dependencies":{}}' },
        { path: 'src/app.js', sizeBytes: 40_000 },
      ],
    },
  };

  it('measures a rebuild-below goal by the layers a change to its path reruns', () => {
    const goal: Goal = { type: 'rebuild-below', path: './src/app.js', megabytes: 1 };
    const out = analyze(input, { goals: [goal] });
    const rebuild = out.rebuilds?.find((r) => r.path === './src/app.js');
    expect(rebuild?.layers.map((l) => l.line)).toEqual([3]);
    expect(rebuild?.rebuiltBytes).toBe(out.layers[2].sizeBytes);
    expect(out.goals?.[0].isMet).toBe(rebuild!.rebuiltBytes < 1_000_000);
    expect(out.goals?.[0].detail).toMatch(/rebuilt$/);
  });

  it('a change to package.json reruns the install: over a tiny limit, the goal is not met', () => {
    const goal: Goal = { type: 'rebuild-below', path: 'package.json', megabytes: 0.000001 };
    const out = analyze(input, { goals: [goal] });
    expect(out.rebuilds?.[0].layers.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(out.goals?.[0].isMet).toBe(false);
  });
});
