import type { PackageClosure } from './types';

/**
 * Depth-first dependency closure shared by the apk and pip tables: every requested name and its
 * dependencies in install order, minus `installed`. Names `lookup` does not know land in
 * `unknown` (their size is not counted). `names` and the values of `depsOf` must already be
 * normalised to table keys.
 */
export function dependencyClosure<P>(
  names: readonly string[],
  installed: ReadonlySet<string>,
  lookup: (name: string) => P | undefined,
  bytesOf: (pkg: P) => number,
  depsOf: (pkg: P) => readonly string[],
): PackageClosure & { found: P[] } {
  const seen = new Set<string>();
  const packages: { name: string; bytes: number }[] = [];
  const found: P[] = [];
  const unknown: string[] = [];
  const stack = [...names].reverse();
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name) || installed.has(name)) continue;
    seen.add(name);
    const pkg = lookup(name);
    if (!pkg) {
      unknown.push(name);
      continue;
    }
    packages.push({ name, bytes: bytesOf(pkg) });
    found.push(pkg);
    const deps = depsOf(pkg);
    for (let i = deps.length - 1; i >= 0; i--) stack.push(deps[i]);
  }
  return { packages, totalBytes: packages.reduce((s, p) => s + p.bytes, 0), unknown, found };
}
