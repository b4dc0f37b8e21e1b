import type { Metadata } from 'next';
import { Playground } from '@/components/Playground';
import { sampleProjects } from '@/components/sample-projects';
import { lessons } from '@/content/lessons/generated';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'Analyze any Dockerfile against a sample project or a folder from your computer.',
};

export default function PlaygroundPage() {
  return <Playground samples={sampleProjects(lessons)} />;
}
