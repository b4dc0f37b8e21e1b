/**
 * Public types of the analyzer: what goes in (`AnalyzeInput`) and what comes out (`Report`).
 * Everything here is plain, serialisable data so a Report can cross a Web Worker boundary
 * and be printed as JSON by the CLI.
 *
 * Positions are 0-based `{ line, character }`, the same as dockerfile-ast. Only
 * `components/workbench/monaco-*.ts` converts them to Monaco's 1-based positions.
 */

/** The seven techniques of the course, plus correctness/security rules that belong to none. */
export type Technique =
  | 'base-image'
  | 'multi-stage'
  | 'combine-run'
  | 'dockerignore'
  | 'remove-package-managers'
  | 'copy-only-needed'
  | 'distroless'
  | 'correctness';

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Replace `range` with `newText`. An empty range inserts. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A safe, mechanical change that resolves a finding; applied by the workbench or tests. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** One file of the build context. `path` is POSIX, relative to the context root, no leading `./`. */
export interface ContextFile {
  path: string;
  sizeBytes: number;
  /** Text content, when it matters to the analyzer (package.json, requirements.txt, lockfiles). */
  content?: string;
}

/** A description of the build context: no bytes, just paths with sizes (and a few contents). */
export interface BuildContext {
  files: ContextFile[];
}

export interface AnalyzeInput {
  dockerfile: string;
  /** Text of the context's .dockerignore, if any. */
  dockerignore?: string;
  /** Missing context: COPY sources cannot be sized and are reported as unknowns. */
  context?: BuildContext;
  /** Stage name (or index as a string) to build, like `docker build --target`. Default: last stage. */
  target?: string;
}

export type Confidence = 'high' | 'medium' | 'low';

/** Something the estimate could not size precisely; each lowers confidence. */
export interface Unknown {
  kind:
    | 'base-image'
    | 'apt-package'
    | 'apk-package'
    | 'pip-package'
    | 'npm-package'
    | 'copy-source'
    | 'command'
    | 'variable'
    | 'parse';
  name: string;
  /** 0-based line of the instruction that caused it. */
  line?: number;
  message: string;
  /** The bytes we assumed instead (0 when nothing could be assumed). */
  assumedBytes: number;
  /**
   * The fewest and most bytes it could really be, `[lo, hi]` with lo ≤ assumedBytes ≤ hi. Unset:
   * a default band for its kind (see `unknownBounds` in size-estimate.ts).
   */
  rangeBytes?: [number, number];
}

export interface BaseImageSummary {
  /** As written in FROM (after ARG substitution). */
  ref: string;
  /** The table entry it resolved to, e.g. `python:3.12-slim-trixie`; undefined when guessed. */
  resolvedRef?: string;
  sizeBytes: number;
  compressedSizeBytes: number;
  /** True when the size comes from measured data; false for a family guess or `scratch`. */
  known: boolean;
  /** Set when the analyzer cannot size this kind of image at all (then `sizeBytes` is 0). */
  unsupported?: 'windows';
  /** Human-readable provenance: "docker-library/repo-info, 2026-08-13" or "guess from family". */
  source: string;
  confidence: Confidence;
  osFamily: 'debian' | 'ubuntu' | 'alpine' | 'busybox' | 'distroless' | 'scratch' | 'unknown';
  libc: 'glibc' | 'musl' | 'none' | 'unknown';
  hasShell: boolean;
  packageManager: 'apt' | 'apk' | 'none' | 'unknown';
}

/** What makes up a layer's bytes (one line of the breakdown). */
export interface LayerItem {
  label: string;
  bytes: number;
  kind: 'apt' | 'apk' | 'pip' | 'npm' | 'cache' | 'lists' | 'copy' | 'download' | 'build' | 'other';
}

export interface LayerInfo {
  /** Stage index the layer belongs to. */
  stage: number;
  /** 0-based line of the instruction. */
  line: number;
  range: Range;
  instruction: 'RUN' | 'COPY' | 'ADD';
  /** The instruction's text, shortened for display. */
  text: string;
  sizeBytes: number;
  /** Bytes added here that a later shipped layer deletes or overwrites: they still ship. */
  wastedBytes: number;
  items: LayerItem[];
  /** True when this layer ends up in the built image (the target stage and the stages it is FROM). */
  isShipped: boolean;
}

export interface StageInfo {
  index: number;
  name?: string;
  range: Range;
  /** Base image reference, or the name of the stage it builds FROM. */
  base: string;
  /** Index of the stage this one is FROM, when it is. */
  baseStage?: number;
  isShipped: boolean;
  isTarget: boolean;
  /** Base plus this stage's layers. */
  sizeBytes: number;
}

