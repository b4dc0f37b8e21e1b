import { defineRule } from '../rule';
import type { RunStep, ShellCommand, Stage, Step } from '../model-types';
import { aptInstalls, hasFlag, packageOperands, stepsOfImage } from './helpers/commands';
import { formatBytes, insertAfterSubcommand, programIs } from './helpers/fixes';
import { pathUnder, positive } from './helpers/model';
import { isAptNoAction } from '../vocabulary';

const RECOMMENDS_OFF = /APT::Install-Recommends\s*(=|\s)\s*["']?(0|false|no|off)/i;

/** True when this apt-get call turns Recommends off by flag or `-o APT::Install-Recommends=false`. */
function flagOff(command: ShellCommand): boolean {
  if (hasFlag(command.args, '--no-install-recommends')) return true;
  return command.args.some((a, i) => {
    const opt =
      a.startsWith('-o') && a.length > 2
        ? a.slice(2)
        : a === '-o' || a === '--option'
          ? command.args[i + 1]
          : undefined;
    return opt !== undefined && RECOMMENDS_OFF.test(opt);
  });
}

/**
 * The first step of the image that writes an apt config turning Recommends off (a RUN that
 * echoes `APT::Install-Recommends "0"`, or a COPY into /etc/apt/apt.conf.d); `undefined` if none.
 */
function configOffStep(stage: Stage): Step | undefined {
  return stepsOfImage(stage).find(
    (step) =>
      (step.kind === 'RUN' &&
        step.commands.some((c) => [c.text, ...c.args].some((t) => RECOMMENDS_OFF.test(t)))) ||
      ((step.kind === 'COPY' || step.kind === 'ADD') &&
        pathUnder(step.dest, '/etc/apt/apt.conf.d')),
  );
}

export const aptInstallRecommends = defineRule({
  id: 'apt-install-recommends',
  technique: 'combine-run',
  severity: 'warning',
  lesson: 'combine-run',
  hadolint: 'DL3015',
  message:
    'apt-get install also installs every recommended package. Add --no-install-recommends and name the few extra packages you really need.',
  check: (image) => {
    // Per stage: the position (in the image's steps) of the first config that turns Recommends off.
    const configAt = new Map<Stage, { at: number; steps: Step[] }>();
    const configOff = (run: RunStep) => {
      let c = configAt.get(run.stage);
      if (!c) {
        const steps = stepsOfImage(run.stage);
        const config = configOffStep(run.stage);
        c = { at: config ? steps.indexOf(config) : Infinity, steps };
        configAt.set(run.stage, c);
      }
      return c.at !== Infinity && c.steps.indexOf(run) > c.at;
    };
    return image.shippedRuns.flatMap((run) => {
      // Each install is credited with what its own Recommends added, never the whole layer's
      // figure again, and all of them together with no more than the layer still holds.
      let left = run.layer?.recommendsBytes ?? 0;
      const savedBy = (c: ShellCommand) => {
        const own = run.layer?.recommendsByCommand?.get(c) ?? 0;
        const bytes = Math.min(own, left);
        left -= bytes;
        return positive(bytes);
      };
      return aptInstalls(run)
        .filter(
          (c) =>
            packageOperands(c).length > 0 &&
            !c.args.some(isAptNoAction) &&
            !flagOff(c) &&
            !configOff(run) &&
            // Everything Recommends pulled in was removed again in this RUN: nothing to save.
            run.layer?.recommendsBytes !== 0,
        )
        .map((c) => {
          const saved = savedBy(c);
          return {
            range: c.range,
            savedBytes: saved,
            message: saved
              ? `Recommended packages add ${formatBytes(saved)} here. Add --no-install-recommends and name the few extra packages you really need.`
              : undefined,
            fix: insertAfterSubcommand(
              image,
              run,
              c,
              programIs('apt-get', 'apt'),
              ['install'],
              '--no-install-recommends',
              'Add --no-install-recommends',
            ),
          };
        });
    });
  },
});
