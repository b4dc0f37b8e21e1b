import { describe, expect, it } from 'vitest';
import { buildModel } from './model';
import { startOf } from './start-model';
import { reportOf } from './index';
import { contextFiles, df } from './rules/test-helpers';
import type { FileSpec } from './rules/test-helpers';

const REQS = 'flask==3.1.1\ngunicorn==23.0.0\npsycopg2==2.9.10\n';
const APP: FileSpec = { 'requirements.txt': REQS, 'app/__init__.py': 0, 'app/main.py': 2000 };

function start(dockerfile: string, files: FileSpec = APP) {
  return startOf(buildModel({ dockerfile, context: { files: contextFiles(files) } }));
}

/** The messages of the checks that certainly fail. */
function failures(dockerfile: string, files?: FileSpec): string[] {
  return start(dockerfile, files)
    .checks.filter((c) => c.status === 'fails' && c.isCertain)
    .map((c) => c.message);
}

const VENV_BUILD = df`
  FROM python:3.11-slim-bookworm AS build
  RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*
  RUN python -m venv /opt/venv
  ENV PATH=/opt/venv/bin:$PATH
  COPY requirements.txt .
  RUN pip install --no-cache-dir -r requirements.txt
`;

describe('startOf', () => {
  it('a package named like an object property is an ordinary name (no table hit, no crash)', () => {
    const files: FileSpec = { 'requirements.txt': 'constructor\n__proto__\n', 'app.py': 10 };
    const dockerfile = df`
      FROM python:3.12-slim
      WORKDIR /app
      COPY requirements.txt app.py ./
      RUN pip install --no-cache-dir -r requirements.txt
      CMD ["python", "-m", "constructor"]
    `;
    const report = reportOf(buildModel({ dockerfile, context: { files: contextFiles(files) } }));
    expect(report.start.status).toBe('starts');
    expect(report.problems.map((p) => p.message)).toEqual([]);
  });

  it('a venv copied into the same base, on PATH, with libpq5: starts', () => {
    const r = start(
      VENV_BUILD +
        df`
      FROM python:3.11-slim-bookworm
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
      COPY --from=build /opt/venv /opt/venv
      ENV PATH=/opt/venv/bin:$PATH
      WORKDIR /app
      COPY app/ ./app/
      CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
    `,
    );
    expect(r.status).toBe('starts');
    expect(r.checks.find((c) => c.kind === 'program')?.message).toMatch(
      /\/opt\/venv\/bin\/gunicorn/,
    );
  });

  it('the venv not on PATH: gunicorn is not found, and the message says where it is', () => {
    const msgs = failures(
      VENV_BUILD +
        df`
      FROM python:3.11-slim-bookworm
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
      COPY --from=build /opt/venv /opt/venv
      WORKDIR /app
      COPY app/ ./app/
      CMD ["gunicorn", "app.main:app"]
    `,
    );
    expect(msgs).toEqual([
      expect.stringMatching(/\/opt\/venv\/bin\/gunicorn.*not on the final stage's PATH/),
    ]);
  });

  it('psycopg2 without libpq5 in the final stage fails at import', () => {
    const msgs = failures(
      VENV_BUILD +
        df`
      FROM python:3.11-slim-bookworm
      COPY --from=build /opt/venv /opt/venv
      ENV PATH=/opt/venv/bin:$PATH
      WORKDIR /app
      COPY app/ ./app/
      CMD ["gunicorn", "app.main:app"]
    `,
    );
    expect(msgs).toEqual([expect.stringMatching(/libpq\.so\.5.*libpq5/)]);
  });

  it('a venv made on python:3.11-slim does not run in distroless (pyvenv.cfg home is /usr/local/bin)', () => {
    const msgs = failures(
      VENV_BUILD.replace(/RUN apt-get.*\n/, '') +
        df`
      FROM gcr.io/distroless/python3-debian12:nonroot
      COPY --from=build /opt/venv /opt/venv
      WORKDIR /app
      COPY app/ ./app/
      ENTRYPOINT ["/opt/venv/bin/python", "-m", "gunicorn", "app.main:app"]
    `,
      { ...APP, 'requirements.txt': 'flask\ngunicorn\n' },
    );
    expect(msgs).toEqual([expect.stringMatching(/pyvenv\.cfg home.*\/usr\/bin\/python3\.11/)]);
  });

  it('a venv made with 3.11 in a 3.12 final stage fails', () => {
    const msgs = failures(
      VENV_BUILD +
        df`
      FROM python:3.12-slim-bookworm
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
      COPY --from=build /opt/venv /opt/venv
      ENV PATH=/opt/venv/bin:$PATH
      CMD ["gunicorn", "app.main:app"]
    `,
    );
    expect(msgs.join('\n')).toMatch(/Python 3\.11.*Python 3\.12/);
  });

  it('--target packages need PYTHONPATH; with it, distroless starts', () => {
    const build = df`
      FROM python:3.11-slim-bookworm AS build
      COPY requirements.txt .
      RUN pip install --no-cache-dir --target /deps -r requirements.txt
      FROM gcr.io/distroless/python3-debian12:nonroot
      COPY --from=build /deps /deps
      WORKDIR /app
      COPY app/ ./app/
    `;
    const files = { ...APP, 'requirements.txt': 'flask\ngunicorn\n' };
    const cmd = 'CMD ["-m", "gunicorn", "app.main:app"]\n';
    expect(failures(build + cmd, files)).toEqual([expect.stringMatching(/PYTHONPATH=\/deps/)]);
    expect(start(build + 'ENV PYTHONPATH=/deps\n' + cmd, files).status).toBe('starts');
  });

  it('--user packages of Python 3.8 are not searched by 3.11', () => {
    const msgs = failures(
      df`
      FROM ubuntu:20.04 AS build
      RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/*
      COPY requirements.txt .
      RUN pip3 install --no-cache-dir --user -r requirements.txt
      FROM gcr.io/distroless/python3-debian12
      COPY --from=build /root/.local /root/.local
      WORKDIR /app
      COPY app/ ./app/
      CMD ["-m", "gunicorn", "app.main:app"]
    `,
      { ...APP, 'requirements.txt': 'flask\ngunicorn\n' },
    );
    expect(msgs).toEqual([expect.stringMatching(/python3\.8.*installed for Python 3\.8/)]);
  });

  it('removing the interpreter leaves console scripts with a dead shebang', () => {
    const msgs = failures(
      df`
      FROM alpine:3.22
      WORKDIR /app
      COPY requirements.txt .
      RUN apk add --no-cache python3 py3-pip && pip install --no-cache-dir --break-system-packages -r requirements.txt && apk del python3 py3-pip
      COPY app/ ./app/
      CMD ["gunicorn", "app.main:app"]
    `,
      { ...APP, 'requirements.txt': 'flask\ngunicorn\n' },
    );
    expect(msgs).toEqual([expect.stringMatching(/#!\/usr\/bin\/python3.*no Python/)]);
  });

  it('no pip install at all: gunicorn is not installed', () => {
    expect(
      failures(df`
      FROM python:3.11-slim-bookworm
      WORKDIR /app
      COPY app/ ./app/
      CMD ["gunicorn", "app.main:app"]
    `),
    ).toEqual([expect.stringMatching(/gunicorn is not installed/)]);
  });

  it('USER names an account that does not exist', () => {
    const df1 = df`
      FROM debian:bookworm-slim
      USER node
      CMD ["sh", "-c", "echo hi"]
    `;
    expect(failures(df1)).toEqual([expect.stringMatching(/User node does not exist/)]);
    expect(failures(df1.replace('USER node', 'RUN useradd node\nUSER node'))).toEqual([]);
    expect(failures(df1.replace('debian:bookworm-slim', 'node:22-bookworm-slim'))).toEqual([]);
  });

  it('USER names an account the known base lacks, whatever else the build does', () => {
    // A COPY of a file without a context leaves the start model open, yet it cannot add users.
    const noContext = (dockerfile: string) =>
      reportOf(buildModel({ dockerfile })).findings.filter((f) => f.rule === 'runtime-missing');
    const lacking = df`
      FROM debian:bookworm-slim
      RUN apt-get update && apt-get install -y --no-install-recommends python3
      COPY app.py /app/app.py
      USER node
      CMD ["python3", "/app/app.py"]
    `;
    expect(noContext(lacking)).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/User node/) }),
    ]);
    // Created by a RUN, or by a variable the model cannot resolve: silent.
    for (const create of [
      'RUN useradd --system node',
      'RUN groupadd node && useradd -g node node',
      'RUN adduser --disabled-password $APP_USER',
    ])
      expect(noContext(lacking.replace('USER node', `${create}\nUSER node`))).toEqual([]);
    // Unsure: a script the model does not follow, a package that may add its own user, a copied
    // /etc/passwd, a base it has no user list for.
    for (const unsure of [
      lacking.replace('USER node', 'RUN ./setup.sh\nUSER node'),
      lacking.replace('python3\n', 'python3 nodejs\n'),
      lacking.replace('USER node', 'COPY passwd /etc/passwd\nUSER node'),
      lacking.replace('debian:bookworm-slim', 'example.com/private/base:1'),
    ])
      expect(noContext(unsure)).toEqual([]);
    // The account exists in the base image.
    expect(noContext(lacking.replace('debian:bookworm-slim', 'node:22-bookworm-slim'))).toEqual([]);
  });

  it('the app module gunicorn imports must be in the working directory', () => {
    expect(
      failures(
        df`
      FROM python:3.11-slim-bookworm
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      CMD ["gunicorn", "app.main:app"]
    `,
        { ...APP, 'requirements.txt': 'flask\ngunicorn\n' },
      ),
    ).toEqual([expect.stringMatching(/\/app\/main\.py is not in the final image/)]);
  });

  it('the node image entrypoint prepends node and checks the script', () => {
    const files = { 'server.js': 10, 'package.json': '{}' };
    const ok = start(
      df`
      FROM node:22-alpine
      WORKDIR /app
      COPY server.js .
      CMD ["node", "server.js"]
    `,
      files,
    );
    expect(ok.status).toBe('starts');
  });

  it(':debug-nonroot distroless has a shell and runs as nonroot', () => {
    const r = start(df`
      FROM gcr.io/distroless/python3-debian12:debug-nonroot
      WORKDIR /app
      COPY app/ ./app/
      CMD python3 -m app.main
    `);
    expect(r.checks.find((c) => c.kind === 'shell')?.status).toBe('ok');
    const facts = reportOf(
      buildModel({
        dockerfile: 'FROM gcr.io/distroless/python3-debian12:debug-nonroot\n',
        context: { files: [] },
      }),
    ).final;
    expect(facts.hasShell).toBe(true);
    expect(facts.user).toBe('nonroot');
  });

  it('wheels from `pip wheel` in a bind-mounted stage install the requirements: starts, for certain', () => {
    const wheels = df`
      FROM python:3.11-slim-bookworm AS compile
      RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*
      COPY requirements.txt .
      RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt
      FROM python:3.11-slim-bookworm
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
      RUN --mount=type=bind,from=compile,source=/wheels,target=/wheels pip install --no-cache-dir --no-index /wheels/*.whl
      WORKDIR /app
      COPY app/ ./app/
      CMD ["gunicorn", "app.main:app"]
    `;
    expect(start(wheels).status).toBe('starts');
    // Without the wheels nothing installs gunicorn: the same image fails.
    const empty = wheels.replace('/wheels -r requirements.txt', '/other -r requirements.txt');
    expect(start(empty).status).not.toBe('starts');
  });

  describe('says unknown instead of guessing on what it cannot follow', () => {
    it.each([
      [
        'an interpreter built from source',
        df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y curl && curl -fsSL https://example.org/python.tgz | tar -xz -C /usr/local && rm -rf /var/lib/apt/lists/*
        CMD ["python3", "-m", "http.server"]
      `,
      ],
      [
        'files produced by ./gradlew installDist and copied as a directory',
        df`
        FROM eclipse-temurin:21 AS build
        WORKDIR /src
        COPY . .
        RUN ./gradlew installDist
        FROM eclipse-temurin:21-jre
        COPY --from=build /src/build/install/app /opt/app
        ENTRYPOINT ["/opt/app/bin/app"]
      `,
      ],
      [
        'a program from an image copied with COPY --from',
        df`
        FROM debian:bookworm-slim
        COPY --from=ghcr.io/example/tool:1 /usr/local/bin/tool /usr/local/bin/tool
        CMD ["tool"]
      `,
      ],
    ])('%s', (_name, dockerfile) => {
      const r = start(dockerfile, { 'build.gradle': 100, 'src/Main.java': 100 });
      expect(r.checks.filter((c) => c.status === 'fails' && c.isCertain)).toEqual([]);
    });
  });
});

describe('startOf: dependencies pip left to an OS package', () => {
  const ALPINE_APP: FileSpec = {
    'requirements.txt': 'flask==3.1.1\ngunicorn==23.0.0\n',
    'app/__init__.py': 0,
    'app/main.py': 2000,
  };
  const alpine = (install: string, after = '', env = '', cmd = '"gunicorn"') =>
    df`
      FROM alpine:3.22
      WORKDIR /app
      COPY requirements.txt .
      RUN apk add --no-cache python3 && apk add --no-cache --virtual .pip py3-pip && ${install} -r requirements.txt${after}
      ${env}
      COPY app/ ./app/
      CMD [${cmd}, "--bind", "0.0.0.0:8000", "app.main:app"]
    `;

  it('system install, then apk del of the pip group: gunicorn loses packaging', () => {
    const msgs = failures(
      alpine('pip install --no-cache-dir --break-system-packages', ' && apk del .pip'),
      ALPINE_APP,
    );
    expect(msgs.join('\n')).toMatch(/gunicorn needs packaging.*py3-pip already provided it/);
  });

  it('system install with py3-pip kept: packaging is still there, so it starts', () => {
    const r = start(alpine('pip install --no-cache-dir --break-system-packages'), ALPINE_APP);
    expect(r.status).toBe('starts');
  });

  it('--target, then apk del: pip installed its own packaging in /deps, so it starts', () => {
    const r = start(
      alpine(
        'pip install --no-cache-dir --target /deps',
        ' && apk del .pip',
        'ENV PYTHONPATH=/deps',
        '"python3", "-m", "gunicorn"',
      ),
      ALPINE_APP,
    );
    expect(r.status).toBe('starts');
  });
});

describe('startOf: copies whose contents are not known', () => {
  it('a venv copied from a stage name that does not exist (an image of that name) is not taken as there', () => {
    const s = start(df`
      ${VENV_BUILD}
      FROM python:3.11-slim-bookworm
      COPY --from=builder /opt/venv /opt/venv
      ENV PATH=/opt/venv/bin:$PATH
      WORKDIR /app
      COPY app/ ./app/
      CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
    `);
    expect(s.status).toBe('unknown');
    expect(s.checks.map((c) => c.message)).toContain(
      'Cannot tell whether gunicorn is in the image.',
    );
  });

  it('a path no modelled command wrote in the source stage is unsure, not found', () => {
    const s = start(df`
      FROM debian:bookworm-slim AS fetch
      RUN mkdir -p /opt/tool && echo made-by-a-command-the-model-does-not-follow
      FROM debian:bookworm-slim
      COPY --from=fetch /opt/tool /opt/tool
      CMD ["/opt/tool/bin/run"]
    `);
    expect(s.status).toBe('unknown');
  });

  it('the same program from the stage that made it starts', () => {
    const s = start(df`
      ${VENV_BUILD}
      FROM python:3.11-slim-bookworm
      RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
      COPY --from=build /opt/venv /opt/venv
      ENV PATH=/opt/venv/bin:$PATH
      WORKDIR /app
      COPY app/ ./app/
      CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
    `);
    expect(s.status).toBe('starts');
  });
});

describe('startOf: packages built against another C library', () => {
  const ALPINE_FINAL = (reqs: FileSpec) =>
    start(
      df`
        ${VENV_BUILD}
        FROM python:3.11-alpine
        RUN apk add --no-cache libpq
        COPY --from=build /opt/venv /opt/venv
        ENV PATH=/opt/venv/bin:$PATH
        WORKDIR /app
        COPY app/ ./app/
        CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
      `,
      reqs,
    );

  it('a venv built on Debian (glibc) does not load its compiled packages on Alpine (musl)', () => {
    const s = ALPINE_FINAL(APP);
    expect(s.status).toBe('fails');
    expect(s.checks.find((c) => c.status === 'fails')?.message).toMatch(
      /psycopg2 .* built against glibc .* this image uses musl/,
    );
  });

  it('pure-Python packages move between C libraries', () => {
    const s = ALPINE_FINAL({ ...APP, 'requirements.txt': 'flask==3.1.1\ngunicorn==23.0.0\n' });
    expect(s.checks.filter((c) => c.status === 'fails')).toEqual([]);
  });
});

describe('startOf: npm start and npm run', () => {
  const NODE = (cmd: string, pkg: object | undefined, extra: FileSpec = {}) =>
    start(
      df`
        FROM node:22-alpine
        WORKDIR /app
        COPY package.json ./
        COPY src/ ./src/
        USER node
        CMD ${cmd}
      `,
      {
        ...(pkg ? { 'package.json': JSON.stringify(pkg) } : { 'package.json': 300 }),
        'src/server.js': 900,
        ...extra,
      },
    );

  it('follows a start script that runs node on a file the image has', () => {
    const s = NODE('["npm", "start"]', { scripts: { start: 'node src/server.js' } });
    expect(s.status).toBe('starts');
    expect(s.checks.map((c) => c.message)).toContain('node → /usr/local/bin/node');
  });

  it('fails when the start script runs a file that was not copied', () => {
    const s = NODE('["npm", "start"]', { scripts: { start: 'node dist/server.js' } });
    expect(s.status).toBe('fails');
  });

  it('without a start script npm runs node server.js (not copied here)', () => {
    expect(NODE('["npm", "start"]', { name: 'shop' }).status).toBe('fails');
  });

  it('npm run of a script package.json does not have fails; one the model cannot read is unsure', () => {
    expect(
      NODE('["npm", "run", "serve"]', { scripts: { start: 'node src/server.js' } }).status,
    ).toBe('fails');
    expect(NODE('["npm", "run", "constructor"]', { scripts: {} }).status).toBe('fails');
    expect(
      NODE('["npm", "start"]', { scripts: { start: 'node src/server.js && echo' } }).status,
    ).toBe('unknown');
    expect(NODE('["npm", "start"]', undefined).status).toBe('unknown');
  });
});

describe('startOf: a --target folder built on another Python minor', () => {
  const CROSS = (reqs: string) =>
    start(
      df`
        FROM python:3.12-slim-bookworm AS build
        COPY requirements.txt .
        RUN pip install --no-cache-dir --target /deps -r requirements.txt
        FROM gcr.io/distroless/python3-debian12:nonroot
        COPY --from=build /deps /deps
        ENV PYTHONPATH=/deps
        WORKDIR /app
        COPY app/ ./app/
        CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
      `,
      { ...APP, 'requirements.txt': reqs },
    );

  it('pure packages and ones with a pure fallback (PyYAML, MarkupSafe) import in 3.11', () => {
    expect(CROSS('flask==3.1.1\ngunicorn==23.0.0\npyyaml==6.0.2\n').status).toBe('starts');
  });

  it('a compiled package without a fallback does not', () => {
    const s = CROSS('flask==3.1.1\ngunicorn==23.0.0\npydantic-core==2.33.2\n');
    expect(s.status).toBe('fails');
    expect(s.checks.find((c) => c.status === 'fails')?.message).toMatch(/^pydantic-core in \/deps/);
  });

  it('an abi3 package may load on another minor: unsure', () => {
    expect(CROSS('flask==3.1.1\ngunicorn==23.0.0\ncryptography==44.0.0\n').status).toBe('unknown');
  });
});

describe('startOf: a CMD that starts with an option', () => {
  it('on an image without an ENTRYPOINT says the first word is an option, not a program', () => {
    const s = start(df`
      FROM python:3.11-slim-bookworm AS build
      COPY requirements.txt .
      RUN pip install --no-cache-dir --target /deps -r requirements.txt
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /deps /deps
      WORKDIR /app
      COPY app/ ./app/
      CMD ["-m", "gunicorn", "app.main:app"]
    `);
    expect(s.status).toBe('fails');
    expect(s.checks.find((c) => c.status === 'fails')?.message).toMatch(
      /^The command starts with -m, an option, not a program/,
    );
  });
});
