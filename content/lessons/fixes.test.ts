/**
 * Property: every quick fix the workbench offers on any lesson Dockerfile (start, solution,
 * alternatives, broken variants) is safe. Applied alone, it adds no error finding (the image
 * still builds and starts as far as the model can tell) and it reduces its own rule's findings.
 */
import { describe, expect, it } from 'vitest';
import { analyze, applyFix } from '@/lib/analyzer';
import type { Report } from '@/lib/analyzer/types';
import { projectContext } from '@/lib/lessons/types';
import { ALTERNATIVES, BROKEN } from './variants';
import { lessons } from './generated';

function errorCounts(report: Report): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of report.findings)
    if (f.severity === 'error') out.set(f.rule, (out.get(f.rule) ?? 0) + 1);
  for (const p of report.problems)
    if (p.severity === 'error') out.set('(problem)', (out.get('(problem)') ?? 0) + 1);
  return out;
}

const cases = lessons.flatMap((lesson) => {
  const dockerignore = lesson.solutionDockerignore ?? lesson.startDockerignore ?? '';
  const texts = [
    {
      name: 'start',
      dockerfile: lesson.startDockerfile,
      dockerignore: lesson.startDockerignore ?? '',
    },
    { name: 'solution', dockerfile: lesson.solutionDockerfile, dockerignore },
    ...(ALTERNATIVES[lesson.slug] ?? []).map((a) => ({
      name: `alternative: ${a.name}`,
      dockerfile: a.dockerfile,
      dockerignore: a.dockerignore ?? dockerignore,
    })),
    ...(BROKEN[lesson.slug] ?? []).map((b) => ({
      name: `broken: ${b.name}`,
      dockerfile: b.dockerfile,
      dockerignore: b.dockerignore ?? dockerignore,
    })),
  ];
  return texts.map((t) => ({ lesson, ...t }));
});

describe('quick fixes on lesson Dockerfiles', () => {
  it('are offered somewhere (the property below is not vacuous)', () => {
    const offered = cases.flatMap((c) =>
      analyze({ ...c, context: projectContext(c.lesson.project) }).findings.filter(
        (f) => f.fixes.length > 0,
      ),
    );
    expect(new Set(offered.map((f) => f.rule)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map((c) => [`${c.lesson.slug} ${c.name}`, c] as const))(
    '%s: each fix adds no error and lowers its rule’s findings',
    (_name, c) => {
      const context = projectContext(c.lesson.project);
      const before = analyze({ dockerfile: c.dockerfile, dockerignore: c.dockerignore, context });
      const errorsBefore = errorCounts(before);
      for (const finding of before.findings) {
        for (const fix of finding.fixes) {
          const fixed = applyFix(c.dockerfile, fix);
          const after = analyze({ dockerfile: fixed, dockerignore: c.dockerignore, context });
          const label = `${finding.rule} line ${finding.range.start.line + 1}: ${fix.title}`;
          for (const [rule, count] of errorCounts(after))
            expect(count, `${label} → new ${rule}`).toBeLessThanOrEqual(
              errorsBefore.get(rule) ?? 0,
            );
          const own = (r: Report) => r.findings.filter((f) => f.rule === finding.rule).length;
          expect(own(after), `${label} → ${finding.rule} not reduced`).toBeLessThan(own(before));
        }
      }
    },
  );
});
