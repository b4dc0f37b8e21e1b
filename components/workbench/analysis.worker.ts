/// <reference lib="webworker" />
/**
 * Live analysis off the main thread: the core's analyze() answers the goals, "what rebuilds" and
 * the change vs. the start (this worker only forwards, with the workbench's one AnalyzerCache),
 * and dockerfile-language-service hovers, completion and diagnostics.
 * Every call answers with { ok: false, error } instead of throwing, so one bad input never
 * kills the worker; a real crash is caught and restarted by analysis-client.ts.
 */
import { analyze, createAnalyzerCache, type AnalyzerCache } from '@/lib/analyzer';
import { loadBaseIndex } from '@/lib/sizes';
import { LIMITS } from '@/lib/limits';
import { DockerfileLanguageServiceFactory } from 'dockerfile-language-service';
import { hoverMarkdown } from './hover-markdown';
import type {
  AnalysisResult,
  LsCompletion,
  LsHover,
  RebuildResult,
  SyntaxDiagnostic,
  WorkerMethods,
  WorkerRequest,
  WorkerResponse,
} from './analysis-protocol';

declare const self: DedicatedWorkerGlobalScope;

/**
 * dockerfile-language-service re-parses the whole text per call; past this size its diagnostics
 * and hovers would keep the worker busy for long after a big paste, and the workbench does not
 * analyse such input live either, so the language service sits out.
 */
const LS_MAX_CHARS = LIMITS.languageServiceChars;

const service = DockerfileLanguageServiceFactory.createLanguageService();
service.setCapabilities({
  completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
  hover: { contentFormat: ['markdown'] },
});

const SEVERITY: Record<number, SyntaxDiagnostic['severity']> = { 1: 'error', 2: 'warning' };

function diagnostics(text: string): SyntaxDiagnostic[] {
  if (text.length > LS_MAX_CHARS) return [];
  return service.validate(text).map((d) => ({
    range: d.range,
    message: d.message,
    severity: SEVERITY[d.severity ?? 1] ?? 'info',
  }));
}

/**
 * The workbench's analyzer memory: one worker per workbench, so one cache per workbench, made
 * once the official-image tag index (its own chunk, ~29 KB gzip, fetched once from this origin)
 * has loaded or failed to; every request waits for it.
 */
const cacheReady = loadBaseIndex().then((baseIndex) => createAnalyzerCache({ baseIndex }));

function rebuild(args: WorkerMethods['rebuild']['args'], cache: AnalyzerCache): RebuildResult {
  const report = analyze(args.input, { rebuildPaths: [args.path], cache });
  const answer = report.rebuilds?.[0];
  if (!answer) throw new Error('the analyzer gave no rebuild answer');
  return answer;
}

function hover(args: WorkerMethods['hover']['args']): LsHover | null {
  if (args.text.length > LS_MAX_CHARS) return null;
  const h = service.computeHover(args.text, args.position);
  if (!h) return null;
  // Variable values come back as plain strings of the user's text: escaped, never Markdown.
  return { markdown: hoverMarkdown(h.contents), range: h.range };
}

async function complete(args: WorkerMethods['complete']['args']): Promise<LsCompletion[]> {
  if (args.text.length > LS_MAX_CHARS) return [];
  const items = await service.computeCompletionItems(args.text, args.position);
  return items.map((item) => {
    const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
    const doc = item.documentation;
    return {
      label: item.label,
      kind: item.kind,
      detail: item.detail,
      documentation: typeof doc === 'string' ? doc : doc?.value,
      insertText: edit?.newText ?? item.insertText ?? item.label,
      isSnippet: item.insertTextFormat === 2,
      range: edit?.range,
      sortText: item.sortText,
      filterText: item.filterText,
    };
  });
}

function runAnalysis(args: WorkerMethods['analyze']['args'], cache: AnalyzerCache): AnalysisResult {
  const started = performance.now();
  const report = analyze(args.input, { goals: args.goals, start: args.start, cache });
  return {
    report,
    goals: report.goals ?? [],
    diagnostics: diagnostics(args.input.dockerfile),
    elapsedMs: performance.now() - started,
  };
}

async function handle(request: WorkerRequest, cache: AnalyzerCache): Promise<unknown> {
  switch (request.method) {
    case 'analyze':
      return runAnalysis(request.args, cache);
    case 'rebuild':
      return rebuild(request.args, cache);
    case 'hover':
      return hover(request.args);
    case 'complete':
      return complete(request.args);
  }
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    const cache = await cacheReady;
    response = { id: request.id, ok: true, result: await handle(request, cache) };
  } catch (error) {
    response = {
      id: request.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  self.postMessage(response);
};

self.postMessage({ id: -1, ok: true, result: 'ready' } satisfies WorkerResponse);
