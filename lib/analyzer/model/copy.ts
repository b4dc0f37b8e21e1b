/**
 * COPY and ADD: sources from the build context (after .dockerignore), from an earlier stage
 * (`--from`, what that stage's simulated file system holds) or from another image, remote ADD
 * and local archives, heredocs; where the files land and what they overwrite.
 */
import { formatBytes } from '../../format';
import type { Instruction } from '../parse';
import type { Range, Unknown } from '../types';
import type { CopyStep, Layer, Stage } from '../model-types';
import { matchSource, normalizeContextPath, hasGlob, basename } from '../context';
import { StageFs, globBase, globMatcher, sum, type SimEntry, type EntryFile } from '../sim-fs';
import { absPath, normalizeAbs, type StageState } from '../effects';
import { imageCopy } from '../downloads';
import { stageNamed, type ModelBuild } from './build';
import { heredocsOf, insText, jsonStrings, toOffset, toPosition } from './document';
import { expandDockerVars } from './variables';
import { finishLayer, newLayer, overwritePaths } from './layers';

/**
 * Most files one analysis follows through COPY and ADD, summed over every instruction (the CLI
 * reads contexts of up to 200,000 files). Past it a copy is listed as not sized, so the work stays
 * bounded: 2,000 `COPY src/*` lines over a 400-file context took 2.1 s of CPU without it.
 */
export const COPY_FILE_BUDGET = 100_000;

const ARCHIVE_RE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
/** Extracted/archive size for ADD of a local archive: gzip'd software tarballs expand ~2.5–3×; plain tar 1×. */
function archiveExpansion(name: string): number {
  return /\.tar$/i.test(name) ? 1 : 2.7;
}

/** A copy past the budget: listed as not sized. */
function overBudget(s: string, line: number): Unknown {
  return {
    kind: 'copy-source',
    name: s,
    line,
    message: `${s} is not sized: this Dockerfile copies more than ${COPY_FILE_BUDGET.toLocaleString('en-US')} files in all, more than the analysis follows.`,
    assumedBytes: 0,
  };
}

