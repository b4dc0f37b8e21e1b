import { defineRule } from '../rule';
import type { ImageModel, Stage } from '../model-types';
import type { Range } from '../types';
import { isCall, operands, pipCall } from './helpers/commands';
import { fromRefRange, isDistrolessRef, rootStage } from './helpers/model';
import { recordOf } from './helpers/runtime';
import { baseName } from './helpers/source';

/** Language package managers this rule judges (apt/apk belong to the OS: see distroless-candidate). */
const MANAGERS = ['pip', 'npm', 'yarn'] as const;
type Manager = (typeof MANAGERS)[number];

/** OS packages that install a language package manager. */
const PACKAGES: Record<Manager, string[]> = {
  pip: ['py3-pip', 'python3-pip'],
  npm: ['npm'],
  yarn: ['yarn', 'yarnpkg'],
};

/** Programs that use each manager at run time. */
const PROGRAMS: Record<Manager, string[]> = {
  pip: ['pip', 'pip3'],
  npm: ['npm', 'npx'],
  yarn: ['yarn', 'yarnpkg'],
};

/** How to get rid of each manager. */
const HOW: Record<Manager, string> = {
  pip: 'install packages in a build stage and copy them, or run `pip uninstall -y pip` last',
  npm: 'run `npm ci --omit=dev` in a build stage and copy node_modules, or remove npm last (`npm uninstall -g npm`)',
  yarn: 'remove yarn (`rm -rf /opt/yarn-v*`) if the app does not use it',
};

/** Managers the image removes itself: `pip uninstall pip`, `npm uninstall -g npm`, `rm -rf .../node_modules/npm`. */
function removedByRun(image: ImageModel): Set<Manager> {
  const removed = new Set<Manager>();
  for (const run of image.shippedRuns) {
    for (const c of run.commands) {
      const pip = pipCall(c);
      if (pip && pip.sub === 'uninstall' && pip.args.includes('pip')) removed.add('pip');
      if (
        isCall(c, 'npm', ['uninstall', 'rm', 'remove', 'un', 'r']) &&
        operands(c.args, 'npm').includes('npm')
      )
        removed.add('npm');
      if (isCall(c, 'rm')) {
        for (const a of c.args) {
          if (/site-packages\/pip(\*|$|\/)/.test(a)) removed.add('pip');
          if (/node_modules\/npm\/?$/.test(a)) removed.add('npm');
          if (/(\/opt\/yarn|node_modules\/yarn)/.test(a)) removed.add('yarn');
        }
      }
    }
  }
  return removed;
}

function present(image: ImageModel, stage: Stage): Set<Manager> {
  const found = new Set<Manager>();
  const root = rootStage(stage);
  const runtimes = isDistrolessRef(root.baseRef)
    ? {}
    : (recordOf(root.baseRef, image.cache)?.runtimes ?? {});
  if (stage.packageManagers) {
    for (const m of MANAGERS) if (stage.packageManagers.includes(m)) found.add(m);
  } else {
    if (runtimes.pip) found.add('pip');
    if (runtimes.npm) found.add('npm');
    if (runtimes.yarn) found.add('yarn');
  }
  for (const m of MANAGERS) {
    if (PACKAGES[m].some((p) => stage.packages.has(p))) found.add(m);
    // Came only from an OS package that is gone again (`apk del py3-pip`).
    else if (!runtimes[m]) found.delete(m);
  }
  for (const m of removedByRun(image)) found.delete(m);
  return found;
}

/** True when the container's command uses the manager (`npm start`, `sh -c "yarn serve"`). */
function usedAtRunTime(stage: Stage, manager: Manager): boolean {
  const words = [...(stage.entrypoint?.args ?? []), ...(stage.cmd?.args ?? [])].flatMap((a) =>
    a.split(/[\s;&|]+/),
  );
  return words.some((w) => PROGRAMS[manager].includes(baseName(w)));
}

export const packageManagerInFinal = defineRule({
  id: 'package-manager-in-final',
  technique: 'remove-package-managers',
  severity: 'info',
  lesson: 'remove-package-managers',
  message:
    'A package manager the container never uses ships in the final image. Install dependencies in a build stage and copy them, or remove the manager after use.',
  check: (image) => {
    const stage = image.target;
    const unused = [...present(image, stage)].filter((m) => !usedAtRunTime(stage, m));
    // One finding per place: the RUN that installed a manager, or the FROM that brought it.
    const byRange = new Map<string, { range: Range; managers: Manager[] }>();
    for (const manager of unused) {
      const installer = image.shippedRuns
        .flatMap((r) => r.commands)
        .find(
          (c) =>
            isCall(c, ['apk', 'apt-get', 'apt'], ['add', 'install']) &&
            c.args.some((a) => PACKAGES[manager].includes(a)),
        );
      const range = installer?.range ?? fromRefRange(image, rootStage(stage));
      const key = JSON.stringify(range);
      const entry = byRange.get(key) ?? { range, managers: [] };
      entry.managers.push(manager);
      byRange.set(key, entry);
    }
    return [...byRange.values()].map(({ range, managers }) => ({
      range,
      message: `${managers.join(' and ')} ${managers.length === 1 ? 'ships' : 'ship'} in the final image, but the container's command does not use ${managers.length === 1 ? 'it' : 'them'}: ${managers.map((m) => HOW[m]).join('; ')}.`,
    }));
  },
});
