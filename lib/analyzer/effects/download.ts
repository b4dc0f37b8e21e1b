/**
 * curl and wget: release archives whose installed size is known from published images (their
 * unpack and build steps are then covered), files saved to a path (size unknown), and downloads
 * piped into another program.
 */
import type { ShellCommand } from '../model-types';
import { isSignatureUrl, knownDownload, type DistroKind } from '../downloads';
import { absPath, fmtMb, truncate, unknown, type RunContext, type StageState } from './run-context';

/** Programs that unpack, build or install a release download: covered when the download was sized. */
export const UNPACK_BUILD = new Set(
  'tar xz unxz gunzip unzip bunzip2 make configure autoconf rustup-init strip ./configure install'.split(
    ' ',
  ),
);

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
    rc.state.knownDist = { layer: rc.layer, name: known.name };
    rc.add({
      path: `/.dist/${known.name.replace(/\s+/g, '-').toLowerCase()}`,
      bytes: known.bytes,
      kind: 'other',
      item: `${known.name} release, installed (${known.isMeasured ? 'from published image sizes' : 'estimate'})`,
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

function urlBase(args: string[]): string | undefined {
  const url = args.find((x) => /^(https?|ftp):\/\//.test(x));
  if (!url) return undefined;
  const clean = url.split(/[?#]/)[0];
  return clean.slice(clean.lastIndexOf('/') + 1) || undefined;
}
