/**
 * Project manifests from the build context, validated by shape before the analyzer reads them:
 * context files come from users (a picked folder, a share link, the CLI), so a manifest may be
 * any JSON at all.
 */
import { newScope } from './scope';

/** The parts of package.json the analyzer reads; dependency tables have no prototype. */
export interface PackageManifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  /** `npm run` scripts with a string command (others are left out; npm cannot run them). */
  scripts?: Record<string, string>;
}

const TABLES = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/**
 * Reads package.json text. `'unreadable'` when it is not a string, not JSON, not an object, or a
 * dependency table is not an object of name → version strings (npm refuses such a file too).
 */
export function parsePackageJson(content: unknown): PackageManifest | 'unreadable' {
  if (typeof content !== 'string') return 'unreadable';
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return 'unreadable';
  }
  if (!isPlainObject(parsed)) return 'unreadable';
  const out: PackageManifest = {};
  for (const key of TABLES) {
    if (!Object.prototype.hasOwnProperty.call(parsed, key)) continue;
    const table = parsed[key];
    if (table === undefined || table === null) continue;
    if (!isPlainObject(table)) return 'unreadable';
    const versions = Object.values(table);
    if (!versions.every((v) => typeof v === 'string')) return 'unreadable';
    out[key] = newScope(table as Record<string, string>);
  }
  const scripts = Object.prototype.hasOwnProperty.call(parsed, 'scripts')
    ? parsed.scripts
    : undefined;
  if (isPlainObject(scripts))
    out.scripts = newScope(
      Object.fromEntries(
        Object.entries(scripts).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>,
    );
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
