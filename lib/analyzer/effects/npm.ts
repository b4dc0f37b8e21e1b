/**
 * npm, pnpm and yarn: node_modules from package.json (production or with devDependencies) or
 * named packages, sized from the npm table; caches, prune, uninstall, `npm ci` without a
 * lockfile, and the estimated output of a build script.
 */
import type { ShellCommand } from '../model-types';
import { isUnder, type SimEntry } from '../sim-fs';
import { parsePackageJson } from '../manifest';
import * as data from '../size-data';
import { isVersionQuery, omitsDevDependencies, operands, subcommand } from '../vocabulary';
import {
  absPath,
  findImageFile,
  fmtMb,
  home,
  inDir,
  isFollowed,
  unknown,
  type RunContext,
} from './run-context';

function isProduction(cmd: ShellCommand, rc: RunContext): boolean {
  return omitsDevDependencies(cmd.args, (name) => cmd.assignments[name] ?? rc.run.env[name]);
}

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackageJson(rc: RunContext, dir: string): PackageJson | undefined | 'unreadable' {
  const f = findImageFile(inDir(dir, 'package.json'), rc);
  if (!f) return undefined;
  return parsePackageJson(f.content);
}

/** Installs node_modules for `prod` (+ `dev`) deps into `dir`; returns the npm cache bytes it leaves. */
function installNodeModules(
  rc: RunContext,
  cmd: ShellCommand,
  dir: string,
  prod: Record<string, string>,
  dev: Record<string, string>,
  label: string,
): number {
  const { state } = rc;
  const prodClosure = data.npmInstall(prod, state.libc, rc.stage.cache);
  const hasDev = Object.keys(dev).length > 0;
  const allClosure = hasDev
    ? data.npmInstall({ ...dev, ...prod }, state.libc, rc.stage.cache)
    : prodClosure;
  const prodNames = new Set(prodClosure.packages.map((p) => p.name));
  const base = inDir(dir, 'node_modules');
  rc.overwrite(allClosure.packages.map((p) => `${base}/${p.name}`));
  const seen = new Set<string>();
  for (const p of allClosure.packages) {
    // A second version of a name nests under its dependant; same size accounting, distinct path.
    const path = seen.has(p.name) ? `${base}/.nested/${p.name}@${seen.size}` : `${base}/${p.name}`;
    seen.add(p.name);
    rc.add({ path, bytes: p.bytes, kind: 'npm', pkg: p.name, item: label });
    if (!prodNames.has(p.name)) {
      state.npmDev.add(path);
      rc.layer.devDependencyBytes = (rc.layer.devDependencyBytes ?? 0) + p.bytes;
    }
  }
  let unknownBytes = 0;
  for (const u of allClosure.unknown) {
    const path = `${base}/${u.name}`;
    unknown(
      rc,
      'npm-package',
      u.name,
      `npm package \`${u.name}\` is not in the package table; ${fmtMb(u.assumedBytes)} assumed.`,
      u.assumedBytes,
      cmd,
    );
    rc.add({ path, bytes: u.assumedBytes, kind: 'npm', pkg: u.name, item: label });
    unknownBytes += u.assumedBytes;
    if (u.name in dev && !(u.name in prod)) {
      state.npmDev.add(path);
      rc.layer.devDependencyBytes = (rc.layer.devDependencyBytes ?? 0) + u.assumedBytes;
    }
  }
  return allClosure.cacheBytes + Math.round(unknownBytes * data.NPM_CACHE_RATIO);
}

