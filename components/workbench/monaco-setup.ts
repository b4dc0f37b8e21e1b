/**
 * Loads Monaco from the bundle (never a CDN) with only the features the workbench uses, defines
 * the light and dark themes, the .dockerignore language, and the providers that bring the
 * analysis into the editor (hovers and completion of dockerfile-language-service, quick fixes
 * from the analyzer's findings). Import this module only with `import()`: it is the big chunk.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
// features/suggest/register only brings inline completions; the suggest widget is this controller.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import { codeActionsFor, toCompletionItem, toMonacoHover, toPosition } from './monaco-convert';
import type { ModelHooks } from './monaco-convert';

export type Monaco = typeof monaco;

export const THEME_LIGHT = 'layerlab-light';
export const THEME_DARK = 'layerlab-dark';

/** Per-model callbacks, keyed by model URI, that the providers consult. */
const hooksByModel = new Map<string, ModelHooks>();

/** Registers `hooks` for the model at `uri`; returns the function that unregisters them. */
export function attachModelHooks(uri: string, hooks: ModelHooks): () => void {
  hooksByModel.set(uri, hooks);
  return () => {
    if (hooksByModel.get(uri) === hooks) hooksByModel.delete(uri);
  };
}

let isSetUp = false;

/** One input event with more characters than this is applied as a paste (see setupMonaco). */
const LONG_INPUT_CHARS = 32;

/** Sets up Monaco once (environment, themes, languages, providers) and returns it. */
export function setupMonaco(): Monaco {
  if (isSetUp) return monaco;
  isSetUp = true;

  self.MonacoEnvironment = {
    getWorker: () =>
      new Worker(new URL('./monaco.worker.ts', import.meta.url), {
        type: 'module',
        name: 'monaco-editor',
      }),
  };

  // Line numbers are themed because Monaco's dimmed defaults fail axe colour contrast
  // (STACK-NOTES). Ratios checked against the backgrounds: #5b6270 on #ffffff is 6.1:1,
  // #9aa3b2 on #12151b is 7.2:1; token colours are 6.2:1 or more (WCAG relative-luminance formula).
  monaco.editor.defineTheme(THEME_LIGHT, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '3d6b35', fontStyle: 'italic' },
      { token: 'keyword', foreground: '0b4fa8', fontStyle: 'bold' },
      { token: 'string', foreground: '9a3412' },
      { token: 'variable', foreground: '7c2d92' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editor.foreground': '#1f2328',
      'editorLineNumber.foreground': '#5b6270',
      'editorLineNumber.activeForeground': '#1f2328',
      // The number of the empty line after a final newline is "dimmed": same contrast rule.
      'editorLineNumber.dimmedForeground': '#5b6270',
      'editorGutter.background': '#ffffff',
    },
  });
  monaco.editor.defineTheme(THEME_DARK, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '8fc27f', fontStyle: 'italic' },
      { token: 'keyword', foreground: '7cb7ff', fontStyle: 'bold' },
      { token: 'string', foreground: 'f0a875' },
      { token: 'variable', foreground: 'd7a6f0' },
    ],
    colors: {
      'editor.background': '#12151b',
      'editor.foreground': '#e6e8eb',
      'editorLineNumber.foreground': '#9aa3b2',
      'editorLineNumber.activeForeground': '#e6e8eb',
      'editorLineNumber.dimmedForeground': '#9aa3b2',
      'editorGutter.background': '#12151b',
    },
  });

  // Text that arrives as one input event (an IME commit, dictation, a script's insertText) goes
  // to the `type` command, which Monaco applies one character at a time with the typing rules
  // (auto-close, electric characters) of each: a 100-line Dockerfile entered so took 2,227 edits
  // and about 2 s (`npm run bench:web`, the one-input-event line). Long or multi-line text is
  // applied as a paste instead, one edit and one undo step, the way Ctrl+V brings it; a key's
  // character still goes through the typing rules.
  monaco.editor.registerCommand('type', (_accessor, args: { text?: unknown }) => {
    const text = typeof args?.text === 'string' ? args.text : '';
    const editor =
      monaco.editor.getEditors().find((e) => e.hasTextFocus()) ??
      monaco.editor.getEditors().find((e) => e.hasWidgetFocus());
    if (!editor || !text) return;
    if (text.length > LONG_INPUT_CHARS || text.includes('\n'))
      editor.trigger('keyboard', 'paste', { text });
    else editor.trigger('keyboard', 'type', { text });
  });

  monaco.languages.register({ id: 'dockerignore', filenames: ['.dockerignore'] });
  monaco.languages.setMonarchTokensProvider('dockerignore', {
    tokenizer: {
      root: [
        [/^\s*#.*$/, 'comment'],
        [/^\s*!/, 'keyword'],
        [/[*?]/, 'variable'],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration('dockerignore', { comments: { lineComment: '#' } });

  monaco.languages.registerHoverProvider('dockerfile', {
    async provideHover(model, position) {
      const hooks = hooksByModel.get(model.uri.toString());
      if (!hooks) return null;
      const hover = await hooks.hover(model.getValue(), toPosition(position)).catch(() => null);
      return hover ? toMonacoHover(hover) : null;
    },
  });

  monaco.languages.registerCompletionItemProvider('dockerfile', {
    triggerCharacters: ['$', '{', '-'],
    async provideCompletionItems(model, position) {
      const hooks = hooksByModel.get(model.uri.toString());
      if (!hooks) return { suggestions: [] };
      const items = await hooks.complete(model.getValue(), toPosition(position)).catch(() => []);
      const word = model.getWordUntilPosition(position);
      const fallback = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      return { suggestions: items.map((item) => toCompletionItem(item, fallback)) };
    },
  });

  monaco.languages.registerCodeActionProvider(
    'dockerfile',
    {
      provideCodeActions(model, _range, context) {
        const hooks = hooksByModel.get(model.uri.toString());
        const actions = hooks ? codeActionsFor(model, context.markers, hooks) : [];
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );

  return monaco;
}
