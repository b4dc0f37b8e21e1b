'use client';
import { memo } from 'react';
import type { GoalResult } from '@/lib/lessons';
import styles from './workbench.module.css';

/**
 * Past this many goals (the capstone's 12) the list flows into two columns where the panel is
 * wide enough, so goals, size and a useful height of editor fit a 1280×720 screen together.
 */
const LONG_LIST = 6;

interface GoalsPanelProps {
  goals: GoalResult[] | undefined;
  /** How many goals the lesson has, the implicit no-errors one included (shown before the first analysis). */
  total: number;
}

/** The challenge checklist; a polite live region announces "2 of 3 goals met" as it changes. */
function GoalsPanel({ goals, total }: GoalsPanelProps) {
  if (total === 0) return null;
  const met = goals?.filter((g) => g.isMet).length ?? 0;
  const count = goals?.length ?? total;
  const isDone = goals !== undefined && met === goals.length;
  return (
    <section
      className={`${styles.panel} ${styles.goalsPanel} ${isDone ? styles.panelDone : ''}`}
      aria-labelledby="wb-goals-h"
    >
      <div className={styles.goalsHead}>
        <h2 id="wb-goals-h" className={styles.panelTitle}>
          Goals
        </h2>
        <p className={isDone ? styles.goodStrong : styles.muted} aria-live="polite" role="status">
          {goals === undefined
            ? `Checking ${count} goals…`
            : isDone
              ? `All ${count} goals met. Well done!`
              : `${met} of ${goals.length} goals met`}
        </p>
      </div>
      {!goals && (
        // One empty row per goal until the first answer, laid out as the answer will be (in two
        // columns past LONG_LIST): the editor below keeps its place.
        <ul
          className={`${styles.goalList} ${total > LONG_LIST ? styles.goalListColumns : ''}`}
          aria-hidden="true"
        >
          {Array.from({ length: total }, (_, i) => (
            <li key={i} className={styles.goal}>
              <span className={styles.goalOpen}>○</span>
              <span className={styles.goalText}>
                <span className={styles.goalLabel}>&nbsp;</span>
                <span className={styles.goalDetail}>&nbsp;</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {goals && (
        <ul
          className={`${styles.goalList} ${goals.length > LONG_LIST ? styles.goalListColumns : ''}`}
        >
          {goals.map((g, i) => (
            <li
              key={i}
              data-testid="goal"
              data-met={g.isMet ? 'true' : 'false'}
              data-implicit={g.isImplicit ? 'true' : undefined}
              className={styles.goal}
            >
              <span className={g.isMet ? styles.goalMet : styles.goalOpen} aria-hidden="true">
                {g.isMet ? '✓' : '○'}
              </span>
              <span className={styles.goalText} title={`${g.label} · ${g.detail}`}>
                <span className={styles.goalLabel}>
                  <span className={styles.srOnly}>{g.isMet ? 'Met: ' : 'Not met yet: '}</span>
                  {g.label}
                  {g.goal.alreadyMet && g.isMet && (
                    <span className={styles.alreadyFine}> already fine</span>
                  )}
                </span>
                <span className={`${styles.muted} ${styles.goalDetail}`}>
                  <span className={styles.goalSeparator}> · </span>
                  {g.detail}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default memo(GoalsPanel);
