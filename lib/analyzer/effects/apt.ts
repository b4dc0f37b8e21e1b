/**
 * apt-get / apt / aptitude, apt-mark and dpkg: installs sized from the measured package tables
 * (with Recommends unless turned off), lists, removals, `--auto-remove` and the official images'
 * `apt-mark showmanual` / `auto` / `manual` pattern, clean and dist-clean.
 */
import type { ShellCommand } from '../model-types';
import { sum, type SimEntry } from '../sim-fs';
import * as data from '../size-data';
import {
  APT_GET_OPERATIONS,
  aptGetOperationWord,
  hasDashLookalike,
  isAptNoAction,
  normalizeDashes,
  operands,
} from '../vocabulary';
import { onlyCloseName } from '../spelling';
import {
  addUnsizedPackage,
  fmtMb,
  isFollowed,
  ownPackages,
  unknown,
  type RunContext,
  type StageState,
} from './run-context';

/** The apt-mark state of the current layer, fresh for each RUN. */
export function aptMarksOf(rc: RunContext): NonNullable<StageState['aptMarks']> {
  const m = rc.state.aptMarks;
  if (m && m.layer === rc.layer) return m;
  const fresh = { layer: rc.layer, isAllAuto: false, manual: new Set<string>() };
  rc.state.aptMarks = fresh;
  return fresh;
}

/**
 * Whether this stage's apt has `apt-get dist-clean` (added in apt 2.7: Debian 13 trixie, Ubuntu
 * 24.04 noble; bookworm has apt 2.6, jammy 2.4, focal 2.0 — packages.debian.org and
 * packages.ubuntu.com). `undefined` when the release is not known.
 */
export function hasDistClean(state: StageState): boolean | undefined {
  const text = `${state.aptRelease ?? ''} ${state.record.osRelease ?? ''} ${state.record.ref}`;
  if (
    /\b(trixie|forky|sid|noble|oracular|plucky|questing)\b|\b(13|24\.04|24\.10|25\.04)\b/.test(text)
  )
    return true;
  if (/\b(bookworm|bullseye|buster|jammy|focal)\b|\b(12|11|10|22\.04|20\.04)\b/.test(text))
    return false;
  return undefined;
}

/**
 * `apt-get install --update` (or `-U`): apt 2.7 and later fetch the package lists first
 * (Debian/apt commit 3625351, "Add apt install,upgrade,... -U,--update options", in 2.7.0), as
 * docker-library's trixie images do. Older apt does not know the option.
 */
function runsUpdateFirst(args: readonly string[], sub: string, state: StageState): boolean {
  if (!/^(install|reinstall|upgrade|dist-upgrade|full-upgrade|remove|purge|autoremove)$/.test(sub))
    return false;
  return asksUpdate(args) && hasDistClean(state) !== false;
}

function asksUpdate(args: readonly string[]): boolean {
  return args.some((a) => a === '--update' || /^-[a-zA-Z]*U[a-zA-Z]*$/.test(a));
}

/**
 * `apt-get WORD` where WORD is not an apt-get operation: apt-get does nothing and fails. Reported
 * when the RUN then fails (see `ShellCommand.onFailure`); never for a command inside an `if` or
 * after `||`, or when the shell goes on after it (the rest of its `&&` chain is skipped then).
 */
function invalidOperation(cmd: ShellCommand, word: string, rc: RunContext): void {
  if (cmd.conditional) return;
  const meant = onlyCloseName(word, APT_GET_OPERATIONS);
  rc.state.aptInvalid = { layer: rc.layer, word, ...(meant ? { meant } : {}) };
  rc.failsAlways(cmd);
  if (cmd.onFailure !== 'exits') return;
  const dashed = hasDashLookalike(word);
  rc.fail(
    'apt-get-invalid-operation',
    cmd,
    dashed
      ? `"${word}" starts with a dash that is not a hyphen (often pasted from a web page), so apt-get reads it as its operation and stops with "E: Invalid operation ${word}": the build fails here. Type the option with a hyphen: ${normalizeDashes(word)}.`
      : `apt-get has no operation "${word}": it stops with "E: Invalid operation ${word}" and the build fails here. ${meant ? `Write apt-get ${meant}.` : 'Use one of its operations (update, install, remove, purge, autoremove, clean…; see apt-get(8)).'}`,
  );
}

