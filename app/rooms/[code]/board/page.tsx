import type { Metadata } from 'next';
import { Board } from '@/components/rooms/Board';
import { lessons } from '@/content/lessons/generated';
import { normalizeCode } from '@/lib/rooms';

export const metadata: Metadata = { title: 'Room board', referrer: 'no-referrer' };

type Params = { params: Promise<{ code: string }> };

export default async function BoardPage({ params }: Params) {
  const { code } = await params;
  const normalized = normalizeCode(code);
  if (!normalized) {
    return (
      <div className="narrow">
        <h1>Room board</h1>
        <p className="callout callout--danger">That address does not name a room.</p>
      </div>
    );
  }
  return (
    <Board code={normalized} lessons={lessons.map((l) => ({ slug: l.slug, title: l.title }))} />
  );
}
