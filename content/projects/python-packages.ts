/**
 * Installed sizes of Python distributions in a local .venv, [name, bytes, files].
 * Bytes: `installedBytes` from data/package-sizes.json (RECORD sums from public
 * Python 3.12 virtualenvs, collected 2026-11-27) plus 45 % of `installedPySourceBytes` for the
 * .pyc files pip compiles (the data note gives 30–60 %). Entries marked "estimate" are not in
 * that table: rough sizes of their wheels' contents, for the tree only. File counts are rough.
 */
export const PY: Record<string, [string, number, number]> = {
  blinker: ['blinker', 33_411, 9],
  certifi: ['certifi', 296_558, 11],
  'charset-normalizer': ['charset_normalizer', 536_510, 26],
  click: ['click', 511_170, 31],
  flask: ['flask', 493_551, 48],
  gunicorn: ['gunicorn', 385_426, 74],
  idna: ['idna', 500_963, 20],
  itsdangerous: ['itsdangerous', 64_886, 16],
  jinja2: ['jinja2', 715_086, 50],
  markupsafe: ['markupsafe', 72_711, 12],
  numpy: ['numpy', 61_533_612, 1_712],
  pandas: ['pandas', 51_541_821, 2_390],
  pip: ['pip', 7_209_581, 1_290],
  psycopg2: ['psycopg2', 1_362_532, 30],
  'python-dateutil': ['dateutil', 561_784, 40],
  pyyaml: ['yaml', 2_802_529, 44],
  redis: ['redis', 1_599_019, 160],
  requests: ['requests', 288_466, 36],
  'scikit-learn': ['sklearn', 46_053_214, 1_420],
  scipy: ['scipy', 138_697_011, 3_050],
  setuptools: ['setuptools', 4_611_940, 880],
  six: ['six', 53_160, 6],
  tzdata: ['tzdata', 528_374, 610],
  urllib3: ['urllib3', 605_868, 60],
  werkzeug: ['werkzeug', 1_085_474, 92],
  // estimates (not in the table)
  joblib: ['joblib', 1_900_000, 180],
  narwhals: ['narwhals', 2_400_000, 190],
  packaging: ['packaging', 260_000, 40],
  threadpoolctl: ['threadpoolctl', 90_000, 8],
  pytest: ['pytest', 3_300_000, 160],
  ruff: ['ruff', 26_000_000, 12],
};

/** The rows for `names`, in order. Throws on an unknown name (a typo in a project). */
export function pyRows(names: string[]): [string, number, number][] {
  return names.map((n) => {
    const row = PY[n];
    if (!row) throw new Error(`no size for Python package ${n}`);
    return row;
  });
}
