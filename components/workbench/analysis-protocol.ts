/**
 * Messages between the workbench (main thread) and `analysis.worker.ts`.
 * Everything is plain, structured-clonable data. Positions stay 0-based here, like the core;
 * only `monaco-*.ts` converts them for Monaco.
 */
import type { AnalyzeInput, Position, Range, RebuildResult, Report } from '@/lib/analyzer';
import type { Goal, GoalResult } from '@/lib/lessons';

/** A diagnostic of dockerfile-language-service (syntax and instruction checks). */
export interface SyntaxDiagnostic {
  range: Range;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export type { RebuildLayer, RebuildResult } from '@/lib/analyzer';

/**
 * The result of one live analysis: the core's report (with `startComparison` when the start was
 * sent) and the lesson's goals against it.
 */
export interface AnalysisResult {
  report: Report;
  goals: GoalResult[];
  diagnostics: SyntaxDiagnostic[];
  /** Worker time for analyze + goals + diagnostics, in milliseconds. */
  elapsedMs: number;
}

/** A hover or completion answer of dockerfile-language-service, still 0-based. */
export interface LsHover {
  markdown: string;
  range?: Range;
}

export interface LsCompletion {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: string;
  insertText: string;
  isSnippet: boolean;
  range?: Range;
  sortText?: string;
  filterText?: string;
}

export interface WorkerMethods {
  analyze: {
    args: {
      input: AnalyzeInput;
      goals: Goal[];
      start?: { dockerfile: string; dockerignore: string };
    };
    result: AnalysisResult;
  };
  rebuild: { args: { input: AnalyzeInput; path: string }; result: RebuildResult };
  hover: { args: { text: string; position: Position }; result: LsHover | null };
  complete: { args: { text: string; position: Position }; result: LsCompletion[] };
}

export type MethodName = keyof WorkerMethods;

export type WorkerRequest = {
  [M in MethodName]: { id: number; method: M; args: WorkerMethods[M]['args'] };
}[MethodName];

export type WorkerResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { id: -1; ok: true; result: 'ready' };
