/**
 * pip, uv pip and `python -m pip|venv`: installs into the right site-packages (venv, --user,
 * --target, --prefix, system), the pip cache, wheels, uninstall, what the OS Python already holds,
 * and the certain failures (PEP 668, a source build without a compiler).
 */
import type { FsEntry, ShellCommand } from '../model-types';
import { isTruthy, lookup } from '../scope';
import * as data from '../size-data';
import { C_COMPILER_PACKAGES, valueOptions } from '../vocabulary';
import { hasDistClean } from './apt';
import {
  WRITERS_NOTE,
  absPath,
  findImageFile,
  fmtMb,
  home,
  inDir,
  isFollowed,
  truncate,
  unknown,
  type RunContext,
  type StageState,
} from './run-context';

/**
 * Whether the system Python of this stage is marked externally managed (PEP 668): Alpine 3.19+,
 * Debian 12+ and Ubuntu 23.04+ ship an EXTERNALLY-MANAGED file with their python3 package; the
 * official python images build their own CPython into /usr/local and do not.
 */
function isExternallyManaged(state: StageState): boolean | undefined {
  if (state.record.runtimes.python) return false;
  const release = state.record.osRelease ?? '';
  if (state.libc === 'musl') {
    const m = /^(\d+)\.(\d+)/.exec(release) ?? /alpine:(\d+)\.(\d+)/.exec(state.record.ref);
    return m ? Number(m[1]) > 3 || (Number(m[1]) === 3 && Number(m[2]) >= 19) : undefined;
  }
  const distClean = hasDistClean(state);
  if (/\b(bookworm|trixie|noble)\b/.test(`${state.aptRelease ?? ''} ${release}`)) return true;
  if (/\b(bullseye|buster|jammy|focal)\b/.test(`${state.aptRelease ?? ''} ${release}`))
    return false;
  return distClean;
}

/**
 * Python distributions that publish no Linux wheels for glibc, so pip builds them from the sdist
 * (PyPI file lists: psycopg2 and mysqlclient ship only sdists for Linux; their -binary / wheel
 * alternatives are psycopg2-binary and none). What each build needs besides a C compiler.
 */
const SOURCE_ONLY: Record<string, { debian: string[]; alpine: string[] }> = {
  psycopg2: { debian: ['libpq-dev'], alpine: ['libpq-dev'] },
  mysqlclient: {
    debian: ['default-libmysqlclient-dev', 'libmariadb-dev'],
    alpine: ['mariadb-dev'],
  },
};

export function applyPython(cmd: ShellCommand, rc: RunContext): void {
  const i = cmd.args.indexOf('-m');
  if (i < 0) {
    if (cmd.args.length && !cmd.args[0].startsWith('-') && !cmd.args.includes('--version')) {
      unknown(rc, 'command', cmd.name, `\`${truncate(cmd.text, 60)}\` ${WRITERS_NOTE}.`, 0, cmd);
    }
    return;
  }
  const mod = cmd.args[i + 1];
  if (mod === 'pip') return applyPip({ ...cmd, name: 'pip', args: cmd.args.slice(i + 2) }, rc);
  if (mod === 'venv' || mod === 'virtualenv') {
    const dir = cmd.args.slice(i + 2).find((a) => !a.startsWith('-'));
    return makeVenv(dir, cmd, rc);
  }
  if (mod === 'compileall' || mod === 'ensurepip') return;
  unknown(
    rc,
    'command',
    `${cmd.name} -m ${mod}`,
    `\`${truncate(cmd.text, 60)}\` ${WRITERS_NOTE}.`,
    0,
    cmd,
  );
}

