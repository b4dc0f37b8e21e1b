import { lessons } from '@/content/lessons/generated';
import { formatBytes, megabytes } from '@/lib/format';
import type { Goal } from '@/lib/lessons';

type LimitGoal = Extract<Goal, { megabytes: number }>;

export interface GoalLimitProps {
  /** Lesson slug whose goal to quote. */
  lesson: string;
  /** Which size goal: the image, the build context, or what an edit rebuilds. */
  goal: LimitGoal['type'];
}

/** The limit a size goal of a lesson checks, in bytes. Throws when the lesson has no such goal. */
export function goalLimitBytes({ lesson, goal }: GoalLimitProps): number {
  const found = lessons.find((l) => l.slug === lesson);
  const limit = found?.goals.find((g): g is LimitGoal => g.type === goal);
  if (!limit) throw new Error(`GoalLimit: ${lesson} has no ${goal} goal`);
  return megabytes(limit.megabytes);
}

/**
 * A size goal's limit in running prose, read from the lesson's goals, so the prose and the goal
 * list cannot ask for different numbers.
 */
export function GoalLimit(props: GoalLimitProps) {
  const bytes = goalLimitBytes(props);
  return (
    <data value={bytes} title="The limit the goal checks">
      {formatBytes(bytes)}
    </data>
  );
}
