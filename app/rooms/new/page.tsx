import type { Metadata } from 'next';
import { CreateRoom } from '@/components/rooms/CreateRoom';
import { lessons } from '@/content/lessons/generated';

export const metadata: Metadata = { title: 'Create a room' };

export default function NewRoomPage() {
  return (
    <div className="narrow">
      <h1>Create a room</h1>
      <p>
        A room lets you run a session: learners join with a code and a nickname, you see their
        progress live, open lessons for everyone, send messages and show one good answer to the
        class. No account is needed on either side.
      </p>
      <CreateRoom lessons={lessons.map((l) => ({ slug: l.slug, title: l.title }))} />
    </div>
  );
}
