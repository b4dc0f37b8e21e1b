import { notesApi } from '@/content/projects/python-apps';
import { defineLesson } from '@/lib/lessons/types';

export default defineLesson({
  title: 'Capstone: all seven at once',
  summary:
    'A Dockerfile with every problem from the course. Use every technique: the goals only ' +
    'pass together.',
  technique: 'capstone',
  goals: [
    { type: 'size-below', megabytes: 80 },
    { type: 'context-below', megabytes: 2, label: 'Build context under 2 MB (.dockerignore)' },
    { type: 'file-not-shipped', path: '.env', label: 'No secrets in the image' },
    { type: 'no-build-tools' },
    { type: 'no-package-manager' },
    { type: 'no-shell' },
    { type: 'non-root' },
    {
      type: 'rebuild-below',
      path: 'app/main.py',
      megabytes: 1,
      label: 'Editing app/main.py does not reinstall the dependencies',
    },
    {
      type: 'rule-clear',
      rule: 'python-version-mismatch',
      label: 'Packages match the runtime’s Python',
      alreadyMet: true,
    },
    { type: 'app-starts', label: 'The app can start', alreadyMet: true },
    {
      type: 'file-shipped',
      path: 'app/main.py',
      label: 'The app’s code is in the image',
      alreadyMet: true,
    },
  ],
  hints: [
    'Start with the context: add a .dockerignore (lesson 4). Then look at the order of ' +
      'COPY and pip install (lesson 6).',
    'None of the requirements needs a compiler: every one installs from a wheel. Drop gcc ' +
      'and the apt lines entirely (lessons 2 and 3).',
    'Split the build in two: a python:3.11-slim-bookworm stage that pip installs with ' +
      '--no-cache-dir --target /deps, and a runtime stage (lessons 2 and 5).',
    'The runtime stage is gcr.io/distroless/python3-debian12:nonroot with PYTHONPATH=/deps ' +
      'and an exec-form CMD: there is no shell to run a shell-form one (lesson 7).',
  ],
  project: notesApi,
});
