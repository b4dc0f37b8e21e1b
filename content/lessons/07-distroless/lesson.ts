import { notesApi } from '@/content/projects/python-apps';
import { defineLesson } from '@/lib/lessons/types';

export default defineLesson({
  title: 'Ship only the runtime: distroless',
  summary:
    'Distroless images hold a runtime and its libraries: no shell, no package manager. ' +
    'The catch is that what you copy in must match that runtime exactly.',
  technique: 'distroless',
  goals: [
    { type: 'no-shell', alreadyMet: true },
    {
      type: 'rule-clear',
      rule: 'python-version-mismatch',
      label: 'Packages built for the Python the image runs',
    },
    { type: 'app-starts', label: 'The app can start' },
    {
      type: 'rule-clear',
      rule: 'healthcheck-needs-shell',
      label: 'The health check can run',
      alreadyMet: true,
    },
    { type: 'non-root' },
    { type: 'size-below', megabytes: 80, alreadyMet: true },
    {
      type: 'file-shipped',
      path: 'app/main.py',
      label: 'The app’s code is in the image',
      alreadyMet: true,
    },
  ],
  hints: [
    'Read the findings: which Python built the packages in the first stage, and which ' +
      'Python runs them in gcr.io/distroless/python3-debian12?',
    'Ubuntu 20.04’s python3 is 3.8; distroless python3-debian12 runs Debian 12’s 3.11. ' +
      'pip put the packages in a python3.8 folder, which Python 3.11 never looks in.',
    'Build in an image with the same Python: FROM python:3.11-slim-bookworm AS build, ' +
      'then pip install --no-cache-dir --target /deps -r requirements.txt.',
    'In the final stage: COPY --from=build /deps /deps, ENV PYTHONPATH=/deps and ' +
      'USER nonroot (or use the :nonroot tag). The entrypoint is already python3.',
  ],
  project: notesApi,
});
