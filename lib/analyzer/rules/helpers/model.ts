/** Small questions rules ask the model, shared between rules. */
import type { FsEntry, ImageModel, Layer, Stage, Step } from '../../model-types';
import type { LayerItem, Range } from '../../types';
import { stageChain } from './commands';
import { tokensIn } from './source';
import { cacheSlot } from '../../cache';

/** True when `path` equals `base` or lies under it (`base` may end in `/*` or `/`). */
export function pathUnder(path: string, base: string): boolean {
  let end = base.length;
  if (base.endsWith('/*')) end -= 2;
  while (end > 0 && base.charCodeAt(end - 1) === 47) end--; // trailing '/'
  if (end === 0) return true;
  if (path.length < end) return false;
  for (let i = 0; i < end; i++) if (path.charCodeAt(i) !== base.charCodeAt(i)) return false;
  return path.length === end || path.charCodeAt(end) === 47;
}

/** Bytes of a layer's items of the given kinds; `undefined` when there are none. */
export function itemBytes(
  layer: Layer | undefined,
  ...kinds: LayerItem['kind'][]
): number | undefined {
  if (!layer) return undefined;
  const items = layer.items.filter((i) => kinds.includes(i.kind));
  if (items.length === 0) return undefined;
  return items.reduce((n, i) => n + i.bytes, 0);
}

/** Bytes of the entries a layer adds that `match` (by path and kind); `undefined` when none. */
export function addedBytes(
  layer: Layer | undefined,
  match: (e: FsEntry) => boolean,
): number | undefined {
  if (!layer) return undefined;
  let bytes = 0;
  let found = false;
  for (const e of layer.adds) {
    if (!match(e)) continue;
    found = true;
    bytes += e.bytes;
  }
  return found ? bytes : undefined;
}

/** Positive bytes or `undefined` (a finding shows savings only when there are some). */
export function positive(bytes: number | undefined): number | undefined {
  return bytes !== undefined && bytes > 0 ? bytes : undefined;
}

/** The stage whose base image is the image's root (the end of the FROM chain). */
export function rootStage(stage: Stage): Stage {
  const chain = stageChain(stage);
  return chain[chain.length - 1];
}

interface StageFacts {
  /** WORKDIR and USER in effect at each step of the stage (before the step runs). */
  workdir: Map<Step, string>;
  user: Map<Step, string>;
  endWorkdir: string;
  endUser: string | undefined;
}

const STAGE_FACTS = cacheSlot('stage WORKDIR/USER facts', () => new WeakMap<Stage, StageFacts>());

/** WORKDIR/USER per step, computed once per stage (following the stages it is FROM). */
function factsOf(stage: Stage): StageFacts {
  const factsCache = stage.cache.get(STAGE_FACTS);
  const cached = factsCache.get(stage);
  if (cached) return cached;
  const parent =
    stage.baseStage && stage.baseStage !== stage ? factsOf(stage.baseStage) : undefined;
  let dir = parent?.endWorkdir ?? '/';
  let user = parent?.endUser;
  const workdir = new Map<Step, string>();
  const users = new Map<Step, string>();
  const fallback = defaultUser(stage);
  for (const s of stage.steps) {
    workdir.set(s, dir);
    users.set(s, user ?? fallback);
    if (s.kind === 'WORKDIR') dir = joinPath(dir, unquote(s.text.trim()));
    if (s.kind === 'USER') user = s.text.trim();
  }
  const facts = { workdir, user: users, endWorkdir: dir, endUser: user };
  factsCache.set(stage, facts);
  return facts;
}

/**
 * WORKDIR in effect at `step` (absolute, `/` by default), following WORKDIR steps of the stage
 * and the stages it is FROM. Relative WORKDIRs join the previous one.
 */
export function workdirAt(step: Step): string {
  return factsOf(step.stage).workdir.get(step) ?? '/';
}

