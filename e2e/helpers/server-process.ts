import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** A production server of the site (`next start`) running in its own process group. */
export interface AppServer {
  port: number;
  /** `http://localhost:PORT` */
  url: string;
  pid: number;
  /** The last lines the server printed (for a failure message). */
  output(): string;
  /** Resident memory of every process in the server's group, in bytes (Linux; 0 elsewhere). */
  rssBytes(): number;
  /**
   * Stops the whole process group (`next start` forks its server) and waits until it is gone.
   * SIGKILL is a crash: nothing gets to flush or clean up.
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A free TCP port on localhost, picked by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** True when a production build exists (`npm run build` has run). */
export function hasProductionBuild(): boolean {
  return existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'));
}

function groupRss(pgid: number): number {
  if (process.platform !== 'linux') return 0;
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) total += Number(kb) * 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

function isAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `next start` on `port` (a free one when omitted) from the existing production build,
 * with `env` added to this process's environment, and waits until it answers. Needs
 * `npm run build` first (the e2e run's web server does it).
 */
export async function startAppServer(
  options: { port?: number; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<AppServer> {
  if (!hasProductionBuild()) throw new Error('No production build: run `npm run build` first.');
  const port = options.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const lines: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    },
  );
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n'));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error('next start did not start');
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const server: AppServer = {
    port,
    url,
    pid,
    output: () => lines.join('\n'),
    rssBytes: () => groupRss(pid),
    stop: async (signal = 'SIGTERM') => {
      try {
        process.kill(-pid, signal);
      } catch {
        return;
      }
      const deadline = Date.now() + 15_000;
      while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (isAlive(pid)) process.kill(-pid, 'SIGKILL');
      while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`next start exited early:\n${server.output()}`);
    try {
      // The home page is static: it answers without opening the database.
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop('SIGKILL');
      throw new Error(`next start did not answer on ${url}:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers check the body they expect
type Json = any;

/**
 * A small client of the room API for tests and benchmarks: JSON in and out, the site's own
 * Origin on every request (as a page of the site would send it).
 */
export function roomClient(baseUrl: string) {
  return async function api(
    method: string,
    pathname: string,
    options: { body?: unknown; token?: string } = {},
  ): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = { origin: baseUrl };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${pathname}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: isJson && text ? JSON.parse(text) : text };
  };
}

/** One parsed Server-Sent Event. */
export interface StreamEvent {
  id?: number;
  data: unknown;
}

/**
 * Opens a room's event stream with fetch and a stream reader (so the Authorization and
 * Last-Event-ID headers go along), calling `onEvent` for each event. `close()` ends it;
 * `ended` settles when the server closes it or the connection breaks.
 */
export async function openEventStream(
  baseUrl: string,
  code: string,
  token: string,
  onEvent: (event: StreamEvent) => void,
  lastEventId?: number,
): Promise<{ close(): void; ended: Promise<void>; status: number }> {
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
  const response = await fetch(`${baseUrl}/api/rooms/${code}/events`, {
    headers,
    signal: controller.signal,
  });
  if (!response.ok || !response.body) {
    return { close: () => {}, ended: Promise.resolve(), status: response.status };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let id: number | undefined;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) id = Number(line.slice(4));
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) onEvent({ id, data: JSON.parse(data.join('\n')) });
        }
      }
    } catch {
      // Aborted, or the server went away.
    }
  })();
  return { close: () => controller.abort(), ended, status: response.status };
}
