'use client';
// Scratch page for the workbench engineer's own checks. To be deleted before finishing.
import dynamic from 'next/dynamic';
import { shopApi } from '@/content/projects/shop-api';
import type { WorkbenchProps } from '@/components/workbench/types';
import { NODE_DOCKERIGNORE } from '@/content/projects/dockerignores';

const Workbench = dynamic<WorkbenchProps>(() => import('@/components/workbench/Workbench'), { ssr: false });

const start = `FROM node:22
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y build-essential python3
RUN npm install
CMD ["node", "src/server.js"]
`;
const solution = `FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
USER node
CMD ["node", "src/server.js"]
`;

const startFiles = { dockerfile: start, dockerignore: '' };

export default function DevWorkbench() {
  return (
    <div style={{ padding: 16 }}>
      <h1>Workbench scratch</h1>
      <Workbench
        mode="lesson"
        lessonSlug="copy-only-needed"
        initialFiles={startFiles}
        startFiles={startFiles}
        project={shopApi}
        goals={[
          { type: 'size-below', megabytes: 300 },
          { type: 'file-not-shipped', path: '.env' },
          { type: 'rebuild-below', path: 'src/app.js', megabytes: 5 },
        ]}
        hints={['Start from a slim base.', 'Copy the manifests first.', 'Add a .dockerignore.']}
        solution={{ dockerfile: solution, dockerignore: NODE_DOCKERIGNORE }}
        onFilesChange={(f) => console.log('save', f.dockerfile.length)}
        onGoalsMet={(r) => console.log('goals met', r.size.bytes)}
      />
    </div>
  );
}
