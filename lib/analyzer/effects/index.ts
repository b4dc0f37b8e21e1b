/**
 * What each shell command of a RUN does to the simulated image: packages installed and removed,
 * caches and lists left behind, files deleted, duplicated or downloaded. One module per tool;
 * sizes come from size-data.ts; anything that cannot be sized becomes an Unknown (only for
 * commands that plausibly write files, so `echo` and `mkdir` never flood the list).
 */
import type { ShellCommand } from '../model-types';
import { parseShell } from '../shell';
import type { AnalyzerCache } from '../cache';
import { listsOwnContents } from '../../sizes/base-images';
import { isPipProgram, isPythonProgram, isShellProgram } from '../vocabulary';
import { applyApt, applyAptMark, applyDpkg, aptMarksOf } from './apt';
import { applyApk } from './apk';
import { applyPip, applyPython, makeVenv } from './pip';
import { applyNpm, applyYarn } from './npm';
import { applyChownR, applyCopyMove, applyFind, applyRm } from './files';
import { UNPACK_BUILD, applyDownload } from './download';
import { applyGo } from './go';
import { WRITERS_NOTE, isFollowed, truncate, unknown, type RunContext } from './run-context';

export { absPath, normalizeAbs, ownPackages } from './run-context';
export type { RunContext, StageState } from './run-context';
export { parseRequirements, requirementName } from './pip';
export { programAliases, subcommand } from '../vocabulary';

/** Programs that only read, print or touch tiny files: never listed as unknown. */
const QUIET = new Set(
  (
    'echo printf cd set export unset true false test [ [[ mkdir ln ls cat grep egrep fgrep sed awk exit which command ' +
    'type env uname id whoami sleep touch rmdir mktemp head tail wc sort uniq cut tr basename dirname readlink ' +
    'realpath pwd date tee useradd adduser groupadd addgroup usermod groupmod chpasswd passwd update-ca-certificates ' +
    'ldconfig locale-gen localedef dpkg-reconfigure apt-mark dpkg ln chmod chown echo source . eval exec trap ' +
    'shift local readonly declare return break continue wait ulimit umask hash getent stat file du df free nproc ' +
    'arch lsb_release md5sum sha256sum sha1sum sha512sum gpg gpgconf gpg-agent dirmngr find xargs yes seq ' +
    'ssh-keyscan git-lfs ulimit update-alternatives ln install-php-extensions setcap getcap chsh chgrp printenv ' +
    'node-gyp npx corepack rc-update su su-exec gosu tini curl-config pkg-config'
  ).split(/\s+/),
);

/** Applies one command to the stage. */
export function applyCommand(cmd: ShellCommand, rc: RunContext): void {
  const name = cmd.name;
  const missing = missingProgram(cmd, rc);
  // A program that is not there does nothing: no packages, caches or lists to size or report.
  // The build fails there unless the shell certainly goes on after it (`apk add x; echo ok`
  // exits 0): then the rest of its `&&` chain is skipped and the RUN runs on.
  if (missing && typeof cmd.onFailure === 'object') return rc.failsAlways(cmd);
  if (missing) return rc.fail('command-not-found', cmd, missing);
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') return applyApt(cmd, rc);
  if (name === 'apk') return applyApk(cmd, rc);
  if (name === 'apt-mark') return applyAptMark(cmd, rc);
  if (name === 'dpkg') return applyDpkg(cmd, rc);
  if (name === 'xargs' && cmd.args.includes('apt-mark') && cmd.args.includes('manual')) {
    // `find … -exec ldd … | awk … | xargs -r apt-mark manual`: keeps the libraries the
    // built files link to; which ones is only known when the build runs.
    aptMarksOf(rc).lddKeeps = cmd;
    return;
  }
  if (isPipProgram(name) || name === 'uv') return applyPip(cmd, rc);
  if (isPythonProgram(name)) return applyPython(cmd, rc);
  if (name === 'npm' || name === 'pnpm') return applyNpm(cmd, rc);
  if (name === 'yarn') return applyYarn(cmd, rc);
  if (name === 'rm') return applyRm(cmd, rc);
  if (
    (name === 'chown' || name === 'chmod') &&
    cmd.args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive')
  )
    return applyChownR(cmd, rc);
  if (name === 'cp' || name === 'mv') return applyCopyMove(cmd, rc);
  if (name === 'curl' || name === 'wget') return applyDownload(cmd, rc);
  if (name === 'go') return applyGo(cmd, rc);
  if (name === 'find') return applyFind(cmd, rc);
  if (name === 'virtualenv')
    return makeVenv(
      cmd.args.find((a) => !a.startsWith('-')),
      cmd,
      rc,
    );
  if (QUIET.has(name)) return;
  if (rc.state.knownDist?.layer === rc.layer && UNPACK_BUILD.has(name)) return;
  // `curl … | sh`: the download was already listed; a shell reading a script from a pipe adds nothing new to say.
  if (isShellProgram(name) && cmd.pipelinePosition > 0) return;
  if (name.startsWith('$') || name === '') return;
  unknown(rc, 'command', name, `\`${truncate(cmd.text, 60)}\` ${WRITERS_NOTE}.`, 0, cmd);
}

