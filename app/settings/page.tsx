import type { Metadata } from 'next';
import { SettingsView } from '@/components/SettingsView';
import { lessons } from '@/content/lessons/generated';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return <SettingsView lessonCount={lessons.length} />;
}
