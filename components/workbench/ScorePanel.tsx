'use client';
import { memo } from 'react';
import type { ScoreBreakdown } from '@/lib/analyzer';
import styles from './workbench.module.css';

/** The analyzer's score (0–100) with its own explanation. */
function ScorePanel({ score }: { score: ScoreBreakdown | undefined }) {
  if (!score) return null;
  return (
    <section className={styles.panel} aria-labelledby="wb-score-h">
      <h2 id="wb-score-h" className={styles.panelTitle}>
        Score <span className={styles.scoreValue}>{score.score}</span>
        <span className={styles.muted}> / 100</span>
      </h2>
      <details className={styles.details}>
        <summary>How the score is worked out</summary>
        <ul className={styles.plainList}>
          {score.explanation.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
          {score.penalties.map((p) => (
            <li key={p.rule}>
              <code>{p.rule}</code>: −{p.points} points
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

export default memo(ScorePanel);
