/** Small questions rules ask the model, shared between rules. */
import type { FsEntry, ImageModel, Layer, Stage, Step } from '../../model-types';
import type { LayerItem, Range } from '../../types';
import { stageChain } from './commands';
import { tokensIn } from './source';

/** True when `path` equals `base` or lies under it (`base` may end in `/*` or `/`). */
export function pathUnder(path: string, base: string): boolean {
  const b = base.replace(/\/\*$/, '').replace(/\/+$/, '') || '/';
  if (b === '/') return true;
  return path === b || (path.startsWith(b) && path[b.length] === '/');
}

/** Bytes of a layer's items of the given kinds; `undefined` when there are none. */
export function itemBytes(layer: Layer | undefined, ...kinds: LayerItem['kind'][]): number | undefined {
  if (!layer) return undefined;
  const items = layer.items.filter((i) => kinds.includes(i.kind));
  if (items.length === 0) return undefined;
  return items.reduce((n, i) => n + i.bytes, 0);
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

/**
 * WORKDIR in effect at `step` (absolute, `/` by default), following WORKDIR steps of the stage
 * and the stages it is FROM. Relative WORKDIRs join the previous one.
 */
export function workdirAt(step: Step): string {
  const chain = stageChain(step.stage).reverse();
  let dir = '/';
  for (const stage of chain) {
    for (const s of stage.steps) {
      if (s === step) return dir;
      if (s.kind === 'WORKDIR') dir = joinPath(dir, unquote(s.text.trim()));
    }
  }
  return dir;
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
  let user: string | undefined;
  for (const stage of stageChain(step.stage).reverse()) {
    for (const s of stage.steps) {
      if (s === step) return user ?? defaultUser(stage);
      if (s.kind === 'USER') user = s.text.trim();
    }
  }
  return user ?? defaultUser(step.stage);
}

function defaultUser(stage: Stage): string {
  const root = rootStage(stage);
  return splitRef(root.baseRef).tag?.includes('nonroot') ? 'nonroot' : 'root';
}

/** Range of the image reference in FROM (falls back to the whole FROM line). */
export function fromRefRange(image: ImageModel, stage: Stage): Range {
  if (stage.baseRefRange) return stage.baseRefRange;
  const line = stage.range.start.line;
  const lineRange = { start: { line, character: 0 }, end: { line, character: image.lines[line]?.length ?? 0 } };
  const token = tokensIn(image, lineRange).find((t, i) => i > 0 && !t.value.startsWith('--'));
  return token ? token.range : lineRange;
}

