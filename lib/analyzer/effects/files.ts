/**
 * Commands that delete, copy or rewrite files: rm (and the package managers it removes), find
 * -delete, cp and mv, and chown/chmod -R (which duplicates what it touches into the new layer).
 */
import type { ShellCommand } from '../model-types';
import { sum, type SimEntry } from '../sim-fs';
import { operands } from '../vocabulary';
import { absPath, inDir, type RunContext } from './run-context';

export function applyRm(cmd: ShellCommand, rc: RunContext): void {
  for (const a of cmd.args) {
    if (a.startsWith('-') || a === '') continue;
    if (/site-packages\/pip(\*|\/|$)/.test(a)) rc.state.removedManagers.add('pip');
    if (/node_modules\/npm\/?$/.test(a)) rc.state.removedManagers.add('npm');
    if (/\/opt\/yarn|node_modules\/yarn\/?$/.test(a)) rc.state.removedManagers.add('yarn');
    if (a.includes('$')) continue;
    rc.remove(absPath(a, rc.stage));
  }
}

export function applyFind(cmd: ShellCommand, rc: RunContext): void {
  if (
    !cmd.args.includes('-delete') &&
    !cmd.args.some((a, i) => a === '-exec' && cmd.args[i + 1] === 'rm')
  )
    return;
  const root =
    cmd.args[0] && !cmd.args[0].startsWith('-') ? absPath(cmd.args[0], rc.stage) : rc.stage.workdir;
  const nameIdx = cmd.args.indexOf('-name');
  const name = nameIdx >= 0 ? cmd.args[nameIdx + 1] : undefined;
  const isNegated =
    nameIdx > 0 && (cmd.args[nameIdx - 1] === '!' || cmd.args[nameIdx - 1] === '-not');
  // find ROOT -name '*.pyc' -delete: model the common byte-code and cache clean-ups by pattern.
  if (name && !isNegated) rc.recordDelete(inDir(root, `**/${name}`));
  // find ROOT -mindepth 1 ! -name KEEP -exec rm -rf {} \;: everything but KEEP goes (the Node
  // images keep one architecture's OpenSSL headers this way); what KEEP holds is not tracked.
  else rc.remove(inDir(root, '*'));
}

export function applyChownR(cmd: ShellCommand, rc: RunContext): void {
  const { state, layer } = rc;
  const targets = operands(cmd.args, cmd.name)
    .slice(1)
    .map((p) => absPath(p, rc.stage));
  for (const target of targets) {
    const dup = (state.fs.under(target) as SimEntry[]).filter((e) => e.layer !== layer);
    const bytes = sum(dup);
    if (!bytes) continue;
    const files = dup.flatMap((e) => e.files ?? [{ path: e.path, bytes: e.bytes }]);
    rc.overwrite(files.map((f) => f.path).concat(dup.filter((e) => !e.files).map((e) => e.path)));
    rc.add({
      path: target,
      bytes,
      kind: 'copy',
      item: `${cmd.name} -R ${target} (rewrites ${files.length} file(s) into this layer)`,
      files,
    });
  }
}

export function applyCopyMove(cmd: ShellCommand, rc: RunContext): void {
  const { state } = rc;
  const paths = operands(cmd.args, cmd.name).map((p) => absPath(p, rc.stage));
  if (paths.length < 2) return;
  const dest = paths[paths.length - 1];
  for (const src of paths.slice(0, -1)) {
    const found = state.fs.under(src) as SimEntry[];
    if (!found.length) continue;
    const files = found
      .flatMap((e) => e.files ?? [{ path: e.path, bytes: e.bytes }])
      .map((f) => ({
        path: dest + f.path.slice(src.length),
        bytes: f.bytes,
      }));
    rc.add({
      path: dest,
      bytes: sum(files),
      kind: 'copy',
      item: `${cmd.name} ${src} ${dest}`,
      files,
    });
    if (cmd.name === 'mv') rc.remove(src);
  }
}
