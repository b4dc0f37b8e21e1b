/**
 * Serving a production build for the page benchmarks (`bench:web`, `bench:paste`): start a
 * server in its own process group, stop the whole group, wait until it answers.
 */
import { spawn } from 'node:child_process';

/** Starts `command` in its own process group; the returned function stops the whole group. */
export function serve(command: string, argv: string[], cwd: string = process.cwd()): () => void {
  const child = spawn(command, argv, {
    cwd,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_DIST_DIR: '.next', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  return stop;
}

/** Resolves once `url` answers 2xx; throws after `timeoutMs`. */
export async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}
