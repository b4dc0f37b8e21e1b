import type { Metadata } from 'next';
import { ShareView } from '@/components/ShareView';
import { sampleProjects } from '@/components/sample-projects';
import { lessons } from '@/content/lessons/generated';

export const metadata: Metadata = {
  title: 'Shared solution',
  description: 'A Dockerfile someone shared, with its analysis.',
  // The payload lives in the fragment, which browsers never send: keep the Referrer strict anyway.
  referrer: 'no-referrer',
};

export default function SharePage() {
  return <ShareView lessons={lessons} playgroundSample={sampleProjects(lessons)[0]} />;
}
