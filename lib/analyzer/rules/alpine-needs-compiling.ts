import { defineRule } from '../rule';
import type { ImageModel, RunStep } from '../model-types';
import { normalizePipName, pipClosure, pypiPackage } from '../../sizes/pip';
import { flagValue, operands, pipCall } from './helpers/commands';

/** Requirement names a RUN's pip installs ask for, reading `-r` files from the build context. */
function requested(
  image: ImageModel,
  run: RunStep,
): { command: RunStep['commands'][number]; names: string[] }[] {
  return run.commands.flatMap((command) => {
    const pip = pipCall(command);
    if (!pip || pip.sub !== 'install') return [];
    const names = operands(pip.args, 'pip').filter((a) => a !== '.' && !a.includes('/'));
    const req = flagValue(pip.args, '-r', '--requirement');
    if (req) {
      const wanted = req.replace(/^\.\//, '');
      const file =
        image.context.files.find((f) => f.path === wanted) ??
        image.context.files.find(
          (f) =>
            f.path.endsWith(`/${wanted.split('/').pop()}`) || f.path === wanted.split('/').pop(),
        );
      for (const line of (file?.content ?? '').split('\n')) {
        const name = normalizePipName(line);
        if (name) names.push(name);
      }
    }
    return names.length > 0 ? [{ command, names }] : [];
  });
}

export const alpineNeedsCompiling = defineRule({
  id: 'alpine-needs-compiling',
  technique: 'base-image',
  severity: 'warning',
  lesson: 'base-image',
  message:
    'Some Python packages have no wheels for Alpine (musl), so pip compiles them from source or cannot install them. Use a -slim (Debian, glibc) image, where pip installs prebuilt wheels.',
  check: (image) =>
    image.stages
      .filter((s) => s.baseImage.libc === 'musl')
      .flatMap((stage) =>
        stage.runs.flatMap((run) =>
          requested(image, run).flatMap(({ command, names }) => {
            const closure = pipClosure(names).packages.map((p) => p.name);
            const all = [...new Set([...names.map((n) => normalizePipName(n) || n), ...closure])];
            const unavailable = all.filter((n) => pypiPackage(n)?.unavailableOnMusl);
            const compiles = all.filter(
              (n) => pypiPackage(n)?.needsCompileOnMusl && !pypiPackage(n)?.unavailableOnMusl,
            );
            if (unavailable.length === 0 && compiles.length === 0) return [];
            const parts: string[] = [];
            if (unavailable.length > 0)
              parts.push(`${unavailable.join(', ')} cannot be installed on Alpine (no musl build)`);
            if (compiles.length > 0)
              parts.push(
                `${compiles.join(', ')} ${compiles.length === 1 ? 'has' : 'have'} no musl wheels, so pip compiles ${compiles.length === 1 ? 'it' : 'them'} from source (needs gcc and headers, slow builds)`,
              );
            return [
              {
                range: command.range,
                message: `${parts.join('; ')}. Use a python:*-slim image instead, where pip installs prebuilt wheels.`,
              },
            ];
          }),
        ),
      ),
});
