import type { Metadata } from 'next';
import { JoinRoom } from '@/components/rooms/JoinRoom';
import { lessons } from '@/content/lessons/generated';

export const metadata: Metadata = { title: 'Join a room' };

type Params = { params: Promise<{ code: string }> };

export default async function JoinCodePage({ params }: Params) {
  const { code } = await params;
  // The code is only put into the field (as text); the join request checks it.
  let initial = code;
  try {
    initial = decodeURIComponent(code);
  } catch {
    // A malformed escape: show the code as it came.
  }
  initial = initial.slice(0, 12);
  return (
    <div className="narrow">
      <h1>Join a room</h1>
      <p>Choose a nickname: it is what your trainer sees.</p>
      <JoinRoom code={initial} lessons={lessons.map((l) => ({ slug: l.slug, title: l.title }))} />
    </div>
  );
}
