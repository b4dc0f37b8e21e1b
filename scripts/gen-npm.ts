// Generates lib/sizes/generated/npm.json: the production dependency closure of common npm
// packages, each version with its unpacked size.
//
// Usage: npx tsx scripts/gen-npm.ts (npm run gen:npm)
//
// Metadata comes from the npm registry through npm's own client library (pacote and
// npm-pick-manifest from the npm CLI that is installed on the machine), so ranges resolve exactly
// as `npm install` resolves them. The registry reachable here does not serve `dist.unpackedSize`,
// so each tarball is fetched (through npm's cache) and the sizes of its regular files summed:
// the same number `npm pack --dry-run` prints as "unpacked size". Versions already in the
// committed table are reused, so a re-run only fetches what is new.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeNpmLines } from '../lib/sizes/npm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'lib', 'sizes', 'generated', 'npm.json');
const CONCURRENCY = 4;

/**
 * Common packages (name@range). Popular ones get their current and previous majors, because
 * real package.json files pin either. The lesson projects' exact versions are included.
 */
export const SEED = `
express@4 express@5 fastify@4 fastify@5 koa@2 koa@3 @koa/router hapi @hapi/hapi
react@18 react@19 react-dom@18 react-dom@19 next@14 next@15 next@16 vue@3 nuxt svelte @sveltejs/kit
typescript typescript@5 lodash axios dotenv@16 dotenv@17 pg mysql2 mongoose@7 mongoose@8 mongodb prisma @prisma/client
jest@29 jest@30 vitest eslint eslint@8 eslint@9 prettier nodemon ts-node tsx webpack webpack-cli vite esbuild
sharp bcrypt bcryptjs jsonwebtoken cors helmet morgan winston pino@9 pino pino-pretty uuid dayjs moment
socket.io redis ioredis knex sequelize typeorm zod yup joi @nestjs/core @nestjs/common
@nestjs/platform-express reflect-metadata rxjs body-parser cookie-parser express-session compression
multer passport passport-jwt passport-local nodemailer node-fetch@2 node-fetch@3 got ws graphql
@apollo/server apollo-server-express class-validator class-transformer chalk@4 chalk@5 commander
yargs debug semver glob rimraf cross-env concurrently pm2 supertest mocha chai sinon nock
@types/node @types/express ts-jest @babel/core @babel/preset-env babel-jest tailwindcss postcss autoprefixer
sass date-fns luxon bull bullmq amqplib kafkajs aws-sdk @aws-sdk/client-s3 firebase-admin stripe
openai puppeteer playwright cheerio jsdom marked markdown-it handlebars ejs pug
express-validator express-rate-limit http-proxy-middleware serve-static serve json-server
better-sqlite3 sqlite3 canvas argon2 node-cron cron agenda @sentry/node newrelic dd-trace
prom-client @opentelemetry/api @opentelemetry/sdk-node graphql-tag @graphql-tools/schema
swagger-ui-express drizzle-orm @tanstack/react-query redux @reduxjs/toolkit react-router-dom
styled-components @emotion/react @mui/material antd
cors@2.8.5 dotenv@16.6.1 eslint@9.30.0 express@4.21.2 helmet@8.1.0 jest@29.7.0 nodemon@3.1.10
pino@9.7.0 supertest@7.1.1
`
  .split(/\s+/)
  .filter(Boolean);

/** What this script reads of a manifest (npm-pick-manifest's result). */
interface Manifest {
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

/** The parts of npm's client libraries this script calls. */
interface NpmClient {
  pacote: {
    packument(name: string, options: { fullMetadata: boolean }): Promise<unknown>;
    tarball(spec: string): Promise<Buffer>;
  };
  pickManifest(packument: unknown, range: string): Manifest;
}

/** A version in the table being built. */
export interface VersionRecord {
  deps: Record<string, string>;
  optionalDeps?: Record<string, string>;
  peerDeps?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  unpackedBytes?: number;
  fileCount?: number;
}

/** name → version → record. */
export type NpmBuildTable = Record<string, Record<string, VersionRecord>>;

/** npm's own client libraries from the npm CLI installed on the machine (loaded on first use). */
function npmClient(): NpmClient {
  const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
  const requireNpm = createRequire(join(npmRoot, 'npm', 'package.json'));
  return { pacote: requireNpm('pacote'), pickManifest: requireNpm('npm-pick-manifest') };
}

function splitSpec(spec: string): [string, string] {
  const at = spec.lastIndexOf('@');
  return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, 'latest'];
}