/** Builds a COPY or ADD step and adds what it copies to the stage's file system. */
export function buildCopy(
  b: ModelBuild,
  ins: Instruction,
  kw: 'COPY' | 'ADD',
  baseStep: { index: number; stage: Stage; range: Range; keywordRange: Range; text: string },
  stage: Stage,
  state: StageState,
): CopyStep {
  const { starts, escape } = b;
  const flags = insText(b, ins).flags;
  const flag = (n: string) => flags.find((f) => f.name.toLowerCase() === n);
  const fromFlag = flag('from');
  const fromRaw = fromFlag?.value ?? undefined;
  const from =
    fromRaw !== undefined ? expandDockerVars(fromRaw, stage.env, escape).value : undefined;
  const json = jsonStrings(ins, baseStep.text);
  const heredocs = baseStep.text.includes('<<') ? heredocsOf(ins) : [];
  let words: string[];
  if (json) words = json;
  else if (heredocs.length) {
    const firstLine = (baseStep.text.split('\n')[0] ?? '').trim();
    words = firstLine.split(/\s+/).filter(Boolean);
  } else words = baseStep.text.split(/\s+/).filter(Boolean);
  words = words.map((w) => expandDockerVars(w, stage.env, escape).value);
  const destRaw = words.length >= 2 ? words[words.length - 1] : (words[0] ?? '.');
  const sources = words.length >= 2 ? words.slice(0, -1) : [];
  const destAbs = absPath(destRaw, stage);
  let fromStage: Stage | undefined;
  if (from !== undefined) {
    fromStage = stageNamed(b, from);
    if (fromStage && fromStage.index >= stage.index) fromStage = undefined;
    if (fromStage && !fromStage.copiedFromBy.includes(stage)) fromStage.copiedFromBy.push(stage);
  }
  const chownFlag = flag('chown');
  const chmodFlag = flag('chmod');
  // All fields always present (undefined when absent): one object shape keeps V8 fast.
  const copy: CopyStep = {
    index: baseStep.index,
    stage: baseStep.stage,
    range: baseStep.range,
    keywordRange: baseStep.keywordRange,
    text: baseStep.text,
    layer: undefined,
    kind: kw,
    sources,
    dest: destRaw,
    from,
    fromStage,
    fromRange: fromFlag?.valueAt
      ? {
          start: toPosition(starts, fromFlag.valueAt[0]),
          end: toPosition(starts, fromFlag.valueAt[1]),
        }
      : undefined,
    fromHasVariable: fromRaw !== undefined ? fromRaw.includes('$') : undefined,
    chown: chownFlag ? (chownFlag.value ?? '') : undefined,
    chmod: chmodFlag ? (chmodFlag.value ?? '') : undefined,
    link: !!flag('link'),
    contextFiles: [],
    missingSources: [],
    excludedSources: [],
    isWholeContext: sources.some((s) => s === '*' || normalizeContextPath(s) === ''),
    isRemote: false,
    isArchive: false,
  };
  const layer = newLayer(copy, stage);
  copy.layer = layer;
  const line = baseStep.range.start.line;
  // Docker copies into a directory when the destination ends with `/`, names the working
  // directory (`.`), or when several sources are given; an existing directory counts too.
  const destIsDir =
    destRaw.endsWith('/') ||
    destRaw === '.' ||
    sources.length > 1 ||
    destAbs === stage.workdir ||
    state.fs.isDirectory(destAbs);
  const newEntries: SimEntry[] = [];
  const label = `${kw} ${sources.join(' ')} ${destRaw}`.slice(0, 120);

  const job: CopyJob = {
    b,
    copy,
    layer,
    state,
    stage,
    sources,
    destRaw,
    destAbs,
    destIsDir,
    label,
    line,
    newEntries,
  };
  if (heredocs.length && !json) {
    for (const h of heredocs) {
      const bytes = h.content
        ? toOffset(starts, h.content.end) - toOffset(starts, h.content.start) + 1
        : 0;
      const path = sources.length > 1 || destIsDir ? `${destAbs}/${h.name}` : destAbs;
      newEntries.push({ path, bytes, kind: 'copy', item: label, layer });
    }
  } else if (from !== undefined && !fromStage) copyFromImage(job, from);
  else if (fromStage) copyFromStage(job, fromStage);
  else copyFromContext(job, kw);
  const overwritten = new Set<string>();
  for (const e of newEntries)
    for (const f of e.files ?? [{ path: e.path }]) overwritten.add(f.path);
  overwritePaths(state, overwritten, layer, stage);
  for (const e of newEntries) state.fs.add(e);
  finishLayer(layer, state);
  return copy;
}

/** What the parts of one COPY or ADD share: the step, where it copies to, what it adds so far. */
interface CopyJob {
  b: ModelBuild;
  copy: CopyStep;
  layer: Layer;
  state: StageState;
  stage: Stage;
  sources: string[];
  destRaw: string;
  destAbs: string;
  /** The destination is a directory (the sources land inside it). */
  destIsDir: boolean;
  /** The layer item's label. */
  label: string;
  line: number;
  newEntries: SimEntry[];
}

/**
 * `COPY --from=IMAGE`: another image. The install an official runtime image puts at that path is
 * sized like its release download (see `imageCopy`); anything else from an image in the table is
 * bounded by that image's size; from any other image it is not known (0 assumed).
 */
