'use client';
/**
 * The workbench's live analysis: one Web Worker per workbench (analysis.worker.ts), latest-wins,
 * restarted on a crash. Typing never waits for it: `request()` only posts a message, and results
 * land in React state as a transition.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { BuildContext } from '@/lib/analyzer';
import type { Goal } from '@/lib/lessons';
import { AnalysisClient } from './analysis-client';
import type { LiveAnalysis } from './analysis-client';
import type { AnalysisResult, RebuildResult, WorkerMethods } from './analysis-protocol';
import type { WorkbenchFiles } from './types';

export interface UseAnalysis {
  /** The newest answer; its `result` may be older than `error` when the last one failed. */
  live: LiveAnalysis | undefined;
  /** The latest successful analysis. */
  result: AnalysisResult | undefined;
  /** Estimated size of the start files' image, for "change vs. start" (from the latest result). */
  startBytes: number | undefined;
  /** A worker problem (crash, restart, pause) to show in the panel. */
  status: string | undefined;
  /** Sequence number of the last request; equal to `live.seq` when the panel is up to date. */
  requestedSeq: number;
  /** Asks for an analysis of these files (latest wins). */
  request(files: WorkbenchFiles, tag?: number): void;
  rebuild(files: WorkbenchFiles, path: string): Promise<RebuildResult>;
  hover: (args: WorkerMethods['hover']['args']) => Promise<WorkerMethods['hover']['result']>;
  complete: (
    args: WorkerMethods['complete']['args'],
  ) => Promise<WorkerMethods['complete']['result']>;
  /** Tag passed with the request the current `result` answers (e.g. the editor's version ids). */
  resultTag: number | undefined;
}

export function useAnalysis(options: {
  context: BuildContext;
  goals: Goal[];
  startFiles: WorkbenchFiles;
}): UseAnalysis {
  const { context, goals, startFiles } = options;
  const clientRef = useRef<AnalysisClient | undefined>(undefined);
  const tagsRef = useRef(new Map<number, number>());
  const [live, setLive] = useState<LiveAnalysis>();
  const [result, setResult] = useState<AnalysisResult>();
  const [resultTag, setResultTag] = useState<number>();
  const [status, setStatus] = useState<string>();
  const [requestedSeq, setRequestedSeq] = useState(0);

  useEffect(() => {
    const client = new AnalysisClient(
      () =>
        new Worker(new URL('./analysis.worker.ts', import.meta.url), {
          type: 'module',
          name: 'layerlab-analysis',
        }),
      (answer) => {
        const tag = tagsRef.current.get(answer.seq);
        for (const seq of tagsRef.current.keys())
          if (seq <= answer.seq) tagsRef.current.delete(seq);
        startTransition(() => {
          setLive(answer);
          if (answer.result) {
            setResult(answer.result);
            setResultTag(tag);
            setStatus(undefined);
          }
        });
      },
      setStatus,
    );
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = undefined;
    };
  }, []);

  const request = useCallback(
    (files: WorkbenchFiles, tag?: number) => {
      const client = clientRef.current;
      if (!client) return;
      const seq = client.analyzeLatest(
        { dockerfile: files.dockerfile, dockerignore: files.dockerignore, context },
        goals,
        { dockerfile: startFiles.dockerfile, dockerignore: startFiles.dockerignore },
      );
      if (tag !== undefined) tagsRef.current.set(seq, tag);
      setRequestedSeq(seq);
    },
    [context, goals, startFiles.dockerfile, startFiles.dockerignore],
  );

  const rebuild = useCallback(
    (files: WorkbenchFiles, path: string) => {
      const client = clientRef.current;
      if (!client) return Promise.reject(new Error('The analysis is not running.'));
      return client.call('rebuild', {
        input: { dockerfile: files.dockerfile, dockerignore: files.dockerignore, context },
        path,
      });
    },
    [context],
  );

  const hover = useCallback(
    (args: WorkerMethods['hover']['args']) =>
      clientRef.current?.call('hover', args, 2000) ?? Promise.resolve(null),
    [],
  );
  const complete = useCallback(
    (args: WorkerMethods['complete']['args']) =>
      clientRef.current?.call('complete', args, 2000) ?? Promise.resolve([]),
    [],
  );

  return {
    live,
    result,
    startBytes: result?.report.startComparison?.startBytes,
    status,
    requestedSeq,
    request,
    rebuild,
    hover,
    complete,
    resultTag,
  };
}
