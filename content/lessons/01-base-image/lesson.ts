import { forecastApi } from '@/content/projects/python-apps';
import { defineLesson } from '@/lib/lessons/types';

export default defineLesson({
  title: 'Choose the right base image',
  summary:
    'The FROM line decides most of an image’s size before you write a single RUN. ' +
    'Pick the smallest variant your app actually runs on.',
  technique: 'base-image',
  goals: [
    { type: 'size-below', megabytes: 600 },
    { type: 'rule-clear', rule: 'large-base-image', label: 'No smaller compatible base left' },
    {
      type: 'rule-clear',
      rule: 'alpine-needs-compiling',
      label: 'Every package installs from a wheel',
      alreadyMet: true,
    },
    {
      type: 'rule-clear',
      rule: 'eol-base-image',
      label: 'A base that still gets security fixes',
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
    'Look at the first line. How much of the estimate is the base image alone? The layer ' +
      'chart shows the base as its own bar.',
    'Official images come in variants: the full one (with compilers and hundreds of Debian ' +
      'packages), -slim, and -alpine. Your app only needs Python and its wheels.',
    'Alpine is smaller still, but scikit-learn publishes no musl wheels: pip would compile ' +
      'it (and SciPy’s stack) from source. Stay on glibc.',
    'Change the first line to FROM python:3.11-slim-bookworm. Keep the Python version and ' +
      'the Debian release the same as before.',
  ],
  project: forecastApi,
});
