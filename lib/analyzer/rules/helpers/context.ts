/** Context paths that rarely belong in an image: version control, installed dependencies, caches. */
import type { ContextFile } from '../../types';

/** Directory names, matched at any depth, with what they are. */
export const UNWANTED_DIRS: Record<string, string> = {
  '.git': 'version control',
  '.hg': 'version control',
  '.svn': 'version control',
  node_modules: 'installed dependencies',
  bower_components: 'installed dependencies',
  '.venv': 'a virtualenv',
  venv: 'a virtualenv',
  __pycache__: 'byte-code cache',
  '.pytest_cache': 'test cache',
  '.mypy_cache': 'type-checker cache',
  '.ruff_cache': 'linter cache',
  '.tox': 'test environments',
  '.nyc_output': 'coverage data',
  coverage: 'coverage reports',
};

const UNWANTED_RE = new RegExp(
  `(?:^|/)(?:${Object.keys(UNWANTED_DIRS)
    .map((d) => d.replace(/[.]/g, '\\.'))
    .join('|')})/`,
);

/** The unwanted directory a context path lies in (its first such segment), e.g. `node_modules`. */
export function unwantedDirOf(path: string): string | undefined {
  const m = UNWANTED_RE.exec(path);
  return m ? path.slice(0, m.index + m[0].length - 1) : undefined;
}

/** Unwanted files grouped by their top directory (`.git`, `node_modules`, `src/__pycache__`...). */
export function unwantedGroups(
  files: ContextFile[],
): Map<string, { files: number; bytes: number }> {
  const groups = new Map<string, { files: number; bytes: number }>();
  for (const f of files) {
    const dir = unwantedDirOf(f.path);
    if (!dir) continue;
    const name = dir.split('/').pop()!;
    const key = dir.includes('/') ? `**/${name}` : name;
    const g = groups.get(key) ?? { files: 0, bytes: 0 };
    g.files++;
    g.bytes += f.sizeBytes;
    groups.set(key, g);
  }
  return groups;
}

const SAFE_ENV_SUFFIXES = ['example', 'sample', 'template', 'dist', 'defaults', 'tmpl'];

/** Names worth a closer look: a cheap filter before the precise checks. */
const SECRET_CANDIDATE =
  /(?:^\.env|^id_|^\.netrc$|^\.pypirc$|^\.git-credentials$|^credentials$|\.(?:key|p12|pfx|jks|pem)$)/i;

/** Why a context file looks like a secret (`a private key`...), or `undefined`. */
export function secretKind(path: string, explicitlyNamed: boolean): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!SECRET_CANDIDATE.test(name)) return undefined;
  const lower = name.toLowerCase();
  if (
    lower === '.env' ||
    (lower.startsWith('.env.') && !SAFE_ENV_SUFFIXES.includes(lower.slice(5)))
  )
    return 'an environment file with secrets';
  if (/^id_(rsa|dsa|ecdsa|ed25519)$/.test(lower)) return 'an SSH private key';
  if (
    lower.endsWith('.key') ||
    lower.endsWith('.p12') ||
    lower.endsWith('.pfx') ||
    lower.endsWith('.jks')
  )
    return 'a private key';
  if (['.netrc', '.pypirc', '.git-credentials'].includes(lower)) return 'stored credentials';
  if (lower === 'credentials' && (path.startsWith('.aws/') || path.includes('/.aws/')))
    return 'AWS credentials';
  // A .pem named on purpose is usually a public CA certificate; swept in by a broad COPY it may be a key.
  if (lower.endsWith('.pem') && !explicitlyNamed) return 'a certificate or private key';
  return undefined;
}