export function makeVenv(dir: string | undefined, cmd: ShellCommand, rc: RunContext): void {
  if (!dir) return;
  const path = absPath(dir, rc.stage);
  rc.state.venvs.push(path);
  // A venv holds links to the interpreter plus its own pip: pip's installed size + byte code.
  // Its pip is a file of the entry, so `pip uninstall pip` or an rm of it takes only that part.
  const skeleton = { path: `${path}/bin`, bytes: data.VENV_WITHOUT_PIP_BYTES };
  if (cmd.args.includes('--without-pip')) {
    rc.add({ ...skeleton, kind: 'pip', item: `virtualenv ${path} (no pip)`, files: [skeleton] });
    return;
  }
  const pip = data.pipInstall(['pip'], { musl: rc.state.libc === 'musl', cache: rc.stage.cache })
    .packages[0];
  const pipBytes = pip ? pip.installedBytes : data.PIP_SELF_BYTES;
  const pipFiles = {
    path: `${path}/lib/python${pythonVer(rc.state)}/site-packages/pip`,
    bytes: pipBytes,
  };
  rc.add({
    path,
    bytes: skeleton.bytes + pipBytes,
    kind: 'pip',
    item: `virtualenv ${path} (pip inside it, estimate)`,
    files: [skeleton, pipFiles],
  });
}

/** The venv whose pip `cmd` runs: by its path (`/opt/venv/bin/pip`), else the first on PATH. */
function venvOfPip(cmd: ShellCommand, rc: RunContext): string | undefined {
  const venvOfDir = (dir: string) =>
    rc.state.venvs.find((v) => dir.replace(/\/+$/, '') === `${v}/bin`);
  if (cmd.path) return venvOfDir(cmd.path.slice(0, cmd.path.lastIndexOf('/')));
  for (const dir of (cmd.assignments.PATH ?? rc.run.env.PATH ?? '').split(':')) {
    const venv = venvOfDir(dir);
    if (venv) return venv;
    // The system's own folders come first: their pip is not a venv's.
    if (/^(\/usr(\/local)?)?\/s?bin\/?$/.test(dir)) return undefined;
  }
  return undefined;
}

function pythonVer(state: StageState): string {
  return state.pythonVersion ?? '3';
}

function sitePackages(
  cmd: ShellCommand,
  rc: RunContext,
  flags: { user: boolean; target?: string; prefix?: string },
): string {
  const { state, stage } = rc;
  const ver = pythonVer(state);
  if (flags.target) return absPath(flags.target, stage);
  if (flags.prefix) return `${absPath(flags.prefix, stage)}/lib/python${ver}/site-packages`;
  const viaPath =
    cmd.path && cmd.path.includes('/bin/')
      ? cmd.path.slice(0, cmd.path.lastIndexOf('/bin/'))
      : undefined;
  const venvFromPath = (() => {
    const p = cmd.assignments.PATH ?? rc.run.env.PATH ?? '';
    const first = p.split(':').find((d) => state.venvs.some((v) => d === `${v}/bin`));
    return first ? first.slice(0, -4) : undefined;
  })();
  const venv =
    viaPath ??
    venvFromPath ??
    (rc.run.env.VIRTUAL_ENV && state.venvs.includes(rc.run.env.VIRTUAL_ENV)
      ? rc.run.env.VIRTUAL_ENV
      : undefined);
  if (venv) return `${venv}/lib/python${ver}/site-packages`;
  const userSite = `${home(stage)}/.local/lib/python${ver}/site-packages`;
  if (flags.user) return userSite;
  const system = state.record.runtimes.python
    ? `/usr/local/lib/python${ver}/site-packages`
    : state.libc === 'musl'
      ? `/usr/lib/python${ver}/site-packages`
      : `/usr/local/lib/python${ver}/dist-packages`;
  if (!runsAsOtherUser(stage.user) || userOwns(rc, system)) return system;
  // pip cannot write the root-owned system site-packages and defaults to a user install
  // ("Defaulting to user installation because normal site-packages is not writeable").
  rc.problems.push({
    range: cmd.range,
    severity: 'warning',
    message: `pip runs as ${stage.user} here, who cannot write to ${system}: it installs into ${userSite} instead, its programs go to ${home(stage)}/.local/bin (not on PATH), and the build fails if ${home(stage)} does not exist. Run pip before USER, or into a venv the user owns.`,
  });
  return userSite;
}