export function applyApt(cmd: ShellCommand, rc: RunContext): void {
  const { state } = rc;
  if (cmd.name === 'apt-get') {
    const word = aptGetOperationWord(cmd.args);
    if (word !== undefined && !/[$`]/.test(word) && !APT_GET_OPERATIONS.has(word))
      return invalidOperation(cmd, word, rc);
  }
  const args = operands(cmd.args, 'apt-get');
  const sub = args[0];
  if (sub === 'update' || (sub !== undefined && runsUpdateFirst(cmd.args, sub, state))) {
    const bytes = data.aptListsBytes(state.aptRelease, state.record);
    rc.overwrite(['/var/lib/apt/lists']);
    rc.add({
      path: '/var/lib/apt/lists',
      bytes,
      kind: 'lists',
      item: 'apt package lists (apt-get update)',
    });
    if (sub === 'update') return;
  }
  // A simulation (`apt-get install -s …`) prints what it would do and changes nothing.
  if (cmd.args.some(isAptNoAction)) return;
  if (sub === 'install' || sub === 'reinstall') {
    const opts = cmd.args.join(' ');
    let recommends = !state.isNoRecommendsConfig;
    if (cmd.args.includes('--no-install-recommends')) recommends = false;
    if (/APT::Install-Recommends[= ]+"?(false|0|no)"?/i.test(opts)) recommends = false;
    if (cmd.args.includes('--install-recommends')) recommends = true;
    const names: string[] = [];
    for (const raw of args.slice(1)) {
      if (raw.includes('$')) {
        unknown(
          rc,
          'variable',
          raw,
          `Package \`${raw}\` depends on a variable that could not be resolved; not sized.`,
          0,
          cmd,
        );
        continue;
      }
      if (raw.endsWith('.deb') || raw.startsWith('./') || raw.startsWith('/')) {
        unknown(rc, 'apt-package', raw, `Local package file \`${raw}\` cannot be sized.`, 0, cmd);
        continue;
      }
      names.push(
        raw
          .replace(/[=/].*$/, '')
          .replace(/:(amd64|arm64|all)$/, '')
          .toLowerCase(),
      );
    }
    if (!names.length) return;
    if (
      !state.fs.has('/var/lib/apt/lists') &&
      !rc.run.mountsCover('/var/lib/apt/lists') &&
      isFollowed(rc, cmd)
    )
      rc.fail(
        'apt-lists-missing',
        cmd,
        asksUpdate(cmd.args)
          ? `${cmd.name} install --update needs apt 2.7 or later (Debian trixie, Ubuntu noble); this release's apt does not know the option and stops with an error, so the build fails. Run apt-get update before the install instead.`
          : `${cmd.name} install runs without package lists (the base image ships none, or an earlier command deleted them), so it fails with "Unable to locate package ${names[0]}". ${typoNote(rc) ?? 'Run apt-get update in the same RUN, before the install, and delete the lists at the end of that RUN.'}`,
      );
    const aptOpts = {
      release: state.aptRelease,
      installed: state.packages,
      basePackages: state.record.packages,
      baseKey: state.record.ref,
      excludeDocs: state.excludesDocs,
      cache: rc.stage.cache,
    };
    const closure = data.aptInstall(names, { ...aptOpts, recommends });
    // What some of this command's names need, with the same options (build-tools-in-final asks
    // what the runtime packages of a mixed install keep when its build tools move away).
    // Built only when the rule asks: every apt-get install passes here, few are mixed installs.
    const basePackages = state.record.packages;
    (rc.layer.aptNeeds ??= new Map()).set(cmd, (some: string[]) => {
      try {
        const installed = new Set(basePackages ?? []);
        const c = data.aptInstall(some, { ...aptOpts, installed, recommends });
        return c.unknown.length ? undefined : new Set(c.packages.map((p) => p.name).concat(some));
      } catch {
        return undefined;
      }
    });
    if (recommends) {
      const extra =
        sum(closure.packages) - data.aptInstallBytes(names, { ...aptOpts, recommends: false });
      if (extra > 0 && !rc.run.mountsCover('/usr')) {
        rc.layer.recommendsBytes = (rc.layer.recommendsBytes ?? 0) + extra;
        (rc.layer.recommendsByCommand ??= new Map()).set(cmd, extra);
        // Which packages only Recommends pulled in: a purge later in this RUN takes them back.
        const lean = new Set(
          data.aptInstall(names, { ...aptOpts, recommends: false }).packages.map((p) => p.name),
        );
        const only = (rc.layer.recommendsOnly ??= new Map());
        for (const p of closure.packages) if (!lean.has(p.name)) only.set(p.name, p.bytes);
      }
    }
    const label = `apt-get install ${names.join(' ')}${closure.packages.length > names.length ? ` (${closure.packages.length} packages)` : ''}`;
    const stateBytes = data.aptStateBytesPerPackage();
    for (const p of closure.packages) {
      ownPackages(state).add(p.name);
      rc.add({
        path: `/.pkg/apt/${p.name}`,
        bytes: p.bytes + stateBytes,
        kind: 'apt',
        pkg: p.name,
        item: label,
      });
    }
    noteDpkg(rc, closure.packages.length + closure.unknown.length);
    for (const u of closure.unknown) {
      addUnsizedPackage(rc, state, 'apt', u, cmd, label);
    }
    state.aptGroups.push({
      requested: new Set(names),
      packages: closure.packages.map((p) => p.name).concat(closure.unknown.map((u) => u.name)),
    });
    noteRuntimes(state, names);
    return;
  }
  if (sub === 'remove' || sub === 'purge') {
    const names = args.slice(1).map((n) => n.replace(/[=:].*$/, ''));
    for (const n of names) removeAptPackage(n, rc);
    if (cmd.args.includes('--auto-remove') || cmd.args.includes('--autoremove')) autoremove(rc);
    return;
  }
  // `apt-get autoremove --purge build-essential` removes the named packages too, then what only
  // they needed (apt-get(8): autoremove takes package names like remove).
  if (sub === 'autoremove') {
    for (const n of args.slice(1)) removeAptPackage(n.replace(/[=:].*$/, ''), rc);
    return autoremove(rc);
  }
  if (sub === 'clean' || sub === 'autoclean') {
    rc.remove('/var/cache/apt/*');
    return;
  }
  if (sub === 'dist-clean' || sub === 'distclean') {
    if (hasDistClean(state) === false) {
      // apt before 2.7 answers "E: Invalid operation dist-clean": the build stops, nothing is deleted.
      if (isFollowed(rc, cmd))
        rc.fail(
          'apt-dist-clean-unavailable',
          cmd,
          `apt-get dist-clean needs apt 2.7 or later (Debian trixie, Ubuntu noble); this release's apt answers "E: Invalid operation dist-clean" and the build fails. Use \`rm -rf /var/lib/apt/lists/*\` instead.`,
        );
      return;
    }
    rc.remove('/var/cache/apt/*');
    rc.remove('/var/lib/apt/lists/*');
    rc.recordDelete('/var/lib/apt/lists');
    return;
  }
  // upgrade/dist-upgrade/full-upgrade change a few packages in place; size not modelled.
  if (sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade') {
    unknown(
      rc,
      'command',
      `${cmd.name} ${sub}`,
      'Upgraded packages are rewritten into this layer; their size is not modelled (0 assumed).',
      0,
      cmd,
    );
  }
}

