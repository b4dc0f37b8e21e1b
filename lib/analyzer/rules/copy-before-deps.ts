import { defineRule } from '../rule';
import type { CopyStep, ImageModel, RunStep, ShellCommand } from '../model-types';
import type { Fix } from '../types';
import { flagValue, isCall, isNpmProjectInstall, operands, pipCall } from './helpers/commands';
import { lineOf } from './helpers/model';
import { at, textBetween, wholeLines } from './helpers/source';

/** A file set that has every manifest: finds install commands whatever the context holds. */
const ALL: { has(path: string): boolean } = { has: () => true };

/** A dependency install and the manifest files it reads (context-relative to the copy's source root). */
interface DepInstall {
  command: ShellCommand;
  manifests: string[];
  /** Install commands that read only the manifests can be moved before the sources. */
  isMovable: boolean;
}

/** The names `files` holds (a module-level function: a closure per call costs more under tsx). */
function presentIn(files: { has(path: string): boolean }, ...names: string[]): string[] {
  return names.filter((n) => files.has(n));
}

function depInstallOf(
  command: ShellCommand,
  files: { has(path: string): boolean },
): DepInstall | undefined {
  if (isNpmProjectInstall(command)) {
    const m = presentIn(files, 'package.json', 'package-lock.json', 'npm-shrinkwrap.json');
    return m.includes('package.json') ? { command, manifests: m, isMovable: true } : undefined;
  }
  if (
    isCall(command, 'yarn', ['install']) ||
    (isCall(command, 'yarn') && operands(command.args, 'yarn').length === 0)
  ) {
    const m = presentIn(files, 'package.json', 'yarn.lock', '.yarnrc.yml');
    return m.includes('package.json') ? { command, manifests: m, isMovable: true } : undefined;
  }
  if (isCall(command, 'pnpm', ['install', 'i'])) {
    const m = presentIn(files, 'package.json', 'pnpm-lock.yaml');
    return m.includes('package.json') ? { command, manifests: m, isMovable: true } : undefined;
  }
  const pip = pipCall(command);
  if (pip && pip.sub === 'install') {
    const req = flagValue(pip.args, '-r', '--requirement');
    if (!req) return undefined;
    const name = req.replace(/^\.\//, '');
    const others = operands(pip.args, 'pip');
    return files.has(name)
      ? { command, manifests: [name], isMovable: others.length === 0 }
      : undefined;
  }
  if (isCall(command, 'go', ['mod']) && command.args.includes('download')) {
    const m = presentIn(files, 'go.mod', 'go.sum');
    return m.includes('go.mod') ? { command, manifests: m, isMovable: true } : undefined;
  }
  if (
    isCall(command, 'bundle', ['install']) ||
    (isCall(command, 'bundle') && command.args.length === 0)
  ) {
    const m = presentIn(files, 'Gemfile', 'Gemfile.lock');
    return m.includes('Gemfile') ? { command, manifests: m, isMovable: true } : undefined;
  }
  if (isCall(command, 'composer', ['install'])) {
    const m = presentIn(files, 'composer.json', 'composer.lock');
    return m.includes('composer.json') ? { command, manifests: m, isMovable: true } : undefined;
  }
  return undefined;
}

/** An install RUN a copy busts, with the installs in it that read the copy's manifests. */
interface Busted {
  run: RunStep;
  installs: DepInstall[];
}

/**
 * Copies the manifests and runs the installs before the broad COPY, and removes the install RUNs
 * below it. Only when those RUNs follow the COPY directly and do nothing but movable installs.
 */
function reorderFix(image: ImageModel, copy: CopyStep, busted: Busted[]): Fix | undefined {
  const steps = copy.stage.steps;
  if (
    copy.kind !== 'COPY' ||
    copy.sources.length !== 1 ||
    copy.chown !== undefined ||
    copy.chmod !== undefined
  )
    return undefined;
  const contiguous = busted.every(
    ({ run, installs }, j) =>
      steps[copy.index + 1 + j] === run &&
      run.form === 'shell' &&
      installs.every((d) => d.isMovable) &&
      run.commands.length === installs.length,
  );
  if (!contiguous) return undefined;
  const manifests = [...new Set(busted.flatMap((b) => b.installs.flatMap((d) => d.manifests)))];
  const dest = copy.dest === '.' ? './' : copy.dest.endsWith('/') ? copy.dest : `${copy.dest}/`;
  const indent = ' '.repeat(copy.range.start.character);
  const runs = busted
    .map(({ run }) => `${indent}${textBetween(image, run.range.start, run.range.end)}\n`)
    .join('');
  return {
    title: `Copy ${manifests.join(', ')} and install before copying the sources`,
    edits: [
      {
        range: at(copy.range.start),
        newText: `COPY ${manifests.join(' ')} ${dest}\n${runs.slice(indent.length)}${indent}`,
      },
      ...busted.map(({ run }) => ({ range: wholeLines(image, run.range), newText: '' })),
    ],
  };
}

export const copyBeforeDeps = defineRule({
  id: 'copy-before-deps',
  technique: 'copy-only-needed',
  severity: 'warning',
  lesson: 'copy-only-needed',
  message:
    'The whole project is copied before the dependencies are installed, so editing any source file reinstalls them all. Copy the manifest (package.json, requirements.txt...) first, install, then copy the rest.',
  check: (image) =>
    image.stages.flatMap((stage) => {
      // RUNs of the stage that install dependencies at all, in order (checked once per stage).
      const installRuns = stage.runs.filter((r) =>
        r.commands.some((c) => depInstallOf(c, ALL) !== undefined),
      );
      if (installRuns.length === 0) return [];
      // Every manifest some install reads: a copy with none of them cannot bust an install.
      const wanted = new Set(
        installRuns.flatMap((r) =>
          r.commands.flatMap((c) => depInstallOf(c, ALL)?.manifests ?? []),
        ),
      );
      let next = 0;
      return stage.copies.flatMap((copy) => {
        if (copy.from !== undefined || !copy.contextFiles.some((f) => wanted.has(f.path)))
          return [];
        // Only a copy that brings sources along with the manifest busts the install's cache.
        const copied = new Set(
          copy.contextFiles.filter((f) => wanted.has(f.path)).map((f) => f.path),
        );
        // Copies and install RUNs are both in step order: skip the RUNs before this copy.
        while (next < installRuns.length && installRuns[next].index < copy.index) next++;
        // Later installs that read a manifest this copy brings, up to the next copy that brings one too.
        const nextCopy = stage.copies.find(
          (c) =>
            c.index > copy.index &&
            c.from === undefined &&
            c.contextFiles.some((f) => wanted.has(f.path)),
        );
        const busted: Busted[] = [];
        for (let k = next; k < installRuns.length; k++) {
          const run = installRuns[k];
          if (nextCopy && run.index > nextCopy.index) break;
          const installs = run.commands.flatMap((c) => depInstallOf(c, copied) ?? []);
          if (installs.length > 0) busted.push({ run, installs });
        }
        if (busted.length === 0) return [];
        const manifests = new Set(busted.flatMap((b) => b.installs.flatMap((d) => d.manifests)));
        // A copy of nothing but the manifests is the right layering.
        if (copy.contextFiles.every((f) => manifests.has(f.path))) return [];
        const first = busted[0];
        const more =
          busted.length > 1
            ? ` and ${busted.length - 1} more install${busted.length > 2 ? 's' : ''}`
            : '';
        return [
          {
            range: copy.range,
            message: `This COPY brings in the sources before \`${first.installs[0].command.text}\` (line ${lineOf(first.run)})${more}, so any source edit reinstalls every dependency. Copy ${[...manifests].join(', ')} first, install, then copy the rest.`,
            fix: reorderFix(image, copy, busted),
          },
        ];
        return [];
      });
    }),
});
