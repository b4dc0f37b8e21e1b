import { defineRule } from '../rule';
import type { Stage } from '../model-types';
import { isCall, isPythonProgram, stageChain } from './helpers/commands';
import { formatBytes } from './helpers/fixes';
import { fromRefRange, isDistrolessRef, rootStage } from './helpers/model';
import { recordOf } from './helpers/runtime';
import { baseName } from './helpers/source';

/** RUN commands that only prepare users and folders: distroless images need none of them. */
const SETUP = [
  'useradd',
  'adduser',
  'addgroup',
  'groupadd',
  'mkdir',
  'chown',
  'chmod',
  'set',
  'true',
];

const NATIVE_BUILD: [string, string[] | undefined][] = [
  ['go', ['build', 'install']],
  ['cargo', ['build', 'install']],
  ['rustc', undefined],
  ['gcc', undefined],
  ['g++', undefined],
  ['cc', undefined],
  ['clang', undefined],
  ['zig', ['build', 'build-exe']],
];

/** True when the COPY that places `program` comes from a stage that compiles native code. */
function copiedFromCompiler(stage: Stage, program: string): boolean {
  const abs = program.startsWith('/')
    ? program
    : `${stage.workdir.replace(/\/$/, '')}/${program.slice(2)}`;
  for (const s of stageChain(stage))
    for (const c of s.copies) {
      if (!c.fromStage) continue;
      const places = (c.layer?.adds ?? []).some(
        (e) =>
          e.path === abs ||
          abs.startsWith(e.path + '/') ||
          (e.files ?? []).some((f) => f.path === abs),
      );
      if (!places) continue;
      if (
        stageChain(c.fromStage).some((b) =>
          b.runs.some((r) =>
            r.commands.some((cmd) => NATIVE_BUILD.some(([n, subs]) => isCall(cmd, n, subs))),
          ),
        )
      )
        return true;
    }
  return false;
}

function suggestion(stage: Stage, program: string): { ref: string; what: string } | undefined {
  const name = baseName(program);
  if (name === 'node' || name === 'nodejs') {
    const major = Number((stage.nodeVersion ?? '22').split('.')[0]);
    return {
      ref:
        major <= 20
          ? 'gcr.io/distroless/nodejs20-debian12:nonroot'
          : 'gcr.io/distroless/nodejs22-debian12:nonroot',
      what: 'a Node.js app',
    };
  }
  if (isPythonProgram(name))
    return {
      ref: 'gcr.io/distroless/python3-debian12:nonroot',
      what: 'a Python app (it runs Python 3.11)',
    };
  if (name === 'java')
    return { ref: 'gcr.io/distroless/java17-debian12:nonroot', what: 'a Java app' };
  // A program copied from a build stage that compiles a native binary (go build, cargo build…).
  // Anything else (a Gradle installDist start script, a launcher that needs sh or a JRE) may need
  // a shell or a runtime that static images lack: no suggestion.
  if ((program.startsWith('/') || program.startsWith('./')) && copiedFromCompiler(stage, program))
    return {
      ref: 'gcr.io/distroless/static-debian12:nonroot',
      what: 'a compiled binary (use cc-debian12 if it links libc)',
    };
  return undefined;
}

export const distrolessCandidate = defineRule({
  id: 'distroless-candidate',
  technique: 'distroless',
  severity: 'info',
  lesson: 'distroless',
  message:
    'The final stage only runs an app copied into it, so a distroless image (no shell, no package manager) could run it with far fewer packages to patch.',
  check: (image) => {
    const final = image.target;
    const root = rootStage(final);
    if (
      isDistrolessRef(root.baseRef) ||
      ['scratch', 'busybox'].includes(root.baseRef.split(':')[0])
    )
      return [];
    const command = final.entrypoint ?? final.cmd;
    if (!command || command.form !== 'exec' || command.args.length === 0) return [];
    const program = command.args[0];
    if (/\.sh$/.test(program)) return [];
    const runs = stageChain(final).flatMap((s) => s.runs);
    if (runs.some((r) => r.commands.some((c) => !SETUP.some((p) => isCall(c, p))))) return [];
    const s = suggestion(final, program);
    if (!s) return [];
    const target = recordOf(s.ref, final.cache)?.uncompressedBytes;
    const saved = target !== undefined ? final.baseImage.sizeBytes - target : undefined;
    return [
      {
        range: fromRefRange(image, root),
        savedBytes: saved !== undefined && saved > 0 ? saved : undefined,
        message: `This stage only runs ${s.what}. ${s.ref}${target !== undefined ? ` (${formatBytes(target)})` : ''} could run it without a shell or package manager, and as a non-root user.`,
      },
    ];
  },
});