/** A note on an earlier `apt-get updat` of this RUN that was meant to fetch the lists. */
function typoNote(rc: RunContext): string | undefined {
  const bad = rc.state.aptInvalid;
  if (!bad || bad.layer !== rc.layer || bad.meant !== 'update') return undefined;
  return `The \`apt-get ${bad.word}\` before it is not an apt-get operation (it failed, and the RUN went on): write apt-get update there, and delete the lists at the end of that RUN.`;
}

function removeAptPackage(name: string, rc: RunContext): void {
  // A package not in the table that this same RUN installed and now removes ships nothing.
  const { start, end } = rc.run.range;
  for (let i = rc.unknowns.length - 1; i >= 0; i--) {
    const u = rc.unknowns[i];
    if (
      u.kind === 'apt-package' &&
      u.name === name &&
      u.line !== undefined &&
      u.line >= start.line &&
      u.line <= end.line
    )
      rc.unknowns.splice(i, 1);
  }
  if (rc.state.packages.has(name) && ownPackages(rc.state).delete(name)) noteDpkg(rc, 0);
  rc.remove(`/.pkg/apt/${name}`);
}

/** Records that dpkg ran in this layer (the model adds the database rewrite when the RUN ends). */
function noteDpkg(rc: RunContext, installed: number): void {
  const c = rc.state.dpkgChanges;
  if (c && c.layer === rc.layer) c.installed += installed;
  else rc.state.dpkgChanges = { layer: rc.layer, installed };
}

