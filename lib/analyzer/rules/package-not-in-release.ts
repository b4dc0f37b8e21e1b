import { defineRule } from '../rule';
import type { RuleHit } from '../rule';
import type { RunStep, ShellCommand, Stage } from '../model-types';
import { resolveBaseImage } from '../../sizes';
import { aptInstalls, isCall, packageOperands, stepsOfImage } from './helpers/commands';
import { rootStage } from './helpers/model';

/** A plain package name: no variable, glob, version pin (=), architecture (:) or release (/). */
const PLAIN_NAME = /^[a-z0-9][a-z0-9+.-]+$/;

const RELEASE_NAMES: Record<string, string> = {
  bookworm: 'Debian 12 bookworm',
  trixie: 'Debian 13 trixie',
  jammy: 'Ubuntu 22.04 jammy',
  noble: 'Ubuntu 24.04 noble',
};

/**
 * True when `command` may add an apt source or install packages from elsewhere: it names a path
 * under /etc/apt (other than apt.conf.d), adds a repository, installs a .deb, or runs a script
 * fed from a pipe (the NodeSource-style setup scripts).
 */
function mayAddSource(command: ShellCommand): boolean {
  const paths = [...command.args, ...(command.redirects ?? []).map((r) => r.target)];
  if (paths.some((p) => p.includes('/etc/apt') && !p.includes('/etc/apt/apt.conf.d'))) return true;
  if (isCall(command, ['add-apt-repository', 'extrepo', 'apt-add-repository'])) return true;
  if (isCall(command, 'dpkg') && command.args.some((a) => a === '-i' || a === '--install'))
    return true;
  return command.pipelinePosition > 0 && ['sh', 'bash', 'dash'].includes(command.name);
}

/** The apt release of the stage's root image, only when the base table knows that exact tag and release. */
function releaseOf(stage: Stage): string | undefined {
  const ref = rootStage(stage).baseRef;
  if (ref.includes('$')) return undefined;
  const resolved = resolveBaseImage(ref, stage.cache.baseIndex);
  if (!resolved?.isExact) return undefined;
  // `aptRelease` is the nearest package table, used for sizing (bullseye is sized with bookworm's):
  // only a table of the image's own release says which names exist there.
  const { aptRelease, osRelease } = resolved.record;
  return aptRelease && osRelease.toLowerCase().includes(aptRelease) ? aptRelease : undefined;
}

/** The target and every stage it needs (FROM and COPY --from, transitively): what docker builds. */
function builtStages(target: Stage): Stage[] {
  const seen = new Set<Stage>();
  const visit = (s: Stage | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    visit(s.baseStage);
    for (const c of s.copies) visit(c.fromStage);
  };
  visit(target);
  return [...seen].sort((a, b) => a.index - b.index);
}

export const packageNotInRelease = defineRule({
  id: 'package-not-in-release',
  technique: 'correctness',
  severity: 'error',
  lesson: 'base-image',
  message:
    'apt has no package by this name in the base image’s release, so apt-get install fails ("Unable to locate package"). Use the name this release uses.',
  check: (image) => {
    const hits: RuleHit[] = [];
    for (const stage of builtStages(image.target)) {
      const release = releaseOf(stage);
      if (!release) continue;
      let sourcesChanged = false;
      for (const step of stepsOfImage(stage)) {
        if (step.kind === 'COPY' || step.kind === 'ADD') {
          if (step.dest.includes('/etc/apt')) sourcesChanged = true;
          continue;
        }
        if (step.kind !== 'RUN' || step.stage !== stage) {
          if (step.kind === 'RUN' && (step as RunStep).commands.some(mayAddSource))
            sourcesChanged = true;
          continue;
        }
        const run = step as RunStep;
        // `|| true` and friends may tolerate the failure: say nothing about such a RUN.
        if (run.script?.includes('||')) {
          if (run.commands.some(mayAddSource)) sourcesChanged = true;
          continue;
        }
        for (const command of run.commands) {
          if (mayAddSource(command)) sourcesChanged = true;
          if (sourcesChanged || !aptInstalls(run).includes(command)) continue;
          const missing = packageOperands(command).filter(
            (p) => PLAIN_NAME.test(p) && image.cache.aptNames?.exists(release, p) === false,
          );
          if (missing.length === 0) continue;
          const where = RELEASE_NAMES[release] ?? release;
          hits.push({
            range: command.range,
            message: `${where} has no package ${missing.map((p) => `"${p}"`).join(', ')}: apt-get install stops with "Unable to locate package" and the build fails. Look the name up for this release (packages.debian.org, packages.ubuntu.com); names change between releases (python → python3, libssl1.1 → libssl3).`,
          });
        }
      }
    }
    return hits;
  },
});
