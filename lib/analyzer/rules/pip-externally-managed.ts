import { defineRule } from '../rule';
import { failuresOf, isMapped } from './helpers/failures';
import { insertAfterSubcommand } from './helpers/fixes';

const isPip = (word: string) => /^pip(3(\.\d+)?)?$/.test(word);

export const pipExternallyManaged = defineRule({
  id: 'pip-externally-managed',
  technique: 'correctness',
  severity: 'error',
  lesson: 'remove-package-managers',
  message:
    'This python3 is managed by the OS package manager (PEP 668): pip install stops with "externally-managed-environment". Add --break-system-packages, use a venv, or install with --target.',
  check: (image) =>
    failuresOf(image, 'pip-externally-managed').map((f) => {
      const fix =
        isMapped(f) && isPip(f.command.name)
          ? insertAfterSubcommand(
              image,
              f.run,
              f.command,
              isPip,
              ['install'],
              '--break-system-packages',
              'Add --break-system-packages (a single-purpose image owns its Python)',
            )
          : undefined;
      return { range: f.range, message: f.message, ...(fix ? { fix } : {}) };
    }),
});
