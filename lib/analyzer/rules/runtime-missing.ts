import { defineRule } from '../rule';
import { startOf } from '../start-model';

export const runtimeMissing = defineRule({
  id: 'runtime-missing',
  technique: 'correctness',
  severity: 'error',
  lesson: 'distroless',
  message:
    'The container command needs something the final image does not have, so it fails at start. Install or copy it, or change the command.',
  // The start model decides; only failures nothing unmodelled could prevent are reported, so an
  // image that builds its own interpreter or copies a directory a command produced stays silent.
  check: (image) =>
    startOf(image)
      .checks.filter((c) => c.status === 'fails' && c.isCertain)
      .map((c) => ({ range: c.range, message: c.message })),
});