export function applyNpm(cmd: ShellCommand, rc: RunContext): void {
  const { state, stage } = rc;
  const sub = subcommand(cmd);
  const rest = operands(cmd.args, 'npm').slice(1);
  const isGlobal = cmd.args.includes('-g') || cmd.args.includes('--global');
  if (sub === 'cache') {
    if (rest[0] === 'clean' || rest[0] === 'rm' || rest[0] === 'clear')
      rc.remove(`${home(stage)}/.npm`);
    return;
  }
  if (sub === 'prune') {
    if (isProduction(cmd, rc))
      for (const p of [...state.npmDev])
        if (isUnder(p, stage.workdir)) {
          rc.remove(p);
          state.npmDev.delete(p);
        }
    return;
  }
  if (sub === 'run' || sub === 'run-script') {
    if (rest[0] === 'build' || (rest[0] ?? '').startsWith('build'))
      return buildOutput(cmd, rc, `npm run ${rest[0]}`);
    return;
  }
  if (sub === 'uninstall' || sub === 'remove' || sub === 'rm' || sub === 'un' || sub === 'r') {
    for (const n of rest) {
      if (isGlobal && npmName(n) === 'npm') state.removedManagers.add('npm');
      rc.remove(inDir(isGlobal ? '/usr/local/lib' : stage.workdir, `node_modules/${npmName(n)}`));
    }
    return;
  }
  if (!(
    sub === 'ci' ||
    sub === 'install' ||
    sub === 'i' ||
    sub === 'add' ||
    sub === 'clean-install'
  ))
    return;
  const dir = isGlobal ? '/usr/local/lib' : stage.workdir;
  let cacheBytes = 0;
  if (rest.length) {
    const specs = rest.filter((n) => !n.includes('$') && !n.startsWith('.') && !n.startsWith('/'));
    const deps = Object.fromEntries(specs.map((s) => [npmName(s), npmRange(s)]));
    cacheBytes = installNodeModules(
      rc,
      cmd,
      dir,
      deps,
      {},
      `npm install ${specs.slice(0, 4).join(' ')}${specs.length > 4 ? ' …' : ''}`,
    );
  } else {
    const pkg = readPackageJson(rc, stage.workdir);
    const isCi = sub === 'ci' || sub === 'clean-install';
    const lockfiles = ['package-lock.json', 'npm-shrinkwrap.json'];
    if (
      isCi &&
      pkg !== undefined &&
      !lockfiles.some((f) => findImageFile(inDir(stage.workdir, f), rc)) &&
      isFollowed(rc, cmd)
    )
      // npm ci refuses to run without a lockfile ("The `npm ci` command can only install with an
      // existing package-lock.json or npm-shrinkwrap.json", npm docs for npm ci).
      rc.fail(
        'npm-ci-without-lockfile',
        cmd,
        `npm ci needs package-lock.json next to package.json in ${stage.workdir}, and none was copied there, so the build fails. COPY package-lock.json with package.json (or use npm install).`,
      );
    if (pkg === undefined) {
      unknown(
        rc,
        'npm-package',
        'package.json',
        `No package.json in ${stage.workdir} (COPY it first); node_modules not sized.`,
        0,
        cmd,
      );
      return;
    }
    if (pkg === 'unreadable') {
      unknown(
        rc,
        'npm-package',
        'package.json',
        'package.json was copied but could not be read; node_modules not sized.',
        0,
        cmd,
      );
      return;
    }
    const prod = { ...(pkg.dependencies ?? {}), ...(pkg.optionalDependencies ?? {}) };
    const dev = isProduction(cmd, rc) ? {} : (pkg.devDependencies ?? {});
    const hasDev = Object.keys(dev).length > 0;
    cacheBytes = installNodeModules(
      rc,
      cmd,
      dir,
      prod,
      dev,
      `${cmd.name} ${sub}${hasDev ? ' (with devDependencies)' : isProduction(cmd, rc) ? ' (production)' : ''}`,
    );
  }
  const cacheFlag = cmd.args.find((a) => a.startsWith('--cache='));
  const cacheDir = cacheFlag
    ? absPath(cacheFlag.slice('--cache='.length), stage)
    : `${home(stage)}/.npm`;
  if (cacheBytes > 0) {
    // Fitted to two installs measured on the data machine (lib/sizes npmCacheBytes).
    rc.add({ path: cacheDir, bytes: cacheBytes, kind: 'cache', item: 'npm cache (not cleaned)' });
  }
}

function npmRange(spec: string): string {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at > 0 ? spec.slice(at + 1) || '*' : '*';
}

function npmName(spec: string): string {
  if (spec.startsWith('@')) {
    const at = spec.indexOf('@', 1);
    return at > 0 ? spec.slice(0, at) : spec;
  }
  const at = spec.indexOf('@');
  return at > 0 ? spec.slice(0, at) : spec;
}

export function applyYarn(cmd: ShellCommand, rc: RunContext): void {
  const { stage } = rc;
  if (isVersionQuery(cmd.args)) return;
  const sub = subcommand(cmd) ?? 'install';
  const rest = operands(cmd.args, 'yarn').slice(1);
  if (sub === 'cache') {
    if (rest[0] === 'clean') rc.remove('/usr/local/share/.cache/yarn');
    return;
  }
  if (sub === 'build' || (sub === 'run' && (rest[0] ?? '').startsWith('build')))
    return buildOutput(cmd, rc, `yarn ${sub}`);
  if (sub !== 'install' && sub !== 'add') return;
  let cacheBytes = 0;
  if (sub === 'add') {
    const deps = Object.fromEntries(rest.map((s) => [npmName(s), npmRange(s)]));
    cacheBytes = installNodeModules(rc, cmd, stage.workdir, deps, {}, `yarn add ${rest.join(' ')}`);
  } else {
    const pkg = readPackageJson(rc, stage.workdir);
    if (!pkg || pkg === 'unreadable') {
      unknown(
        rc,
        'npm-package',
        'package.json',
        `No readable package.json in ${stage.workdir}; node_modules not sized.`,
        0,
        cmd,
      );
      return;
    }
    const prod = pkg.dependencies ?? {};
    const dev = isProduction(cmd, rc) ? {} : (pkg.devDependencies ?? {});
    cacheBytes = installNodeModules(
      rc,
      cmd,
      stage.workdir,
      prod,
      dev,
      `yarn install${Object.keys(dev).length ? ' (with devDependencies)' : ' (production)'}`,
    );
  }
  // Yarn v1 keeps every tarball in its global cache (official node images: /usr/local/share/.cache/yarn);
  // sized like npm's cache.
  if (cacheBytes > 0)
    rc.add({
      path: '/usr/local/share/.cache/yarn',
      bytes: cacheBytes,
      kind: 'cache',
      item: 'yarn cache (not cleaned)',
    });
}

function buildOutput(cmd: ShellCommand, rc: RunContext, label: string): void {
  const { stage, state } = rc;
  // Estimate: a bundler's output is about as big as the sources it bundles (capped); labelled as an estimate.
  let src = 0;
  for (const e of state.fs.under(stage.workdir) as SimEntry[]) {
    if (e.kind !== 'copy') continue;
    const files = e.files ?? [{ path: e.path, bytes: e.bytes }];
    for (const f of files) if (!f.path.includes('/node_modules/')) src += f.bytes;
  }
  const bytes = Math.min(src, 50e6);
  rc.add({
    path: inDir(stage.workdir, 'dist'),
    bytes,
    kind: 'build',
    item: `${label} output (estimate: size of the copied sources)`,
  });
  unknown(
    rc,
    'command',
    label,
    `Build output of \`${label}\` estimated at the size of the copied sources (${fmtMb(bytes)}).`,
    bytes,
    cmd,
  );
}
