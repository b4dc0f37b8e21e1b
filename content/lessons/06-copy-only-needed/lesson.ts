import { shopApi } from '@/content/projects/shop-api';
import { defineLesson } from '@/lib/lessons/types';

export default defineLesson({
  title: 'Copy only what each step needs',
  summary:
    'Copy the dependency manifests, install, then copy the sources. Editing a source file ' +
    'then rebuilds a few kilobytes instead of reinstalling every package.',
  technique: 'copy-only-needed',
  goals: [
    {
      type: 'rebuild-below',
      path: 'src/app.js',
      megabytes: 1,
      label: 'Editing src/app.js does not reinstall the dependencies',
    },
    { type: 'rule-clear', rule: 'npm-install-dev-deps', label: 'No dev dependencies installed' },
    { type: 'rule-clear', rule: 'npm-cache-kept', label: 'No npm cache in the image' },
    { type: 'file-not-shipped', path: 'test', label: 'Tests stay out of the image' },
    { type: 'app-starts', label: 'The app can still start', alreadyMet: true },
    {
      type: 'file-shipped',
      path: 'src/server.js',
      label: 'The app’s code is in the image',
      alreadyMet: true,
    },
  ],
  hints: [
    'Pick src/app.js in the project tree under “What rebuilds”. Which layers rerun, and ' +
      'how many bytes is that?',
    'COPY . . comes before npm install, so any change anywhere invalidates the install. ' +
      'Copy package.json and package-lock.json first, install, then copy the code.',
    'npm install also brings jest, eslint and nodemon. npm ci --omit=dev installs exactly ' +
      'the lockfile’s production dependencies (the old --only=production is deprecated).',
    'Copy src/ only: the tests and fixtures are not needed to run. Finish the install RUN ' +
      'with npm cache clean --force.',
  ],
  project: shopApi,
});
