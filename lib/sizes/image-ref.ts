/** Image references as the size tables key them (no table data: generators import this). */
/** A parsed image reference: registry-less repository, tag (default `latest`), digest if any. */
export interface ImageRef {
  repo: string;
  tag: string;
  digest?: string;
}

/**
 * Splits and normalises a `FROM` reference: lower case, `docker.io/`, `index.docker.io/` and
 * `library/` dropped, digest set aside, missing tag = `latest`.
 */
export function parseImageRef(ref: string): ImageRef {
  let s = ref.trim().toLowerCase();
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
  }
  s = s.replace(
    /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)\//,
    '',
  );
  s = s.replace(/^library\//, '');
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  let repo = s;
  let tag = 'latest';
  if (colon > slash) {
    repo = s.slice(0, colon);
    tag = s.slice(colon + 1) || 'latest';
  }
  return { repo, tag, ...(digest ? { digest } : {}) };
}
