'use client';
/**
 * The workbench: Monaco (Dockerfile + .dockerignore) beside the live analysis panels.
 * Data flows one way: editor text → analysis worker (the core's analyze + evaluateGoals) →
 * panels. Nothing here works out sizes, findings or scores; it only shows the Report.
 */
import { startTransition, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Finding, Fix } from '@/lib/analyzer';
import { allGoalsMet } from '@/lib/lessons';
import { SharePanel } from '../gallery/SharePanel';
import type { EditorHandle, EditorMarkers } from './EditorPane';
import EditorPane from './EditorPane';
import { scheduleMonaco, wantMonaco } from './monaco-loader';
import { ConfirmDialog } from '../ConfirmDialog';
import DiffView from './DiffView';
import FindingsPanel from './FindingsPanel';
import GoalsPanel from './GoalsPanel';
import LayerStrip from './LayerStrip';
import LayerChart from './LayerChart';
import ProjectPanel from './ProjectPanel';
import ScorePanel from './ScorePanel';
import SizePanel from './SizePanel';
import { formatBytes } from '@/lib/format';
import { LIMITS } from '@/lib/limits';
import { formatChange } from './format';
import { useSiteTheme } from '../theme';
import type { WorkbenchFiles, WorkbenchProps } from './types';
import type { EarlyText } from './early-text';
import { useAnalysis } from './useAnalysis';
import { SummaryPlaceholder } from './WorkbenchShell';
import { onPageLeave } from '../page-leave';
import styles from './workbench.module.css';

export type { WorkbenchFiles, WorkbenchProps } from './types';

