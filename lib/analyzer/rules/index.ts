/**
 * Every analyzer rule, sorted by id. Add one line per rule (the parity test checks this list):
 * `RuleId` and `RULE_IDS` follow from it, so no other file lists the rules.
 */
import type { RuleDefinition } from '../rule';
import { addInsteadOfCopy } from './add-instead-of-copy';
import { alpineNeedsCompiling } from './alpine-needs-compiling';
import { apkCacheKept } from './apk-cache-kept';
import { aptDistCleanUnavailable } from './apt-dist-clean-unavailable';
import { aptGetInvalidOperation } from './apt-get-invalid-operation';
import { aptGetMissingYes } from './apt-get-missing-yes';
import { aptInstallRecommends } from './apt-install-recommends';
import { aptListsMissing } from './apt-lists-missing';
import { aptListsNotRemoved } from './apt-lists-not-removed';
import { aptUpgrade } from './apt-upgrade';
import { baseImageUnknownName } from './base-image-unknown-name';
import { broadCopyNoDockerignore } from './broad-copy-no-dockerignore';
import { buildToolsInFinal } from './build-tools-in-final';
import { chownDuplicatesLayer } from './chown-duplicates-layer';
import { cleanupInLaterLayer } from './cleanup-in-later-layer';
import { cmdShellForm } from './cmd-shell-form';
import { commandNotFound } from './command-not-found';
import { compilerMissing } from './compiler-missing';
import { consecutiveRun } from './consecutive-run';
import { contextIncludesVcsOrDeps } from './context-includes-vcs-or-deps';
import { copyBeforeDeps } from './copy-before-deps';
import { copyFromInvalidStageIndex } from './copy-from-invalid-stage-index';
import { copyFromUnknownStage } from './copy-from-unknown-stage';
import { copySourceMissing } from './copy-source-missing';
import { copyWholeBuilder } from './copy-whole-builder';
import { curlPipeShell } from './curl-pipe-shell';
import { distrolessCandidate } from './distroless-candidate';
import { eolBaseImage } from './eol-base-image';
import { healthcheckNeedsShell } from './healthcheck-needs-shell';
import { healthcheckProgramMissing } from './healthcheck-program-missing';
import { largeBaseImage } from './large-base-image';
import { npmCacheKept } from './npm-cache-kept';
import { npmCiWithoutLockfile } from './npm-ci-without-lockfile';
import { npmInstallDevDeps } from './npm-install-dev-deps';
import { packageManagerInFinal } from './package-manager-in-final';
import { packageNotInRelease } from './package-not-in-release';
import { pipCacheKept } from './pip-cache-kept';
import { pipExternallyManaged } from './pip-externally-managed';
import { platformMismatchFinal } from './platform-mismatch-final';
import { pythonVersionMismatch } from './python-version-mismatch';
import { runsAsRoot } from './runs-as-root';
import { runtimeMissing } from './runtime-missing';
import { secretsInImage } from './secrets-in-image';
import { singleStageBuild } from './single-stage-build';
import { sudoUsed } from './sudo-used';
import { unpinnedBaseTag } from './unpinned-base-tag';
import { yarnCacheKept } from './yarn-cache-kept';

const RULES = [
  addInsteadOfCopy,
  alpineNeedsCompiling,
  apkCacheKept,
  aptDistCleanUnavailable,
  aptGetInvalidOperation,
  aptGetMissingYes,
  aptInstallRecommends,
  aptListsMissing,
  aptListsNotRemoved,
  aptUpgrade,
  baseImageUnknownName,
  broadCopyNoDockerignore,
  buildToolsInFinal,
  chownDuplicatesLayer,
  cleanupInLaterLayer,
  cmdShellForm,
  commandNotFound,
  compilerMissing,
  consecutiveRun,
  contextIncludesVcsOrDeps,
  copyBeforeDeps,
  copyFromInvalidStageIndex,
  copyFromUnknownStage,
  copySourceMissing,
  copyWholeBuilder,
  curlPipeShell,
  distrolessCandidate,
  eolBaseImage,
  healthcheckNeedsShell,
  healthcheckProgramMissing,
  largeBaseImage,
  npmCacheKept,
  npmCiWithoutLockfile,
  npmInstallDevDeps,
  packageManagerInFinal,
  packageNotInRelease,
  pipCacheKept,
  pipExternallyManaged,
  platformMismatchFinal,
  pythonVersionMismatch,
  runsAsRoot,
  runtimeMissing,
  secretsInImage,
  singleStageBuild,
  sudoUsed,
  unpinnedBaseTag,
  yarnCacheKept,
] as const satisfies readonly RuleDefinition[];

/** The id of a registered rule (a union of the ids in the list above). */
export type RuleId = (typeof RULES)[number]['id'];

/** Every rule, sorted by id. */
export const rules: RuleDefinition<RuleId>[] = [...RULES];

/** Every rule id, sorted. */
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);
