import { defineRule } from '../rule';
import type { RuleHit } from '../rule';
import type { ImageModel, Stage } from '../model-types';
import type { Range } from '../types';
import { isCall, isPythonProgram, NPM_INSTALL_SUBS, pipCall, stageChain } from './helpers/commands';
import { joinPath, pathUnder } from './helpers/model';
import { baseEntrypoint, hasNode, hasShell, pythonMinorOf } from './helpers/runtime';
import { baseName } from './helpers/source';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** Where a base image keeps its own programs: not checked against the simulated file system. */
const SYSTEM_DIRS = [
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib64',
  '/etc',
  '/opt',
  '/nodejs',
  '/busybox',
  '/docker-entrypoint.sh',
];

/** Programs that RUN steps may use without creating files the command could need. */
const BENIGN = [
  'apt-get',
  'apt',
  'apk',
  'rm',
  'useradd',
  'adduser',
  'addgroup',
  'groupadd',
  'chown',
  'chmod',
  'mkdir',
  'set',
  'true',
  'update-ca-certificates',
  'apt-mark',
];

/** True when every shipped RUN is a known install or setup command, so files come only from COPY. */
function filesComeFromCopies(image: ImageModel, stage: Stage): boolean {
  return stageChain(stage)
    .flatMap((s) => s.runs)
    .every(
      (r) =>
        !r.parseError &&
        r.commands.every(
          (c) =>
            BENIGN.some((p) => isCall(c, p)) ||
            isCall(c, 'npm', [...NPM_INSTALL_SUBS, 'cache']) ||
            pipCall(c)?.sub === 'install',
        ),
    );
}

/**
 * True when the file is surely absent: the build context is described, files come only from
 * COPY, and no copied file (or opaque folder) lies at, above or below the path.
 */
function surelyMissing(image: ImageModel, stage: Stage, path: string): boolean {
  if (image.context.totalFiles === 0 || SYSTEM_DIRS.some((d) => pathUnder(path, d))) return false;
  if (stage.fs.has(path) || !filesComeFromCopies(image, stage)) return false;
  return stage.fs.entries.every((e) => {
    const known = e.files ?? [{ path: e.path, bytes: e.bytes }];
    return !known.some((f) => pathUnder(path, f.path) || pathUnder(f.path, path));
  });
}

/**
 * The script an interpreter's arguments name: the first non-option word. `undefined` when it runs
 * a module or inline code (`-m gunicorn`, `-c "..."`, `-e`), or names no script.
 */
function scriptOf(args: string[]): string | undefined {
  for (const a of args) {
    if (['-m', '-c', '-e', '--eval', '-p', '--print'].includes(a)) return undefined;
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** Whether the image provides an interpreter named `program`; `undefined` when we cannot tell. */
function provides(stage: Stage, program: string): boolean | undefined {
  const name = baseName(program);
  if (SHELLS.has(name)) {
    if (!hasShell(stage)) return false;
    if (name === 'bash' && stage.baseImage.osFamily === 'alpine') return stage.packages.has('bash');
    return true;
  }
  if (isPythonProgram(name)) return pythonMinorOf(stage) !== undefined;
  if (name === 'node' || name === 'nodejs') return hasNode(stage);
  return undefined;
}

export const runtimeMissing = defineRule({
  id: 'runtime-missing',
  technique: 'correctness',
  severity: 'error',
  lesson: 'distroless',
  message:
    'The container command needs something the final image does not have, so it fails at start. Install or copy it, or change the command.',
  check: (image) => {
    const final = image.target;
    const hits: RuleHit[] = [];
    const entrypoint = final.entrypoint;
    const cmd = final.cmd;
    for (const [kind, instr] of [
      ['ENTRYPOINT', entrypoint],
      ['CMD', cmd],
    ] as const) {
      if (instr?.form === 'shell' && !hasShell(final)) {
        hits.push({
          range: instr.range,
          message: `${kind} in shell form runs /bin/sh -c, and this image has no shell. Use the exec form: ${kind} ["program", "arg"].`,
        });
      }
    }
    if (hits.length > 0) return hits;
    const command = entrypoint ?? cmd;
    if (!command || command.form !== 'exec' || command.args.length === 0) return hits;
    const range: Range = command.range;
    const inherited = entrypoint ? undefined : baseEntrypoint(final);
    const program = command.args[0];
    if (inherited && inherited.length > 0 && !entrypoint) {
      const basePrograms = inherited.map(baseName);
      const runsInterpreter = basePrograms.some(
        (p) => p === 'node' || isPythonProgram(p) || p === 'java',
      );
      if (
        runsInterpreter &&
        (baseName(program) === 'node' || isPythonProgram(program) || program === 'java')
      ) {
        hits.push({
          range,
          message: `The base image's ENTRYPOINT (${inherited.join(' ')}) already runs the interpreter, so this CMD runs \`${inherited.join(' ')} ${command.args.join(' ')}\`. Give CMD only the script: CMD ${JSON.stringify(command.args.slice(1))}.`,
        });
        return hits;
      }
      if (runsInterpreter) {
        // CMD holds the arguments of the base ENTRYPOINT's interpreter: check its script, if any.
        const script = scriptOf(command.args);
        const abs = script && joinPath(final.workdir || '/', script);
        if (script && abs && surelyMissing(image, final, abs))
          hits.push({
            range,
            message: `${script} is not in the final image (${abs}). COPY it into the final stage.`,
          });
        return hits;
      }
    }
    const has = provides(final, program);
    if (has === false) {
      hits.push({
        range,
        message: `${program} is not installed in the final image. Use a base image that has it, install it, or run a program that is there.`,
      });
      return hits;
    }
    const paths: string[] = [];
    if (program.startsWith('/') || program.startsWith('./')) paths.push(program);
    else if (has === true) {
      const script = scriptOf(command.args.slice(1));
      if (script && /\.(js|mjs|cjs|py)$/.test(script)) paths.push(script);
    }
    for (const p of paths) {
      const abs = joinPath(final.workdir || '/', p);
      if (surelyMissing(image, final, abs))
        hits.push({
          range,
          message: `${p} is not in the final image (${abs}). COPY it into the final stage, or fix the path.`,
        });
    }
    return hits;
  },
});
