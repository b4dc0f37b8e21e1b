/**
 * Variable scopes keyed by names the user writes (ARG, ENV, shell assignments, manifest keys).
 * They have no prototype, so `constructor`, `__proto__` or `toString` are ordinary names: a
 * lookup finds only what the Dockerfile set, and an assignment never changes the object's shape.
 */

/** A name → value table with no prototype (see above). */
export type Scope = Record<string, string>;

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * A new prototype-free scope holding the own entries of `from` (in order; later sources win).
 * `undefined` values are skipped.
 */
export function newScope(
  ...from: (Readonly<Record<string, string | undefined>> | undefined)[]
): Scope {
  const scope = Object.create(null) as Scope;
  for (const src of from) {
    if (!src) continue;
    for (const k of Object.keys(src)) {
      const v = src[k];
      if (v !== undefined) scope[k] = v;
    }
  }
  return scope;
}

/** The value `name` holds in `scope` itself (never one inherited from a prototype); `undefined` when unset. */
export function lookup<T>(scope: Readonly<Record<string, T>>, name: string): T | undefined {
  return hasOwn(scope, name) ? scope[name] : undefined;
}

/** True when `scope` itself sets `name`. */
export function isSet(scope: Readonly<Record<string, unknown>>, name: string): boolean {
  return hasOwn(scope, name);
}

const FALSY = new Set(['', '0', 'false', 'off', 'no']);

/**
 * True when an environment value means "on", as the tools that read such switches do (pip,
 * npm, apt): `0`, `false`, `no`, `off` and the empty string (any case, spaces trimmed) are off,
 * anything else (`1`, `true`, `yes`, `on`...) is on. Unset is off.
 */
export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && !FALSY.has(value.trim().toLowerCase());
}