function unquote(s: string): string {
  return s.replace(/^["']|["']$/g, '');
}

/** `dir` joined with `path` (absolute paths win), normalised: no `.`/`..` segments, no trailing `/`. */
export function joinPath(dir: string, path: string): string {
  const raw = path.startsWith('/') ? path : `${dir}/${path}`;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** Shipped layers of the image, in build order. */
export function shippedLayers(image: ImageModel): Layer[] {
  return image.layers.filter((l) => l.isShipped);
}

/** Entries that `layer` adds at or under any of `paths`. */
export function addsUnder(layer: Layer, paths: string[]): FsEntry[] {
  return layer.adds.filter((e) => paths.some((p) => pathUnder(e.path, p)));
}

/** Line number (1-based, as editors show) of a step, for messages. */
export function lineOf(step: { range: { start: { line: number } } }): number {
  return step.range.start.line + 1;
}

/** Parses an image reference into repository, tag and digest (no registry normalisation). */
export function splitRef(ref: string): { repo: string; tag?: string; digest?: string } {
  let s = ref.trim();
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
  }
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) return { repo: s.slice(0, colon), tag: s.slice(colon + 1), digest };
  return { repo: s, digest };
}

/** True for a FROM that names a distroless image (gcr.io/distroless/... or Chainguard's). */
export function isDistrolessRef(ref: string): boolean {
  const repo = splitRef(ref.toLowerCase()).repo;
  return repo.includes('distroless/') || repo.startsWith('cgr.dev/chainguard/');
}

/**
 * User in effect at `step`: the last USER before it in the stage and the stages it is FROM;
 * without one, the base image's default (`root`, or `nonroot` for distroless `:nonroot` tags).
 */
export function userAt(step: Step): string {
  return factsOf(step.stage).user.get(step) ?? defaultUser(step.stage);
}

function defaultUser(stage: Stage): string {
  const root = rootStage(stage);
  return splitRef(root.baseRef).tag?.includes('nonroot') ? 'nonroot' : 'root';
}

/** Range of the image reference in FROM (falls back to the whole FROM line). */
export function fromRefRange(image: ImageModel, stage: Stage): Range {
  if (stage.baseRefRange) return stage.baseRefRange;
  const line = stage.range.start.line;
  const lineRange = {
    start: { line, character: 0 },
    end: { line, character: image.lines[line]?.length ?? 0 },
  };
  const token = tokensIn(image, lineRange).find((t, i) => i > 0 && !t.value.startsWith('--'));
  return token ? token.range : lineRange;
}

/** An added entry of a shipped layer, with the layer's position in the shipped order. */
export interface IndexedAdd {
  path: string;
  bytes: number;
  /** Position of the layer in `layers`. */
  index: number;
}

/**
 * The entries shipped layers add that are still there, sorted by path: feed layers in build order
 * with `add`, and `take` removes (and returns) what a delete removes. Each entry is taken at most
 * once, so replaying a whole image stays near-linear.
 */
export class LiveAdds {
  private sorted: IndexedAdd[] = [];

  private firstAtOrAfter(path: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].path < path) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Adds the layer's entries, in the order one sorted insert per entry (before equal paths) would
   * give: sorted by path, the layer's later entries first among equal paths, all of them before
   * equal paths already held. One merge instead of a splice per entry (layers add hundreds).
   */
  add(layer: Layer, index: number): void {
    const adds = layer.adds;
    if (adds.length === 0) return;
    const fresh: IndexedAdd[] = new Array(adds.length);
    for (let k = 0; k < adds.length; k++)
      fresh[k] = { path: adds[k].path, bytes: adds[k].bytes, index };
    const order = fresh
      .map((_, k) => k)
      .sort((a, b) =>
        fresh[a].path < fresh[b].path ? -1 : fresh[a].path > fresh[b].path ? 1 : b - a,
      );
    const old = this.sorted;
    const merged: IndexedAdd[] = new Array(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let m = 0;
    while (i < order.length && j < old.length) {
      const f = fresh[order[i]];
      if (f.path <= old[j].path) {
        merged[m++] = f;
        i++;
      } else merged[m++] = old[j++];
    }
    while (i < order.length) merged[m++] = fresh[order[i++]];
    while (j < old.length) merged[m++] = old[j++];
    this.sorted = merged;
  }

  /** Removes and returns the entries at or under `base` (a trailing `/*` or `/` is ignored). */
  take(base: string): IndexedAdd[] {
    const b = base.replace(/\/\*$/, '').replace(/\/+$/, '') || '/';
    if (b === '/') return this.sorted.splice(0);
    const start = this.firstAtOrAfter(b);
    const out: IndexedAdd[] = [];
    let i = start;
    while (i < this.sorted.length && this.sorted[i].path.startsWith(b)) {
      if (pathUnder(this.sorted[i].path, b)) out.push(...this.sorted.splice(i, 1));
      else i++;
    }
    return out;
  }

  /** Removes and returns the entries exactly at `path`. */
  takeExact(path: string): IndexedAdd[] {
    const start = this.firstAtOrAfter(path);
    let end = start;
    while (end < this.sorted.length && this.sorted[end].path === path) end++;
    return this.sorted.splice(start, end - start);
  }

  /** Entries at a strict ancestor of `path` (a copied folder that holds it). */
  above(path: string): IndexedAdd[] {
    const out: IndexedAdd[] = [];
    for (
      let p = path.slice(0, path.lastIndexOf('/'));
      p.length > 0;
      p = p.slice(0, p.lastIndexOf('/'))
    ) {
      for (let i = this.firstAtOrAfter(p); i < this.sorted.length && this.sorted[i].path === p; i++)
        out.push(this.sorted[i]);
    }
    return out;
  }
}
