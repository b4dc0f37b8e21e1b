/**
 * For the effect modules' table tests: what one RUN command does to a stage, read from the model
 * the analyzer builds for `FROM base` + the setup lines + `RUN command`.
 */
import { buildModel } from '../model';
import type { ContextFile } from '../types';

export interface Effects {
  /** Bytes the RUN's layer adds. */
  bytes: number;
  /** Kinds of what the layer adds (apt, cache, lists, pip...), sorted, each once. */
  kinds: string[];
  /** Paths the layer adds, sorted. */
  paths: string[];
  /** What the RUN deletes, as recorded on its layer. */
  deletes: string[];
  /** `kind name` of every unknown listed on the RUN's lines. */
  unknowns: string[];
  /** Packages the stage has after the RUN and did not have before it, sorted. */
  added: string[];
  /** Packages the stage had before the RUN and no longer has, sorted. */
  removed: string[];
  /** Bytes of earlier layers that the RUN deletes or overwrites (waste). */
  wastedBefore: number;
  /** Kinds of the certain build failures the RUN causes. */
  failures: string[];
}

export interface Setup {
  /** The base image (default debian:bookworm-slim). */
  from?: string;
  /** Instructions before the RUN (ENV, WORKDIR, COPY, other RUNs). */
  before?: string[];
  context?: ContextFile[];
}

/** A context file with content (its size is the content's length). */
export function file(path: string, content: string): ContextFile {
  return { path, sizeBytes: content.length, content };
}

/** The effects of `RUN command` after `setup`. */
export function effectsOf(command: string, setup: Setup = {}): Effects {
  const head = [`FROM ${setup.from ?? 'debian:bookworm-slim'}`, ...(setup.before ?? [])];
  const context = setup.context ? { context: { files: setup.context } } : {};
  const without = buildModel({ dockerfile: head.join('\n') + '\n', ...context });
  const m = buildModel({ dockerfile: [...head, `RUN ${command}`].join('\n') + '\n', ...context });
  const run = m.target.runs[m.target.runs.length - 1];
  const layer = run.layer;
  if (!layer) throw new Error('the RUN has no layer');
  const line = run.range.start.line;
  const before = without.target.packages;
  const after = m.target.packages;
  const wasted = (ls: { wastedBytes: number }[]) => ls.reduce((n, l) => n + l.wastedBytes, 0);
  return {
    bytes: layer.sizeBytes,
    kinds: [...new Set(layer.adds.map((e) => e.kind))].sort(),
    paths: layer.adds.map((e) => e.path).sort(),
    deletes: [...layer.deletes],
    unknowns: m.unknowns.filter((u) => u.line === line).map((u) => `${u.kind} ${u.name}`),
    added: [...after].filter((p) => !before.has(p)).sort(),
    removed: [...before].filter((p) => !after.has(p)).sort(),
    wastedBefore: wasted(m.layers.slice(0, -1)) - wasted(without.layers),
    failures: (m.buildFailures ?? []).map((f) => f.kind),
  };
}
