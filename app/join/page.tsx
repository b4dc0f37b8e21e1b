import type { Metadata } from 'next';
import { JoinRoom } from '@/components/rooms/JoinRoom';
import { lessons } from '@/content/lessons/generated';

export const metadata: Metadata = { title: 'Join a room' };

export default function JoinPage() {
  return (
    <div className="narrow">
      <h1>Join a room</h1>
      <p>Your trainer shows a six-character code. Type it with a nickname of your choice.</p>
      <JoinRoom lessons={lessons.map((l) => ({ slug: l.slug, title: l.title }))} />
    </div>
  );
}