/** True for a USER other than root that the model can read (no unexpanded variable). */
function runsAsOtherUser(user: string): boolean {
  const name = user.split(':')[0];
  return name !== '' && name !== 'root' && name !== '0' && !name.includes('$');
}

/** An earlier command of this stage handed a directory holding `site` to someone (chown/chmod). */
function userOwns(rc: RunContext, site: string): boolean {
  const runs = [...rc.stage.runs, rc.run];
  return runs.some((r) =>
    r.commands.some(
      (c) =>
        (c.name === 'chown' || c.name === 'chmod') &&
        c.args.some(
          (a) => a.startsWith('/') && (site === a || site.startsWith(`${a.replace(/\/+$/, '')}/`)),
        ),
    ),
  );
}

/** Normalised distribution name of a requirement (`Flask[async]>=3` → `flask`); undefined for paths and URLs. */
export function requirementName(spec: string): string | undefined {
  const s = spec.trim();
  if (!s || s.startsWith('.') || s.startsWith('/') || s.includes('://') || s.startsWith('git+'))
    return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(s);
  if (!m) return undefined;
  if (/\.(whl|tar\.gz|zip)$/i.test(s)) return undefined;
  return m[1].toLowerCase().replace(/[._]+/g, '-');
}

/** Requirement names listed in a requirements.txt text (comments, options and markers skipped). */
export function parseRequirements(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-')) continue;
    const name = requirementName(line);
    if (name) out.push(name);
  }
  return out;
}

/**
 * Distributions of the wheels `arg` names (`/wheels/*.whl`, `/wheels/flask.whl`), from what a
 * `pip wheel` in this stage, or in a stage bind-mounted into this RUN, wrote there. Empty when
 * `arg` is no wheel path or nothing known is there.
 */
function wheelsAt(arg: string, rc: RunContext): string[] {
  if (!/\.whl$/i.test(arg)) return [];
  const abs = absPath(arg, rc.stage);
  const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
  const file = abs.slice(abs.lastIndexOf('/') + 1);
  const pick = (entries: FsEntry[]) =>
    entries
      .filter((e) => e.kind === 'build' && e.pkg && e.path.endsWith('.whl'))
      .filter((e) => file.includes('*') || e.path.endsWith(`/${file}`))
      .map((e) => e.pkg as string);
  const out = pick(rc.state.fs.under(dir));
  for (const m of rc.stageMounts) {
    if (dir !== m.target && !dir.startsWith(`${m.target}/`)) continue;
    out.push(...pick(m.stage.fs.under(`${m.source}${dir.slice(m.target.length)}`)));
  }
  return [...new Set(out)];
}

/**
 * Records the certain failures of a pip install or wheel: PEP 668 refusing to touch an externally
 * managed system Python, and a source build without a compiler or headers.
 */
