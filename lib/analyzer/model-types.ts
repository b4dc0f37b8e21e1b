/**
 * The model between the parsers and the rules: stages, steps, layers and a simulated file system.
 * Built once per analysis by `buildModel()` (model.ts); rules only read it.
 * Rules never run regexes over raw Dockerfile text: they ask this model.
 */
import type { AnalyzerCache } from './cache';
import type {
  BaseImageSummary,
  ContextFile,
  ContextSummary,
  LayerItem,
  ParseProblem,
  Position,
  Range,
  Unknown,
} from './types';

/** One simple command from a RUN line, as the shell parser saw it. */
export interface ShellCommand {
  /** Program name with any `sudo`/`env`/`exec` prefix stripped, e.g. `apt-get`. */
  name: string;
  /** Arguments after the name, variables expanded where resolvable (`$UNRESOLVED` kept otherwise). */
  args: string[];
  /** True when the command was prefixed with sudo. */
  viaSudo: boolean;
  /** Commands joined by `|` share a pipeline id; position 0 is the leftmost. */
  pipeline: number;
  pipelinePosition: number;
  /** Environment assignments written before the command (`DEBIAN_FRONTEND=noninteractive apt-get`). */
  assignments: Record<string, string>;
  /** What an `export`/`declare` sets for the rest of the script; undefined for other commands. */
  exported?: Record<string, string>;
  /** The command's source text. */
  text: string;
  /** Range of the command inside the Dockerfile when it could be mapped; else the RUN's range. */
  range: Range;
  /** The program as written when it was a path (`/opt/venv/bin/pip`); `name` is then its basename. */
  path?: string;
  /** Redirections of the command (`> /etc/apt/apt.conf.d/99x`), targets expanded. */
  redirects?: { op: string; target: string }[];
  /** How the program was reached when not directly (`python3 -m pip`, `sh -c`). */
  invokedAs?: string;
  /** Set when the command runs only on some paths of the script (inside an `if`, after `||`). */
  conditional?: true;
  /**
   * What the RUN does when this command fails, where the shell's rules decide it: `'exits'` when
   * the RUN then fails (the command ends an `&&` chain that is the script's last statement, is the
   * last command, or runs under `set -e` as a statement of its own), or where the script goes on
   * (the rest of its `&&` chain skipped: after a `;`, or at a `||`). Undefined when not known
   * (inside an `if`, a loop, a function, a pipeline but its last command, after `||`).
   */
  onFailure?: 'exits' | { resumesAt: Position };
  /**
   * The command's words as the shell parser found them in the Dockerfile (prefixes such as
   * `sudo` included, before expansion), for fixes that edit one word. Undefined when the command
   * does not map to the source (exec form, a script inside `sh -c "…"`).
   */
  sourceWords?: SourceWord[];
}

/** One word of a command in the Dockerfile source. */
export interface SourceWord {
  /** The word's literal value (quotes removed); undefined when it holds an expansion. */
  literal?: string;
  /** Where the word is in the Dockerfile. */
  range: Range;
}

export interface Mount {
  type: 'cache' | 'secret' | 'bind' | 'tmpfs' | 'ssh';
  target?: string;
  source?: string;
  from?: string;
}

export interface StepBase {
  /** Position in the stage's step list. */
  index: number;
  stage: Stage;
  /** Range of the whole instruction. */
  range: Range;
  /** Range of the instruction keyword (for fixes that rewrite the keyword). */
  keywordRange: Range;
  /** The instruction's arguments as written (continuations joined). */
  text: string;
  /** The layer this step adds (RUN, COPY, ADD); undefined for metadata steps. */
  layer?: Layer;
}

export interface RunStep extends StepBase {
  kind: 'RUN';
  form: 'shell' | 'exec' | 'heredoc';
  commands: ShellCommand[];
  mounts: Mount[];
  /** ENV and ARG values in effect. */
  env: Record<string, string>;
  /** Set when the shell parser rejected the text; commands is then empty. */
  parseError?: string;
  /** The shell script the commands were parsed from (continuations joined, heredoc body, or `sh -c` text). */
  script?: string;
  /** True if some command is `name` (and, if given, its first non-option argument is `sub`). */
  calls(name: string, sub?: string): boolean;
  /** True if this RUN removes `path` (or a parent, or `path/*`), by rm, apt-get clean/dist-clean... */
  deletes(path: string): boolean;
  /** True if a cache or tmpfs mount covers `path`, so nothing written there ships. */
  mountsCover(path: string): boolean;
}

