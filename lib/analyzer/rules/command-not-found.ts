import { defineRule } from '../rule';
import { failuresOf } from './helpers/failures';

export const commandNotFound = defineRule({
  id: 'command-not-found',
  technique: 'correctness',
  severity: 'error',
  lesson: 'base-image',
  message:
    'This RUN needs a program the image does not have (a shell on distroless, apt-get on Alpine, apk on Debian, pip without Python, npm without Node.js), so the build fails with "not found". Use the base image\'s own tools, or install the program first.',
  // No fix: the right package manager and package names are a choice of base image.
  check: (image) =>
    // The build stops at the first missing program of a RUN: one finding per RUN.
    failuresOf(image, 'command-not-found')
      .filter((f, i, all) => all.findIndex((g) => g.run === f.run) === i)
      .map((f) => ({ range: f.range, message: f.message })),
});
