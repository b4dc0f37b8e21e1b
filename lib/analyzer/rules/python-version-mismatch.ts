import { defineRule } from '../rule';
import { joinPath, pathUnder } from './helpers/model';
import { pythonMinorOf } from './helpers/runtime';
import { compiledImpact } from '../start-model';

/** Paths where Python packages live (site-packages, --user installs, virtualenvs, --prefix dirs). */
const PACKAGE_PATH =
  /(site-packages|dist-packages|\/\.local(\/|$)|venv|\/install(\/|$)|\/lib\/python3)/;

export const pythonVersionMismatch = defineRule({
  id: 'python-version-mismatch',
  technique: 'correctness',
  severity: 'error',
  lesson: 'distroless',
  message:
    'Python packages installed for one Python version are copied into an image that runs another: the interpreter will not find them, and compiled extensions will not load. Use the same Python minor version in both stages.',
  check: (image) => {
    const runtime = pythonMinorOf(image.target);
    if (!runtime) return [];
    return image.shippedCopies.flatMap((copy) => {
      const builder = copy.fromStage;
      if (!builder) return [];
      const built = pythonMinorOf(builder);
      if (!built || built === runtime) return [];
      const dir = builder.workdir || '/';
      const sources = copy.sources.map((s) => joinPath(dir, s));
      // Copying the whole prefix brings the builder's interpreter along: versions then match.
      if (sources.some((s) => pathUnder('/usr/local/bin/python3', s))) return [];
      const isPackages = sources.some(
        (s) => PACKAGE_PATH.test(s) || builder.fs.under(s).some((e) => e.kind === 'pip'),
      );
      if (!isPackages) return [];
      // A folder of its own (pip install --target /deps, on PYTHONPATH) is searched by any
      // Python, and pure-Python packages load in any 3.x: only compiled ones without a pure
      // fallback (and not abi3) are certain to fail.
      const entries = sources.flatMap((s) =>
        builder.fs.under(s).filter((e) => e.kind === 'pip' && e.pkg !== undefined),
      );
      const VERSIONED = /\/python3\.\d+(\/|$)|venv/;
      const versioned =
        sources.some((s) => VERSIONED.test(s)) || entries.some((e) => VERSIONED.test(e.path));
      if (
        !versioned &&
        entries.length > 0 &&
        !entries.some((e) => compiledImpact(e.pkg as string, 'minor') === 'fails')
      )
        return [];
      return [
        {
          range: copy.range,
          message: `Stage ${copy.from} installs packages for Python ${built}, but the final image runs Python ${runtime}: they are copied to a path it does not search, and compiled extensions will not load. Build with Python ${runtime} too (for example FROM python:${runtime}-slim AS ${copy.from}).`,
        },
      ];
    });
  },
});
