import { notesApi } from '@/content/projects/python-apps';
import { defineLesson } from '@/lib/lessons/types';

export default defineLesson({
  title: 'Leave the package managers (and their caches) behind',
  summary:
    'apk, pip and npm are build tools. Install with them, then make sure neither they nor ' +
    'their caches end up in a layer that ships.',
  technique: 'remove-package-managers',
  goals: [
    { type: 'no-package-manager', managers: ['pip'], label: 'No pip in the image' },
    { type: 'rule-clear', rule: 'pip-cache-kept', label: 'No pip cache in the image' },
    { type: 'rule-clear', rule: 'apk-cache-kept', label: 'No apk index cache in the image' },
    {
      type: 'rule-clear',
      rule: 'cleanup-in-later-layer',
      label: 'pip removed in the RUN that used it',
    },
    { type: 'app-starts', label: 'The app can still start', alreadyMet: true },
    {
      type: 'file-shipped',
      path: 'app/main.py',
      label: 'The app’s code is in the image',
      alreadyMet: true,
    },
  ],
  hints: [
    'The layer chart shows where the bytes are: the apk index, the pip cache under ' +
      '/root/.cache/pip, and a py3-pip that a later RUN deletes but an earlier layer still ships.',
    'apk add --no-cache keeps no index; pip install --no-cache-dir keeps no wheels.',
    'apk del only shrinks the image when it runs in the same RUN as the apk add. ' +
      'apk add --virtual .pip py3-pip names the group so you can delete it in one go.',
    'One RUN: apk add --no-cache python3, apk add --no-cache --virtual .pip py3-pip, ' +
      'pip install --no-cache-dir --target /deps -r requirements.txt, apk del .pip.',
  ],
  project: notesApi,
});
