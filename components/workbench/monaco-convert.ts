/**
 * The one place that converts between the core's 0-based `{ line, character }` ranges and
 * Monaco's 1-based line/column ranges, plus the shapes Monaco wants for markers, hovers,
 * completion items and quick fixes. Type-only Monaco imports: this module stays out of the
 * Monaco chunk so the findings list can use it before the editor has loaded.
 */
import type { editor, IPosition, IRange, languages } from 'monaco-editor/editor';
import type { Finding, Fix, Position, Range } from '@/lib/analyzer';
import type { LsCompletion, LsHover, SyntaxDiagnostic } from './analysis-protocol';
import { formatBytes } from '@/lib/format';

/** Marker owner for the analyzer's findings; dockerfile-language-service has its own. */
export const FINDINGS_OWNER = 'layerlab';
export const SYNTAX_OWNER = 'dockerfile-language-service';

/** What the providers ask the workbench for one model. */
export interface ModelHooks {
  hover(text: string, position: Position): Promise<LsHover | null>;
  complete(text: string, position: Position): Promise<LsCompletion[]>;
  /** Findings of the analysis of this model's text, with the model version they belong to. */
  findings(): { findings: Finding[]; versionId: number } | undefined;
}

export function toMonacoRange(range: Range): IRange {
  return {
    startLineNumber: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLineNumber: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export function toPosition(position: IPosition): Position {
  return { line: position.lineNumber - 1, character: position.column - 1 };
}

/** 1-based line number for `editor.revealLine`, from a 0-based line. */
export function toMonacoLine(line: number): number {
  return line + 1;
}

// monaco.MarkerSeverity values; the enum itself lives in the Monaco chunk.
const MARKER_SEVERITY = { error: 8, warning: 4, info: 2 } as const;

/** The message a finding shows in the editor's hover, savings included. */
export function findingHoverText(finding: Finding): string {
  const saving = finding.savingsBytes
    ? ` Fixing it saves about ${formatBytes(finding.savingsBytes)}.`
    : '';
  const fix = finding.fixes.length > 0 ? ' A quick fix is available.' : '';
  return `${finding.message}${saving}${fix}`;
}

/** Markers beyond this many (a pasted monster file) are dropped: the panel says how many exist. */
const MAX_MARKERS = 1000;

export function findingsToMarkers(findings: Finding[], versionId: number): editor.IMarkerData[] {
  return findings.slice(0, MAX_MARKERS).map((finding) => ({
    ...toMonacoRange(finding.range),
    severity: MARKER_SEVERITY[finding.severity] as editor.IMarkerData['severity'],
    message: findingHoverText(finding),
    code: finding.rule,
    source: 'Layerlab',
    modelVersionId: versionId,
  }));
}

export function diagnosticsToMarkers(
  diagnostics: SyntaxDiagnostic[],
  versionId: number,
): editor.IMarkerData[] {
  return diagnostics.slice(0, MAX_MARKERS).map((d) => ({
    ...toMonacoRange(d.range),
    severity: MARKER_SEVERITY[d.severity] as editor.IMarkerData['severity'],
    message: d.message,
    source: 'dockerfile',
    modelVersionId: versionId,
  }));
}

/** A fix as Monaco edit operations (applied together, against the analysed text). */
export function fixToEdits(fix: Fix): editor.IIdentifiedSingleEditOperation[] {
  return fix.edits.map((edit) => ({ range: toMonacoRange(edit.range), text: edit.newText }));
}

function sameStart(finding: Finding, marker: editor.IMarkerData): boolean {
  return (
    finding.range.start.line + 1 === marker.startLineNumber &&
    finding.range.start.character + 1 === marker.startColumn
  );
}

/** Quick fixes for the analyzer markers under the cursor; none when the analysis is stale. */
export function codeActionsFor(
  model: editor.ITextModel,
  markers: editor.IMarkerData[],
  hooks: ModelHooks,
): languages.CodeAction[] {
  const current = hooks.findings();
  if (!current || current.versionId !== model.getVersionId()) return [];
  const actions: languages.CodeAction[] = [];
  for (const marker of markers) {
    if (marker.source !== 'Layerlab') continue;
    const finding = current.findings.find((f) => f.rule === marker.code && sameStart(f, marker));
    for (const fix of finding?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [marker],
        isPreferred: finding!.fixes.length === 1,
        edit: {
          edits: fix.edits.map((edit) => ({
            resource: model.uri,
            versionId: current.versionId,
            textEdit: { range: toMonacoRange(edit.range), text: edit.newText },
          })),
        },
      });
    }
  }
  return actions;
}

/**
 * A hover for Monaco. The Markdown is already safe (user text escaped in the worker, see
 * hover-markdown.ts); untrusted and without HTML, so no command link or raw HTML can run either.
 */
export function toMonacoHover(hover: LsHover): languages.Hover {
  return {
    contents: [{ value: hover.markdown, isTrusted: false, supportHtml: false }],
    range: hover.range ? toMonacoRange(hover.range) : undefined,
  };
}

// LSP CompletionItemKind → monaco.languages.CompletionItemKind (the enum is in the Monaco chunk).
const COMPLETION_KIND: Record<number, number> = {
  1: 18, // Text
  6: 4, // Variable
  10: 9, // Property
  12: 13, // Value
  14: 17, // Keyword
  15: 27, // Snippet
  17: 20, // File
};

export function toCompletionItem(item: LsCompletion, fallback: IRange): languages.CompletionItem {
  return {
    label: item.label,
    kind: (COMPLETION_KIND[item.kind ?? 1] ?? 18) as languages.CompletionItemKind,
    detail: item.detail,
    documentation: item.documentation ? { value: item.documentation } : undefined,
    insertText: item.insertText,
    // monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet
    insertTextRules: item.isSnippet ? (4 as languages.CompletionItemInsertTextRule) : undefined,
    range: item.range ? toMonacoRange(item.range) : fallback,
    sortText: item.sortText,
    filterText: item.filterText,
  };
}