/** Platform packages npm installs on linux/x64 (glibc or musl): everything else is skipped. */
function installsOnLinuxX64(m: Pick<Manifest, 'os' | 'cpu'>): boolean {
  const ok = (list: string[] | undefined, want: string) =>
    !list ||
    list.length === 0 ||
    list.some((v) => v === want) ||
    (list.every((v) => v.startsWith('!')) && !list.includes(`!${want}`));
  return ok(m.os, 'linux') && ok(m.cpu, 'x64');
}

/** Sum of regular-file sizes in a .tgz: what `npm pack --dry-run` reports as unpacked size. */
function unpackedSize(tgz: Uint8Array): { total: number; files: number } {
  const tar = gunzipSync(tgz);
  let total = 0;
  let files = 0;
  for (let off = 0; off + 512 <= tar.length;) {
    const header = Buffer.from(tar.subarray(off, off + 512));
    if (header.every((b) => b === 0)) break;
    const size = parseInt(
      header.subarray(124, 136).toString('latin1').replace(/\0.*$/, '').trim() || '0',
      8,
    );
    const type = String.fromCharCode(header[156] || 48);
    if (type === '0' || type === '7') {
      total += size;
      files++;
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return { total, files };
}

async function pool<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let i = 0;
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (i < items.length) {
      const idx = i++;
      results[idx] = await fn(items[idx]);
    }
  });
  await Promise.all(workers);
  return results;
}