function copyFromImage(job: CopyJob, from: string): void {
  const { b, layer, sources, destAbs, destIsDir, label, line, newEntries } = job;
  const { unknowns } = b;
  for (const s of sources) {
    const src = normalizeAbs('/' + s);
    const sized = hasGlob(src) ? undefined : imageCopy(from, src, b.cache.baseIndex);
    unknowns.push(
      sized
        ? {
            kind: 'copy-source',
            name: `${from}:${s}`,
            line,
            message: `COPY --from=${from} copies ${s} from another image: ${sized.source} (${formatBytes(sized.bytes)} assumed).`,
            assumedBytes: sized.bytes,
            rangeBytes: sized.rangeBytes,
          }
        : {
            kind: 'copy-source',
            name: `${from}:${s}`,
            line,
            message: `COPY --from=${from} copies ${s} from another image; its size is not known (0 assumed).`,
            assumedBytes: 0,
          },
    );
    newEntries.push({
      path: destIsDir ? `${destAbs}/${basename(s)}` : destAbs,
      bytes: sized?.bytes ?? 0,
      kind: 'copy',
      item: label,
      layer,
      ...(sized ? {} : { opaque: true as const }),
    });
  }
}

/** `COPY --from=STAGE`: what the simulated file system of that earlier stage holds. */
function copyFromStage(job: CopyJob, fromStage: Stage): void {
  const { b, layer, sources, destRaw, destAbs, destIsDir, label, line, newEntries } = job;
  const { unknowns } = b;
  const srcFs = fromStage.fs as StageFs;
  for (const s of sources) {
    const srcAbs = normalizeAbs('/' + s);
    const isGlob = hasGlob(srcAbs);
    const root = isGlob ? globBase(srcAbs) : srcAbs;
    const re = isGlob ? globMatcher(srcAbs, b.cache) : undefined;
    const found = (srcFs.under(root) as SimEntry[]).filter(
      (e) => !re || re.test(e.path) || (e.files ?? []).some((f) => re.test(f.path)),
    );
    if (!found.length) {
      // Nothing a modelled command wrote: the stage's base image may hold it (a runtime's
      // install, sized like COPY --from=IMAGE), else a command that is not modelled made it.
      const fromBase =
        !isGlob && !fromStage.baseStage && fromStage.baseImage.known
          ? imageCopy(
              fromStage.baseImage.resolvedRef ?? fromStage.baseRef,
              srcAbs,
              b.cache.baseIndex,
            )
          : undefined;
      const isInstall = fromBase !== undefined && fromBase.bytes > 0;
      unknowns.push({
        kind: 'copy-source',
        name: `${fromStage.name ?? fromStage.index}:${s}`,
        line,
        message: isInstall
          ? `${s} in stage ${fromStage.name ?? fromStage.index} comes from its base image: ${fromBase.source} (${formatBytes(fromBase.bytes)} assumed).`
          : `${s} in stage ${fromStage.name ?? fromStage.index} comes from its base image or from a command that is not modelled; its size is not known (0 assumed).`,
        assumedBytes: isInstall ? fromBase.bytes : 0,
        ...(isInstall ? { rangeBytes: fromBase.rangeBytes } : {}),
      });
      newEntries.push({
        // A source written as a directory (`rootfs/`) lands as its contents.
        path:
          (destIsDir || destRaw.endsWith('/')) && !s.endsWith('/')
            ? normalizeAbs(`${destAbs}/${basename(srcAbs)}`)
            : destAbs,
        bytes: isInstall ? fromBase.bytes : 0,
        kind: 'copy',
        item: label,
        layer,
        ...(isInstall ? {} : { opaque: true as const }),
      });
      continue;
    }
    // A download or a build output in the builder has no measured size: the copy inherits
    // that doubt (the builder's own unknown is not listed, since the builder does not ship).
    const unsized = found.filter((e) => e.kind === 'download' || e.kind === 'build');
    if (unsized.length) {
      const guessed = sum(unsized);
      unknowns.push({
        kind: 'copy-source',
        name: `${fromStage.name ?? fromStage.index}:${s}`,
        line,
        message: `${s} in stage ${fromStage.name ?? fromStage.index} holds ${unsized.length === 1 ? 'a download or build output' : 'downloads or build outputs'} whose size is not measured (${formatBytes(guessed)} assumed).`,
        assumedBytes: guessed,
        rangeBytes: [guessed * 0.1, Math.max(guessed * 5, 200e6)],
      });
    }
    const count = found.reduce((n, e) => n + (e.files?.length ?? 1), 0);
    if (count > b.copyBudget) {
      b.copyBudget = 0;
      unknowns.push(overBudget(s, line));
      continue;
    }
    b.copyBudget -= count;
    const single = found.length === 1 && found[0].path === srcAbs && !found[0].files && !isGlob;
    const files: EntryFile[] = [];
    const targetRoot = single ? (destIsDir ? `${destAbs}/${basename(srcAbs)}` : destAbs) : destAbs;
    for (const e of found) {
      const parts = e.files ?? [{ path: e.path, bytes: e.bytes }];
      for (const f of parts) {
        const rel = f.path === root ? '' : f.path.slice(root.length);
        files.push({
          path: single ? targetRoot : normalizeAbs(targetRoot + rel),
          bytes: f.bytes,
        });
      }
    }
    newEntries.push({
      path: targetRoot,
      bytes: sum(files),
      kind: 'copy',
      item: label,
      layer,
      files,
      ...(found.some((e) => e.opaque) ? { opaque: true as const } : {}),
    });
  }
}

