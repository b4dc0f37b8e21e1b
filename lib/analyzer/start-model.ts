/**
 * The start model: would the container of the final image start? It follows what `docker run`
 * does: take ENTRYPOINT + CMD (shell form runs /bin/sh -c), look the program up on the final
 * stage's PATH, follow a console script to the interpreter its shebang names, a venv to the
 * interpreter its `pyvenv.cfg` home names, and check that the packages the project declares are
 * in a directory that interpreter searches (PYTHONPATH, its site directory, the user site of the
 * user it runs as), that compiled extensions find their shared libraries, that the USER exists
 * and that the files the command names were copied in.
 *
 * Each check is `ok`, `fails` or `unknown`. A failure is *certain* only when everything that
 * could have provided the missing piece is modelled: a known base image, and in the final image
 * (and the stages it copies from) no command, download or copy whose output the model does not
 * follow. Lesson projects are fully known, so there the answer is certain; on an arbitrary
 * Dockerfile that builds its own interpreter the answer is `unknown`, never a guess.
 */
import type { CopyStep, FsEntry, ImageModel, Stage } from './model-types';
import type { SimEntry } from './sim-fs';
import type { Range } from './types';
import { baseFactsOf, pythonOf } from './image-facts';
import type { BasePython } from './image-facts';
import { parseRequirements } from './effects';
import { pipInstall } from './size-data';
import { pypiPackage } from '../sizes';
import { stageChain } from './rules/helpers/commands';
import { joinPath, pathUnder } from './rules/helpers/model';
import { baseName } from './rules/helpers/source';
import { ABI3_PACKAGES, PURE_FALLBACK_PACKAGES, homeOf } from './vocabulary';
import { lookup } from './scope';
import { baseRecord } from './rules/helpers/runtime';
import { listsOwnContents } from '../sizes/base-images';
import { cacheSlot } from './cache';
import { parsePackageJson, type PackageManifest } from './manifest';

export type StartStatus = 'starts' | 'fails' | 'unknown';

export type StartCheckKind =
  'command' | 'shell' | 'program' | 'interpreter' | 'module' | 'library' | 'user' | 'file';

/** One thing the container needs at start. */
export interface StartCheck {
  kind: StartCheckKind;
  status: 'ok' | 'fails' | 'unknown';
  /** A failure that nothing unmodelled could prevent. */
  isCertain: boolean;
  /** What was found, or what is missing and what to do (an instruction). */
  message: string;
  range: Range;
}

/** The start model's answer for the final image. */
export interface StartReport {
  /** `fails` when a check certainly fails; `unknown` when one cannot be decided; else `starts`. */
  status: StartStatus;
  checks: StartCheck[];
  /** The argv `docker run` would execute, when it could be worked out. */
  argv?: string[];
  /** The program the final image's HEALTHCHECK runs, and whether the image has it. */
  health?: HealthProgram;
}