async function main() {
  const { pacote, pickManifest } = npmClient();
  const previous = readPrevious();
  const packuments = new Map<string, Promise<unknown>>();
  const getPackument = async (name: string) => {
    if (!packuments.has(name))
      packuments.set(name, pacote.packument(name, { fullMetadata: false }));
    return packuments.get(name);
  };
  const table: NpmBuildTable = {};
  const failed: string[] = [];
  const queue: { name: string; range: string; seed?: boolean; optional?: boolean }[] = SEED.map(
    splitSpec,
  ).map(([name, range]) => ({ name, range, seed: true }));
  const seen = new Set<string>();
  const roots: string[] = [];
  while (queue.length > 0) {
    // `npm:real@range` aliases install the real package under another folder name.
    for (const q of queue) {
      const alias = /^npm:(@?[^@]+)(?:@(.*))?$/.exec(q.range);
      if (alias) [q.name, q.range] = [alias[1], alias[2] ?? '*'];
    }
    const batch = queue.splice(0, queue.length).filter((q) => {
      const key = `${q.name}@${q.range}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const resolved = await pool(batch, async (q) => {
      try {
        const pk = await getPackument(q.name);
        const m = pickManifest(pk, q.range);
        return { q, m };
      } catch (e) {
        failed.push(`${q.name}@${q.range}: ${errorCode(e)}`);
        return { q, m: null };
      }
    });
    for (const { q, m } of resolved) {
      if (!m) continue;
      if (q.seed) roots.push(`${q.name}@${m.version}`);
      table[q.name] ??= {};
      if (table[q.name][m.version]) continue;
      const optional = Object.keys(m.optionalDependencies ?? {});
      const peerMeta = m.peerDependenciesMeta ?? {};
      const peers = Object.entries(m.peerDependencies ?? {}).filter(
        ([n]) => !peerMeta[n]?.optional,
      );
      const deps = Object.entries(m.dependencies ?? {}).filter(([n]) => !optional.includes(n));
      const rec: VersionRecord = {
        deps: Object.fromEntries(deps),
        ...(optional.length ? { optionalDeps: m.optionalDependencies } : {}),
        ...(peers.length ? { peerDeps: Object.fromEntries(peers) } : {}),
        ...(m.os ? { os: m.os } : {}),
        ...(m.cpu ? { cpu: m.cpu } : {}),
        ...(m.libc ? { libc: m.libc } : {}),
      };
      table[q.name][m.version] = rec;
      for (const [n, r] of [...deps, ...peers]) queue.push({ name: n, range: r });
      for (const [n, r] of Object.entries(m.optionalDependencies ?? {}))
        queue.push({ name: n, range: r, optional: true });
    }
    // Optional platform packages that do not install on linux/x64 are dropped with their subtree.
    for (const name of Object.keys(table)) {
      for (const [v, rec] of Object.entries(table[name])) {
        if (!installsOnLinuxX64(rec)) delete table[name][v];
      }
      if (Object.keys(table[name]).length === 0) delete table[name];
    }
    console.log(`resolved ${Object.keys(table).length} names so far (queue ${queue.length})`);
  }
  const versions = Object.entries(table).flatMap(([n, vs]) => Object.keys(vs).map((v) => [n, v]));
  let fetched = 0;
  let sizedFiles = 0;
  await pool(versions, async ([name, version]) => {
    const old = previous.get(`${name}@${version}`);
    if (old !== undefined) {
      table[name][version].unpackedBytes = old;
      return;
    }
    try {
      const tgz = await pacote.tarball(`${name}@${version}`);
      const { total, files } = unpackedSize(tgz);
      table[name][version].unpackedBytes = total;
      table[name][version].fileCount = files;
      sizedFiles += files;
      if (++fetched % 50 === 0) console.log(`sized ${fetched} tarballs`);
    } catch (e) {
      failed.push(`${name}@${version} tarball: ${errorCode(e)}`);
      delete table[name][version];
    }
  });
  const out = {
    source:
      'npm registry (registry.npmjs.org) via the npm CLI client libraries (pacote, npm-pick-manifest); unpacked sizes summed from each tarball',
    generatedBy: 'scripts/gen-npm.ts',
    generatedOn: new Date().toISOString().slice(0, 10),
    platform:
      'linux x64: optional platform packages for other systems dropped; os;cpu;libc kept for the rest',
    format:
      'lines: name|version|unpacked bytes|dependencies|optionalDependencies|peerDependencies (non-optional)|os;cpu;libc; dependency lists are name@range joined by ",", with a range\'s "||" written "‖"',
    roots: [...new Set(roots)].sort(),
    failed,
    lines: encodeLines(table),
  };
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, JSON.stringify(out) + '\n');
  console.log(
    `wrote ${OUTPUT}: ${Object.keys(table).length} names, ${out.lines.split('\n').length} versions, ${failed.length} failures, ${fetched} tarballs fetched (${sizedFiles} files)`,
  );
}

/**
 * The table's `lines` (its `format`): one line per name@version in sorted order. Optional
 * dependencies that are not in the table (other platforms' packages) are left out.
 */
export function encodeLines(table: NpmBuildTable): string {
  const lines: string[] = [];
  for (const name of Object.keys(table).sort()) {
    for (const version of Object.keys(table[name]).sort()) {
      const r = table[name][version];
      // "|" separates fields, so a range's "||" is written as "‖" (and read back by lib/sizes/npm.ts).
      const list = (o: Record<string, string> | undefined) =>
        Object.entries(o ?? {})
          .map(([n, range]) => `${n}@${range.replaceAll(',', ' ').replaceAll('||', '‖')}`)
          .join(',');
      const platform = [r.os, r.cpu, r.libc].map((x) => (x ?? []).join(' ')).join(';');
      // Optional packages for other platforms were dropped from the table: drop their names too.
      const optional = Object.fromEntries(
        Object.entries(r.optionalDeps ?? {}).filter(([n]) => table[n]),
      );
      lines.push(
        [
          name,
          version,
          r.unpackedBytes,
          list(r.deps),
          list(optional),
          list(r.peerDeps),
          platform === ';;' ? '' : platform,
        ].join('|'),
      );
    }
  }
  return lines.join('\n');
}

/** name@version → unpacked bytes from the committed table (either format), to skip refetching. */
function readPrevious(): Map<string, number> {
  const map = new Map<string, number>();
  if (!existsSync(OUTPUT)) return map;
  const prev = JSON.parse(readFileSync(OUTPUT, 'utf8')) as {
    lines?: string;
    packages?: Record<string, Record<string, { unpackedBytes?: number }>>;
  };
  if (prev.lines) {
    for (const versions of decodeNpmLines(prev.lines).values()) {
      for (const v of versions) map.set(`${v.name}@${v.version}`, v.unpackedBytes);
    }
  }
  for (const [name, versions] of Object.entries(prev.packages ?? {})) {
    for (const [version, r] of Object.entries(versions)) {
      if (r.unpackedBytes !== undefined) map.set(`${name}@${version}`, r.unpackedBytes);
    }
  }
  return map;
}

/** An error's code or message, short, for the table's `failed` list. */
function errorCode(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return String(err.code ?? err.message).slice(0, 80);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