/** Python packages that give a stage a pip (or a python to run `-m pip` with). */
const PYTHON_PACKAGES = /^(python3?(\.\d+)?(-minimal|-pip)?|py3-pip|python3-venv)$/;

/** Programs that need Node.js: without it none of them can exist. */
const NODE_PROGRAMS = new Set([
  'node',
  'nodejs',
  'npm',
  'npx',
  'yarn',
  'yarnpkg',
  'pnpm',
  'corepack',
]);
/** Debian and Alpine packages that bring Node.js (or a program of NODE_PROGRAMS with it). */
const NODE_PACKAGES = /^(nodejs(-current|-lts)?|npm|yarn|yarnpkg|pnpm)$/;

/**
 * Why `cmd` cannot run in this stage, when that is certain: apt-get/dpkg on an Alpine base,
 * apk on a Debian or Ubuntu base, pip where nothing installed Python, npm/node/yarn where
 * nothing installed Node.js. Undefined when the program
 * may be there: a base the tables do not know, anything the model does not follow before it
 * (an unsized command or copy), a RUN that tests for the program or tolerates failure (`||`,
 * `if`, `command -v`), or a program called by its path.
 */
function missingProgram(cmd: ShellCommand, rc: RunContext): string | undefined {
  const { state, stage, run } = rc;
  if (cmd.path !== undefined || !isFollowed(rc, cmd)) return undefined;
  if (/\|\||\bif\b|command -v|\bwhich\b|\btype\b|\bhash\b/.test(run.script ?? '')) return undefined;
  let root = stage;
  while (root.baseStage) root = root.baseStage;
  const copied = rc.unknowns.some(
    (u) =>
      u.kind === 'copy-source' &&
      u.line !== undefined &&
      u.line >= root.range.start.line &&
      u.line <= cmd.range.start.line,
  );
  if (copied) return undefined;
  const name = cmd.name;
  const onPath = (p: string) =>
    ['/usr/bin/', '/usr/local/bin/', '/bin/'].some((d) => state.fs.has(d + p));
  if (onPath(name)) return undefined;
  // Alpine packages dpkg too (`apk add dpkg` for `dpkg --print-architecture`, as docker-library's
  // Alpine images do): an installed package of the program's name brings it.
  if (state.packages.has(name)) return undefined;
  const pm = state.record.packageManager;
  if ((name === 'apt-get' || name === 'apt' || name === 'dpkg') && pm === 'apk')
    return `${name} is not in this Alpine image (its package manager is apk), so the build fails with "${name}: not found". Use apk add --no-cache, with Alpine's package names.`;
  if (name === 'apk' && pm === 'apt')
    return `apk is not in this ${state.record.osFamily === 'ubuntu' ? 'Ubuntu' : 'Debian'} image (its package manager is apt-get), so the build fails with "apk: not found". Use apt-get install -y --no-install-recommends, with Debian's package names.`;
  // Saying a runtime is absent needs the image's own package list and runtimes, and nothing
  // downloaded before (a release archive of Node.js or Python unpacks a runtime).
  if (!listsOwnContents(state.record) || state.knownDist) return undefined;
  if (NODE_PROGRAMS.has(name)) {
    const hasNode =
      state.record.runtimes.node !== undefined ||
      state.nodeVersion !== undefined ||
      [...state.packages].some((p) => NODE_PACKAGES.test(p)) ||
      ['/usr/local/bin/node', '/usr/bin/node', '/usr/local/bin/nodejs', '/usr/bin/nodejs'].some(
        (p) => state.fs.has(p),
      );
    if (!hasNode)
      return `${name} runs where nothing installed Node.js (the base image has none), so the build fails with "${name}: not found". Build this stage FROM a node image, or install nodejs${name === 'node' || name === 'nodejs' ? '' : ' and npm'} first.`;
  }
  if (name === 'pip' || name === 'pip3') {
    const hasPython =
      state.record.runtimes.python !== undefined ||
      state.record.runtimes.pip === true ||
      state.pythonVersion !== undefined ||
      state.venvs.length > 0 ||
      [...state.packages].some((p) => PYTHON_PACKAGES.test(p)) ||
      state.fs.under('/usr/local/bin').some((e) => /\/(pip|python)[\d.]*$/.test(e.path));
    if (!hasPython)
      return `${cmd.invokedAs ?? name} runs where nothing installed Python (the base image has none), so the build fails with "${cmd.invokedAs?.split(' ')[0] ?? name}: not found". Start from a python image, or install python3 and python3-pip first.`;
  }
  return undefined;
}

/** Re-parses `sh -c '…'` scripts so their commands are modelled too. */
export function nestedScript(cmd: ShellCommand, cache?: AnalyzerCache): string | undefined {
  if (!isShellProgram(cmd.name)) return undefined;
  const i = cmd.args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
  if (i < 0 || i + 1 >= cmd.args.length) return undefined;
  const script = cmd.args[i + 1];
  return parseShell(script, cache).error ? undefined : script;
}
