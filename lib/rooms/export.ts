import type { LessonProgress, Member } from './types';

/** One row of the results export: a completed lesson of a learner. */
export interface ExportRow {
  nickname: string;
  lesson: string;
  completedAt: string;
  finalBytes: number | null;
  score: number | null;
  attempts: number;
}

/** Export columns, in order; the CSV header uses these names. */
export const EXPORT_COLUMNS = [
  'nickname',
  'lesson',
  'completedAt',
  'finalBytes',
  'score',
  'attempts',
] as const satisfies readonly (keyof ExportRow)[];

/**
 * One row per completed lesson per learner (learners who left included: their work counted),
 * ordered by nickname, then by the lesson's place in the course.
 */
export function exportRows(
  members: readonly Member[],
  progress: readonly (LessonProgress & { memberId: string })[],
  lessons: readonly string[],
): ExportRow[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  return progress
    .filter((p) => p.state === 'completed' && p.completedAt && byId.has(p.memberId))
    .map((p) => ({
      nickname: byId.get(p.memberId)!.nickname,
      lesson: p.lesson,
      completedAt: p.completedAt!,
      finalBytes: p.bytes ?? null,
      score: p.score ?? null,
      attempts: p.attempts,
      order: lessons.indexOf(p.lesson),
    }))
    .sort((a, b) => a.nickname.localeCompare(b.nickname) || a.order - b.order)
    .map(({ order: _order, ...row }) => row);
}

/**
 * RFC 4180 CSV with a header line and CRLF line ends. A text cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, so a nickname cannot
 * execute anything when the trainer opens the file.
 */
export function toCsv(rows: readonly ExportRow[]): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
