import { defineRule } from '../rule';
import { isAptNoAction } from '../vocabulary';
import type { RunStep, ShellCommand } from '../model-types';
import { isCall, packageOperands, stepsOfImage, subcommand } from './helpers/commands';
import { insertAfterSubcommand, programIs } from './helpers/fixes';

const PROMPTING = [
  'install',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'remove',
  'purge',
  'autoremove',
];
const NEEDS_OPERANDS = new Set(['install', 'remove', 'purge']);
const ASSUME_YES = /APT::Get::Assume-Yes\s*(=|\s)\s*["']?(1|true|yes)/i;

/** True when the call answers apt's "Do you want to continue?" itself, or may (unresolved options). */
function answersYes(run: RunStep, command: ShellCommand): boolean {
  let quiet = 0;
  // An apt config named by APT_CONFIG may say Assume-Yes: not certain to prompt.
  if (run.env.APT_CONFIG || command.assignments.APT_CONFIG) return true;
  for (const a of command.args) {
    if (isAptNoAction(a)) return true;
    // An option hidden in an unresolved variable (`apt-get install $APT_OPTS curl`) may be -y.
    if (a.includes('$')) return true;
    if (a === '-q' || a === '--quiet') quiet++;
    if (/^-q+$/.test(a)) quiet = Math.max(quiet, a.length - 1);
    if (quiet >= 2) return true;
    if (
      ['--yes', '--assume-yes', '--force-yes'].includes(a) ||
      a.startsWith('--assume-yes=') ||
      a.startsWith('--yes=')
    )
      return true;
    if (/^-[a-zA-Z]*y/.test(a) && !a.startsWith('--')) return true;
    // -qq (quiet level 2) implies -y (apt-get(8)), also written -q -q, -q=2, --quiet=2.
    if (a === '-qq' || /^(-q|--quiet)=([2-9]|\d\d+)$/.test(a)) return true;
    if (ASSUME_YES.test(a)) return true;
  }
  // `yes | apt-get install …`
  const feeder = run.commands.find(
    (c) => c.pipeline === command.pipeline && c.pipelinePosition === command.pipelinePosition - 1,
  );
  return feeder !== undefined && (feeder.name === 'yes' || feeder.name.endsWith('/yes'));
}

/** True when an earlier RUN of the image writes `APT::Get::Assume-Yes "true"` into an apt config. */
function configSaysYes(run: RunStep): boolean {
  for (const step of stepsOfImage(run.stage)) {
    if (step === run) return false;
    if (step.kind === 'RUN' && step.commands.some((c) => c.args.some((a) => ASSUME_YES.test(a))))
      return true;
  }
  return false;
}

export const aptGetMissingYes = defineRule({
  id: 'apt-get-missing-yes',
  technique: 'correctness',
  severity: 'error',
  lesson: 'combine-run',
  hadolint: 'DL3014',
  message:
    'apt-get asks "Do you want to continue? [Y/n]" and a build has no one to answer, so it aborts. Add -y.',
  check: (image) =>
    image.steps.flatMap((step) => {
      if (step.kind !== 'RUN') return [];
      const calls = step.commands.filter((c) => isCall(c, ['apt-get', 'apt'], PROMPTING));
      if (calls.length === 0) return [];
      return calls
        .filter((c) => {
          if (NEEDS_OPERANDS.has(subcommand(c) ?? '') && packageOperands(c).length === 0)
            return false;
          return !answersYes(step, c) && !configSaysYes(step);
        })
        .map((c) => ({
          range: c.range,
          fix: insertAfterSubcommand(
            image,
            step,
            c,
            programIs('apt-get', 'apt'),
            PROMPTING,
            '-y',
            'Add -y',
          ),
        }));
    }),
});
