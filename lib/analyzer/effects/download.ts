/**
 * curl and wget: release archives whose installed size is known from published images (their
 * unpack and build steps are then covered), files saved to a path (size unknown), and downloads
 * piped into another program.
 */
import type { ShellCommand } from '../model-types';
import { isSignatureUrl, knownDownload, type DistroKind } from '../downloads';
import {
  absPath,
  fmtMb,
  home,
  truncate,
  unknown,
  type RunContext,
  type StageState,
} from './run-context';

/** Programs that unpack, build or install a release download: covered when the download was sized. */
export const UNPACK_BUILD = new Set(
  'tar xz unxz gunzip unzip bunzip2 make configure autoconf rustup-init strip ./configure install'.split(
    ' ',
  ),
);

/** Where a Node.js release archive unpacked into /usr/local keeps its OpenSSL headers. */
const NODE_OPENSSL_ARCHS = '/usr/local/include/node/openssl/archs';
/**
 * What the other architectures' headers take: "~34MB" (nodejs/docker-node
 * 22/bookworm-slim/Dockerfile @f27d936f7d7ccdeec25cd2de33584c1a841f561d, the comment on the
 * `find … ! -name "$OPENSSL_ARCH" -exec rm -rf` line, citing nodejs/node#46451).
 */
const NODE_OPENSSL_ARCHS_BYTES = 34e6;

function distroOf(state: StageState): DistroKind {
  if (state.libc === 'musl') return 'alpine';
  if (state.aptRelease === 'bookworm' || state.aptRelease === 'trixie') return state.aptRelease;
  return 'other';
}

export function applyDownload(cmd: ShellCommand, rc: RunContext): void {
  const url = cmd.args.find((x) => /^(https?|ftp):\/\//.test(x) || /^[\w.-]+\.[a-z]{2,}\//.test(x));
  if (url && isSignatureUrl(url)) return;
  const known = url
    ? knownDownload(
        url,
        rc.run.env,
        distroOf(rc.state),
        rc.state.record.ref,
        rc.stage.cache.baseIndex,
      )
    : undefined;
  if (known) {
    const path = known.name.startsWith('Rust')
      ? rustupHome(cmd, rc)
      : known.name === 'Go'
        ? `${tarDirectory(rc) ?? '/usr/local'}/go`
        : `/.dist/${known.name.replace(/\s+/g, '-').toLowerCase()}`;
    const before = rc.unknowns.length;
    rc.add({
      path,
      bytes: known.bytes,
      kind: 'other',
      item: `${known.name} release, installed (${known.isMeasured ? 'from published image sizes' : 'estimate'})`,
    });
    if (known.name.startsWith('Node.js'))
      // The release archive carries OpenSSL headers for every architecture; the official images
      // the figure comes from delete all but their own, so a RUN that keeps them ships more.
      rc.add({
        path: `${NODE_OPENSSL_ARCHS}/other-architectures`,
        bytes: NODE_OPENSSL_ARCHS_BYTES,
        kind: 'other',
        item: `Node.js OpenSSL headers for other architectures (${fmtMb(NODE_OPENSSL_ARCHS_BYTES)}, not in the published figure)`,
      });
    if (!known.isMeasured)
      unknown(
        rc,
        'command',
        `${cmd.name} ${known.name}`,
        `${known.name} is downloaded and installed here; ${fmtMb(known.bytes)} assumed (${known.source}).`,
        known.bytes,
        cmd,
        known.rangeBytes,
      );
    rc.state.knownDist = { layer: rc.layer, name: known.name };
    if (rc.unknowns.length > before) {
      const list = (rc.state.estimatedDists ??= []).filter((d) => d.layer === rc.layer);
      list.push({ layer: rc.layer, path, unknown: rc.unknowns[rc.unknowns.length - 1] });
      rc.state.estimatedDists = list;
    }
    return;
  }
  let out: string | undefined;
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    if (cmd.name === 'curl' && (a[i] === '-o' || a[i] === '--output')) out = a[i + 1];
    if (cmd.name === 'wget' && (a[i] === '-O' || a[i] === '--output-document')) out = a[i + 1];
    if (cmd.name === 'wget' && a[i].startsWith('--output-document=')) out = a[i].slice(18);
  }
  if (cmd.name === 'curl' && (a.includes('-O') || a.includes('--remote-name')) && !out)
    out = urlBase(a);
  if (cmd.name === 'wget' && !out && !a.includes('-qO-') && !a.includes('-O-')) out = urlBase(a);
  const redirect = cmd.redirects?.find((r) => r.op === '>' || r.op === '>>');
  if (!out && redirect) out = redirect.target;
  if (cmd.pipelinePosition === 0 && !out && !redirect) {
    // Piped into another command (tar, sh): what that command writes is not known.
    unknown(
      rc,
      'command',
      cmd.name,
      `\`${truncate(cmd.text, 60)}\` downloads and pipes into another program; what it writes is not sized.`,
      0,
      cmd,
    );
    return;
  }
  if (!out || out === '-' || out === '/dev/null') return;
  const path = absPath(out, rc.stage);
  rc.add({ path, bytes: 0, kind: 'download', item: `download ${path} (size unknown)` });
  unknown(
    rc,
    'command',
    `${cmd.name} → ${path}`,
    `Download to ${path}: its size is not known; 0 assumed.`,
    0,
    cmd,
  );
}

/**
 * Where rustup-init puts the toolchain: `RUSTUP_HOME` when the installer runs (the next
 * `rustup-init` of this RUN, or the shell the download is piped into), as ENV, an `export` before
 * it or the command itself sets it, else `~/.rustup`. docker-library/ruby builds YJIT with a
 * toolchain under /tmp/rust and deletes it in the same RUN.
 */
function rustupHome(cmd: ShellCommand, rc: RunContext): string {
  let dir = rc.run.env.RUSTUP_HOME;
  let isPast = false;
  for (const c of rc.run.commands) {
    if (c === cmd) isPast = true;
    if (c.exported?.RUSTUP_HOME) dir = c.exported.RUSTUP_HOME;
    if (!isPast || c === cmd) continue;
    if (c.name === 'rustup-init' || c.pipeline === cmd.pipeline) {
      dir = c.assignments.RUSTUP_HOME ?? dir;
      break;
    }
  }
  return dir ? absPath(dir, rc.stage) : `${home(rc.stage)}/.rustup`;
}

/**
 * The directory the RUN's `tar -C DIR` (or `--directory`) unpacks into, resolved against the
 * stage; undefined when no tar names one. Go's archive holds one `go/` folder, so the tree lands
 * in DIR/go, where a later COPY --from finds it.
 */
function tarDirectory(rc: RunContext): string | undefined {
  for (const c of rc.run.commands) {
    if (c.name !== 'tar') continue;
    for (let i = 0; i < c.args.length; i++) {
      const a = c.args[i];
      const dir =
        a === '-C' || a === '--directory'
          ? c.args[i + 1]
          : a.startsWith('--directory=')
            ? a.slice(12)
            : /^-C./.test(a)
              ? a.slice(2)
              : undefined;
      if (dir) return absPath(dir, rc.stage);
    }
  }
  return undefined;
}

function urlBase(args: string[]): string | undefined {
  const url = args.find((x) => /^(https?|ftp):\/\//.test(x));
  if (!url) return undefined;
  const clean = url.split(/[?#]/)[0];
  return clean.slice(clean.lastIndexOf('/') + 1) || undefined;
}
