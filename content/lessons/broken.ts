/**
 * Dockerfiles an expert knows are broken, for each lesson: each one would not build, would not
 * start, or misses what the lesson teaches. The content test proves the goals reject every one of
 * them (and names the goal that must fail), so "Lesson complete!" never greets a broken image.
 * The comment on each says why it is broken.
 */
import { lessons } from './generated';

export interface BrokenVariant {
  name: string;
  dockerfile: string;
  /** Defaults to the lesson's solution .dockerignore. */
  dockerignore?: string;
  /** A label (or the start of one) of a goal this variant must fail. */
  fails: string;
}

const df = (lines: string[]) => `${lines.join('\n')}\n`;

function solution(slug: string): string {
  const lesson = lessons.find((l) => l.slug === slug);
  if (!lesson) throw new Error(`no lesson ${slug}`);
  return lesson.solutionDockerfile;
}

/** `text` with `from` replaced once; throws when `from` is absent so a variant never goes stale. */
function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`variant edit found nothing to replace: ${String(from)}`);
  return out;
}

const STARTS = 'The app can still start';
const DISTROLESS_STARTS = 'The app can start';
const NO_ERRORS = 'No errors';
const CODE = 'The app’s code is in the image';

/** The Python app in a venv made on python:3.11-slim (Debian 13), copied into distroless. */
const VENV_FROM_SLIM = df([
  'FROM python:3.11-slim AS build',
  'RUN python -m venv /opt/venv',
  'COPY requirements.txt .',
  'RUN /opt/venv/bin/pip install --no-cache-dir -r requirements.txt',
  '',
  'FROM gcr.io/distroless/python3-debian12:nonroot',
  'COPY --from=build /opt/venv /opt/venv',
  'ENV PATH=/opt/venv/bin:$PATH',
  'WORKDIR /app',
  'COPY app/ ./app/',
  'USER nonroot',
  'CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]',
]);

