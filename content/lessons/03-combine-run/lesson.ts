import { ordersApi } from '@/content/projects/python-apps';
import { defineLesson } from '@/lib/lessons/types';

export default defineLesson({
  title: 'Clean up in the same layer',
  summary:
    'Every RUN is a layer, and a layer is frozen when its RUN ends. Files deleted by a later ' +
    'RUN still ship inside the earlier one.',
  technique: 'combine-run',
  goals: [
    {
      type: 'rule-clear',
      rule: 'apt-lists-not-removed',
      label: 'apt lists deleted where they appear',
    },
    { type: 'rule-clear', rule: 'cleanup-in-later-layer', label: 'No cleanup in a later layer' },
    { type: 'size-below', megabytes: 170 },
    {
      type: 'rule-clear',
      rule: 'healthcheck-program-missing',
      label: 'The health check can still run',
      alreadyMet: true,
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
    'Open the layer chart. Which layer is marked as wasted, and which later RUN deletes ' +
      'what it added?',
    'apt-get update writes about 20 MB of package lists. rm -rf in a later RUN hides them, ' +
      'but the layer that downloaded them still ships them.',
    'Join update, install and the cleanup with && into one RUN, and install libpq5 and curl ' +
      'with a single apt-get install.',
    'apt-get clean is not needed in the official Debian images: they already delete ' +
      'downloaded .deb files after every install.',
  ],
  project: ordersApi,
});
