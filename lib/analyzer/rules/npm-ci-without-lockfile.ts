import { defineRule } from '../rule';
import { failuresOf } from './helpers/failures';

export const npmCiWithoutLockfile = defineRule({
  id: 'npm-ci-without-lockfile',
  technique: 'correctness',
  severity: 'error',
  lesson: 'copy-only-needed',
  message:
    'npm ci needs package-lock.json (or npm-shrinkwrap.json) beside package.json, and the image has none there, so the build fails. COPY the lockfile with package.json.',
  // No fix: only the learner knows whether the project has a lockfile to copy.
  check: (image) =>
    failuresOf(image, 'npm-ci-without-lockfile').map((f) => ({
      range: f.range,
      message: f.message,
    })),
});
