/**
 * apk (Alpine): `add` (with `--virtual` groups) sized from the measured package table, `del`,
 * the index cache left without `--no-cache`, `cache clean`, `upgrade`.
 */
import type { ShellCommand } from '../model-types';
import * as data from '../size-data';
import { operands, subcommand, valueOptions } from '../vocabulary';
import { addUnsizedPackage, ownPackages, unknown, type RunContext } from './run-context';

export function applyApk(cmd: ShellCommand, rc: RunContext): void {
  const { state } = rc;
  const withValue = valueOptions('apk');
  const sub = subcommand(cmd);
  const isNoCache = cmd.args.includes('--no-cache');
  const leavesIndex = () => {
    if (isNoCache) return;
    rc.overwrite(['/var/cache/apk']);
    rc.add({
      path: '/var/cache/apk',
      bytes: data.apkIndexCacheBytes(),
      kind: 'cache',
      item: 'apk index cache (no --no-cache)',
    });
  };
  if (sub === 'update') return leavesIndex();
  if (sub === 'add') {
    let virtual: string | undefined;
    const names: string[] = [];
    let seenSub = false;
    for (let i = 0; i < cmd.args.length; i++) {
      const a = cmd.args[i];
      if (a === '--virtual' || a === '-t') {
        virtual = cmd.args[++i];
        continue;
      }
      if (a.startsWith('--virtual=')) {
        virtual = a.slice('--virtual='.length);
        continue;
      }
      if (a.startsWith('-')) {
        if (withValue.has(a)) i++;
        continue;
      }
      if (!seenSub) {
        seenSub = true;
        continue;
      }
      if (a.includes('$')) {
        unknown(
          rc,
          'variable',
          a,
          `Package \`${a}\` depends on an unresolved variable; not sized.`,
          0,
          cmd,
        );
        continue;
      }
      names.push(a.replace(/[=<>~].*$/, '').toLowerCase());
    }
    leavesIndex();
    if (!names.length) return;
    const closure = data.apkAdd(
      names,
      state.packages,
      state.record.packages,
      state.record.ref,
      rc.stage.cache,
    );
    const label = `apk add ${virtual ? `--virtual ${virtual} ` : ''}${names.join(' ')}`;
    const added: string[] = [];
    for (const p of closure.packages) {
      ownPackages(state).add(p.name);
      added.push(p.name);
      rc.add({
        path: `/.pkg/apk/${p.name}`,
        bytes: p.bytes,
        kind: 'apk',
        pkg: p.name,
        item: label,
      });
    }
    for (const u of closure.unknown) {
      addUnsizedPackage(rc, state, 'apk', u, cmd, label);
      added.push(u.name);
    }
    if (virtual) state.apkVirtual.set(virtual, added);
    if (names.some((n) => n === 'python3')) state.pythonVersion ??= data.alpinePython(state.record);
    if (names.includes('nodejs') || names.includes('nodejs-current'))
      state.nodeVersion ??= 'distro';
    return;
  }
  if (sub === 'del' || sub === 'delete') {
    for (const n of operands(cmd.args, 'apk').slice(1)) {
      const group = state.apkVirtual.get(n);
      const names = group ?? [n];
      if (group) state.apkVirtual.delete(n);
      const keep = new Set<string>();
      for (const other of state.apkVirtual.values()) for (const p of other) keep.add(p);
      for (const p of names) {
        if (keep.has(p) || data.isBasePackage(state.record, p)) continue;
        if (state.packages.has(p)) ownPackages(state).delete(p);
        rc.remove(`/.pkg/apk/${p}`);
      }
    }
    return;
  }
  if (sub === 'cache') {
    const what = operands(cmd.args, 'apk')[1];
    if (what === 'clean' || what === 'purge') rc.remove('/var/cache/apk/*');
    return;
  }
  if (sub === 'upgrade') {
    leavesIndex();
    unknown(
      rc,
      'command',
      'apk upgrade',
      'Upgraded packages are rewritten into this layer; their size is not modelled (0 assumed).',
      0,
      cmd,
    );
  }
}
