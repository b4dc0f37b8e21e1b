'use client';
/** The solution the trainer shows to every screen: read-only text with its analysis. */
import { useMemo } from 'react';
import { lessons } from '@/content/lessons/generated';
import type { Spotlight } from '@/lib/rooms';
import { AnalysisSummary, analysisOf } from './AnalysisSummary';
import styles from './rooms.module.css';

export default function SpotlightView({ spotlight }: { spotlight: Spotlight }) {
  const lesson = lessons.find((l) => l.slug === spotlight.lesson);
  const report = useMemo(
    () =>
      analysisOf(
        { dockerfile: spotlight.dockerfile, dockerignore: spotlight.dockerignore },
        lesson,
      ),
    [spotlight, lesson],
  );
  return (
    <section
      className={styles.spotlight}
      data-testid="room-spotlight"
      aria-labelledby="room-spotlight-title"
    >
      <h2 id="room-spotlight-title">
        Spotlight: {lesson?.title ?? spotlight.lesson}
        {spotlight.nickname ? ` · by ${spotlight.nickname}` : ''}
      </h2>
      <pre className={styles.pre} tabIndex={0} aria-label="Spotlighted Dockerfile">
        {spotlight.dockerfile}
      </pre>
      {spotlight.dockerignore ? (
        <pre className={styles.pre} tabIndex={0} aria-label="Spotlighted .dockerignore">
          {spotlight.dockerignore}
        </pre>
      ) : null}
      <AnalysisSummary title="Its analysis" report={report} />
    </section>
  );
}