function checkPipBuild(
  cmd: ShellCommand,
  rc: RunContext,
  sub: string,
  flags: { user: boolean; target?: string; prefix?: string },
  names: string[],
  compilesOnMusl: string[],
): void {
  const { state, run } = rc;
  if (!isFollowed(rc, cmd) || cmd.name === 'uv') return;
  const pythonPkg = ['python3', 'python3-minimal'].some((p) => state.packages.has(p));
  const pipPath = cmd.path ?? cmd.args.find((a) => a.includes('/bin/python'));
  const pathEnv = cmd.assignments.PATH ?? run.env.PATH ?? '';
  const inVenv =
    (pipPath !== undefined && state.venvs.some((v) => pipPath.startsWith(`${v}/`))) ||
    state.venvs.some((v) => pathEnv.split(':').includes(`${v}/bin`)) ||
    run.commands.some(
      (c) => (c.name === '.' || c.name === 'source') && c.args.some((a) => a.endsWith('/activate')),
    );
  const overridden =
    cmd.args.includes('--break-system-packages') ||
    isTruthy(cmd.assignments.PIP_BREAK_SYSTEM_PACKAGES ?? run.env.PIP_BREAK_SYSTEM_PACKAGES);
  if (
    sub === 'install' &&
    pythonPkg &&
    !inVenv &&
    !overridden &&
    flags.target === undefined &&
    flags.prefix === undefined &&
    isExternallyManaged(state) === true
  )
    rc.fail(
      'pip-externally-managed',
      cmd,
      `This image's python3 is managed by ${state.libc === 'musl' ? 'apk' : 'apt'} (PEP 668), so pip install stops with "error: externally-managed-environment". Add --break-system-packages (fine in a single-purpose image), install into a venv, or use --target.`,
    );
  if (state.record.packages === undefined && !musl(state)) return;
  const hasCompiler = C_COMPILER_PACKAGES.some((c) => state.packages.has(c));
  const family = musl(state) ? 'alpine' : 'debian';
  const needs = new Set(names.filter((n) => Object.hasOwn(SOURCE_ONLY, n)));
  if (musl(state)) for (const n of compilesOnMusl) needs.add(n);
  if (needs.size === 0) return;
  const headers = [...needs].flatMap((n) => lookup(SOURCE_ONLY, n)?.[family] ?? []);
  const missingHeaders = headers.length > 0 && !headers.some((h) => state.packages.has(h));
  if (hasCompiler && !missingHeaders) return;
  const what = [
    ...(hasCompiler ? [] : [family === 'alpine' ? 'build-base' : 'gcc']),
    ...(missingHeaders ? [headers[0]] : []),
  ];
  rc.fail(
    'compiler-missing',
    cmd,
    `pip builds ${[...needs].join(', ')} from source here (no wheel for this platform), and this stage has no ${what.join(' or ')}, so the build fails. Install ${what.join(' and ')} in this stage first, or build in a stage that has them.`,
  );
}

function musl(state: StageState): boolean {
  return state.libc === 'musl';
}

const PIP_VALUE_OPTIONS = valueOptions('pip');