/** Autosave waits for this pause in typing. */
const SAVE_DEBOUNCE_MS = 400;
/** "1 finding", "3 findings". */
function countLabel(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** An "attempt" is an edit followed by this long a pause with goals still unmet. */
const ATTEMPT_SETTLE_MS = 2000;
/** All goals must stay met this long, with no newer text, before it counts as solved. */
const GOALS_SETTLE_MS = 400;
/** Attempts after which the reference solution may be shown without solving. */
const ATTEMPTS_FOR_SOLUTION = 3;

/** Live analysis stops above these (see LIMITS.live for why). */
const { lines: LIVE_MAX_LINES, chars: LIVE_MAX_CHARS } = LIMITS.live;

/** Line count and size when the files are over the live-analysis limits; undefined otherwise. */
function oversizeOf(
  files: WorkbenchFiles,
  lines?: number,
): { chars: number; lines: number } | undefined {
  const chars = files.dockerfile.length + files.dockerignore.length;
  let count = lines ?? 1;
  if (lines === undefined) {
    for (
      let i = files.dockerfile.indexOf('\n');
      i !== -1;
      i = files.dockerfile.indexOf('\n', i + 1)
    )
      count++;
  }
  return count > LIVE_MAX_LINES || chars > LIVE_MAX_CHARS ? { chars, lines: count } : undefined;
}

const NO_GOALS: never[] = [];
/** Performance API measure name: edit → estimate on screen. */
const EDIT_MEASURE = 'layerlab:edit-to-estimate';

const NO_HINTS: string[] = [];

export default function Workbench(props: WorkbenchProps & { early?: EarlyText }) {
  const {
    mode,
    initialFiles,
    startFiles,
    project,
    goals = NO_GOALS,
    hints = NO_HINTS,
    solution,
    lessonSlug,
    onFilesChange,
    onGoalsMet,
    onAnalysisSettled,
    onGoalsUnmet,
  } = props;
  const readOnly = props.readOnly ?? mode === 'share';
  const instanceId = useId().replace(/[^a-zA-Z0-9]/g, '');
  const theme = useSiteTheme();
  const editorRef = useRef<EditorHandle>(null);
  const context = useMemo(() => ({ files: project.files.map((f) => ({ ...f })) }), [project.files]);
  const analysis = useAnalysis({ context, goals, startFiles });
  const { request, result, startBytes, live, resultTag, status } = analysis;

  const [isEditorReady, setIsEditorReady] = useState(false);

  // Monaco is asked for on the learner's first move towards the editor (or a while after the
  // page has settled), but not while they are typing in the plain editor (see scheduleMonaco):
  // EditorPane then finds it loaded or on its way.
  const early = props.early;
  useEffect(() => scheduleMonaco(() => early?.lastActivityAt ?? -Infinity), [early]);
  const [notice, setNotice] = useState<string>();
  const [hintsShown, setHintsShown] = useState(0);
  const [attempts, setAttempts] = useState(0);
  const [hasSolved, setHasSolved] = useState(false);
  const [isSolutionOpen, setIsSolutionOpen] = useState(false);
  const [diffFiles, setDiffFiles] = useState<WorkbenchFiles>();
  const [dialog, setDialog] = useState<'reset' | 'use-solution' | undefined>();
  const shareButtonRef = useRef<HTMLButtonElement>(null);
  /** The texts at the last Share press; `press` remounts the panel for a fresh link. */
  const [share, setShare] = useState<{
    press: number;
    files: WorkbenchFiles;
    figures: { beforeBytes?: number; afterBytes?: number; score?: number };
  }>();
  const [oversize, setOversize] = useState<{ chars: number; lines: number }>();

  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pendingSave = useRef<WorkbenchFiles | undefined>(undefined);
  const attemptTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastAttemptText = useRef<string | undefined>(undefined);
  const goalsRef = useRef(result?.goals);
  const onFilesChangeRef = useRef(onFilesChange);
  const wasAllMet = useRef(false);

  useEffect(() => {
    goalsRef.current = result?.goals;
    onFilesChangeRef.current = onFilesChange;
  });

  // First analysis from the initial texts, before Monaco has even loaded; again whenever the
  // project or the goals change (the playground's folder picker), with the text as it is now.
  useEffect(() => {
    const handle = editorRef.current;
    // The handle knows the text typed so far, in Monaco or in the plain editor before it.
    const files = handle ? handle.getFiles() : initialFiles;
    const tooBig = oversizeOf(files);
    setOversize(tooBig);
    if (!tooBig) request(files, handle?.getVersionId());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initialFiles are read once at mount
  }, [request]);

  useEffect(
    () => () => {
      clearTimeout(saveTimer.current);
      clearTimeout(attemptTimer.current);
    },
    [],
  );

  // Closing the tab, reloading or switching away within the autosave delay would drop the last
  // edit: the pending save happens at once when the page is hidden. (A React unmount does not
  // flush: the lesson and the playground remount on purpose after a reset or after taking another
  // tab's draft, and a late save of the old text would overwrite that.)
  useEffect(
    () =>
      onPageLeave(() => {
        if (pendingSave.current === undefined) return;
        clearTimeout(saveTimer.current);
        const files = pendingSave.current;
        pendingSave.current = undefined;
        onFilesChangeRef.current?.(files);
      }),
    [],
  );

  const allMet = result !== undefined && allGoalsMet(result.goals);
  const isStale =
    oversize !== undefined || (live !== undefined && analysis.requestedSeq !== live.seq);
  const onGoalsMetRef = useRef(onGoalsMet);
  const onGoalsUnmetRef = useRef(onGoalsUnmet);
  useEffect(() => {
    onGoalsMetRef.current = onGoalsMet;
    onGoalsUnmetRef.current = onGoalsUnmet;
  });
  // Success counts only for the text on screen, once it has settled: replacing a selection reaches
  // the editor as a delete and then an insert, and the brief empty text in between must not
  // "solve" a lesson.
  useEffect(() => {
    if (!result || readOnly) return;
    if (!allMet) {
      if (!wasAllMet.current || isStale || live?.result !== result) return;
      // A lost goal must settle too (a replace passes through an empty text).
      const lost = setTimeout(() => {
        wasAllMet.current = false;
        onGoalsUnmetRef.current?.();
      }, GOALS_SETTLE_MS);
      return () => clearTimeout(lost);
    }
    if (wasAllMet.current || isStale || live?.result !== result) return;
    const timer = setTimeout(() => {
      wasAllMet.current = true;
      setHasSolved(true);
      onGoalsMetRef.current?.(result.report);
    }, GOALS_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [allMet, result, live, readOnly, isStale]);

  // Edit → estimate on screen, as a Performance API measure for `npm run bench:web`: from the
  // first edit the panel does not answer yet to the commit that shows the answer to the latest text.
  const editPendingSince = useRef<number | undefined>(undefined);
  useEffect(() => {
    const since = editPendingSince.current;
    if (since === undefined || !result || isStale || live?.result !== result) return;
    const versionId = editorRef.current?.getVersionId();
    if (versionId !== undefined && versionId !== resultTag) return;
    editPendingSince.current = undefined;
    performance.measure(EDIT_MEASURE, { start: since, detail: { versionId } });
    // Keep the timeline bounded in long sessions: the bench reads at most a few hundred.
    if (performance.getEntriesByName(EDIT_MEASURE).length > 1000)
      performance.clearMeasures(EDIT_MEASURE);
  }, [result, resultTag, live, isStale]);

  const onSettledRef = useRef(onAnalysisSettled);
  const lastSettledText = useRef<string | undefined>(undefined);
  useEffect(() => {
    onSettledRef.current = onAnalysisSettled;
  });
  // The same settling as for success, so a half-replaced text is never reported.
  useEffect(() => {
    if (!result || readOnly || isStale || live?.result !== result || !onSettledRef.current) return;
    const timer = setTimeout(() => {
      const handle = editorRef.current;
      // The result must answer the text on screen now, not one typed over since.
      const versionId = handle?.getVersionId();
      if (versionId !== undefined && versionId !== resultTag) return;
      const files = handle?.getFiles() ?? initialFiles;
      const key = `${files.dockerfile}\u0000${files.dockerignore}`;
      const startKey = `${startFiles.dockerfile}\u0000${startFiles.dockerignore}`;
      if (key === lastSettledText.current || key === startKey) return;
      lastSettledText.current = key;
      onSettledRef.current?.({
        files,
        report: result.report,
        goalsMet: result.goals.filter((g) => g.isMet).length,
        goalsTotal: result.goals.length,
      });
    }, GOALS_SETTLE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initialFiles and startFiles are read once per lesson
  }, [result, resultTag, live, readOnly, isStale]);

  const onEditorChange = useCallback(
    (files: WorkbenchFiles, versionId: number | undefined, lines: number, changedAt?: number) => {
      editPendingSince.current ??= changedAt ?? performance.now();
      const tooBig = oversizeOf(files, lines);
      // Over the cap, the message and the panels' stale state are no answer to a key: rendered
      // as a transition, they wait for the editor to paint the paste and yield to the next key.
      if (tooBig) startTransition(() => setOversize(tooBig));
      else setOversize(undefined);
      if (!tooBig) request(files, versionId);
      clearTimeout(saveTimer.current);
      // A text too big to autosave is not saved (the host says so): the edit before it, still
      // waiting for its save, is saved now instead of being dropped with the timer. Typing
      // followed at once by a 1 MB paste lost the typing on reload.
      if (files.dockerfile.length + files.dockerignore.length > LIMITS.draftChars) {
        const before = pendingSave.current;
        if (before && before.dockerfile.length + before.dockerignore.length <= LIMITS.draftChars)
          onFilesChangeRef.current?.(before);
      }
      pendingSave.current = files;
      saveTimer.current = setTimeout(() => {
        pendingSave.current = undefined;
        onFilesChangeRef.current?.(files);
      }, SAVE_DEBOUNCE_MS);
      clearTimeout(attemptTimer.current);
      attemptTimer.current = setTimeout(() => {
        const key = `${files.dockerfile}\u0000${files.dockerignore}`;
        const isStart =
          files.dockerfile === startFiles.dockerfile &&
          files.dockerignore === startFiles.dockerignore;
        const isUnmet = goalsRef.current?.some((g) => !g.isMet) ?? false;
        if (!isStart && isUnmet && key !== lastAttemptText.current) {
          lastAttemptText.current = key;
          setAttempts((n) => n + 1);
        }
      }, ATTEMPT_SETTLE_MS);
    },
    [request, startFiles],
  );

  /**
   * A quick fix pressed before Monaco was here: applied by Monaco as soon as it has taken the
   * text over (so Ctrl+Z undoes it there), if the text is still the one the fix was made for.
   */
  const pendingFix = useRef<{ fix: Fix; dockerfile: string } | undefined>(undefined);

  const onEditorReady = useCallback(() => {
    setIsEditorReady(true);
    const handle = editorRef.current;
    const waiting = pendingFix.current;
    pendingFix.current = undefined;
    if (handle && waiting) {
      const versionId = handle.getVersionId();
      const isSameText = handle.getFiles().dockerfile === waiting.dockerfile;
      if (isSameText && versionId !== undefined && handle.applyFix(waiting.fix, versionId))
        setNotice(`Applied: ${waiting.fix.title}. Ctrl+Z undoes it.`);
      else
        setNotice(
          `Not applied: ${waiting.fix.title}. The text changed while the full editor loaded; the findings update in a moment, then try the fix again.`,
        );
    }
    // After a fix this is a fresh request anyway: the edit reported it.
    if (handle && !oversizeOf(handle.getFiles())) request(handle.getFiles(), handle.getVersionId());
  }, [request]);

  const reveal = useCallback((line: number) => editorRef.current?.revealLine(line), []);

  const fix = useCallback(
    (_finding: Finding, chosen: Fix) => {
      const handle = editorRef.current;
      if (!isEditorReady) {
        // The findings on screen must be those of the text on screen, as with Monaco.
        if (!handle || isStale) {
          setNotice('The text changed since the last analysis. Try the fix again in a moment.');
          return;
        }
        pendingFix.current = { fix: chosen, dockerfile: handle.getFiles().dockerfile };
        wantMonaco();
        setNotice(`${chosen.title}: applied as soon as the full editor has loaded (a moment).`);
        return;
      }
      if (!handle || resultTag === undefined || !handle.applyFix(chosen, resultTag)) {
        setNotice('The text changed since the last analysis. Try the fix again in a moment.');
        return;
      }
      setNotice(`Applied: ${chosen.title}. Ctrl+Z undoes it.`);
    },
    [resultTag, isEditorReady, isStale],
  );

  const rebuild = useCallback(
    (path: string) => {
      const files = editorRef.current?.getFiles() ?? initialFiles;
      return oversizeOf(files)
        ? Promise.reject(new Error('the Dockerfile is too big to analyse live'))
        : analysis.rebuild(files, path);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- analysis.rebuild is stable per context
    [analysis.rebuild, initialFiles],
  );

  // Over the live-analysis limits no answer follows the edit: the last text's markers go.
  const markers: EditorMarkers | undefined = useMemo(
    () =>
      result && resultTag !== undefined && !oversize
        ? {
            findings: result.report.findings,
            diagnostics: result.diagnostics,
            versionId: resultTag,
          }
        : undefined,
    [result, resultTag, oversize],
  );

  /** Closes the share links and gives the keyboard back to the Share button. */
  function closeShare() {
    setShare(undefined);
    shareButtonRef.current?.focus();
  }

  function onShare() {
    const files = editorRef.current?.getFiles() ?? initialFiles;
    // The figures of the Markdown line are the latest analysis of these texts, taken now.
    const figures = {
      beforeBytes: startBytes,
      afterBytes: result?.report.isBuildable ? result.report.size.bytes : undefined,
      score: result?.report.isBuildable ? result.report.score.score : undefined,
    };
    setShare((previous) => ({ press: (previous?.press ?? 0) + 1, files, figures }));
  }

  function doReset() {
    setDialog(undefined);
    editorRef.current?.replaceAll(startFiles);
    setNotice('Reset to the start. Ctrl+Z in the editor brings your version back.');
  }

  function openSolution() {
    if (!solution) return;
    // The diff view is Monaco's: asked for now, shown when it is here.
    wantMonaco();
    setDiffFiles(editorRef.current?.getFiles() ?? initialFiles);
    setIsSolutionOpen(true);
  }

  function applySolution() {
    setDialog(undefined);
    if (!solution) return;
    editorRef.current?.replaceAll(solution);
    setIsSolutionOpen(false);
    setNotice('The reference solution is in the editor. Ctrl+Z brings your version back.');
  }

  const canShowSolution = hasSolved || attempts >= ATTEMPTS_FOR_SOLUTION;
  const monaco = isEditorReady ? editorRef.current?.monaco() : undefined;
  return (
    <section className={styles.workbench} aria-label="Workbench" data-mode={mode}>
      <div className={styles.layout}>
        <div className={styles.editorColumn}>
          <div className={styles.toolbar} role="toolbar" aria-label="Workbench actions">
            <button type="button" ref={shareButtonRef} className={styles.button} onClick={onShare}>
              Share
            </button>
            {!readOnly && (
              <button
                type="button"
                className={styles.button}
                // Focusable while the full editor loads (a disabled button is skipped by Tab):
                // moving to it asks for Monaco, which the reset needs to keep Ctrl+Z working.
                aria-disabled={!isEditorReady}
                onPointerEnter={wantMonaco}
                onFocus={wantMonaco}
                onClick={() => {
                  if (isEditorReady) return setDialog('reset');
                  wantMonaco();
                  setNotice('The full editor is still loading: Reset works in a moment.');
                }}
              >
                Reset
              </button>
            )}
            {!readOnly && hints.length > 0 && (
              <button
                type="button"
                className={styles.button}
                onClick={() => setHintsShown((n) => Math.min(n + 1, hints.length))}
                disabled={hintsShown >= hints.length}
              >
                {hintsShown === 0
                  ? 'Show a hint'
                  : hintsShown < hints.length
                    ? 'Next hint'
                    : 'No more hints'}
                <span className={styles.muted}>
                  {' '}
                  ({hintsShown}/{hints.length})
                </span>
              </button>
            )}
            {!readOnly && solution && (
              <button
                type="button"
                className={styles.button}
                onClick={() => (isSolutionOpen ? setIsSolutionOpen(false) : openSolution())}
                disabled={!canShowSolution}
                aria-expanded={isSolutionOpen}
                aria-describedby={`wb-${instanceId}-solution-rule`}
              >
                {isSolutionOpen ? 'Hide solution' : 'Show solution'}
              </button>
            )}
          </div>
          {share && (
            <SharePanel
              key={share.press}
              instanceId={instanceId}
              files={share.files}
              lessonSlug={lessonSlug}
              lessonTitle={props.lessonTitle}
              lessonVersion={props.lessonVersion}
              {...share.figures}
            />
          )}
          {/* The links push the editor down: without this they stayed until the page was left. */}
          {share && (
            <button
              type="button"
              className={`${styles.button} ${styles.closeShare}`}
              onClick={closeShare}
            >
              Close share links
            </button>
          )}
          {result && (
            // Size, goals and a compact layer chart sit above the editor, so the feedback on each
            // keystroke stays in sight at any window size (the full panels follow below).
            <div className={styles.summaryBlock} aria-hidden="true">
              <p className={styles.summary}>
                <span className={styles.summaryBig} data-testid="summary-size">
                  {result.report.isBuildable ? formatBytes(result.report.size.bytes) : 'No image'}
                </span>
                {startBytes !== undefined && result.report.isBuildable && (
                  <span className={styles.muted}>
                    {formatChange(startBytes, result.report.size.bytes).text}
                  </span>
                )}
                {result.goals.length > 0 && (
                  <span className={styles.muted}>
                    {result.goals.filter((g) => g.isMet).length}/{result.goals.length} goals
                  </span>
                )}
                {result.report.isBuildable && (
                  <span className={styles.muted}>
                    {countLabel(result.report.findings.length, 'finding')}
                  </span>
                )}
              </p>
              {result.report.isBuildable && <LayerStrip report={result.report} />}
            </div>
          )}
          {!result && (
            // The same room before the first answer, so the editor below does not jump down
            // when it comes (Lighthouse counted that as the page's one layout shift).
            <SummaryPlaceholder />
          )}
          <GoalsPanel goals={result?.goals} total={goals.length > 0 ? goals.length + 1 : 0} />
          <EditorPane
            ref={editorRef}
            instanceId={instanceId}
            initialFiles={initialFiles}
            readOnly={readOnly}
            early={props.early}
            theme={theme}
            markers={markers}
            onChange={onEditorChange}
            onReady={onEditorReady}
            hover={analysis.hover}
            complete={analysis.complete}
          />
          <p role="status" className={styles.notice}>
            {notice}
          </p>
          {!readOnly && solution && !canShowSolution && (
            <p id={`wb-${instanceId}-solution-rule`} className={`${styles.muted} ${styles.small}`}>
              The solution unlocks when you meet the goals, or after {ATTEMPTS_FOR_SOLUTION} tries
              (a try is an edit followed by a 2-second pause with goals unmet): {attempts} of{' '}
              {ATTEMPTS_FOR_SOLUTION} so far.
            </p>
          )}
          {hintsShown > 0 && (
            <section className={styles.panel} aria-labelledby={`wb-${instanceId}-hints-h`}>
              <h2 id={`wb-${instanceId}-hints-h`} className={styles.panelTitle}>
                Hints
              </h2>
              <ol className={styles.hintList}>
                {hints.slice(0, hintsShown).map((hint, i) => (
                  <li key={i}>{hint}</li>
                ))}
              </ol>
            </section>
          )}
          {isSolutionOpen && solution && !monaco && (
            <p role="status" className={styles.muted}>
              Loading the diff view…
            </p>
          )}
          {isSolutionOpen && solution && monaco && diffFiles && (
            <section className={styles.panel} aria-labelledby={`wb-${instanceId}-solution-h`}>
              <h2 id={`wb-${instanceId}-solution-h`} className={styles.panelTitle}>
                Your version vs. the reference
              </h2>
              <p className={styles.muted}>
                Any solution that meets the goals is right; this is one of them.
              </p>
              <DiffView
                monaco={monaco}
                instanceId={instanceId}
                original={diffFiles}
                modified={solution}
                labels={['Yours', 'Reference solution']}
                ariaLabel="Your file compared with the reference solution"
                theme={theme}
              />
              <div className={styles.toolbar}>
                <button
                  type="button"
                  className={styles.button}
                  onClick={() => setDialog('use-solution')}
                >
                  Put the reference in my editor
                </button>
              </div>
            </section>
          )}
        </div>

        <div className={styles.panelColumn}>
          {oversize && (
            <p role="alert" className={styles.problem}>
              This Dockerfile is too big to analyse live ({oversize.lines.toLocaleString('en')}{' '}
              lines, {formatBytes(oversize.chars)}). Live analysis stops at{' '}
              {LIVE_MAX_LINES.toLocaleString('en')} lines or {formatBytes(LIVE_MAX_CHARS)}; real
              Dockerfiles are a few hundred lines. The figures below are from before the paste, and
              the editor shows the text without colours: undo the paste (Ctrl+Z) or trim the text to
              analyse it again.
            </p>
          )}
          {(status || live?.error) && (
            <p role="alert" className={styles.problem}>
              {status ?? `The analysis failed: ${live?.error}. Your text is safe; keep editing.`}
            </p>
          )}
          {/* Nothing to build (no FROM, not text): only the problem is shown, no size or score. */}
          {result?.report.isBuildable !== false && (
            <SizePanel
              report={result?.report}
              startBytes={startBytes}
              seq={live?.seq}
              isStale={isStale}
              elapsedMs={result?.elapsedMs}
            />
          )}
          {result?.report.isBuildable !== false && (
            <LayerChart report={result?.report} onReveal={reveal} />
          )}
          <FindingsPanel
            findings={result?.report.findings}
            problems={result?.report.problems}
            readOnly={readOnly}
            lessonSlug={lessonSlug}
            onReveal={reveal}
            onFix={fix}
          />
          {result?.report.isBuildable !== false && <ScorePanel score={result?.report.score} />}
          {/* Shown with the first answer, not before: until then the panels above it are empty,
              and a panel shown early would jump down a screen when they fill in. */}
          {result && (
            <ProjectPanel
              project={project}
              context={result.report.context}
              analysisKey={live?.seq}
              rebuild={rebuild}
              onReveal={reveal}
            />
          )}
        </div>
      </div>

      <ConfirmDialog
        isOpen={dialog === 'reset'}
        title="Reset to the start?"
        confirmLabel="Reset"
        onConfirm={doReset}
        onCancel={() => setDialog(undefined)}
      >
        <p>Both files go back to how the lesson started. Ctrl+Z in the editor undoes it.</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={dialog === 'use-solution'}
        title="Replace your files with the reference?"
        confirmLabel="Replace"
        onConfirm={applySolution}
        onCancel={() => setDialog(undefined)}
      >
        <p>
          Your Dockerfile and .dockerignore are replaced by the reference solution. Ctrl+Z in the
          editor undoes it.
        </p>
      </ConfirmDialog>
    </section>
  );
}
