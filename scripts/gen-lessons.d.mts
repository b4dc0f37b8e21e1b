/** Types of scripts/gen-lessons.mjs, for the tests that call it. */
export function lessonFolders(dir?: string): { folder: string; slug: string; order: number }[];
export function renderLessons(dir?: string): string;
export function renderLessonSlugs(dir?: string): string;
export function renderAll(dir?: string): [path: string, text: string][];