export function applyPip(cmd: ShellCommand, rc: RunContext): void {
  const { state, stage, run } = rc;
  let args = cmd.args;
  if (cmd.name === 'uv') {
    if (args[0] !== 'pip') {
      if (args[0] === 'sync' || args[0] === 'add')
        unknown(
          rc,
          'command',
          `uv ${args[0]}`,
          'uv project installs are not sized; 0 assumed.',
          0,
          cmd,
        );
      return;
    }
    args = args.slice(1);
  }
  const sub = args.find((a) => !a.startsWith('-'));
  if (sub === 'cache') {
    const what = args[args.indexOf('cache') + 1];
    if (what === 'purge' || what === 'remove') rc.remove(`${home(stage)}/.cache/pip`);
    return;
  }
  if (sub === 'uninstall') {
    for (const a of args.slice(args.indexOf('uninstall') + 1)) {
      const n = requirementName(a);
      if (!n || a.startsWith('-')) continue;
      if (n === 'pip') state.removedManagers.add('pip');
      const venv = n === 'pip' ? venvOfPip(cmd, rc) : undefined;
      if (venv) rc.remove(`${venv}/lib/python*/site-packages/pip`);
      // pip uninstall pip also deletes the files of the OS package that brought pip (py3-pip,
      // python3-pip): in the layer that installed them that shrinks the image, later it hides them.
      const osPip = (x: FsEntry) => n === 'pip' && (x.pkg === 'py3-pip' || x.pkg === 'python3-pip');
      for (const e of state.fs.entries.filter((x) => (x.kind === 'pip' && x.pkg === n) || osPip(x)))
        rc.remove(e.path);
    }
    return;
  }
  if (sub !== 'install' && sub !== 'wheel') return;
  const specs: string[] = [];
  let wheelDir: string | undefined;
  // Distributions installed from built wheels: nothing of theirs compiles here.
  const wheelNames = new Set<string>();
  const flags: { user: boolean; target?: string; prefix?: string } = { user: false };
  let isNoCache = isTruthy(run.env.PIP_NO_CACHE_DIR) || isTruthy(cmd.assignments.PIP_NO_CACHE_DIR);
  let hasLocalProject = false;
  let seenSub = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const opt = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inlineValue = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const value = () => inlineValue ?? args[++i] ?? '';
    if (opt === '--no-cache-dir') isNoCache = true;
    else if (opt === '--user') flags.user = true;
    else if (opt === '-t' || opt === '--target') flags.target = value();
    else if (sub === 'wheel' && (opt === '-w' || opt === '--wheel-dir')) wheelDir = value();
    else if (opt === '--prefix') flags.prefix = value();
    else if (opt === '-r' || opt === '--requirement') {
      const file = value();
      const path = absPath(file, stage);
      const found = findImageFile(path, rc);
      if (found?.content !== undefined) specs.push(...parseRequirements(found.content));
      else if (found)
        unknown(
          rc,
          'pip-package',
          file,
          `\`${file}\` was copied but its content is not known; its packages are not sized.`,
          0,
          cmd,
        );
      else
        unknown(
          rc,
          'pip-package',
          file,
          `\`${file}\` is not in the image at ${path} (COPY it first); its packages are not sized.`,
          0,
          cmd,
        );
    } else if (opt === '-e' || opt === '--editable') {
      value();
      hasLocalProject = true;
    } else if (a.startsWith('-')) {
      if (PIP_VALUE_OPTIONS.has(opt) && inlineValue === undefined) i++;
    } else if (!seenSub && a === sub) seenSub = true;
    else {
      const n = requirementName(a);
      const wheels = n ? [] : wheelsAt(a, rc);
      if (n) specs.push(n);
      else if (wheels.length) {
        specs.push(...wheels);
        for (const w of wheels) wheelNames.add(w);
      } else if (a.includes('$'))
        unknown(
          rc,
          'variable',
          a,
          `\`${a}\` depends on an unresolved variable; not sized.`,
          0,
          cmd,
        );
      else hasLocalProject = true;
    }
  }
  if (hasLocalProject) {
    unknown(
      rc,
      'pip-package',
      'local project',
      'A local project or file is installed; only its listed dependencies can be sized.',
      0,
      cmd,
    );
  }
  if (!specs.length) return;
  const musl = state.libc === 'musl';
  const result = data.pipInstall(specs, { musl, cache: rc.stage.cache });
  const built = wheelNames.size
    ? data
        .pipInstall(
          specs.filter((n) => !wheelNames.has(n)),
          { musl, cache: rc.stage.cache },
        )
        .packages.filter((p) => !wheelNames.has(p.name))
    : result.packages;
  checkPipBuild(
    cmd,
    rc,
    sub,
    flags,
    built.map((p) => p.name).concat(specs.filter((n) => !wheelNames.has(n))),
    built.filter((p) => p.needsCompileOnMusl && !p.unavailableOnMusl).map((p) => p.name),
  );
  if (sub === 'wheel') {
    // `pip wheel` writes one wheel per distribution (dependencies included) into the wheel
    // directory (default: the working directory); a later `pip install DIR/*.whl` installs them.
    const dir = absPath(wheelDir ?? '.', stage);
    const label = `pip wheel ${specs.slice(0, 4).join(' ')}${specs.length > 4 ? ' …' : ''}`;
    for (const p of [...result.packages, ...result.unknown])
      rc.add({
        path: inDir(dir, `${p.name}.whl`),
        bytes:
          'wheelBytes' in p
            ? p.wheelBytes
            : Math.round(p.assumedBytes * data.PIP_WHEEL_TO_INSTALLED),
        kind: 'build',
        pkg: p.name,
        item: label,
      });
    return;
  }
  const site = sitePackages(cmd, rc, flags);
  const label = `pip install ${specs.slice(0, 4).join(' ')}${specs.length > 4 ? ` … (${specs.length})` : ''}`;
  const satisfied = satisfiedByOs(rc, site, flags);
  const isInstalled = (p: { name: string }) => {
    const osPkg = satisfied.get(p.name);
    if (osPkg) state.pipSatisfiedByOs.push({ dist: p.name, osPkg, site });
    return !osPkg;
  };
  const installs = result.packages.filter(isInstalled);
  const unknowns = result.unknown.filter(isInstalled);
  const paths = installs.map((p) => `${site}/${p.name}`);
  rc.overwrite(paths);
  let wheelBytes = 0;
  for (const p of installs) {
    rc.add({
      path: `${site}/${p.name}`,
      bytes: p.installedBytes,
      kind: 'pip',
      pkg: p.name,
      item: label,
    });
    wheelBytes += p.wheelBytes;
    if (musl && p.unavailableOnMusl) {
      unknown(
        rc,
        'pip-package',
        p.name,
        `\`${p.name}\` has no musl (Alpine) build and cannot be installed there; the build fails.`,
        0,
        cmd,
      );
      rc.problems.push({
        range: cmd.range,
        severity: 'error',
        message: `pip cannot install ${p.name} on Alpine (musl): no musllinux wheel and no source build.`,
      });
    } else if (musl && p.needsCompileOnMusl) {
      state.compiles.push(p.name);
    }
  }
  for (const u of unknowns) {
    unknown(
      rc,
      'pip-package',
      u.name,
      `Python package \`${u.name}\` is not in the package table; ${fmtMb(u.assumedBytes)} assumed.`,
      u.assumedBytes,
      cmd,
    );
    rc.add({
      path: `${site}/${u.name}`,
      bytes: u.assumedBytes,
      kind: 'pip',
      pkg: u.name,
      item: label,
    });
    wheelBytes += Math.round(u.assumedBytes * data.PIP_WHEEL_TO_INSTALLED);
  }
  if (!isNoCache && wheelBytes > 0) {
    // pip's HTTP cache keeps each downloaded wheel (package-sizes.json caches.pip: ratio 1.0).
    rc.add({
      path: `${home(stage)}/.cache/pip`,
      bytes: Math.round(wheelBytes * data.PIP_CACHE_RATIO),
      kind: 'cache',
      item: 'pip cache (no --no-cache-dir)',
    });
  }
}

