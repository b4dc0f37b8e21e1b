import { shopApi } from '@/content/projects/shop-api';
import { defineLesson } from '@/lib/lessons/types';

export default defineLesson({
  title: 'Keep the build context small with .dockerignore',
  summary:
    'docker build sends the whole folder to the builder, and COPY . . puts it in the image: ' +
    'Git history, your laptop’s node_modules and the .env with its secrets.',
  technique: 'dockerignore',
  goals: [
    { type: 'context-below', megabytes: 3 },
    { type: 'file-not-shipped', path: '.env', label: 'The .env file stays out of the image' },
    {
      type: 'file-not-shipped',
      path: 'node_modules',
      label: 'The laptop’s node_modules stays out',
    },
    { type: 'file-not-shipped', path: '.git', label: 'COPY . . leaves out .git' },
    { type: 'app-starts', label: 'The app can still start', alreadyMet: true },
    {
      type: 'file-shipped',
      path: 'src/server.js',
      label: 'The app’s code is in the image',
      alreadyMet: true,
    },
  ],
  hints: [
    'Look at the project tree: how big is the context the builder receives, and which ' +
      'folders make up most of it?',
    'Open the .dockerignore tab. Each line is a pattern, like .gitignore: .git, ' +
      'node_modules, coverage.',
    'Secrets never belong in the context: add .env. The npm ci above already installs the ' +
      'dependencies, so the local node_modules would only overwrite them.',
    'Prefer an allow-list? Start with * and re-include what the image needs with ' +
      '!src and !package*.json.',
  ],
  project: shopApi,
});