/** What a HEALTHCHECK runs: `absent` is certain only when everything in the image is known. */
export interface HealthProgram {
  program: string;
  status: 'ok' | 'absent' | 'unknown';
  isCertain: boolean;
  range: Range;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Commands that cannot create programs, users or Python packages the model does not see. */
const CLOSED_COMMANDS = new Set(
  (
    'apt-get apt apk pip pip3 uv npm yarn pnpm rm mkdir chown chmod set true cd export echo ' +
    'printf test [ useradd adduser groupadd addgroup usermod update-ca-certificates apt-mark ' +
    'ldconfig sleep ls cat grep id whoami env python python3 virtualenv npx find : '
  ).split(/\s+/),
);

/** Commands that create accounts (groupadd/addgroup too: `USER name:group` and scripts pair them). */
const USER_COMMANDS = new Set(['useradd', 'adduser', 'usermod', 'groupadd', 'addgroup']);

/** Package managers whose packages' install scripts may create system users. */
const PACKAGE_INSTALLERS = new Set(['apt-get', 'apt', 'apk']);

/** Console scripts of packages people run as the container command (from each project's entry_points / [project.scripts]). */
const CONSOLE_SCRIPTS: Record<string, string[]> = {
  gunicorn: ['gunicorn'],
  flask: ['flask'],
  uvicorn: ['uvicorn'],
  hypercorn: ['hypercorn'],
  waitress: ['waitress-serve'],
  celery: ['celery'],
  django: ['django-admin'],
  alembic: ['alembic'],
  pytest: ['pytest', 'py.test'],
  pip: ['pip', 'pip3'],
  fastapi: ['fastapi'],
  streamlit: ['streamlit'],
  daphne: ['daphne'],
};

/** Modules the project runs with `python -m` that a distribution provides under another name. */
const MODULE_DISTRIBUTION: Record<string, string> = { yaml: 'pyyaml', psycopg2: 'psycopg2' };

/**
 * Shared libraries a compiled extension loads that its wheel does not bundle, by OS family
 * (psycopg2 built from source links libpq: Debian `libpq5`, Alpine `libpq`; psycopg2-binary and
 * other manylinux wheels bundle theirs, per their wheel contents on PyPI).
 */
const RUNTIME_LIBRARIES: Record<string, { debian: string[]; alpine: string[]; soname: string }> = {
  psycopg2: { debian: ['libpq5'], alpine: ['libpq'], soname: 'libpq.so.5' },
  mysqlclient: {
    debian: ['libmariadb3', 'libmysqlclient21'],
    alpine: ['mariadb-connector-c'],
    soname: 'libmariadb.so.3',
  },
};

/** A Python distribution present in the final image. */
interface PyPackage {
  name: string;
  /** The directory it sits in, in the final image. */
  dir: string;
  /** Minor version it was installed for (from `<prefix>/lib/pythonX.Y`, else the installing stage's Python). */
  minor?: string;
  /** Where its console scripts are, in the final image (undefined when they were not shipped). */
  binDir?: string;
  /** The interpreter its scripts' shebang names (the installing Python, in the stage that ran pip). */
  shebang?: string;
  /** The C library of the stage that ran pip: what its compiled parts are linked against. */
  libc?: 'glibc' | 'musl';
}

/** A virtual environment present in the final image. */
interface Venv {
  path: string;
  /** The interpreter that created it (`pyvenv.cfg` home + python3) and its minor version. */
  home: string;
  minor?: string;
}

interface Scene {
  health?: HealthProgram;
  model: ImageModel;
  final: Stage;
  range: Range;
  /** Everything in the final image came from something the model follows. */
  isClosed: boolean;
  /** The project's requirements are known (a requirements.txt with content was used). */
  requirements?: string[];
  packages: PyPackage[];
  venvs: Venv[];
  python?: BasePython;
  env: Record<string, string>;
  user: string;
  home: string;
  workdir: string;
  checks: StartCheck[];
}

const START_REPORTS = cacheSlot('start reports', () => new WeakMap<ImageModel, StartReport>());

/** Decides whether the final image's container starts (memoised per model, in its cache). */
export function startOf(model: ImageModel): StartReport {
  const memo = model.cache.get(START_REPORTS);
  const hit = memo.get(model);
  if (hit) return hit;
  const report = decide(model);
  memo.set(model, report);
  return report;
}

function decide(model: ImageModel): StartReport {
  const final = model.target;
  const chain = stageChain(final);
  const base = baseFactsOf(final);
  const entrypoint = firstDefined(chain, (s) => s.entrypoint);
  const cmdOwn = firstDefined(chain, (s) => s.cmd);
  const range = (entrypoint ?? cmdOwn)?.range ?? final.range;
  const scene: Scene = {
    model,
    final,
    range,
    isClosed: base.isKnown && isClosedChain(model, final),
    packages: [],
    venvs: [],
    python: pythonOf(final),
    env: final.env,
    user: userOf(final, base.defaultUser),
    home: '/root',
    workdir: final.workdir || '/',
    checks: [],
  };
  scene.home = homeOf(scene.user);
  scene.requirements = requirementsOf(model);
  collectPython(scene);
  scene.health = healthProgram(scene, chain, base.hasShell || hasShellPackage(final));
  checkUser(scene);
  // docker run: ENTRYPOINT (exec) + CMD, a shell-form ENTRYPOINT ignores CMD; the base image's
  // ENTRYPOINT stays unless the Dockerfile sets one (which also clears the base CMD).
  let argv: string[] | undefined;
  let shellText: string | undefined;
  const shell =
    (entrypoint?.form === 'shell' ? entrypoint : undefined) ??
    (!entrypoint && cmdOwn?.form === 'shell' ? cmdOwn : undefined);
  const baseEntrypoint = entrypoint ? undefined : (final.baseEntrypoint ?? rootEntrypoint(final));
  if (shell) {
    const kind = shell === entrypoint ? 'ENTRYPOINT' : 'CMD';
    shellText = shell.args.join(' ');
    if (!base.hasShell && !hasShellPackage(final)) {
      add(
        scene,
        'shell',
        'fails',
        true,
        `${kind} in shell form runs /bin/sh -c, and this image has no shell. Use the exec form: ${kind} ["program", "arg"].`,
        shell.range,
      );
    } else
      add(
        scene,
        'shell',
        'ok',
        false,
        `${kind} runs through ${base.shellPath ?? '/bin/sh'}`,
        shell.range,
      );
    argv = simpleWords(shellText);
    if (argv && argv[0] === 'exec') argv = argv.slice(1);
    if (argv && baseEntrypoint && kind === 'CMD') argv = undefined;
  } else {
    const ep = entrypoint?.args ?? baseEntrypoint ?? [];
    const cmd = cmdOwn?.args ?? (entrypoint ? [] : (final.baseCmd ?? []));
    argv = [...ep, ...cmd];
    if (argv.length === 0) argv = undefined;
  }
  if (!argv || argv.length === 0) {
    if (shellText === undefined && !entrypoint && !cmdOwn && !baseEntrypoint && !final.baseCmd)
      add(
        scene,
        'command',
        'fails',
        scene.isClosed && base.isKnown,
        'The image has no CMD or ENTRYPOINT, so `docker run` has nothing to start. Add CMD ["program", "arg"].',
        final.range,
      );
    else if (shellText !== undefined)
      add(scene, 'command', 'unknown', false, 'The shell command is too complex to follow.', range);
    return finish(scene, argv);
  }
  const inheritedInterpreter = baseEntrypoint && !entrypoint && cmdOwn ? baseEntrypoint : undefined;
  if (inheritedInterpreter) checkRepeatedInterpreter(scene, inheritedInterpreter, cmdOwn!.args);
  if (scene.checks.some((c) => c.status === 'fails')) return finish(scene, argv);
  runProgram(scene, argv);
  return finish(scene, argv);
}

function finish(scene: Scene, argv: string[] | undefined): StartReport {
  const fails = scene.checks.some((c) => c.status === 'fails' && c.isCertain);
  const unsure = scene.checks.some(
    (c) => c.status === 'unknown' || (c.status === 'fails' && !c.isCertain),
  );
  return {
    status: fails ? 'fails' : unsure ? 'unknown' : 'starts',
    checks: scene.checks,
    ...(argv ? { argv } : {}),
    ...(scene.health ? { health: scene.health } : {}),
  };
}

/** The command part of a HEALTHCHECK (after its --interval=… options), or undefined for NONE. */
export function healthCommand(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  let i = 0;
  while (i < words.length && words[i].startsWith('--')) i++;
  if (words[i]?.toUpperCase() !== 'CMD') return undefined;
  return text
    .trim()
    .split(/\bCMD\b/i)
    .slice(1)
    .join('CMD')
    .trim();
}

/**
 * The program the last HEALTHCHECK of the final image runs (exec form, or the first word of a
 * simple shell form when the image has a shell), resolved like the container's own command.
 */
function healthProgram(scene: Scene, chain: Stage[], hasShell: boolean): HealthProgram | undefined {
  const step = chain
    .flatMap((st) => st.steps)
    .filter((st) => st.kind === 'HEALTHCHECK')
    .pop();
  if (!step) return undefined;
  const command = healthCommand(step.text);
  if (command === undefined) return undefined;
  let word: string | undefined;
  if (command.startsWith('[')) {
    try {
      const argv: unknown = JSON.parse(command);
      if (Array.isArray(argv) && typeof argv[0] === 'string') word = argv[0];
    } catch {
      return undefined;
    }
  } else if (hasShell) {
    // `curl -f http://localhost/ || exit 1`: the first word, unless it is an assignment, a
    // variable, a quoted word or shell syntax the model would have to follow.
    const first = command.split(/\s+/)[0];
    if (/^[A-Za-z0-9_./+-]+$/.test(first) && !SHELL_WORDS.has(first)) word = first;
  }
  if (!word) return undefined;
  const found = resolveProgram(scene, word);
  let status: HealthProgram['status'] =
    found === 'absent' ? 'absent' : found === 'maybe' ? 'unknown' : 'ok';
  // The usual probes come from OS packages: absent when no package that ships them is installed,
  // on a base whose own package list is known.
  const name = word.slice(word.lastIndexOf('/') + 1);
  const providers = HEALTH_PROGRAM_PACKAGES[name];
  const record = baseRecord(scene.final);
  if (providers && record && listsOwnContents(record) && status !== 'absent') {
    const family = record.packageManager === 'apk' ? 'apk' : 'apt';
    const dirs = word.includes('/')
      ? [word.slice(0, word.lastIndexOf('/'))]
      : (scene.env.PATH ?? DEFAULT_PATH).split(':').filter(Boolean);
    // A directory made by a command (a venv's bin, a build's output) does not hold curl: only
    // the package, or a file copied to that very path, does.
    const named = (path: string) =>
      (scene.final.fs.entries as SimEntry[]).some(
        (e) => e.path === path || (e.files ?? []).some((f) => f.path === path),
      );
    if (providers[family].some((pkg) => scene.final.packages.has(pkg))) status = 'ok';
    else if (dirs.some((d) => named(joinPath(d, name)))) status = 'ok';
    else if (
      found !== 'maybe' ||
      !dirs.some((d) => fileExists(scene, joinPath(d, name)) === undefined)
    )
      status = 'absent';
  }
  return {
    program: word,
    status,
    isCertain: status === 'absent' && scene.isClosed,
    range: step.range,
  };
}

/** OS packages that put the usual health-check probes on PATH (busybox's applets on Alpine). */
const HEALTH_PROGRAM_PACKAGES: Record<string, { apt: string[]; apk: string[] }> = {
  curl: { apt: ['curl'], apk: ['curl'] },
  wget: { apt: ['wget', 'busybox'], apk: ['wget', 'busybox'] },
};

/** Shell builtins and keywords a health check may start with: no program to look for. */
const SHELL_WORDS = new Set([
  'exit',
  'test',
  '[',
  'true',
  'false',
  'if',
  'for',
  'while',
  'case',
  'cd',
  'echo',
  'printf',
  'command',
  'type',
  'exec',
  'set',
  'export',
  'eval',
  '.',
  'source',
  'kill',
  'wait',
  'read',
]);

function add(
  scene: Scene,
  kind: StartCheckKind,
  status: StartCheck['status'],
  isCertain: boolean,
  message: string,
  range: Range = scene.range,
): void {
  scene.checks.push({ kind, status, isCertain: status === 'fails' && isCertain, message, range });
}

/** A failure is certain only in a closed scene; otherwise it is reported as unknown. */
function fail(scene: Scene, kind: StartCheckKind, message: string, certain = scene.isClosed): void {
  add(scene, kind, certain ? 'fails' : 'unknown', certain, message);
}

function firstDefined<T>(chain: Stage[], pick: (s: Stage) => T | undefined): T | undefined {
  for (const s of chain) {
    const v = pick(s);
    if (v !== undefined) return v;
  }
  return undefined;
}

function rootEntrypoint(stage: Stage): string[] | undefined {
  const chain = stageChain(stage);
  return chain[chain.length - 1].baseEntrypoint;
}

function hasShellPackage(stage: Stage): boolean {
  return ['busybox', 'bash', 'dash'].some((p) => stage.packages.has(p));
}

/** Words of a shell command without expansions, pipes or control operators; else undefined. */
function simpleWords(text: string): string[] | undefined {
  if (/[|&;<>()$`\\*?]/.test(text)) return undefined;
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) words.push(m[1] ?? m[2] ?? m[3]);
  if (words.some((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w))) return undefined;
  return words;
}

/** Stages whose files end up in `stage`: its FROM chain and, transitively, what they copy from. */
function sourceStages(stage: Stage): Stage[] {
  const out: Stage[] = [];
  const visit = (s: Stage) => {
    for (const c of stageChain(s)) {
      if (out.includes(c)) continue;
      out.push(c);
      for (const copy of c.copies) if (copy.fromStage) visit(copy.fromStage);
    }
  };
  visit(stage);
  return out;
}

/** True when no step of the stages feeding the final image does something the model does not follow. */
function isClosedChain(model: ImageModel, final: Stage): boolean {
  const stages = sourceStages(final);
  for (const s of stages) {
    for (const run of s.runs) {
      if (run.parseError) return false;
      for (const c of run.commands) {
        if (!CLOSED_COMMANDS.has(c.name) && !/^python3?(\.\d+)?$|^pip3?(\.\d+)?$/.test(c.name))
          return false;
        if (/^python/.test(c.name) && !c.args.includes('-m')) return false;
      }
    }
    for (const copy of s.copies)
      if (copy.isRemote || (copy.from !== undefined && !copy.fromStage)) return false;
  }
  const lines = new Set<number>();
  for (const s of stages)
    for (const st of s.steps)
      for (let l = st.range.start.line; l <= st.range.end.line; l++) lines.add(l);
  // A pip install of local files or of a requirements file whose content is unknown installs
  // packages the model cannot list (those unknowns assume 0 bytes; a package missing from the
  // size table is still listed, with its assumed size).
  return !model.unknowns.some(
    (u) =>
      (u.kind === 'copy-source' ||
        u.kind === 'command' ||
        u.kind === 'variable' ||
        u.kind === 'parse' ||
        (u.kind === 'pip-package' && u.assumedBytes === 0)) &&
      u.line !== undefined &&
      lines.has(u.line),
  );
}

function userOf(final: Stage, fallback: string): string {
  const explicit = stageChain(final).some((s) => s.steps.some((st) => st.kind === 'USER'));
  const raw = explicit ? final.user : fallback;
  return (raw || 'root').trim();
}

/** Requirements of the project, from the requirements.txt a RUN installed (its content known). */
function requirementsOf(model: ImageModel): string[] | undefined {
  const file = model.context.files.find(
    (f) => /(^|\/)requirements\.txt$/.test(f.path) && f.content !== undefined,
  );
  return file?.content !== undefined ? parseRequirements(file.content) : undefined;
}

// ------------------------------------------------------------------------------- what Python sees

/** Site directory layout: `<prefix>/lib/pythonX.Y/(site|dist)-packages`. */
const SITE_RE = /^(.*)\/lib\/python(\d+\.\d+)\/(?:site|dist)-packages$/;

/** Where pip put console scripts for packages installed in `dir`. */
function binDirFor(dir: string): string {
  const m = SITE_RE.exec(dir);
  if (m) return `${m[1]}/bin`;
  return `${dir}/bin`;
}

interface Origin {
  stage: Stage;
  entry: FsEntry;
}

/** The Python that ran pip in `stage` for a package placed in `dir` (venv python, else the stage's). */
function installerOf(stage: Stage, dir: string, venvs: Venv[]): { path?: string; minor?: string } {
  const venv = venvs.find((v) => pathUnder(dir, v.path));
  if (venv) return { path: `${venv.path}/bin/python`, minor: venv.minor };
  const py = pythonOf(stage);
  if (py) return { path: py.path, minor: py.minor };
  // The Python was removed later in the stage: the site directory still says which one ran pip.
  const m = SITE_RE.exec(dir);
  if (m?.[1] === '/usr/local' && dir.endsWith('site-packages'))
    return { path: '/usr/local/bin/python3', minor: m[2] };
  if (m?.[1] === '/usr' || m?.[1] === '/usr/local')
    return { path: '/usr/bin/python3', minor: m[2] };
  return {};
}

/** Venvs created by RUN steps of `stage`'s image (`python -m venv DIR`, `virtualenv DIR`, `uv venv DIR`). */
function venvsMadeIn(stage: Stage): Venv[] {
  const out: Venv[] = [];
  for (const s of stageChain(stage)) {
    const py = pythonOf(s);
    for (const run of s.runs) {
      for (const c of run.commands) {
        let dir: string | undefined;
        const m = c.args.indexOf('-m');
        if (/^python/.test(c.name) && m >= 0 && ['venv', 'virtualenv'].includes(c.args[m + 1]))
          dir = c.args.slice(m + 2).find((a) => !a.startsWith('-'));
        else if (c.name === 'virtualenv') dir = c.args.find((a) => !a.startsWith('-'));
        else if (c.name === 'uv' && c.args[0] === 'venv')
          dir = c.args.slice(1).find((a) => !a.startsWith('-')) ?? '.venv';
        if (!dir) continue;
        const path = joinPath(workdirOfRun(s, run.range.start.line), dir);
        // pyvenv.cfg home is the directory of the interpreter that ran `-m venv`.
        const creator = c.path && c.path.startsWith('/') ? c.path : py?.path;
        if (creator) out.push({ path, home: creator, minor: py?.minor });
      }
    }
  }
  return out;
}

function workdirOfRun(stage: Stage, line: number): string {
  let dir = '/';
  for (const s of [...stageChain(stage)].reverse()) {
    for (const st of s.steps) {
      if (s === stage && st.range.start.line >= line) break;
      if (st.kind === 'WORKDIR') dir = joinPath(dir, st.text.trim().replace(/^["']|["']$/g, ''));
    }
  }
  return dir;
}

/** The C library of a stage's image (its root stage's base), when the base image says. */
function libcOf(stage: Stage): 'glibc' | 'musl' | undefined {
  // A stage FROM another stage carries its root stage's base image.
  const libc = stage.baseImage.libc;
  return libc === 'glibc' || libc === 'musl' ? libc : undefined;
}

/**
 * What a PyPI package's compiled part does when built for another Python minor or C library:
 * `none` (pure Python, or an optional extension it imports without), `fails` (the import
 * fails), `unsure` (abi3 wheels, which may load on another minor).
 */
export function compiledImpact(
  name: string,
  across: 'minor' | 'libc',
): 'none' | 'fails' | 'unsure' {
  const pkg = pypiPackage(name);
  if (pkg === undefined || pkg.musllinuxWheels === null || PURE_FALLBACK_PACKAGES.has(name))
    return 'none';
  return across === 'minor' && ABI3_PACKAGES.has(name) ? 'unsure' : 'fails';
}

/** Fills the scene with the venvs and Python packages of the final image. */
function collectPython(scene: Scene): void {
  const { final } = scene;
  const chain = stageChain(final);
  // Venvs made in the final image itself.
  for (const v of venvsMadeIn(final)) scene.venvs.push(v);
  // Packages pip installed in the final image's own stages.
  for (const s of chain) {
    for (const e of s.fs.entries) {
      if (e.kind !== 'pip' || !e.pkg || e.layer.stage !== s) continue;
      const dir = e.path.slice(0, e.path.lastIndexOf('/'));
      const inst = installerOf(s, dir, scene.venvs);
      scene.packages.push({
        name: e.pkg,
        dir,
        minor: SITE_RE.exec(dir)?.[2] ?? inst.minor,
        binDir: binDirFor(dir),
        shebang: inst.path,
      });
    }
  }
  // What COPY --from brought: map each source path to where it lands.
  for (const s of chain)
    for (const copy of s.copies) if (copy.fromStage) collectCopied(scene, copy);
}

function collectCopied(scene: Scene, copy: CopyStep): void {
  const got = copiedBy(copy, scene.model.cache.get(COPIED));
  // Fresh objects for each caller, as when they were made per call.
  for (const v of got.venvs) scene.venvs.push({ ...v });
  for (const p of got.packages) scene.packages.push({ ...p });
}

/**
 * What a COPY --from brings (venvs and Python packages, with their new paths), worked out once
 * per COPY: a stage copying from stages that copy from others asked for the same upstream copies
 * again for every source of every copy, which on long multi-stage files made this the
 * analyzer's hottest path (`npm run bench -- --multi-stage`, profiled with `node --cpu-prof`).
 * The model is not changed after it is built, so the answer for a COPY never changes; the memo
 * is a slot of the model's cache.
 */
const COPIED = cacheSlot(
  'start: what COPY --from brings',
  () => new WeakMap<CopyStep, { venvs: Venv[]; packages: PyPackage[] }>(),
);

type CopiedMemo = WeakMap<CopyStep, { venvs: Venv[]; packages: PyPackage[] }>;

function copiedBy(
  copy: CopyStep,
  copiedMemo: CopiedMemo,
): { venvs: Venv[]; packages: PyPackage[] } {
  const known = copiedMemo.get(copy);
  if (known) return known;
  const out: { venvs: Venv[]; packages: PyPackage[] } = { venvs: [], packages: [] };
  const from = copy.fromStage!;
  const venvs = venvsMadeIn(from);
  const destAbs = joinPath(workdirOfRun(copy.stage, copy.range.start.line), copy.dest);
  const destIsDir = copy.dest.endsWith('/') || copy.dest === '.' || copy.sources.length > 1;
  // The same for every source: the packages pip put in `from`, and what earlier copies brought.
  const origins: Origin[] = [];
  for (const e of from.fs.entries)
    if (e.kind === 'pip' && e.pkg) origins.push({ stage: from, entry: e });
  // A copy of a copy: follow the earlier stage's packages to where they landed in `from`.
  const upstream: PyPackage[] = [];
  for (const c of stageChain(from).flatMap((x) => x.copies)) {
    if (!c.fromStage) continue;
    for (const p of copiedBy(c, copiedMemo).packages) upstream.push({ ...p });
  }
  for (const src of copy.sources) {
    // COPY --from sources are relative to the root of the source stage, not its WORKDIR.
    const srcAbs = joinPath('/', src);
    const map = (p: string): string | undefined => {
      if (!pathUnder(p, srcAbs)) return undefined;
      const rel = p.slice(srcAbs.length);
      const root = destIsDir && rel === '' ? `${destAbs}/${baseName(srcAbs)}` : destAbs;
      return joinPath('/', root + rel);
    };
    for (const v of venvs) {
      const to = map(v.path);
      if (to) out.venvs.push({ ...v, path: to });
    }
    for (const { entry } of origins) {
      const dir = entry.path.slice(0, entry.path.lastIndexOf('/'));
      const to = map(entry.path);
      if (!to) continue;
      const inst = installerOf(from, dir, venvs);
      const bin = binDirFor(dir);
      const libc = libcOf(from);
      out.packages.push({
        name: entry.pkg!,
        dir: to.slice(0, to.lastIndexOf('/')),
        minor: SITE_RE.exec(dir)?.[2] ?? inst.minor,
        ...(map(bin) ? { binDir: map(bin) } : {}),
        ...(inst.path ? { shebang: inst.path } : {}),
        ...(libc ? { libc } : {}),
      });
    }
    for (const p of upstream) {
      const to = map(`${p.dir}/${p.name}`);
      if (!to) continue;
      out.packages.push({
        ...p,
        dir: to.slice(0, to.lastIndexOf('/')),
        ...(p.binDir && map(p.binDir) ? { binDir: map(p.binDir) } : {}),
      });
    }
  }
  copiedMemo.set(copy, out);
  return out;
}

// ------------------------------------------------------------------------------------ the checks

function checkUser(scene: Scene): void {
  const name = scene.user.split(':')[0];
  if (/^\d+$/.test(name) || name === '' || name.includes('$')) return;
  const base = baseFactsOf(scene.final);
  if (base.users.has(name)) return;
  const runs = stageChain(scene.final).flatMap((s) => s.runs);
  const commands = runs.flatMap((r) => r.commands);
  const created = commands.some(
    (c) => USER_COMMANDS.has(c.name) && c.args.some((a) => a === name || a.includes('$')),
  );
  if (created) return;
  // Whether anything in the chain could add the account without the model seeing it: a RUN it
  // cannot parse, a program it does not follow (a script may call useradd), or a package whose
  // install script creates a system user named after it (postgresql → postgres).
  const mayCreate =
    runs.some((r) => r.parseError) ||
    commands.some(
      (c) =>
        !CLOSED_COMMANDS.has(c.name) ||
        (PACKAGE_INSTALLERS.has(c.name) &&
          c.args.some(
            (a) => a.length > 1 && !a.startsWith('-') && (a.includes(name) || name.includes(a)),
          )),
    );
  const copiesPasswd = stageChain(scene.final).some((s) =>
    s.copies.some(
      (c) =>
        c.sources.some((src) => /etc\/passwd|^\/?etc\/?$/.test(src)) ||
        pathUnder('/etc/passwd', c.dest),
    ),
  );
  const userStep = stageChain(scene.final)
    .flatMap((s) => s.steps)
    .filter((s) => s.kind === 'USER')
    .pop();
  if (base.users.size === 0 || copiesPasswd || !base.isKnown || mayCreate) {
    add(
      scene,
      'user',
      'unknown',
      false,
      `Cannot tell whether user ${name} exists.`,
      userStep?.range,
    );
    return;
  }
  scene.checks.push({
    kind: 'user',
    status: 'fails',
    isCertain: true,
    message: `User ${name} does not exist in this image, so the container cannot start. Create it (RUN useradd --system ${name}) or use one the image has (${[
      ...base.users,
    ]
      .filter((u) => u !== 'root')
      .slice(-3)
      .join(', ')}) or a numeric UID.`,
    range: userStep?.range ?? scene.range,
  });
}

/** `CMD ["node", "server.js"]` under an ENTRYPOINT that already is node. */
function checkRepeatedInterpreter(scene: Scene, entrypoint: string[], cmd: string[]): void {
  const interp = (p: string) => /^(node|nodejs|python\d*(\.\d+)?|java)$/.test(baseName(p));
  if (!entrypoint.some(interp) || cmd.length === 0 || !interp(cmd[0])) return;
  add(
    scene,
    'program',
    'fails',
    true,
    `The base image's ENTRYPOINT (${entrypoint.join(' ')}) already runs the interpreter, so this CMD runs \`${entrypoint.join(' ')} ${cmd.join(' ')}\`. Give CMD only the script: CMD ${JSON.stringify(cmd.slice(1))}.`,
  );
}

type Program =
  | { kind: 'python'; path: string; python: BasePython | Venv; venv?: Venv }
  | { kind: 'script'; path: string; pkg: PyPackage }
  | { kind: 'node'; path: string }
  | { kind: 'node-entrypoint'; path: string }
  | { kind: 'shell'; path: string }
  | { kind: 'npm'; path: string }
  | { kind: 'file'; path: string };

/** Programs the final image has at known paths. */
function programs(scene: Scene): Map<string, Program> {
  const map = new Map<string, Program>();
  const base = baseFactsOf(scene.final);
  const py = scene.python;
  if (py) {
    const dir = py.path.slice(0, py.path.lastIndexOf('/'));
    for (const n of [baseName(py.path), 'python3', ...py.aliases])
      map.set(`${dir}/${n}`, { kind: 'python', path: `${dir}/${n}`, python: py });
  }
  for (const v of scene.venvs) {
    for (const n of ['python', 'python3', ...(v.minor ? [`python${v.minor}`] : [])])
      map.set(`${v.path}/bin/${n}`, {
        kind: 'python',
        path: `${v.path}/bin/${n}`,
        python: v,
        venv: v,
      });
  }
  for (const p of scene.packages) {
    if (!p.binDir) continue;
    for (const s of lookup(CONSOLE_SCRIPTS, p.name) ?? [])
      map.set(`${p.binDir}/${s}`, { kind: 'script', path: `${p.binDir}/${s}`, pkg: p });
  }
  if (base.nodePath) map.set(base.nodePath, { kind: 'node', path: base.nodePath });
  if (base.javaPath) map.set(base.javaPath, { kind: 'file', path: base.javaPath });
  if (base.nodePath && !base.isDistroless)
    map.set('/usr/local/bin/docker-entrypoint.sh', {
      kind: 'node-entrypoint',
      path: '/usr/local/bin/docker-entrypoint.sh',
    });
  if (scene.final.packages.has('nodejs'))
    map.set('/usr/bin/node', { kind: 'node', path: '/usr/bin/node' });
  // npm beside the node of an official node image, or Alpine's and Debian's npm package.
  const npmDir =
    base.nodePath && baseRecord(scene.final)?.runtimes.npm ? dirName(base.nodePath) : undefined;
  for (const dir of [npmDir, scene.final.packages.has('npm') ? '/usr/bin' : undefined])
    if (dir) map.set(`${dir}/npm`, { kind: 'npm', path: `${dir}/npm` });
  if (base.hasShell || hasShellPackage(scene.final)) {
    map.set(base.shellPath ?? '/bin/sh', { kind: 'shell', path: base.shellPath ?? '/bin/sh' });
    if (base.hasBash || scene.final.packages.has('bash')) {
      map.set('/bin/bash', { kind: 'shell', path: '/bin/bash' });
      map.set('/usr/bin/bash', { kind: 'shell', path: '/usr/bin/bash' });
    }
  }
  return map;
}

/** Names that, if absent, would certainly be missing: interpreters, shells, console scripts of the project. */
function isWellKnown(name: string): boolean {
  return (
    /^(python\d*(\.\d+)?|node|nodejs|sh|bash|ash|dash)$/.test(name) ||
    Object.values(CONSOLE_SCRIPTS).some((s) => s.includes(name))
  );
}

/**
 * `true` when the final image has `path`, `false` when it certainly has not, `undefined` when
 * only a copy of unknown contents (another image, a path no modelled command wrote) could hold it.
 */
function fileExists(scene: Scene, path: string): boolean | undefined {
  const fs = scene.final.fs;
  const entries = fs.entries as SimEntry[];
  if (fs.has(path) && !entries.some((e) => e.opaque)) return true;
  let maybe = false;
  for (const e of entries) {
    const files = e.files ?? [{ path: e.path, bytes: e.bytes }];
    if (!files.some((f) => pathUnder(path, f.path) || pathUnder(f.path, path))) continue;
    // Under an opaque copy only its own root is known to exist.
    if (!e.opaque || pathUnder(e.path, path)) return true;
    maybe = true;
  }
  return maybe ? undefined : false;
}

/** {@link fileExists} where "cannot tell" is its own answer: an unknown check, and `true` returned. */
function existsOrUnsure(scene: Scene, path: string, what: string): boolean {
  const exists = fileExists(scene, path);
  if (exists !== undefined) return exists;
  add(
    scene,
    'file',
    'unknown',
    false,
    `Cannot tell whether ${what} is in the image: ${path} would come from a copy whose contents are not known.`,
  );
  return true;
}

function resolveProgram(scene: Scene, word: string): Program | 'absent' | 'maybe' {
  const known = programs(scene);
  const base = baseFactsOf(scene.final);
  if (word.includes('/')) {
    const abs = joinPath(scene.workdir, word);
    const p = known.get(abs);
    if (p) return p;
    const exists = fileExists(scene, abs);
    if (exists) return { kind: 'file', path: abs };
    if (exists === undefined) return 'maybe';
    const isSystem = /^\/(usr|bin|sbin|lib|etc|opt|nodejs|busybox)(\/|$)/.test(abs);
    if (isSystem && !base.isClosed) return 'maybe';
    return 'absent';
  }
  const dirs = (scene.env.PATH ?? DEFAULT_PATH).split(':').filter(Boolean);
  let maybe = false;
  for (const d of dirs) {
    const abs = `${d.replace(/\/+$/, '')}/${word}`;
    const p = known.get(abs);
    if (p) return p;
    const exists = fileExists(scene, abs);
    if (exists) return { kind: 'file', path: abs };
    if (exists === undefined) maybe = true;
  }
  if (maybe) return 'maybe';
  return isWellKnown(word) || base.isClosed ? 'absent' : 'maybe';
}

function runProgram(scene: Scene, argv: string[]): void {
  const [word, ...args] = argv;
  const program = resolveProgram(scene, word);
  if (program === 'maybe') {
    add(scene, 'program', 'unknown', false, `Cannot tell whether ${word} is in the image.`);
    return;
  }
  if (program === 'absent') {
    const elsewhere = [...programs(scene).keys()].find((k) => baseName(k) === word);
    const isInterpreter = /^(python\d*(\.\d+)?|node|nodejs|sh|bash|ash|dash)$/.test(word);
    fail(
      scene,
      'program',
      elsewhere
        ? `${word} is at ${elsewhere}, which is not on the final stage's PATH (${scene.env.PATH ?? DEFAULT_PATH}). Add ENV PATH=${elsewhere.slice(0, elsewhere.lastIndexOf('/'))}:$PATH in the final stage.`
        : word.startsWith('-')
          ? `The command starts with ${word}, an option, not a program: this image has no ENTRYPOINT to put in front of CMD (CMD ["-m", …] needs an image whose ENTRYPOINT is python). Name the program first, or use a base image that has it as its ENTRYPOINT.`
          : isInterpreter || !word.includes('/')
            ? `${word} is not installed in the final image. Use a base image that has it, install it, or run a program that is there.`
            : `${word} is not in the final image (${joinPath(scene.workdir, word)}). COPY it into the final stage, or fix the path.`,
    );
    return;
  }
  add(scene, 'program', 'ok', false, `${word} → ${program.path}`);
  switch (program.kind) {
    case 'python':
      return runPython(scene, program, args);
    case 'script':
      return runScript(scene, program, args);
    case 'node':
      return runNode(scene, args);
    case 'npm':
      return runNpm(scene, args);
    case 'node-entrypoint':
      // docker-library/node's docker-entrypoint.sh: an option or a file that is not a command
      // gets `node` in front; anything else runs as is.
      if (args.length === 0) return;
      return runProgram(scene, args[0].startsWith('-') ? ['node', ...args] : args);
    default:
      return;
  }
}

/**
 * `npm start` / `npm run NAME`: the script of the package.json in the working directory, followed
 * when it is a plain `node FILE` (without a start script npm runs `node server.js`); anything
 * else npm runs is not followed.
 */
function runNpm(scene: Scene, args: string[]): void {
  const name =
    args[0] === 'start' ? 'start' : ['run', 'run-script'].includes(args[0]) ? args[1] : undefined;
  const unsure = (why: string) => add(scene, 'command', 'unknown', false, why);
  if (!name) return unsure(`npm ${args.join(' ')} is not a script the model follows.`);
  const manifest = packageJsonAt(scene, joinPath(scene.workdir, 'package.json'));
  if (manifest === undefined)
    return unsure(
      `npm ${name === 'start' ? 'start' : `run ${name}`} runs a script of package.json, whose text is not known.`,
    );
  const scripts = manifest.scripts ?? {};
  const script = Object.hasOwn(scripts, name)
    ? scripts[name]
    : name === 'start'
      ? 'node server.js'
      : undefined;
  if (script === undefined) {
    fail(
      scene,
      'command',
      `npm run ${name}: package.json has no "${name}" script, so npm exits with "Missing script". Add it, or run the program directly.`,
    );
    return;
  }
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'node' || words.some((w) => /[$&|;<>`'"()*?]/.test(w)))
    return unsure(
      `npm ${name === 'start' ? 'start' : `run ${name}`} runs \`${script}\`, which the model does not follow.`,
    );
  runProgram(scene, words);
}

function dirName(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** The package.json copied from the context to `path` in the final image, parsed; else undefined. */
function packageJsonAt(scene: Scene, path: string): PackageManifest | undefined {
  for (const e of scene.final.fs.entries as SimEntry[]) {
    if (!e.contextFiles || !pathUnder(path, e.path)) continue;
    const rel = path.slice(e.path.length).replace(/^\//, '');
    const file = e.contextFiles.find((f) =>
      e.path === path
        ? baseName(f.path) === 'package.json'
        : f.path.endsWith(rel) && baseName(f.path) === 'package.json',
    );
    if (file?.content === undefined) continue;
    const manifest = parsePackageJson(file.content);
    return manifest === 'unreadable' ? undefined : manifest;
  }
  return undefined;
}

/** The interpreter a venv's `bin/python` links to, checked against the final image. */
function venvWorks(scene: Scene, venv: Venv): boolean {
  const py = scene.python;
  const homeDir = venv.home.slice(0, venv.home.lastIndexOf('/'));
  const target = py ? programs(scene).get(`${homeDir}/${baseName(venv.home)}`) : undefined;
  if (!target || target.kind !== 'python' || target.venv) {
    fail(
      scene,
      'interpreter',
      `The venv at ${venv.path} links to ${venv.home} (its pyvenv.cfg home), which this image does not have${py ? ` (its Python is ${py.path})` : ''}. Build the venv on the same base image as the final stage, or use pip install --target and PYTHONPATH.`,
    );
    return false;
  }
  if (venv.minor && py && venv.minor !== py.minor) {
    fail(
      scene,
      'interpreter',
      `The venv at ${venv.path} was made with Python ${venv.minor}, and ${venv.home} here is Python ${py.minor}. Use the same Python version in both stages.`,
    );
    return false;
  }
  return true;
}

/** Directories the interpreter searches for packages, in order. */
function searchPath(
  scene: Scene,
  python: BasePython | Venv,
  venv?: Venv,
): { dirs: string[]; minor?: string } {
  const fromEnv = (scene.env.PYTHONPATH ?? '')
    .split(':')
    .filter((d) => d && !d.includes('$'))
    .map((d) => joinPath(scene.workdir, d));
  if (venv) {
    const minor = venv.minor ?? scene.python?.minor;
    return { dirs: [...fromEnv, `${venv.path}/lib/python${minor}/site-packages`], minor };
  }
  const py = python as BasePython;
  const user = `${scene.home}/.local/lib/python${py.minor}/site-packages`;
  return { dirs: [...fromEnv, ...py.sites, user], minor: py.minor };
}

/** Checks that `modules` (distribution names) are importable from `dirs` by Python `minor`. */
function checkImports(
  scene: Scene,
  dirs: string[],
  minor: string | undefined,
  modules: string[],
  who: string,
): void {
  const elsewhere = new Map<string, { names: string[]; pkg: PyPackage }>();
  const missing: string[] = [];
  const wrongMinor = new Map<string, { names: string[]; pkg: PyPackage }>();
  const wrongLibc = new Map<string, { names: string[]; pkg: PyPackage }>();
  const unsureMinor: string[] = [];
  const finalLibc = libcOf(scene.final);
  for (const mod of modules) {
    const found = scene.packages.find((p) => p.name === mod && dirs.includes(p.dir));
    if (found) {
      // Pure-Python packages load in any 3.x from a folder that is searched.
      const otherMinor = found.minor && minor && found.minor !== minor;
      const impact = otherMinor ? compiledImpact(mod, 'minor') : 'none';
      if (impact === 'fails') {
        const g = wrongMinor.get(found.dir) ?? { names: [], pkg: found };
        g.names.push(mod);
        wrongMinor.set(found.dir, g);
      } else if (impact === 'unsure') {
        unsureMinor.push(mod);
      } else if (
        found.libc &&
        finalLibc &&
        found.libc !== finalLibc &&
        compiledImpact(mod, 'libc') === 'fails'
      ) {
        const g = wrongLibc.get(found.dir) ?? { names: [], pkg: found };
        g.names.push(mod);
        wrongLibc.set(found.dir, g);
      }
      continue;
    }
    const other = scene.packages.find((p) => p.name === mod);
    if (!other) missing.push(mod);
    else {
      const g = elsewhere.get(other.dir) ?? { names: [], pkg: other };
      g.names.push(mod);
      elsewhere.set(other.dir, g);
    }
  }
  for (const [dir, { names, pkg }] of elsewhere) {
    const hint =
      pkg.minor && minor && pkg.minor !== minor
        ? ` They were installed for Python ${pkg.minor}; this image runs ${minor}: build them with Python ${minor}.`
        : SITE_RE.test(dir)
          ? ` Put ${binDirFor(dir)} first on PATH and run that Python, or copy the packages where this one looks.`
          : ` Set ENV PYTHONPATH=${dir} in the final stage.`;
    fail(
      scene,
      'module',
      `${who} cannot import ${listOf(names)}: ${names.length === 1 ? 'it is' : 'they are'} in ${dir}, which it does not search (it searches ${dirs.join(', ')}).${hint}`,
    );
  }
  if (missing.length)
    fail(
      scene,
      'module',
      `${who} cannot import ${listOf(missing)}: not installed in the final image. pip install the requirements (or copy the installed packages) into the final image.`,
    );
  for (const [dir, { names, pkg }] of wrongMinor)
    fail(
      scene,
      'module',
      `${listOf(names)} in ${dir} ${names.length === 1 ? 'was' : 'were'} installed for Python ${pkg.minor}, and this image runs ${minor}: compiled parts will not load. Build with Python ${minor}.`,
    );
  if (unsureMinor.length)
    add(
      scene,
      'module',
      'unknown',
      false,
      `${listOf(unsureMinor)} ${unsureMinor.length === 1 ? 'was' : 'were'} built for another Python minor version with abi3 wheels, which may or may not load in ${minor ?? 'this Python'}.`,
    );
  const LIBC = { glibc: 'glibc (Debian, Ubuntu)', musl: 'musl (Alpine)' };
  for (const [dir, { names, pkg }] of wrongLibc)
    fail(
      scene,
      'module',
      `${listOf(names)} in ${dir} ${names.length === 1 ? 'was' : 'were'} built against ${LIBC[pkg.libc!]}, and this image uses ${LIBC[finalLibc!]}: ${names.length === 1 ? 'its' : 'their'} compiled parts will not load. Build them in a stage on the same C library as the final image.`,
    );
  if (
    !missing.length &&
    !elsewhere.size &&
    !wrongMinor.size &&
    !wrongLibc.size &&
    !unsureMinor.length &&
    modules.length
  )
    add(scene, 'module', 'ok', false, `${who} finds ${listOf(modules)}`);
}

function listOf(names: string[]): string {
  return names.length <= 4
    ? names.join(', ')
    : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`;
}

/**
 * Dependencies of the requirements that pip skipped because an OS package already held them
 * ("Requirement already satisfied"), when that package is gone from the final image: Alpine's
 * `apk del` of a --virtual group with py3-pip also removes py3-packaging, which gunicorn imports.
 */
function checkLeftToOs(scene: Scene): void {
  const seen = new Set<string>();
  for (const s of scene.final.pipSatisfiedByOs ?? []) {
    if (seen.has(s.dist) || scene.final.packages.has(s.osPkg)) continue;
    seen.add(s.dist);
    if (scene.packages.some((p) => p.name === s.dist)) continue;
    const needs = (scene.requirements ?? []).find((r) => {
      const closure = pipInstall([r], { musl: true, cache: scene.model.cache });
      return (
        r !== s.dist && [...closure.packages, ...closure.unknown].some((p) => p.name === s.dist)
      );
    });
    if (!needs) continue;
    fail(
      scene,
      'module',
      `${needs} needs ${s.dist}, which pip did not install because ${s.osPkg} already provided it in ${s.site}; removing ${s.osPkg} took it away. Install with --target (pip then installs every dependency itself), or keep the package that provides ${s.dist}.`,
    );
  }
}

/** Requirements whose compiled extension needs an OS library the final image lacks. */
function checkLibraries(scene: Scene): void {
  const family = baseFactsOf(scene.final).isDistroless
    ? 'debian'
    : scene.final.baseImage.osFamily === 'alpine'
      ? 'alpine'
      : 'debian';
  for (const req of scene.requirements ?? []) {
    const lib = lookup(RUNTIME_LIBRARIES, req);
    if (!lib || !scene.packages.some((p) => p.name === req)) continue;
    const names = lib[family];
    if (names.some((n) => scene.final.packages.has(n))) continue;
    // The -dev package depends on the runtime library, so it brings it too.
    if (names.some((n) => scene.final.packages.has(`${n.replace(/\d+$/, '')}-dev`))) continue;
    fail(
      scene,
      'library',
      `${req} loads ${lib.soname} at import, and the final image has no ${names[0]}. Install ${names[0]} in the final stage (the runtime library, not the -dev headers).`,
    );
  }
}

function appModules(scene: Scene, module: string, args: string[]): void {
  // gunicorn/uvicorn take `package.module:app`, importable from the working directory.
  if (!['gunicorn', 'uvicorn', 'hypercorn', 'waitress'].includes(module)) return;
  const VALUE =
    /^(-b|--bind|-w|--workers|-k|--worker-class|-c|--config|-t|--timeout|--host|--port|--log-level|--threads|--chdir|--access-logfile|--error-logfile|--listen|-u|--user|-g|--group|--root-path|--app-dir)$/;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (VALUE.test(a)) i++;
    else if (!a.startsWith('-')) {
      target = a;
      break;
    }
  }
  if (!target) return;
  const mod = target.split(':')[0];
  if (!/^[A-Za-z_][\w.]*$/.test(mod)) return;
  const rel = mod.replace(/\./g, '/');
  const candidates = [`${scene.workdir}/${rel}.py`, `${scene.workdir}/${rel}/__init__.py`].map(
    (p) => joinPath('/', p),
  );
  const found = candidates.map((c) => fileExists(scene, c));
  if (found.includes(true)) return;
  if (found.includes(undefined)) {
    add(
      scene,
      'file',
      'unknown',
      false,
      `Cannot tell whether ${candidates[0]} is in the image: it would come from a copy whose contents are not known.`,
    );
    return;
  }
  if (scene.model.context.totalFiles === 0) return;
  fail(
    scene,
    'file',
    `${module} imports ${mod} from ${scene.workdir}, and ${candidates[0]} is not in the final image. COPY the app's code there, or set WORKDIR to where it is.`,
  );
}

function runPython(
  scene: Scene,
  program: Extract<Program, { kind: 'python' }>,
  args: string[],
): void {
  if (program.venv && !venvWorks(scene, program.venv)) return;
  const { dirs, minor } = searchPath(scene, program.python, program.venv);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') return;
    if (a === '-m') {
      const mod = args[i + 1];
      if (!mod) return;
      const top = mod.split('.')[0];
      const dist = lookup(MODULE_DISTRIBUTION, top) ?? top.toLowerCase().replace(/_/g, '-');
      const declared =
        scene.requirements?.includes(dist) || scene.packages.some((p) => p.name === dist);
      if (declared) {
        checkImports(
          scene,
          dirs,
          minor,
          requirementsToCheck(scene, dist),
          `Python ${minor ?? ''}`.trim(),
        );
        checkLibraries(scene);
        checkLeftToOs(scene);
        appModules(scene, dist, args.slice(i + 2));
      } else if (
        existsOrUnsure(scene, joinPath(scene.workdir, `${mod.replace(/\./g, '/')}.py`), mod) ||
        existsOrUnsure(scene, joinPath(scene.workdir, mod.replace(/\./g, '/')), mod)
      ) {
        add(scene, 'file', 'ok', false, `${mod} found in ${scene.workdir}`);
      } else if (
        scene.isClosed &&
        scene.requirements !== undefined &&
        scene.model.context.totalFiles > 0 &&
        !isStdlib(top)
      ) {
        fail(
          scene,
          'module',
          `python -m ${mod}: no module ${mod} in the final image. Install it or copy it in.`,
        );
      }
      return;
    }
    if (a.startsWith('-')) continue;
    const abs = joinPath(scene.workdir, a);
    if (!existsOrUnsure(scene, abs, a)) {
      if (scene.model.context.totalFiles === 0) return;
      fail(scene, 'file', `${a} is not in the final image (${abs}). COPY it into the final stage.`);
      return;
    }
    if (scene.requirements) {
      checkImports(scene, dirs, minor, scene.requirements, `Python ${minor ?? ''}`.trim());
      checkLibraries(scene);
      checkLeftToOs(scene);
    }
    return;
  }
}

const STDLIB = new Set([
  'http',
  'json',
  'venv',
  'pip',
  'ensurepip',
  'unittest',
  'pydoc',
  'timeit',
  'zipfile',
  'compileall',
  'site',
  'this',
]);
function isStdlib(mod: string): boolean {
  return STDLIB.has(mod);
}

/** The project's requirements when it declares them (the app imports them all), else just `dist`. */
function requirementsToCheck(scene: Scene, dist: string): string[] {
  const reqs = scene.requirements ?? [];
  return reqs.includes(dist) ? reqs : [dist, ...reqs];
}

function runScript(
  scene: Scene,
  program: Extract<Program, { kind: 'script' }>,
  args: string[],
): void {
  const pkg = program.pkg;
  const shebang = pkg.shebang;
  if (!shebang) {
    add(scene, 'interpreter', 'unknown', false, `Cannot tell which Python ${program.path} runs.`);
    return;
  }
  const interp = programs(scene).get(shebang);
  if (!interp || interp.kind !== 'python') {
    fail(
      scene,
      'interpreter',
      `${program.path} starts with #!${shebang}, and this image has no ${shebang}${scene.python ? ` (its Python is ${scene.python.path})` : ' (it has no Python)'}. Keep the interpreter that installed it in the image, or run it as python -m ${pkg.name}.`,
    );
    return;
  }
  if (interp.venv && !venvWorks(scene, interp.venv)) return;
  const { dirs, minor } = searchPath(scene, interp.python, interp.venv);
  checkImports(scene, dirs, minor, requirementsToCheck(scene, pkg.name), program.path);
  checkLibraries(scene);
  checkLeftToOs(scene);
  appModules(scene, pkg.name, args);
}

function runNode(scene: Scene, args: string[]): void {
  const script = args.find((a) => !a.startsWith('-'));
  if (!script || args.some((a) => ['-e', '--eval', '-p', '--print'].includes(a))) return;
  const abs = joinPath(scene.workdir, script);
  if (existsOrUnsure(scene, abs, script) || scene.model.context.totalFiles === 0) return;
  if (!/\.(c|m)?js$/.test(script) && !scene.isClosed) return;
  fail(
    scene,
    'file',
    `${script} is not in the final image (${abs}). COPY it into the final stage, or fix the path.`,
  );
}
