import { defineRule } from '../rule';
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
        return [{ range: { start: download.range.start, end: runner.range.end } }];
      });
    }),
});