export const BROKEN: Record<string, BrokenVariant[]> = {
  'base-image': [
    {
      // Nothing installs gunicorn, so the CMD names a program the image does not have.
      name: 'no pip install',
      dockerfile: edit(solution('base-image'), /RUN pip install[^\n]*\n/, ''),
      fails: STARTS,
    },
    {
      // debian:bookworm-slim based images have no user called node: docker run fails at once.
      name: 'USER node on a Debian image without that user',
      dockerfile: edit(solution('base-image'), 'USER app', 'USER node'),
      fails: STARTS,
    },
    {
      // Alpine has no musllinux wheel for some requirements: pip compiles (and needs gcc).
      name: 'an Alpine base',
      dockerfile: edit(solution('base-image'), 'python:3.11-slim-bookworm', 'python:3.11-alpine'),
      fails: 'Every package installs from a wheel',
    },
    {
      // gunicorn imports app.main from /app, which was never copied.
      name: 'the app folder is not copied',
      dockerfile: edit(solution('base-image'), 'COPY app/ ./app/\n', ''),
      fails: CODE,
    },
  ],

  'multi-stage': [
    {
      // psycopg2 has no wheel: pip compiles it, and a slim final stage has no gcc or libpq-dev.
      name: 'pip install in a final stage without gcc',
      dockerfile: df([
        'FROM python:3.11-slim-bookworm AS build',
        'RUN python -m venv /opt/venv',
        '',
        'FROM python:3.11-slim-bookworm',
        'RUN apt-get update \\',
        ' && apt-get install -y --no-install-recommends libpq5 \\',
        ' && rm -rf /var/lib/apt/lists/*',
        'WORKDIR /app',
        'COPY requirements.txt .',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'COPY app/ ./app/',
        'USER nobody',
        'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]',
      ]),
      fails: NO_ERRORS,
    },
    {
      // psycopg2 built from source loads libpq.so.5 at import: the final stage needs libpq5.
      name: 'no libpq5 in the final stage',
      dockerfile: edit(solution('multi-stage'), ' libpq5', ' ca-certificates'),
      fails: STARTS,
    },
    {
      // gunicorn sits in /opt/venv/bin, which is not on the final stage's PATH.
      name: 'the venv is not on PATH',
      dockerfile: edit(
        solution('multi-stage'),
        /(COPY --from=build \/opt\/venv \/opt\/venv\n)ENV PATH=\/opt\/venv\/bin:\$PATH\n/,
        '$1',
      ),
      fails: STARTS,
    },
    {
      // The venv's python points at 3.11; a 3.12 final stage has no such interpreter.
      name: 'a Python 3.12 final stage',
      dockerfile: edit(
        solution('multi-stage'),
        /(# Stage 2[^\n]*\n)FROM python:3\.11-slim-bookworm/,
        '$1FROM python:3.12-slim-bookworm',
      ),
      fails: NO_ERRORS,
    },
  ],

  'combine-run': [
    {
      // The update RUN deletes its lists, so the install in the next RUN finds no packages:
      // what the old "delete the lists in the same RUN" fix did to the starting Dockerfile.
      name: 'lists deleted before the install RUN',
      dockerfile: edit(
        solution('combine-run'),
        ' \\\n && apt-get install -y --no-install-recommends libpq5 curl \\\n && rm -rf /var/lib/apt/lists/*\n',
        ' && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y --no-install-recommends libpq5 curl\n',
      ),
      fails: NO_ERRORS,
    },
    {
      // python:3.11-slim-bookworm has apt 2.6, which has no dist-clean: the build stops there.
      name: 'apt-get dist-clean on bookworm',
      dockerfile: edit(
        solution('combine-run'),
        'rm -rf /var/lib/apt/lists/*\nCOPY --from',
        'apt-get dist-clean\nCOPY --from',
      ),
      fails: NO_ERRORS,
    },
    {
      // The runtime library went missing while merging the RUNs.
      name: 'libpq5 dropped while merging',
      dockerfile: edit(solution('combine-run'), 'libpq5 curl', 'curl'),
      fails: STARTS,
    },
    {
      // The lists are deleted in a later RUN: the install layer still ships them.
      name: 'lists deleted one RUN too late',
      dockerfile: edit(
        solution('combine-run'),
        ' && apt-get install -y --no-install-recommends libpq5 curl \\\n && rm -rf /var/lib/apt/lists/*\n',
        ' && apt-get install -y --no-install-recommends libpq5 curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      ),
      fails: 'apt lists deleted where they appear',
    },
    {
      // The HEALTHCHECK and gunicorn still run, but nothing here is smaller: apt-get clean in a
      // later layer hides the archives and ships them anyway.
      name: 'apt-get clean in a later RUN',
      dockerfile: edit(
        solution('combine-run'),
        ' \\\n && rm -rf /var/lib/apt/lists/*\nCOPY --from',
        '\nRUN apt-get clean && rm -rf /var/lib/apt/lists/*\nCOPY --from',
      ),
      fails: 'apt lists deleted where they appear',
    },
  ],

  dockerignore: [
    {
      // .dockerignore leaves out package.json, which the COPY before npm ci needs: no build.
      name: '.dockerignore excludes package.json',
      dockerfile: solution('dockerignore'),
      dockerignore: '.git\nnode_modules\n.env\ncoverage\ndocs\n*.json\n',
      fails: NO_ERRORS,
    },
    {
      // src/ is excluded, so node has no src/server.js to run.
      name: '.dockerignore excludes the sources',
      dockerfile: solution('dockerignore'),
      dockerignore: '.git\nnode_modules\n.env\ncoverage\ndocs\nsrc\n',
      fails: CODE,
    },
    {
      // The secrets file is still sent and copied.
      name: '.dockerignore forgets .env',
      dockerfile: solution('dockerignore'),
      dockerignore: '.git\nnode_modules\ncoverage\ndocs\n*.md\n',
      fails: 'The .env file stays out of the image',
    },
  ],

  'remove-package-managers': [
    {
      // Alpine's python3 is externally managed (PEP 668): pip install into it refuses to run.
      name: 'pip install into the system Python, without --target',
      dockerfile: edit(solution('remove-package-managers'), ' --target /deps', ''),
      fails: NO_ERRORS,
    },
    {
      // Into the system Python, pip finds py3-pip's packaging already installed and skips it;
      // apk del .pip then removes it, and gunicorn (which needs packaging) cannot start.
      name: 'pip install --break-system-packages, then apk del of the pip group',
      dockerfile: edit(
        solution('remove-package-managers'),
        ' --target /deps',
        ' --break-system-packages',
      ),
      fails: STARTS,
    },
    {
      // Deleting python3 with the pip group leaves gunicorn's shebang pointing at nothing.
      name: 'apk del python3 py3-pip',
      dockerfile: edit(solution('remove-package-managers'), 'apk del .pip', 'apk del .pip python3'),
      fails: STARTS,
    },
    {
      // pip is removed in a later RUN: the layer that installed it still ships it.
      name: 'pip removed in a later RUN',
      dockerfile: edit(
        solution('remove-package-managers'),
        ' \\\n && apk del .pip\n',
        '\nRUN apk del .pip\n',
      ),
      fails: 'No pip in the image',
    },
    {
      // gunicorn imports app.main, which was never copied.
      name: 'the app folder is not copied',
      dockerfile: edit(solution('remove-package-managers'), 'COPY app/ ./app/\n', ''),
      fails: CODE,
    },
  ],

  'copy-only-needed': [
    {
      // npm ci refuses to run without package-lock.json next to package.json.
      name: 'npm ci with only package.json copied',
      dockerfile: edit(
        solution('copy-only-needed'),
        'COPY package.json package-lock.json ./',
        'COPY package.json ./',
      ),
      fails: NO_ERRORS,
    },
    {
      // There is no user "app" in node:22-alpine (it has "node").
      name: 'USER app, which the image does not have',
      dockerfile: edit(solution('copy-only-needed'), 'USER node', 'USER app'),
      fails: STARTS,
    },
    {
      // node src/server.js, but src/ never reaches the image.
      name: 'the sources are not copied',
      dockerfile: edit(solution('copy-only-needed'), 'COPY src/ ./src/\n', ''),
      fails: CODE,
    },
    {
      // The whole folder is copied before npm ci: any edit reinstalls every dependency.
      name: 'COPY . . before npm ci',
      dockerfile: edit(
        solution('copy-only-needed'),
        'COPY package.json package-lock.json ./',
        'COPY . .',
      ),
      fails: 'Editing src/app.js does not reinstall the dependencies',
    },
  ],

  distroless: [
    {
      // Shell form runs /bin/sh -c, which distroless does not have: the container is never healthy.
      name: 'a shell-form HEALTHCHECK',
      dockerfile: edit(
        solution('distroless'),
        'EXPOSE 8000',
        'EXPOSE 8000\nHEALTHCHECK CMD python3 -c "print(1)" || exit 1',
      ),
      fails: NO_ERRORS,
    },
    {
      // The venv's python links to python:3.11-slim's /usr/local/bin/python3, which distroless
      // does not have: the trap the lesson's prose warns about.
      name: 'a venv from python:3.11-slim copied into distroless',
      dockerfile: VENV_FROM_SLIM,
      fails: DISTROLESS_STARTS,
    },
    {
      // --target installs are found only through PYTHONPATH.
      name: '--target without PYTHONPATH',
      dockerfile: edit(solution('distroless'), 'ENV PYTHONPATH=/deps\n', ''),
      fails: DISTROLESS_STARTS,
    },
    {
      // :debug-nonroot adds busybox, so the image has a shell again.
      name: 'the :debug-nonroot tag',
      dockerfile: edit(solution('distroless'), ':nonroot', ':debug-nonroot'),
      fails: 'No shell in the image',
    },
    {
      // Packages built for 3.12 cannot be imported by distroless's Python 3.11.
      name: 'built with Python 3.12',
      dockerfile: edit(
        solution('distroless'),
        'python:3.11-slim-bookworm',
        'python:3.12-slim-bookworm',
      ),
      fails: 'Packages built for the Python the image runs',
    },
  ],

  capstone: [
    {
      // The same venv trap as lesson 7.
      name: 'a venv from python:3.11-slim copied into distroless',
      dockerfile: VENV_FROM_SLIM,
      fails: DISTROLESS_STARTS,
    },
    {
      // --target installs are found only through PYTHONPATH.
      name: '--target without PYTHONPATH',
      dockerfile: edit(solution('capstone'), 'ENV PYTHONPATH=/deps\n', ''),
      fails: DISTROLESS_STARTS,
    },
    {
      // :debug-nonroot adds busybox's shell.
      name: 'the :debug-nonroot tag',
      dockerfile: edit(solution('capstone'), ':nonroot', ':debug-nonroot'),
      fails: 'No shell in the image',
    },
  ],
};
