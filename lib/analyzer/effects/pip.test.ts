import { describe, expect, it } from 'vitest';
import { parseRequirements, requirementName } from './pip';
import { effectsOf, file, type Effects, type Setup } from './test-helpers';

const PY: Setup = { from: 'python:3.12-slim' };
const SITE = '/usr/local/lib/python3.12/site-packages';

/** Command words → what they do to a python:3.12-slim stage (unless the setup says otherwise). */
const TABLE: [string, string, Setup, Partial<Effects>][] = [
  ['install keeps the pip cache', 'pip install flask', PY, { kinds: ['cache', 'pip'] }],
  ['--no-cache-dir leaves no cache', 'pip install --no-cache-dir flask', PY, { kinds: ['pip'] }],
  [
    'a requirements file that was not copied is not sized',
    'pip install --no-cache-dir -r requirements.txt',
    PY,
    { bytes: 0, unknowns: ['pip-package requirements.txt'] },
  ],
  [
    'a local project is listed as not sized',
    'pip install --no-cache-dir .',
    PY,
    { bytes: 0, unknowns: ['pip-package local project'] },
  ],
  [
    'the system python3 of bookworm is externally managed (PEP 668)',
    'pip3 install flask',
    { before: ['RUN apt-get update && apt-get install -y python3-pip'] },
    { failures: ['pip-externally-managed'] },
  ],
  [
    'psycopg2 builds from source and this stage has no compiler',
    'pip install psycopg2',
    PY,
    { failures: ['compiler-missing'] },
  ],
  [
    'a name like an object property is not a known source-only package',
    'pip install --no-cache-dir constructor',
    PY,
    { failures: [], unknowns: ['pip-package constructor'] },
  ],
  [
    'uninstall deletes the distribution',
    'pip uninstall -y flask',
    { ...PY, before: ['RUN pip install --no-cache-dir flask'] },
    { bytes: 0, deletes: [`${SITE}/flask`] },
  ],
  [
    'pip wheel writes one wheel per distribution',
    'pip wheel --no-cache-dir -w /wheels flask',
    PY,
    { kinds: ['build'] },
  ],
];

describe('pip effects', () => {
  it.each(TABLE)('%s: %s', (_what, command, setup, expected) => {
    expect(effectsOf(command, setup)).toMatchObject(expected);
  });

  it('installs into the site-packages the flags and the venv choose', () => {
    const under = (command: string) =>
      effectsOf(command, PY).paths.filter((p) => p.endsWith('/flask'));
    expect(under('pip install --no-cache-dir flask')).toEqual([`${SITE}/flask`]);
    expect(under('pip install --user --no-cache-dir flask')).toEqual([
      '/root/.local/lib/python3.12/site-packages/flask',
    ]);
    expect(under('pip install --no-cache-dir --target /deps flask')).toEqual(['/deps/flask']);
    expect(
      under('python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir flask'),
    ).toEqual(['/opt/venv/lib/python3.12/site-packages/flask']);
  });

  it("as a user other than root, installs into that user's home (the system site is not writable)", () => {
    const asApp = (before: string[]) =>
      effectsOf('pip install --no-cache-dir flask', {
        ...PY,
        before: ['RUN useradd --create-home app', ...before],
      }).paths.filter((p) => p.endsWith('/flask'));
    expect(asApp(['USER app'])).toEqual(['/home/app/.local/lib/python3.12/site-packages/flask']);
    expect(asApp(['USER app:app'])).toEqual([
      '/home/app/.local/lib/python3.12/site-packages/flask',
    ]);
    expect(asApp(['USER 0'])).toEqual([`${SITE}/flask`]);
    expect(asApp(['USER app', 'USER root'])).toEqual([`${SITE}/flask`]);
    // The site was handed to the user first.
    expect(asApp(['RUN chown -R app /usr/local/lib', 'USER app'])).toEqual([`${SITE}/flask`]);
    expect(
      asApp(['USER app', 'RUN python -m venv /home/app/venv', 'ENV PATH=/home/app/venv/bin:$PATH']),
    ).toEqual(['/home/app/venv/lib/python3.12/site-packages/flask']);
  });

  it('keeps the pip cache unless --no-cache-dir or PIP_NO_CACHE_DIR', () => {
    const cached = effectsOf('pip install flask', PY);
    const clean = effectsOf('pip install --no-cache-dir flask', PY);
    const env = effectsOf('pip install flask', { ...PY, before: ['ENV PIP_NO_CACHE_DIR=1'] });
    expect(cached.bytes).toBeGreaterThan(clean.bytes);
    expect(env.bytes).toBe(clean.bytes);
  });

  it('reads PIP_NO_CACHE_DIR=off as off, the same as the pip-cache-kept rule', () => {
    const off = effectsOf('pip install flask', { ...PY, before: ['ENV PIP_NO_CACHE_DIR=off'] });
    expect(off.bytes).toBe(effectsOf('pip install flask', PY).bytes);
  });

  it('reads the packages of a copied requirements file', () => {
    const e = effectsOf('pip install --no-cache-dir -r requirements.txt', {
      ...PY,
      before: ['COPY requirements.txt .'],
      context: [file('requirements.txt', 'flask\nrequests\n')],
    });
    expect(e.paths).toEqual(expect.arrayContaining([`${SITE}/flask`, `${SITE}/requests`]));
  });

  it.each([
    ['Flask[async]>=3', 'flask'],
    ['zope.interface==6', 'zope-interface'],
    ['./local', undefined],
    ['git+https://example.com/x.git', undefined],
    ['pkg-1.0-py3-none-any.whl', undefined],
  ])('requirementName(%s) is %s', (spec, name) => {
    expect(requirementName(spec)).toBe(name);
  });

  it('parseRequirements skips comments, options and blank lines', () => {
    expect(parseRequirements('# deps\nflask==3 # web\n-r other.txt\n\nRequests\n')).toEqual([
      'flask',
      'requests',
    ]);
  });
});
