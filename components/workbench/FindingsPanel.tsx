'use client';
import { memo, type ReactNode } from 'react';
import type { Finding, Fix, ParseProblem } from '@/lib/analyzer';
import { formatBytes } from '@/lib/format';
import styles from './workbench.module.css';

/**
 * Lesson slugs to their short titles, for the "learn how" links; a lesson without one (a new
 * folder) is linked by its slug with spaces.
 */
const LESSON_TITLES: Record<string, string> = {
  'base-image': 'Choose the right base image',
  'multi-stage': 'Multi-stage builds',
  'combine-run': 'Combine RUN commands',
  dockerignore: '.dockerignore',
  'remove-package-managers': 'Remove package managers',
  'copy-only-needed': 'Copy only what you need',
  distroless: 'Distroless images',
  capstone: 'Capstone',
};

/** Past this many findings the rest is summarised, to keep the page fluid after a huge paste. */
const MAX_SHOWN = 100;

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Tip' } as const;

interface FindingsPanelProps {
  findings: Finding[] | undefined;
  problems: ParseProblem[] | undefined;
  readOnly: boolean;
  /** The lesson being worked on: its own link is not repeated on each finding. */
  lessonSlug?: string;
  onReveal(line: number): void;
  onFix(finding: Finding, fix: Fix): void;
}

function FindingsPanel({
  findings,
  problems,
  readOnly,
  lessonSlug,
  onReveal,
  onFix,
}: FindingsPanelProps) {
  if (!findings) return null;
  const hasErrorProblem = problems?.some((p) => p.severity === 'error') ?? false;
  return (
    <section className={styles.panel} aria-labelledby="wb-findings-h">
      <h2 id="wb-findings-h" className={styles.panelTitle}>
        Findings <span className={styles.count}>{findings.length}</span>
      </h2>
      {problems && problems.length > 0 && (
        <ul className={styles.plainList} aria-label="Problems reading the Dockerfile">
          {problems.slice(0, 20).map((p, i) => (
            <li key={i} className={styles.problem}>
              <button
                type="button"
                className={styles.linkButton}
                onClick={() => onReveal(p.range.start.line)}
              >
                Line {p.range.start.line + 1}
              </button>
              : {p.message}
            </li>
          ))}
        </ul>
      )}
      {findings.length === 0 ? (
        // A Dockerfile that cannot be read (no FROM, not text) has no "all clear" to give.
        !hasErrorProblem && (
          <p className={styles.good}>No findings: nothing to fix that the analyzer knows of.</p>
        )
      ) : (
        <ul className={styles.findingList}>
          {findings.slice(0, MAX_SHOWN).map((finding, i) => (
            <li
              key={`${finding.rule}-${finding.range.start.line}-${i}`}
              className={styles.finding}
              data-testid="finding"
              data-rule={finding.rule}
            >
              <div className={styles.findingHead}>
                <span className={`${styles.severity} ${styles[`severity_${finding.severity}`]}`}>
                  {SEVERITY_LABEL[finding.severity]}
                </span>
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => onReveal(finding.range.start.line)}
                  aria-label={`Line ${finding.range.start.line + 1}: show in the editor`}
                >
                  Line {finding.range.start.line + 1}
                </button>
                <code className={styles.ruleId}>{finding.rule}</code>
                {finding.savingsBytes ? (
                  <span className={styles.saving}>saves ~{formatBytes(finding.savingsBytes)}</span>
                ) : null}
              </div>
              <p className={styles.findingMessage}>{withCode(finding.message)}</p>
              <div className={styles.findingActions}>
                {!readOnly &&
                  finding.fixes.map((fix) => (
                    <button
                      key={fix.title}
                      type="button"
                      className={styles.smallButton}
                      onClick={() => onFix(finding, fix)}
                    >
                      Fix: {fix.title}
                    </button>
                  ))}
                {finding.lesson !== lessonSlug && (
                  <a className={styles.link} href={`/lessons/${finding.lesson}`}>
                    Lesson: {LESSON_TITLES[finding.lesson] ?? finding.lesson.replace(/-/g, ' ')}
                  </a>
                )}
                {finding.hadolint && (
                  <span className={styles.muted}>hadolint {finding.hadolint}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {findings.length > MAX_SHOWN && (
        <p className={styles.muted}>
          …and {findings.length - MAX_SHOWN} more (see the markers in the editor).
        </p>
      )}
    </section>
  );
}

export default memo(FindingsPanel);

/** A message with its `backticked` parts as code, rendered as text (never as HTML). */
function withCode(message: string): ReactNode[] {
  return message
    .split(/`([^`\n]+)`/)
    .map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
