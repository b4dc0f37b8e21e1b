'use client';
/**
 * Monaco with two models (Dockerfile, .dockerignore) behind accessible tabs. Monaco itself is
 * loaded with import() when this mounts, so the page and the panels never wait for it; until it
 * is ready the text shows read-only.
 */
import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { Finding, Fix } from '@/lib/analyzer';
import { LIMITS } from '@/lib/limits';
import type { LsCompletion, LsHover, SyntaxDiagnostic } from './analysis-protocol';
import {
  diagnosticsToMarkers,
  FINDINGS_OWNER,
  findingsToMarkers,
  fixToEdits,
  SYNTAX_OWNER,
  toMonacoLine,
} from './monaco-convert';
import type { Monaco } from './monaco-setup';
import { preloadMonaco, wantMonaco, whenMonacoRequested } from './monaco-loader';
import { EarlyEditor } from './EarlyEditor';
import type { EarlyText } from './early-text';
import type { SiteTheme } from '../theme';
import type { WorkbenchFiles } from './types';
import styles from './workbench.module.css';

export type FileTab = 'dockerfile' | 'dockerignore';

export { preloadMonaco };

const TAB_LABEL: Record<FileTab, string> = {
  dockerfile: 'Dockerfile',
  dockerignore: '.dockerignore',
};
const TABS: FileTab[] = ['dockerfile', 'dockerignore'];

export interface EditorHandle {
  /** Shows the Dockerfile tab and puts the cursor on 0-based `line`. */
  revealLine(line: number): void;
  getFiles(): WorkbenchFiles;
  /** Version of the Dockerfile model; undefined before Monaco loads. */
  getVersionId(): number | undefined;
  /** Applies a fix made against Dockerfile version `versionId`; false when the text moved on. */
  applyFix(fix: Fix, versionId: number): boolean;
  /** Replaces both texts as one undoable edit. */
  replaceAll(files: WorkbenchFiles): void;
  monaco(): Monaco | undefined;
}

export interface EditorMarkers {
  findings: Finding[];
  diagnostics: SyntaxDiagnostic[];
  versionId: number;
}

interface EditorPaneProps {
  ref: Ref<EditorHandle>;
  instanceId: string;
  initialFiles: WorkbenchFiles;
  readOnly: boolean;
  /** The plain editor's text and history, typed before Monaco arrived; Monaco takes them over. */
  early?: EarlyText;
  theme: SiteTheme;
  markers: EditorMarkers | undefined;
  /**
   * The version id is undefined for text typed before Monaco has loaded. `changedAt` is
   * performance.now() of the first change this call reports (several edits can come as one call).
   */
  onChange(
    files: WorkbenchFiles,
    dockerfileVersionId: number | undefined,
    dockerfileLines: number,
    changedAt?: number,
  ): void;
  onReady(): void;
  hover(args: {
    text: string;
    position: { line: number; character: number };
  }): Promise<LsHover | null>;
  complete(args: {
    text: string;
    position: { line: number; character: number };
  }): Promise<LsCompletion[]>;
}

interface Loaded {
  monaco: Monaco;
  editor: MonacoEditor.IStandaloneCodeEditor;
  models: Record<FileTab, MonacoEditor.ITextModel>;
  viewStates: Partial<Record<FileTab, MonacoEditor.ICodeEditorViewState | null>>;
}

/**
 * Replays the plain editor's history on Monaco's model, one undo step per step there: Ctrl+Z in
 * Monaco then walks back through what was typed before it loaded, and redo is kept too.
 */
function takeOver(model: MonacoEditor.ITextModel, early: EarlyText): void {
  const { done, undone } = early.history();
  for (const edit of [...done, ...undone]) {
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    model.pushStackElement();
    model.pushEditOperations(
      [],
      [
        {
          range: {
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          },
          text: edit.text,
        },
      ],
      () => null,
    );
    model.pushStackElement();
  }
  for (let i = 0; i < undone.length; i++) void model.undo();
}

/** The Dockerfile's language while its text is within the live-analysis cap. */
const DOCKERFILE_LANGUAGE = 'dockerfile';

/**
 * Over the live-analysis cap (LIMITS.live) the Dockerfile is shown as plain text: Monaco's
 * tokenizer colours a text from its first line on, and after a 1 MB paste it spent about 150 ms
 * of the next seconds on 12,000 lines (`npm run bench:paste -- --profile`) that no analysis, hover
 * or completion reads (the language service sits out above the same cap). Switched before the
 * view renders the paste; back within the cap, the colours return.
 */
