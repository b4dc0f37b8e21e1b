import { defineRule } from '../rule';
import type { RunStep } from '../model-types';
import { isPythonProgram } from './helpers/commands';
import { baseName } from './helpers/source';

const DOWNLOADERS = new Set(['curl', 'wget']);
const INTERPRETERS = new Set([
  'sh',
  'bash',
  'dash',
  'ash',
  'zsh',
  'ksh',
  'perl',
  'ruby',
  'node',
  'php',
]);

/**
 * True when a failed download fails this RUN's pipeline: `SHELL ["/bin/bash", "-o", "pipefail",
 * "-c"]` earlier in the stage (or a stage it is built FROM), or `set -o pipefail` earlier in the RUN.
 */
function hasPipefail(run: RunStep, pipeline: number): boolean {
  const setInRun = run.commands.some(
    (c) => c.name === 'set' && c.pipeline < pipeline && c.args.includes('pipefail'),
  );
  if (setInRun) return true;
  for (let stage: RunStep['stage'] | undefined = run.stage; stage; stage = stage.baseStage) {
    const before = stage === run.stage ? stage.steps.slice(0, run.index) : stage.steps;
    const shell = [...before].reverse().find((s) => s.kind === 'SHELL');
    if (shell) return /"-o"\s*,\s*"pipefail"|-o\s+pipefail/.test(shell.text);
  }
  return false;
}

export const curlPipeShell = defineRule({
  id: 'curl-pipe-shell',
  technique: 'correctness',
  severity: 'warning',
  lesson: 'combine-run',
  hadolint: 'DL4006',
  message:
    'A downloaded script is piped straight into a shell: nothing checks what runs, and without pipefail a failed download still "succeeds". Download to a file, verify its checksum, then run it.',
  check: (image) =>
    image.steps.flatMap((step) => {
      if (step.kind !== 'RUN') return [];
      const pipelines = new Map<number, typeof step.commands>();
      for (const c of step.commands)
        pipelines.set(c.pipeline, [...(pipelines.get(c.pipeline) ?? []), c]);
      return [...pipelines.values()].flatMap((cmds) => {
        const sorted = [...cmds].sort((a, b) => a.pipelinePosition - b.pipelinePosition);
        const download = sorted.find((c) => DOWNLOADERS.has(baseName(c.name)));
        if (!download) return [];
        const runner = sorted.find(
          (c) =>
            c.pipelinePosition > download.pipelinePosition &&
            (INTERPRETERS.has(baseName(c.name)) || isPythonProgram(c.name)),
        );
        if (!runner || sorted.length < 2) return [];
        return [
          {
            range: { start: download.range.start, end: runner.range.end },
            ...(hasPipefail(step, download.pipeline)
              ? {
                  message:
                    'A downloaded script is piped straight into a shell: nothing checks what runs (pipefail only stops a failed download). Download to a file, verify its checksum, then run it.',
                }
              : {}),
          },
        ];
      });
    }),
});