function autoremove(rc: RunContext): void {
  const { state } = rc;
  const marks = state.aptMarks?.layer === rc.layer ? state.aptMarks : undefined;
  // After `apt-mark auto '.*'` only what was marked manual again keeps its group.
  const isManual = (r: string) =>
    !marks?.isAllAuto || marks.manual.has(r) || (marks.saved?.has(r) ?? false);
  const isLive = (g: StageState['aptGroups'][number]) =>
    [...g.requested].some((r) => state.packages.has(r) && isManual(r));
  const stillRequested = new Set<string>();
  for (const g of state.aptGroups)
    for (const r of g.requested) if (state.packages.has(r) && isManual(r)) stillRequested.add(r);
  const removedLibs: string[] = [];
  let removedLibBytes = 0;
  for (const g of state.aptGroups) {
    if (isLive(g)) continue;
    for (const p of g.packages) {
      if (stillRequested.has(p)) continue;
      const neededElsewhere = state.aptGroups.some(
        (o) => o !== g && isLive(o) && o.packages.includes(p),
      );
      if (neededElsewhere || !state.packages.has(p)) continue;
      if (marks?.lddKeeps && /^lib/.test(p) && !/-dev(:|$)/.test(p)) {
        removedLibs.push(p);
        removedLibBytes += sum(state.fs.under(`/.pkg/apt/${p}`) as SimEntry[]);
      }
      removeAptPackage(p, rc);
    }
  }
  // A group that keeps some of what it asked for (`install build-essential libpq-dev`, then
  // `purge build-essential`) keeps only their dependencies: the rest was installed as automatic.
  for (const g of state.aptGroups) {
    if (!isLive(g)) continue;
    const left = [...g.requested].filter((r) => state.packages.has(r) && isManual(r));
    if (left.length === g.requested.size) continue;
    const needed = dependenciesOf(left, rc);
    if (!needed) continue;
    for (const p of g.packages) {
      if (needed.has(p) || stillRequested.has(p) || !state.packages.has(p)) continue;
      if (state.aptGroups.some((o) => o !== g && isLive(o) && o.packages.includes(p))) continue;
      removeAptPackage(p, rc);
    }
  }
  // When the release was sized from its published image, the libraries it links to are in that figure.
  if (marks?.lddKeeps && removedLibs.length && state.knownDist?.layer !== rc.layer) {
    unknown(
      rc,
      'command',
      'apt-mark manual (libraries the build links to)',
      `The libraries the built files link to are kept (ldd | apt-mark manual); which of the ${removedLibs.length} purged libraries they are is not known, 0–${fmtMb(removedLibBytes)}.`,
      0,
      marks.lddKeeps,
      [0, removedLibBytes],
    );
    marks.lddKeeps = undefined;
  }
}

