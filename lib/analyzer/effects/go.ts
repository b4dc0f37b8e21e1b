/**
 * The Go toolchain: `go build` / `go install` write a binary of estimated size, `go mod download`
 * fills a module cache that is not sized.
 */
import type { ShellCommand } from '../model-types';
import { absPath, fmtMb, unknown, type RunContext } from './run-context';

/** Typical size of a statically linked Go service binary (hello-world ≈ 2 MB, real services 10–30 MB). */
const GO_BINARY_ESTIMATE_BYTES = 15e6;

export function applyGo(cmd: ShellCommand, rc: RunContext): void {
  const sub = cmd.args[0];
  if (sub === 'build' || sub === 'install') {
    const o = cmd.args.indexOf('-o');
    // `-o` with nothing after it (the text halfway through typing) falls back to the default.
    const out =
      (o >= 0 ? cmd.args[o + 1] : undefined) ??
      (sub === 'install' ? '/go/bin/app' : `${rc.stage.workdir}/app`);
    const path = absPath(out, rc.stage);
    rc.add({
      path,
      bytes: GO_BINARY_ESTIMATE_BYTES,
      kind: 'build',
      item: `go ${sub} → ${path} (estimate)`,
    });
    unknown(
      rc,
      'command',
      `go ${sub}`,
      `Go binary ${path} estimated at ${fmtMb(GO_BINARY_ESTIMATE_BYTES)}; Go's build cache is not sized.`,
      GO_BINARY_ESTIMATE_BYTES,
      cmd,
      // hello-world is ~2 MB; large services (kubectl, terraform) 50–100 MB.
      [1.5e6, 120e6],
    );
    return;
  }
  if (sub === 'mod' && cmd.args[1] === 'download') {
    unknown(
      rc,
      'command',
      'go mod download',
      'Downloaded Go modules are not sized (0 assumed).',
      0,
      cmd,
    );
  }
}