export interface CopyStep extends StepBase {
  kind: 'COPY' | 'ADD';
  sources: string[];
  dest: string;
  /** `--from` value as written (stage name, index or image). */
  from?: string;
  /** The stage `--from` names, when it is a stage. */
  fromStage?: Stage;
  /** Where the `--from` value is written (for fixes that rename it). */
  fromRange?: Range;
  /** True when the `--from` value as written holds a variable (`--from=$BUILDER`). */
  fromHasVariable?: boolean;
  chown?: string;
  chmod?: string;
  link: boolean;
  /** Context files this copies, after .dockerignore (empty for --from). */
  contextFiles: ContextFile[];
  /** Sources that match nothing in the context. */
  missingSources: string[];
  /** Sources that exist but .dockerignore excludes entirely. */
  excludedSources: string[];
  /** True when a source is `.` or `/` or a glob over the whole context. */
  isWholeContext: boolean;
  /** For ADD: the source is a URL or a local archive ADD would extract. */
  isRemote: boolean;
  isArchive: boolean;
}

export interface MetaStep extends StepBase {
  kind:
    | 'ENV'
    | 'ARG'
    | 'WORKDIR'
    | 'USER'
    | 'CMD'
    | 'ENTRYPOINT'
    | 'EXPOSE'
    | 'LABEL'
    | 'SHELL'
    | 'HEALTHCHECK'
    | 'VOLUME'
    | 'STOPSIGNAL'
    | 'ONBUILD'
    | 'MAINTAINER'
    | 'OTHER';
}

export type Step = RunStep | CopyStep | MetaStep;

/** A file-system entry of the simulated image, at the granularity that matters for size. */
export interface FsEntry {
  /** Absolute path (a directory, a package database, a copied path). */
  path: string;
  bytes: number;
  /** Which layer created it. */
  layer: Layer;
  kind: LayerItem['kind'];
  /** Package name when the entry is an installed package. */
  pkg?: string;
  /** What the layer breakdown calls it ("apt-get install curl (12 packages)"), when known. */
  item?: string;
  /** Files inside a copied entry (absolute paths), when known; a file may stand for an opaque folder. */
  files?: { path: string; bytes: number }[];
}

export interface SimFs {
  entries: FsEntry[];
  /** True when `path` (or something under it) exists at the end of the stage. */
  has(path: string): boolean;
  /** Entries at or under `path`. */
  under(path: string): FsEntry[];
}

export interface Layer {
  step: RunStep | CopyStep;
  stage: Stage;
  sizeBytes: number;
  /** Bytes of this layer that a later layer of the same image deletes or overwrites. */
  wastedBytes: number;
  items: LayerItem[];
  /** Absolute paths this layer adds (package dirs, caches, copied files). */
  adds: FsEntry[];
  /** Absolute paths this layer deletes. */
  deletes: string[];
  isShipped: boolean;
  /** Bytes of packages pulled in only through apt Recommends (what --no-install-recommends saves). */
  recommendsBytes?: number;
  /** The packages behind `recommendsBytes` (name → bytes), to take back those the RUN removes again. */
  recommendsOnly?: Map<string, number>;
  /** Each install command's share of `recommendsBytes`, as it ran (later installs reuse what earlier ones added). */
  recommendsByCommand?: Map<ShellCommand, number>;
  /**
   * Per apt install command: the packages a subset of its names needs (with their closure, as that
   * install resolved it); `undefined` when some are not in the tables.
   */
  aptNeeds?: Map<ShellCommand, (names: string[]) => Set<string> | undefined>;
  /** Bytes of npm devDependencies this layer installs (what --omit=dev saves). */
  devDependencyBytes?: number;
  /** What this layer deletes or overwrites of earlier layers: per earlier layer, the bytes (they still ship there). */
  removedFrom?: { layer: Layer; bytes: number }[];
}

