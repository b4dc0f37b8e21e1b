/**
 * The schema of a lesson's `lesson.ts` metadata (title, summary, technique, goals, hints,
 * project). TypeScript checks the shape when the project compiles; this checks what types cannot
 * say (a rule that exists, a limit above zero, a relative path, hints worth reading, unique
 * project paths) and is what the content test runs over every lesson folder. It is the same
 * library as progress, share payloads and room requests (valibot).
 *
 * Not exported from the package index: only the content tests need it, so pages never ship it.
 */
import * as v from 'valibot';
import { TECHNIQUES } from '../analyzer/types';
import { rules } from '../analyzer/rules/index';
import type { LessonMeta } from './types';

const Label = v.optional(v.pipe(v.string(), v.minLength(3), v.maxLength(80)));
const Megabytes = v.pipe(v.number(), v.finite(), v.gtValue(0));
/** A path in the project, as the build context names it: relative, no ./, no trailing slash. */
const ProjectPath = v.pipe(
  v.string(),
  v.minLength(1),
  v.check(
    (path) => !/^(\.\/|\/)|\/$/.test(path) && !path.split('/').includes('..'),
    'a relative path inside the project (no leading / or ./, no trailing /, no ..)',
  ),
);
const RuleId = v.picklist(
  rules.map((r) => r.id),
  'not a registered analyzer rule',
);

const goal = <K extends string, T extends v.ObjectEntries>(type: K, entries: T) =>
  v.strictObject({
    type: v.literal(type),
    label: Label,
    alreadyMet: v.optional(v.boolean()),
    ...entries,
  });

export const GoalSchema = v.variant('type', [
  goal('size-below', { megabytes: Megabytes }),
  goal('rule-clear', { rule: RuleId }),
  goal('technique-clear', { technique: v.picklist(TECHNIQUES) }),
  goal('no-build-tools', {}),
  goal('no-package-manager', {
    managers: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1))),
  }),
  goal('no-shell', {}),
  goal('file-shipped', { path: ProjectPath }),
  goal('file-not-shipped', { path: ProjectPath }),
  goal('context-below', { megabytes: Megabytes }),
  goal('rebuild-below', { path: ProjectPath, megabytes: Megabytes }),
  goal('non-root', {}),
  goal('stages-at-least', { count: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  goal('score-at-least', {
    score: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
  }),
  goal('app-starts', {}),
  goal('no-errors', {}),
]);

const ProjectFileSchema = v.strictObject({
  path: ProjectPath,
  sizeBytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  content: v.optional(v.string()),
  fileCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

export const LessonMetaSchema = v.strictObject({
  title: v.pipe(v.string(), v.minLength(6), v.maxLength(80)),
  summary: v.pipe(v.string(), v.minLength(21)),
  technique: v.picklist([...TECHNIQUES, 'capstone']),
  goals: v.pipe(v.array(GoalSchema), v.minLength(2)),
  /** Revealed one at a time: at least three, each a real sentence. */
  hints: v.pipe(
    v.array(
      v.pipe(
        v.string(),
        v.check((h) => h.trim().length > 20, 'a hint says something'),
      ),
    ),
    v.minLength(3),
  ),
  project: v.strictObject({
    name: v.pipe(v.string(), v.minLength(1)),
    description: v.pipe(v.string(), v.minLength(1)),
    files: v.pipe(
      v.array(ProjectFileSchema),
      v.check(
        (files) => new Set(files.map((f) => f.path)).size === files.length,
        'each project path once',
      ),
    ),
  }),
});

/** `meta` when it is a valid lesson.ts default export; otherwise every issue, one per line. */
export function checkLessonMeta(
  meta: unknown,
): { ok: true; meta: LessonMeta } | { ok: false; issues: string[] } {
  const result = v.safeParse(LessonMetaSchema, meta);
  if (result.success) return { ok: true, meta: result.output as LessonMeta };
  return {
    ok: false,
    issues: result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`),
  };
}

/** Each type is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The schema and the LessonMeta type describe the same object (a type error otherwise). */
export const SCHEMA_MATCHES_TYPE: Same<v.InferOutput<typeof LessonMetaSchema>, LessonMeta> = true;