/**
 * What `names` need installed, Recommends included (apt keeps them on autoremove by default), over
 * the stage's release table; undefined when a name is not in it (then nothing is removed).
 */
function dependenciesOf(names: string[], rc: RunContext): Set<string> | undefined {
  const { state } = rc;
  try {
    const closure = data.aptInstall(names, {
      release: state.aptRelease,
      installed: new Set(state.record.packages ?? []),
      basePackages: state.record.packages,
      baseKey: state.record.ref,
      excludeDocs: state.excludesDocs,
      recommends: true,
      cache: rc.stage.cache,
    });
    if (closure.unknown.length) return undefined;
    return new Set(closure.packages.map((p) => p.name).concat(names));
  } catch {
    return undefined;
  }
}

/** `apt-mark showmanual | auto PATTERN | manual NAMES`: the marks autoremove reads. */
export function applyAptMark(cmd: ShellCommand, rc: RunContext): void {
  const { state } = rc;
  const [sub, ...names] = operands(cmd.args, 'apt-mark');
  const marks = aptMarksOf(rc);
  if (sub === 'showmanual') {
    const saved = new Set<string>();
    for (const g of state.aptGroups)
      for (const r of g.requested) if (state.packages.has(r)) saved.add(r);
    marks.saved = saved;
    return;
  }
  if (sub === 'auto') {
    if (names.some((n) => /[.*?]/.test(n))) marks.isAllAuto = true;
    return;
  }
  if (sub === 'manual') {
    for (const n of names) {
      // `apt-mark manual $savedAptMark`: the saved list comes back (the variable holds the
      // command substitution, so it is not resolved here).
      if (n.includes('$') || n.includes('showmanual')) continue;
      marks.manual.add(n.replace(/:.*$/, ''));
    }
  }
}

/** `dpkg -i FILE.deb` (not sizable), `dpkg -r/-P/--purge/--remove NAME`. */
export function applyDpkg(cmd: ShellCommand, rc: RunContext): void {
  const a = cmd.args;
  if (a.includes('-i') || a.includes('--install')) {
    for (const f of operands(cmd.args, 'dpkg')) {
      unknown(
        rc,
        'apt-package',
        f,
        `dpkg -i installs the local package file \`${f}\`; its size is not known (0 assumed).`,
        0,
        cmd,
        [0, 300e6],
      );
    }
    noteDpkg(rc, 1);
    return;
  }
  if (a.some((x) => ['-r', '-P', '--purge', '--remove'].includes(x))) {
    for (const n of operands(cmd.args, 'dpkg')) removeAptPackage(n.replace(/:.*$/, ''), rc);
  }
}

/** Debian/Ubuntu/Alpine python3 minor version per release (packages.debian.org, packages.ubuntu.com, pkgs.alpinelinux.org). */
const DISTRO_PYTHON: Record<string, string> = {
  bookworm: '3.11',
  trixie: '3.13',
  focal: '3.8',
  jammy: '3.10',
  noble: '3.12',
};

function noteRuntimes(state: StageState, names: string[]): void {
  if (
    names.some(
      (n) =>
        n === 'python3' || n === 'python3-minimal' || n === 'python3-pip' || n === 'python3-venv',
    )
  ) {
    if (!state.pythonVersion && state.aptRelease)
      state.pythonVersion = DISTRO_PYTHON[state.aptRelease];
  }
  if (names.includes('nodejs') && !state.nodeVersion) state.nodeVersion = 'distro';
}
