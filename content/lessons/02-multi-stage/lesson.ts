import { ordersApi } from '@/content/projects/python-apps';
import { defineLesson } from '@/lib/lessons/types';

export default defineLesson({
  title: 'Build in one stage, ship another',
  summary:
    'A compiler is needed to install psycopg2, not to run it. A multi-stage build keeps ' +
    'the toolchain in a stage that never ships.',
  technique: 'multi-stage',
  goals: [
    { type: 'no-build-tools', label: 'No compiler or -dev headers in the image' },
    { type: 'stages-at-least', count: 2, label: 'A separate build stage' },
    { type: 'app-starts', label: 'The app can still start', alreadyMet: true },
    { type: 'size-below', megabytes: 190 },
    {
      type: 'file-shipped',
      path: 'app/main.py',
      label: 'The app’s code is in the image',
      alreadyMet: true,
    },
  ],
  hints: [
    'Which packages in the image are only there for pip install? gcc, libc6-dev and ' +
      'libpq-dev build psycopg2; at run time it only loads libpq.',
    'Start a first stage with FROM python:3.11-slim-bookworm AS build. Install the ' +
      'toolchain there and pip install into a virtual environment (python -m venv /opt/venv).',
    'Start a second FROM python:3.11-slim-bookworm. It needs libpq5 (the runtime library, ' +
      'no headers) and COPY --from=build /opt/venv /opt/venv.',
    'Put /opt/venv/bin first on the PATH in the final stage too, so gunicorn is found. ' +
      'Both stages must use the same Python: a venv is tied to its interpreter.',
  ],
  project: ordersApi,
});