function plainOverLiveCap(monaco: Monaco, models: Record<FileTab, MonacoEditor.ITextModel>): void {
  const model = models.dockerfile;
  const isOver =
    model.getLineCount() > LIMITS.live.lines ||
    model.getValueLength() + models.dockerignore.getValueLength() > LIMITS.live.chars;
  const language = isOver ? 'plaintext' : DOCKERFILE_LANGUAGE;
  if (model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
}

/** Resolves in a new task of the main thread, so the browser can paint and take input first. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export default function EditorPane(props: EditorPaneProps) {
  const { ref, instanceId, initialFiles, readOnly, theme, markers, early } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const loadedRef = useRef<Loaded | undefined>(undefined);
  const propsRef = useRef(props);
  const markersRef = useRef(markers);
  const [tab, setTab] = useState<FileTab>('dockerfile');
  const [isReady, setIsReady] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const tabRefs = useRef<Record<FileTab, HTMLButtonElement | null>>({
    dockerfile: null,
    dockerignore: null,
  });

  useEffect(() => {
    propsRef.current = props;
    markersRef.current = markers;
  });

  // Text typed in the plain editor goes to the analysis and the autosave like Monaco's.
  const emitEarly = (text: string) => {
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    propsRef.current.onChange(
      { dockerfile: text, dockerignore: initialFiles.dockerignore },
      undefined,
      lines,
    );
  };

  useEffect(() => {
    // Typed before the workbench arrived: analyse and save it now.
    if (early && !early.isTakenOver && early.isEdited) emitEarly(early.text);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount
  }, [early]);

  useEffect(() => {
    let isCancelled = false;
    const disposers: (() => void)[] = [];
    // With the plain editor in use, Monaco comes when the workbench's schedule asks for it.
    (early && !early.isTakenOver ? whenMonacoRequested() : preloadMonaco())
      .then(async ({ setupMonaco, attachModelHooks, THEME_DARK, THEME_LIGHT }) => {
        // The chunk's evaluation, Monaco's set-up and the editor's creation were one task of
        // 220-340 ms, most of Lighthouse's total blocking time (its long-tasks audit, `npm run
        // bench:lighthouse`): each now runs in its own task. The plain editor's text is taken
        // over in the last one, together with the creation, so nothing typed in between is lost.
        await nextTask();
        if (isCancelled || !hostRef.current) return;
        const monaco = setupMonaco();
        await nextTask();
        if (isCancelled || !hostRef.current) return;
        const files = initialFiles;
        const models: Record<FileTab, MonacoEditor.ITextModel> = {
          dockerfile: monaco.editor.createModel(
            files.dockerfile,
            DOCKERFILE_LANGUAGE,
            monaco.Uri.parse(`inmemory://layerlab/${instanceId}/Dockerfile`),
          ),
          dockerignore: monaco.editor.createModel(
            files.dockerignore,
            'dockerignore',
            monaco.Uri.parse(`inmemory://layerlab/${instanceId}/.dockerignore`),
          ),
        };
        if (early && !early.isTakenOver) takeOver(models.dockerfile, early);
        plainOverLiveCap(monaco, models);
        const editor = monaco.editor.create(hostRef.current, {
          model: models.dockerfile,
          theme: propsRef.current.theme === 'dark' ? THEME_DARK : THEME_LIGHT,
          readOnly,
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 14,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          fixedOverflowWidgets: true,
          tabSize: 4,
          padding: { top: 8, bottom: 8 },
          ariaLabel: 'Dockerfile editor',
          lightbulb: { enabled: 'on' as MonacoEditor.ShowLightbulbIconMode },
          // People type Enter at the end of a line while a suggestion is open: Enter must always
          // break the line (Tab, bound by Monaco while the list is open, accepts), and words
          // from the text are no suggestions at all.
          acceptSuggestionOnEnter: 'off',
          wordBasedSuggestions: 'off',
          // Enter starts the new line at column 0: kept indentation piled up after continuation
          // lines (typing lesson 3 put 8 spaces before every later instruction) and turned a
          // heredoc's closing EOF into " EOF", which no longer ends it.
          autoIndent: 'none',
          // The wheel scrolls the page once the editor has nothing more to scroll.
          scrollbar: { alwaysConsumeMouseWheel: false },
        });
        if (early && !early.isTakenOver) {
          early.isTakenOver = true;
          const model = models.dockerfile;
          const start = model.getPositionAt(early.selection.start);
          const end = model.getPositionAt(early.selection.end);
          editor.setSelection(
            new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column),
          );
          editor.setScrollTop(early.scrollTop);
          if (early.hasFocus) editor.focus();
        }
        const loaded: Loaded = { monaco, editor, models, viewStates: {} };
        loadedRef.current = loaded;
        disposers.push(
          attachModelHooks(models.dockerfile.uri.toString(), {
            hover: (text, position) => propsRef.current.hover({ text, position }),
            complete: (text, position) => propsRef.current.complete({ text, position }),
            findings: () => {
              const m = markersRef.current;
              if (propsRef.current.readOnly) return undefined;
              return m ? { findings: m.findings, versionId: m.versionId } : undefined;
            },
          }),
        );
        // Monaco applies text that arrives as one input event (an IME commit, dictation, a
        // script's insertText) one character at a time, one content change each: 2,227 of them
        // for a 100-line Dockerfile, and reading both texts, posting to the worker and
        // re-rendering per change made such an input take hundreds of ms (a Chromium profile of
        // `npm run bench:web`). The changes of one synchronous run of edits are reported once,
        // in a microtask, so before anything else reads the text or the page paints.
        let firstChangeAt: number | undefined;
        const emit = () => {
          const changedAt = firstChangeAt;
          firstChangeAt = undefined;
          if (isCancelled) return;
          plainOverLiveCap(monaco, models);
          propsRef.current.onChange(
            {
              dockerfile: models.dockerfile.getValue(),
              dockerignore: models.dockerignore.getValue(),
            },
            models.dockerfile.getVersionId(),
            models.dockerfile.getLineCount(),
            changedAt,
          );
        };
        const changed = () => {
          if (firstChangeAt !== undefined) return;
          firstChangeAt = performance.now();
          queueMicrotask(emit);
        };
        const a = models.dockerfile.onDidChangeContent(changed);
        const b = models.dockerignore.onDidChangeContent(changed);
        disposers.push(
          () => a.dispose(),
          () => b.dispose(),
          () => editor.dispose(),
          () => models.dockerfile.dispose(),
          () => models.dockerignore.dispose(),
        );
        // Test hook for the e2e suite (e2e/helpers/editor.ts): Monaco renders only the visible lines,
        // so scripts read the text of the current tab from the model.
        const hookHost = window as unknown as { __layerlab?: Record<string, unknown> };
        const editorText = () => editor.getModel()?.getValue() ?? '';
        // And the markers (squiggles) on the Dockerfile, which Monaco draws only where in view.
        const editorMarkers = () =>
          monaco.editor
            .getModelMarkers({ resource: models.dockerfile.uri })
            .map((m) => ({ line: m.startLineNumber, message: m.message }));
        hookHost.__layerlab = { ...hookHost.__layerlab, editorText, editorMarkers };
        disposers.push(() => {
          if (hookHost.__layerlab?.editorText === editorText) delete hookHost.__layerlab.editorText;
          if (hookHost.__layerlab?.editorMarkers === editorMarkers)
            delete hookHost.__layerlab.editorMarkers;
        });
        // For `npm run bench:web`: when Monaco took over, on the page's clock.
        performance.mark('layerlab:monaco-ready');
        setIsReady(true);
        propsRef.current.onReady();
      })
      .catch((error: Error) => {
        if (!isCancelled)
          setLoadError(
            `The editor could not load: ${error.message}. Reload the page to try again.`,
          );
      });
    return () => {
      isCancelled = true;
      loadedRef.current = undefined;
      for (const dispose of disposers.reverse()) dispose();
    };
    // The editor is created once per mount; later prop changes go through refs and effects.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initialFiles are read once at mount
  }, [instanceId]);

  useEffect(() => {
    const loaded = loadedRef.current;
    if (!loaded) return;
    loaded.monaco.editor.setTheme(theme === 'dark' ? 'layerlab-dark' : 'layerlab-light');
  }, [theme, isReady]);

  useEffect(() => {
    loadedRef.current?.editor.updateOptions({ readOnly });
  }, [readOnly, isReady]);

  useEffect(() => {
    const loaded = loadedRef.current;
    if (!loaded) return;
    const model = loaded.models.dockerfile;
    // Markers of another text would sit on the wrong lines, and nothing tells Monaco to drop
    // them: an answer for the text before an edit (a paste of a file too big to analyse, which
    // no answer follows) left its squiggles on the new text. Only the current text's are shown.
    if (!markers || markers.versionId !== model.getVersionId()) {
      loaded.monaco.editor.setModelMarkers(model, FINDINGS_OWNER, []);
      loaded.monaco.editor.setModelMarkers(model, SYNTAX_OWNER, []);
      return;
    }
    loaded.monaco.editor.setModelMarkers(
      model,
      FINDINGS_OWNER,
      findingsToMarkers(markers.findings, markers.versionId),
    );
    loaded.monaco.editor.setModelMarkers(
      model,
      SYNTAX_OWNER,
      diagnosticsToMarkers(markers.diagnostics, markers.versionId),
    );
  }, [markers, isReady]);

  function switchTo(next: FileTab, focusEditor = false) {
    const loaded = loadedRef.current;
    if (loaded && next !== tab) {
      loaded.viewStates[tab] = loaded.editor.saveViewState();
      loaded.editor.setModel(loaded.models[next]);
      const state = loaded.viewStates[next];
      if (state) loaded.editor.restoreViewState(state);
      loaded.editor.updateOptions({ ariaLabel: `${TAB_LABEL[next]} editor` });
    }
    setTab(next);
    // Only Monaco edits the .dockerignore.
    if (!loaded) wantMonaco();
    if (focusEditor) loaded?.editor.focus();
  }

  useImperativeHandle(ref, (): EditorHandle => ({
    revealLine(line) {
      const loaded = loadedRef.current;
      if (!loaded) {
        wantMonaco();
        return;
      }
      switchTo('dockerfile');
      const lineNumber = toMonacoLine(line);
      loaded.editor.revealLineInCenter(lineNumber);
      loaded.editor.setPosition({ lineNumber, column: 1 });
      loaded.editor.focus();
    },
    getFiles() {
      const loaded = loadedRef.current;
      if (!loaded)
        return {
          dockerfile: early && !early.isTakenOver ? early.text : initialFiles.dockerfile,
          dockerignore: initialFiles.dockerignore,
        };
      return {
        dockerfile: loaded.models.dockerfile.getValue(),
        dockerignore: loaded.models.dockerignore.getValue(),
      };
    },
    getVersionId() {
      return loadedRef.current?.models.dockerfile.getVersionId();
    },
    applyFix(fix, versionId) {
      const loaded = loadedRef.current;
      if (!loaded) wantMonaco();
      if (!loaded || loaded.models.dockerfile.getVersionId() !== versionId) return false;
      switchTo('dockerfile');
      loaded.editor.pushUndoStop();
      loaded.editor.executeEdits('layerlab-fix', fixToEdits(fix));
      loaded.editor.pushUndoStop();
      // The fix button had focus; back in the editor, Ctrl+Z undoes the fix at once.
      loaded.editor.focus();
      return true;
    },
    replaceAll(files) {
      const loaded = loadedRef.current;
      if (!loaded) return;
      for (const name of TABS) {
        const model = loaded.models[name];
        if (model.getValue() === files[name]) continue;
        model.pushStackElement();
        model.pushEditOperations(
          [],
          [{ range: model.getFullModelRange(), text: files[name] }],
          () => null,
        );
        model.pushStackElement();
      }
    },
    monaco() {
      return loadedRef.current?.monaco;
    },
  }));

  function onTabKeyDown(event: React.KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.indexOf(tab);
    let next: FileTab | undefined;
    if (event.key === 'ArrowRight') next = TABS[(index + 1) % TABS.length];
    else if (event.key === 'ArrowLeft') next = TABS[(index + TABS.length - 1) % TABS.length];
    else if (event.key === 'Home') next = TABS[0];
    else if (event.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    switchTo(next);
    tabRefs.current[next]?.focus();
  }

  const panelId = `wb-${instanceId}-editor`;
  return (
    <div className={styles.editorPane}>
      <div role="tablist" aria-label="Files" className={styles.tabs}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`wb-${instanceId}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={panelId}
            tabIndex={tab === name ? 0 : -1}
            className={styles.tab}
            onClick={() => switchTo(name, true)}
            onKeyDown={onTabKeyDown}
          >
            {TAB_LABEL[name]}
          </button>
        ))}
      </div>
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={`wb-${instanceId}-tab-${tab}`}
        className={styles.editorFrame}
        data-editor-ready={isReady ? 'true' : 'false'}
        aria-busy={!isReady}
        // The learner's first move towards the editor brings Monaco (see scheduleMonaco).
        onPointerEnter={isReady ? undefined : wantMonaco}
        onPointerDown={isReady ? undefined : wantMonaco}
        onFocus={isReady ? undefined : wantMonaco}
      >
        <div ref={hostRef} className={styles.editorHost} />
        {!isReady && early && tab === 'dockerfile' && (
          <>
            {loadError && (
              <p role="alert" className={styles.editorLoadError}>
                {loadError} Your text stays here and is saved.
              </p>
            )}
            <EarlyEditor
              store={early}
              className={styles.editorFallback}
              label="Dockerfile (plain text until the full editor has loaded)"
              onText={emitEarly}
            />
          </>
        )}
        {!isReady && !(early && tab === 'dockerfile') && (
          <pre
            className={styles.editorFallback}
            aria-label={`${TAB_LABEL[tab]} (loading the editor)`}
          >
            {loadError ??
              (tab === 'dockerfile' ? initialFiles.dockerfile : initialFiles.dockerignore)}
          </pre>
        )}
      </div>
      <p className={styles.keyHint}>
        {readOnly
          ? 'Read-only. F8 jumps to the next finding.'
          : 'Press Ctrl+M (Ctrl+Shift+M on a Mac) to let Tab move focus out of the editor; press it again to type tabs. Ctrl+. (Cmd+. on a Mac) opens quick fixes; F8 jumps to the next finding.'}
      </p>
    </div>
  );
}