export interface Finding {
  rule: string;
  technique: Technique;
  severity: Severity;
  message: string;
  range: Range;
  /** Bytes the image would lose if this were fixed, where sizable. */
  savingsBytes?: number;
  /** The equivalent hadolint rule, where one exists. */
  hadolint?: string;
  /** Lesson slug that teaches the fix. */
  lesson: string;
  fixes: Fix[];
}

export interface SizeEstimate {
  /** Uncompressed size, what `docker images` shows. */
  bytes: number;
  /** Estimated pull (gzip) size. */
  compressedBytes: number;
  /** How compressedBytes was worked out, in one sentence. */
  compressedMethod: string;
  baseBytes: number;
  /** Bytes of the shipped layers above the base. */
  layersBytes: number;
  wastedBytes: number;
  /**
   * `[lo, hi]` bytes the real image size lies in: the estimate with every unknown at its fewest and
   * most bytes and every modelled figure at its measured error. `lo ≤ bytes ≤ hi`.
   */
  sizeRange: [number, number];
  /**
   * How far the estimate can be off, from `sizeRange`: high when the range lies within ±10 % of
   * `bytes`, medium within ±25 %, otherwise low. Any unknown caps it at medium; a parse error or a
   * guessed base makes it low.
   */
  confidence: Confidence;
  unknowns: Unknown[];
}

/** Facts about the image that ships, for goals and rules that judge the final image. */
export interface FinalImageFacts {
  /** Stage index of the target. */
  stage: number;
  hasShell: boolean;
  /** Package managers present: apt, dpkg, apk, pip, npm, yarn. */
  packageManagers: string[];
  /**
   * Package managers a shipped layer installed, even when a later layer deletes them: their
   * bytes still ship in that layer (pip, npm, yarn from OS packages).
   */
  layerPackageManagers: string[];
  /** Compilers and build tools present: gcc, g++, make, build-base, -dev packages. */
  buildTools: string[];
  /** OS packages known to be installed (base image list plus installs). */
  packages: string[];
  /** Paths placed by COPY/ADD, absolute in the image. */
  copiedPaths: string[];
  /** Context files shipped, relative to the context root (after .dockerignore). */
  contextFilesShipped: string[];
  user: string;
  cmd?: string[];
  entrypoint?: string[];
  workdir: string;
  /** Python minor version available at run time, e.g. "3.11". */
  pythonVersion?: string;
  nodeVersion?: string;
}

export interface ContextSummary {
  /** Files sent to the builder after .dockerignore. */
  sentBytes: number;
  sentFiles: number;
  totalBytes: number;
  totalFiles: number;
  /** Paths .dockerignore excluded. */
  ignored: string[];
  hasDockerignore: boolean;
  /** .dockerignore lines that could not be parsed. */
  dockerignoreErrors: string[];
}

export interface ScoreBreakdown {
  /** 0–100. */
  score: number;
  /** Share of the possible size reduction that was achieved, 0–1. */
  sizeAchieved: number;
  /** Points lost per open finding. */
  penalties: { rule: string; points: number }[];
  explanation: string[];
}

export interface ParseProblem {
  range: Range;
  message: string;
  severity: Severity;
}

/** The start model's answer for the final image, for goals and panels (see start-model.ts). */
export interface StartSummary {
  /** `fails`: certain to fail at start; `unknown`: something the model cannot follow decides it. */
  status: 'starts' | 'fails' | 'unknown';
  /** Why it fails or cannot be decided (the first such check), as an instruction; unset when it starts. */
  reason?: string;
  /** 0-based line the reason points at. */
  line?: number;
  /** The argv `docker run` would execute, when it could be worked out. */
  argv?: string[];
}

export interface Report {
  stages: StageInfo[];
  /** All layers of all stages, in order; `isShipped` marks what is in the image. */
  layers: LayerInfo[];
  base: BaseImageSummary;
  size: SizeEstimate;
  findings: Finding[];
  score: ScoreBreakdown;
  final: FinalImageFacts;
  context: ContextSummary;
  problems: ParseProblem[];
  /** Would the final image's container start? */
  start: StartSummary;
  /**
   * False when there is nothing to build (no FROM, or not a text file): `problems` says why, there
   * are no findings, and size and score describe no image (views show neither).
   */
  isBuildable: boolean;
  /** Analyzer time in milliseconds (not part of determinism checks). */
  elapsedMs?: number;
}