export interface Stage {
  /** The model's cache (the same object as `ImageModel.cache`), for per-stage memos. */
  cache: AnalyzerCache;
  index: number;
  name?: string;
  range: Range;
  /** The FROM reference after ARG substitution. */
  baseRef: string;
  /** Set when FROM names an earlier stage. */
  baseStage?: Stage;
  /** The base image (for a stage FROM another stage: that stage's root image). */
  baseImage: BaseImageSummary;
  steps: Step[];
  runs: RunStep[];
  copies: CopyStep[];
  /** In the built image: the target, and every stage it inherits from by FROM. */
  isShipped: boolean;
  isTarget: boolean;
  /** Stages that COPY --from this one. */
  copiedFromBy: Stage[];
  /** OS packages present at the end of the stage (base list plus installs minus removals). */
  packages: Set<string>;
  fs: SimFs;
  user: string;
  workdir: string;
  env: Record<string, string>;
  cmd?: { form: 'exec' | 'shell'; args: string[]; range: Range };
  entrypoint?: { form: 'exec' | 'shell'; args: string[]; range: Range };
  pythonVersion?: string;
  nodeVersion?: string;
  /** `FROM --platform=…` as written (`$BUILDPLATFORM`, `linux/amd64`), with the flag's range; unset without the flag. */
  platform?: { value: string; range: Range };
  /** Range of the image reference in FROM (for fixes that swap the tag); unset when it came from an ARG. */
  baseRefRange?: Range;
  /** Package managers present at the end of the stage: apt, dpkg, apk, pip, npm, yarn. */
  packageManagers?: string[];
  /** The base image's own ENTRYPOINT / CMD (exec form), inherited unless the stage overrides them. */
  baseEntrypoint?: string[];
  baseCmd?: string[];
  /** Python packages pip compiles from source here (no musllinux wheel on Alpine). */
  compiles?: string[];
  /** Dependencies pip left to an OS package's copy ("Requirement already satisfied"). */
  pipSatisfiedByOs?: { dist: string; osPkg: string; site: string }[];
}

export interface ArgDecl {
  name: string;
  value?: string;
  range: Range;
  /** True when declared before the first FROM. */
  isGlobal: boolean;
  stage?: Stage;
}

export interface EnvDecl {
  name: string;
  value: string;
  range: Range;
  stage: Stage;
}

/** Why a RUN certainly fails in the build (each kind is reported by the rule of the same id). */
export type BuildFailureKind =
  | 'apt-lists-missing'
  | 'apt-dist-clean-unavailable'
  | 'apt-get-invalid-operation'
  | 'npm-ci-without-lockfile'
  | 'compiler-missing'
  | 'pip-externally-managed'
  | 'command-not-found';

/**
 * A command the simulated build knows fails: `docker build` stops there. Recorded only when
 * nothing the model does not follow could have prevented it (a known base image, no
 * unmodelled command before it in the RUN).
 */
export interface BuildFailure {
  kind: BuildFailureKind;
  run: RunStep;
  command: ShellCommand;
  /** The range of the failing command. */
  range: Range;
  /** What fails and what to do, as an instruction. */
  message: string;
}

export interface ImageModel {
  stages: Stage[];
  target: Stage;
  shippedStages: Stage[];
  /** RUN steps whose layers ship. */
  shippedRuns: RunStep[];
  shippedCopies: CopyStep[];
  /** Every step of every stage, in file order. */
  steps: Step[];
  layers: Layer[];
  args: ArgDecl[];
  envs: EnvDecl[];
  /** `isKnown`: a context description was given (false: COPY sources cannot be read or sized). */
  context: ContextSummary & {
    files: ContextFile[];
    shippedFiles: ContextFile[];
    isKnown: boolean;
  };
  dockerignore?: string;
  unknowns: Unknown[];
  /** Source lines of the Dockerfile, for fixes that need the text at a range. */
  lines: string[];
  /**
   * Layers a change to context path `path` invalidates: the first COPY/ADD that includes it and
   * every layer after it in that stage and in stages that depend on it (FROM or COPY --from).
   */
  invalidatedBy(path: string): Layer[];
  /** Parse problems (syntax errors, shell errors, too-large input, unknown --target). */
  problems?: ParseProblem[];
  /** Commands the simulated build knows fail, in file order (every stage, shipped or not). */
  buildFailures?: BuildFailure[];
  /** Set when the input was over the size cap and only its beginning was analysed. */
  truncatedAtLine?: number;
  /** False when there is nothing to build: no FROM, or not a text file. */
  isBuildable: boolean;
  /** The memory the model was built with; rules and facts that memoise keep their memos in it. */
  cache: AnalyzerCache;
}