/** From the build context (after .dockerignore); ADD of a URL or a local archive. */
function copyFromContext(job: CopyJob, kw: 'COPY' | 'ADD'): void {
  const { b, copy, layer, state, sources, destAbs, destIsDir, label, line, newEntries } = job;
  const { unknowns, ctx } = b;
  for (const s of sources) {
    if (kw === 'ADD' && (/^(https?|ftp):\/\//i.test(s) || /^git@|\.git(#.*)?$/.test(s))) {
      copy.isRemote = true;
      unknowns.push({
        kind: 'copy-source',
        name: s,
        line,
        message: `ADD downloads ${s}; its size is not known (0 assumed).`,
        assumedBytes: 0,
      });
      newEntries.push({
        path: destIsDir ? `${destAbs}/${basename(s)}` : destAbs,
        bytes: 0,
        kind: 'download',
        item: label,
        layer,
      });
      continue;
    }
    if (!ctx.isKnown) {
      unknowns.push({
        kind: 'copy-source',
        name: s,
        line,
        message: `No build context was given: ${s} cannot be sized.`,
        assumedBytes: 0,
      });
      continue;
    }
    if (b.copyBudget <= 0) {
      unknowns.push(overBudget(s, line));
      continue;
    }
    const match = matchSource(ctx, s);
    if (match.files.length > b.copyBudget) {
      b.copyBudget = 0;
      unknowns.push(overBudget(s, line));
      continue;
    }
    b.copyBudget -= match.files.length;
    if (!match.files.length) {
      if (match.exists) copy.excludedSources.push(s);
      else copy.missingSources.push(s);
      continue;
    }
    const asDir = destIsDir || match.isDir;
    const files: EntryFile[] = [];
    for (const { file, relDest } of match.files) {
      const path = asDir ? normalizeAbs(`${destAbs}/${relDest}`) : destAbs;
      files.push({ path, bytes: file.sizeBytes });
      copy.contextFiles.push(file);
      state.files.set(path, file);
    }
    if (kw === 'ADD' && !match.isDir && ARCHIVE_RE.test(s)) {
      copy.isArchive = true;
      const ratio = archiveExpansion(s);
      const bytes = Math.round(sum(files) * ratio);
      unknowns.push({
        kind: 'copy-source',
        name: s,
        line,
        message: `ADD extracts ${s}; extracted size estimated at ${ratio}× the archive.`,
        assumedBytes: bytes,
      });
      newEntries.push({
        path: destAbs,
        bytes,
        kind: 'copy',
        item: `${label} (extracted, estimate)`,
        layer,
      });
      continue;
    }
    const entryPath = asDir ? destAbs : destAbs;
    newEntries.push({
      path: entryPath,
      bytes: sum(files),
      kind: 'copy',
      item: label,
      layer,
      files,
      contextFiles: match.files.map((m) => m.file),
    });
  }
}
