import { defineRule } from '../rule';
import { failuresOf, isMapped } from './helpers/failures';

export const aptDistCleanUnavailable = defineRule({
  id: 'apt-dist-clean-unavailable',
  technique: 'correctness',
  severity: 'error',
  lesson: 'combine-run',
  message:
    'apt-get dist-clean needs apt 2.7 or later (Debian trixie, Ubuntu noble); older apt fails the build with "Invalid operation dist-clean". Use rm -rf /var/lib/apt/lists/* instead.',
  check: (image) =>
    failuresOf(image, 'apt-dist-clean-unavailable').map((f) => ({
      range: f.range,
      message: f.message,
      ...(isMapped(f) && f.command.range.start.line === f.command.range.end.line
        ? {
            fix: {
              title: 'Delete the lists with rm -rf',
              edits: [{ range: f.command.range, newText: 'rm -rf /var/lib/apt/lists/*' }],
            },
          }
        : {}),
    })),
});
