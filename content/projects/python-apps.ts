import type { LessonMeta, ProjectFile } from '@/lib/lessons/types';
import { file, folder, gitDir, text, venvDir } from './files';
import { pyRows } from './python-packages';

const FLASK = ['blinker', 'click', 'flask', 'itsdangerous', 'jinja2', 'markupsafe', 'werkzeug'];
const REQUESTS = ['certifi', 'charset-normalizer', 'idna', 'requests', 'urllib3'];
const TOOLS = ['pip', 'setuptools', 'packaging', 'pytest', 'ruff'];

/** Files every one of our Python services has on a laptop. */
function pythonCommon(dotEnv: string, readmeBytes: number): ProjectFile[] {
  return [
    text('.env', dotEnv),
    file('.gitignore', 131),
    file('pyproject.toml', 742),
    file('README.md', readmeBytes),
    file('docker-compose.yml', 640),
    file('requirements-dev.txt', 41),
    file('.vscode/settings.json', 188),
    folder('.pytest_cache', 14_208, 6),
    folder('.ruff_cache', 301_947, 19),
    file('app/__init__.py', 0),
    folder('app/__pycache__', 61_204, 7),
  ];
}

const forecastRequirements = `flask==3.1.1
gunicorn==23.0.0
numpy==2.5.2
pandas==3.0.5
scikit-learn==1.9.0
`;

/** forecast-api: a Flask service that serves demand forecasts from a scikit-learn model. */
export const forecastApi: LessonMeta['project'] = {
  name: 'forecast-api',
  description:
    'A Flask service that answers demand forecasts with pandas and a scikit-learn model. ' +
    'Its laptop copy has a .venv with the whole scientific stack, notebooks and sample data.',
  files: [
    text('requirements.txt', forecastRequirements),
    ...pythonCommon(
      'SECRET_KEY=dev-6a1f0c9e\nWAREHOUSE_DB=postgres://forecast:tulip-9@db/forecast\n',
      4_210,
    ),
    file('app/main.py', 3_842),
    file('app/model.py', 5_117),
    file('app/features.py', 4_460),
    file('app/schemas.py', 1_903),
    file('models/forecast-v3.joblib', 2_861_302),
    file('notebooks/exploration.ipynb', 3_204_881),
    file('data/sales-2025.csv', 8_911_420),
    file('tests/test_api.py', 4_121),
    file('tests/test_model.py', 3_377),
    ...gitDir(42_991_616, '4b7e0a91c3d25f68e1a09b7c4d3e2f1a0b9c8d7e'),
    ...venvDir(
      '3.11',
      pyRows([
        ...FLASK,
        'gunicorn',
        'numpy',
        'pandas',
        'python-dateutil',
        'six',
        'tzdata',
        'scipy',
        'scikit-learn',
        'joblib',
        'narwhals',
        'threadpoolctl',
        ...TOOLS,
      ]),
    ),
  ],
};

const ordersRequirements = `flask==3.1.1
gunicorn==23.0.0
psycopg2==2.9.10
requests==2.34.2
`;

/**
 * orders-api: a Flask service on PostgreSQL through psycopg2, which PyPI ships only as source
 * for Linux: installing it compiles C code against libpq.
 */
export const ordersApi: LessonMeta['project'] = {
  name: 'orders-api',
  description:
    'A Flask API over PostgreSQL. It uses psycopg2, which pip builds from source: that needs ' +
    'a C compiler and the libpq headers at install time, and only libpq at run time.',
  files: [
    text('requirements.txt', ordersRequirements),
    ...pythonCommon(
      'DATABASE_URL=postgres://orders:maple-syrup-42@db:5432/orders\n' +
        'PAYMENTS_TOKEN=tok_FAKE_FOR_THE_COURSE_1234\n',
      3_604,
    ),
    file('app/main.py', 2_716),
    file('app/db.py', 2_230),
    file('app/orders.py', 6_045),
    file('app/health.py', 611),
    file('migrations/001_init.sql', 2_904),
    file('migrations/002_refunds.sql', 1_188),
    file('tests/test_orders.py', 7_410),
    file('tests/conftest.py', 1_562),
    ...gitDir(18_874_368, 'e02f7c1a9b8d3e4f5a6b7c8d9e0f1a2b3c4d5e6f'),
    ...venvDir('3.11', pyRows([...FLASK, 'gunicorn', 'psycopg2', ...REQUESTS, ...TOOLS])),
  ],
};

const notesRequirements = `flask==3.1.1
gunicorn==23.0.0
pyyaml==6.0.3
requests==2.34.2
`;

/** notes-api: a small Flask service with pure-Python dependencies (plus PyYAML's wheel). */
export const notesApi: LessonMeta['project'] = {
  name: 'notes-api',
  description:
    'A small Flask API that stores notes and renders YAML front matter. Every dependency ' +
    'installs from a wheel, so nothing needs compiling.',
  files: [
    text('requirements.txt', notesRequirements),
    ...pythonCommon(
      'SECRET_KEY=dev-91c2e7d4a0b3\nSENTRY_DSN=https://FAKE@sentry.example/42\n',
      2_988,
    ),
    file('app/main.py', 2_402),
    file('app/notes.py', 4_871),
    file('app/storage.py', 2_095),
    file('app/templates/index.html', 3_118),
    file('app/static/style.css', 6_540),
    file('tests/test_notes.py', 5_206),
    file('tests/fixtures/notes.yaml', 48_330),
    folder('htmlcov', 988_402, 22),
    file('.coverage', 53_248),
    ...gitDir(12_582_912, '71a3c9e0f2b4d6a8c0e2f4a6b8d0e2f4a6b8c0d2'),
    ...venvDir('3.11', pyRows([...FLASK, 'gunicorn', 'pyyaml', ...REQUESTS, ...TOOLS])),
  ],
};
