import { defineRule } from '../rule';
import { failuresOf } from './helpers/failures';

export const compilerMissing = defineRule({
  id: 'compiler-missing',
  technique: 'correctness',
  severity: 'error',
  lesson: 'multi-stage',
  message:
    'pip has to compile a package from source here, and this stage has no compiler or headers, so the build fails. Install them in this stage, or build in a stage that has them.',
  // No fix: which stage should compile is the lesson's decision (multi-stage), not a text edit.
  check: (image) =>
    failuresOf(image, 'compiler-missing').map((f) => ({ range: f.range, message: f.message })),
});