/**
 * Python distributions that OS packages put into the system Python's site-packages. Alpine's
 * py3-pip depends on py3-packaging, py3-parsing and py3-setuptools (the apk table sizes them with
 * it: package-sizes.json, py3-pip `includesDeps`).
 */
const OS_PYTHON_DISTS: Record<string, string[]> = {
  'py3-pip': ['pip', 'packaging', 'pyparsing', 'setuptools'],
};

/**
 * Distributions pip finds already installed and skips ("Requirement already satisfied"), each
 * with the OS package that holds it. pip looks at the system Python's site-packages for plain,
 * `--prefix` and `--user` installs; `--target` implies --ignore-installed, and a venv does not see
 * the system's packages.
 */
function satisfiedByOs(
  rc: RunContext,
  site: string,
  flags: { target?: string },
): Map<string, string> {
  const out = new Map<string, string>();
  const { state } = rc;
  // --ignore-installed is no way out: pip writes over apk's files, and apk del removes them.
  const ignoresInstalled =
    flags.target !== undefined || state.venvs.some((v) => site.startsWith(`${v}/`));
  if (state.libc !== 'musl' || ignoresInstalled) return out;
  for (const [osPkg, dists] of Object.entries(OS_PYTHON_DISTS))
    if (state.packages.has(osPkg)) for (const d of dists) out.set(d, osPkg);
  return out;
}
