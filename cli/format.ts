/** Output of the CLI: the JSON shape (a public contract, see --help and the README) and the human text. */
import type { Report, Technique, Severity, Confidence, Unknown } from '../lib/analyzer/types';
import { formatBytes } from '../lib/format';

export interface JsonReport {
  file: string;
  sizeBytes: number;
  compressedSizeBytes: number;
  compressedMethod: string;
  confidence: Confidence;
  sizeRange: [number, number];
  baseImage: {
    ref: string;
    resolvedRef?: string;
    sizeBytes: number;
    known: boolean;
    source: string;
  };
  /** Shipped layers above the base; `line` is 1-based. */
  layers: { line: number; instruction: string; sizeBytes: number; wastedBytes: number }[];
  /** `line` is 1-based. */
  findings: {
    rule: string;
    technique: Technique;
    severity: Severity;
    line: number;
    message: string;
    savingsBytes: number | null;
  }[];
  score: number;
  unknowns: (Omit<Unknown, 'line'> & { line?: number })[];
  problems: { line: number; severity: Severity; message: string }[];
}

/** The JSON object for one file. Lines are converted to 1-based here (the core is 0-based). */
export function toJson(file: string, r: Report): JsonReport {
  return {
    file,
    sizeBytes: r.size.bytes,
    compressedSizeBytes: r.size.compressedBytes,
    compressedMethod: r.size.compressedMethod,
    confidence: r.size.confidence,
    sizeRange: r.size.sizeRange,
    baseImage: {
      ref: r.base.ref,
      ...(r.base.resolvedRef ? { resolvedRef: r.base.resolvedRef } : {}),
      sizeBytes: r.base.sizeBytes,
      known: r.base.known,
      source: r.base.source,
    },
    layers: r.layers
      .filter((l) => l.isShipped)
      .map((l) => ({
        line: l.line + 1,
        instruction: l.text,
        sizeBytes: l.sizeBytes,
        wastedBytes: l.wastedBytes,
      })),
    findings: r.findings.map((f) => ({
      rule: f.rule,
      technique: f.technique,
      severity: f.severity,
      line: f.range.start.line + 1,
      message: f.message,
      savingsBytes: f.savingsBytes ?? null,
    })),
    score: r.score.score,
    unknowns: r.size.unknowns.map((u) => ({
      ...u,
      ...(u.line !== undefined ? { line: u.line + 1 } : {}),
    })),
    problems: r.problems.map((p) => ({
      line: p.range.start.line + 1,
      severity: p.severity,
      message: p.message,
    })),
  };
}

/** Sizes print like `docker images`: three significant digits, decimal units (see lib/format). */
const mb = formatBytes;

/** Control, C1 and bidirectional-override characters: a Dockerfile's text must not steer the terminal. */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as an escape (`\x1b`, `\u202e`), for a terminal. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** The human report for one file. */
export function formatHuman(file: string, r: Report, maxSizeBytes?: number): string {
  const out: string[] = [];
  const over = maxSizeBytes !== undefined && r.size.bytes > maxSizeBytes;
  out.push(`${file}`);
  if (!r.isBuildable) {
    // No FROM, or not a text file: the problems are all there is to say (no size, no score).
    out.push('  Nothing to build.');
    out.push('');
    out.push(`  Problems (${r.problems.length})`);
    for (const p of r.problems)
      out.push(`  ${padStart(String(p.range.start.line + 1), 4)}  ${p.severity}: ${p.message}`);
    return out.map(printable).join('\n') + '\n';
  }
  out.push(
    `  Size     ${mb(r.size.bytes)} (confidence ${r.size.confidence}; pull ≈ ${mb(r.size.compressedBytes)})${over ? `  OVER --max-size ${mb(maxSizeBytes as number)}` : ''}`,
  );
  out.push(
    `  Base     ${r.base.ref} ${mb(r.base.sizeBytes)}${r.base.guessed ? ' (guess)' : ''} — ${r.base.source}`,
  );
  if (r.size.wastedBytes > 0)
    out.push(
      `  Wasted   ${mb(r.size.wastedBytes)} shipped but deleted or overwritten by a later layer`,
    );
  out.push(`  Score    ${r.score.score}/100`);
  const layers = r.layers.filter((l) => l.isShipped);
  if (layers.length) {
    out.push('');
    out.push('  Line  Size        Wasted      Instruction');
    for (const l of layers) {
      out.push(
        `  ${padStart(String(l.line + 1), 4)}  ${pad(mb(l.sizeBytes), 10)}  ${pad(l.wastedBytes ? mb(l.wastedBytes) : '—', 10)}  ${l.text}`,
      );
    }
  }
  if (r.findings.length) {
    out.push('');
    out.push(`  Findings (${r.findings.length})`);
    for (const f of r.findings) {
      const saves = f.savingsBytes ? ` (saves ${mb(f.savingsBytes)})` : '';
      out.push(
        `  ${padStart(String(f.range.start.line + 1), 4)}  ${pad(f.severity, 7)} ${f.rule}${saves}`,
      );
      out.push(`        ${f.message}`);
    }
  } else {
    out.push('');
    out.push('  No findings.');
  }
  if (r.size.unknowns.length) {
    out.push('');
    out.push(`  Not sized precisely (${r.size.unknowns.length})`);
    for (const u of r.size.unknowns.slice(0, 20))
      out.push(
        `  ${u.line !== undefined ? padStart(String(u.line + 1), 4) : '    '}  ${u.message}`,
      );
    if (r.size.unknowns.length > 20)
      out.push(`        … and ${r.size.unknowns.length - 20} more (see --json)`);
  }
  if (r.problems.length) {
    out.push('');
    out.push(`  Problems (${r.problems.length})`);
    for (const p of r.problems)
      out.push(`  ${padStart(String(p.range.start.line + 1), 4)}  ${p.severity}: ${p.message}`);
  }
  return out.map(printable).join('\n') + '\n';
}
