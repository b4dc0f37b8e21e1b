import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { compilePathGlob, compileSegment, matchSegment } from './glob';
import { parsePackageJson } from './manifest';
import { lookup, newScope } from './scope';
import { parseShell, tooComplex } from './shell';
import { HOSTILE_INPUTS } from './hostile-inputs';

const npmCi = 'FROM node:22\nCOPY package.json .\nRUN npm ci';

describe('analyze', () => {
  it.each([
    ['`go build -o` with nothing after it', { dockerfile: 'FROM golang:1.23\nRUN go build -o' }],
    [
      'a package.json whose content is null',
      {
        dockerfile: npmCi,
        context: { files: [{ path: 'package.json', sizeBytes: 4, content: null }] },
      },
    ],
    [
      'a dependency version that is not a string',
      {
        dockerfile: npmCi,
        context: {
          files: [
            { path: 'package.json', sizeBytes: 9, content: '{"dependencies":{"express":4}}' },
          ],
        },
      },
    ],
  ])('does not throw for %s', (_reason, input) => {
    expect(() => analyze(input as never)).not.toThrow();
  });

  it.each(HOSTILE_INPUTS.map((h) => [h.name, h.input] as const))(
    'analyses %s and gives a report (its CPU time: npm run bench:hostile)',
    (_reason, input) => {
      const report = analyze(input);
      expect(report.size.bytes).toBeGreaterThan(0);
      expect(report.layers.length).toBeGreaterThan(0);
    },
  );

  it('resolves no variable from Object.prototype', () => {
    expect(analyze({ dockerfile: 'FROM $constructor\nRUN true' }).base.ref).toBe('$constructor');
    expect(analyze({ dockerfile: 'FROM alpine:${__proto__}\nRUN true' }).base.ref).toBe(
      'alpine:${__proto__}',
    );
  });
});

describe('matchSegment', () => {
  it.each([
    ['*.js', 'a.js', true],
    ['a?c', 'abc', true],
    ['[a-c]x', 'bx', true],
    ['[!a-c]x', 'bx', false],
    ['[]a]', ']', true],
    ['[abc', '[abc', true],
    ['************x', 'abcdefghijklmnopqrstuvwx.js', false],
  ])('%s against %s: %s', (p, s, want) => {
    expect(matchSegment(compileSegment(p), s)).toBe(want);
  });
});

describe('compilePathGlob', () => {
  it('matches a path or anything under a match, segment by segment', () => {
    const g = compilePathGlob('/app/*');
    expect(g.test('/app/x')).toBe(true);
    expect(g.test('/app/x/y')).toBe(true);
    expect(g.test('/app')).toBe(false);
    expect(g.test('/other/x')).toBe(false);
    expect(compilePathGlob('src/*.js').rest('src/a.js/b')).toEqual(['b']);
  });
});

describe('parsePackageJson', () => {
  it.each([
    ['null content', null],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['a number version', '{"dependencies":{"express":4}}'],
    ['a table that is a string', '{"dependencies":"x"}'],
  ])('says unreadable for %s', (_r, content) => {
    expect(parsePackageJson(content)).toBe('unreadable');
  });

  it('keeps the scripts npm can run, without a prototype, and never fails on them', () => {
    const pkg = parsePackageJson('{"scripts":{"start":"node a.js","bad":1},"dependencies":{}}');
    expect(pkg).not.toBe('unreadable');
    const scripts = (pkg as { scripts: Record<string, string> }).scripts;
    expect({ ...scripts }).toEqual({ start: 'node a.js' });
    expect('constructor' in scripts).toBe(false);
    expect(parsePackageJson('{"scripts":"x"}')).toEqual({});
  });

  it('keeps string tables without a prototype', () => {
    const pkg = parsePackageJson('{"dependencies":{"express":"^4"}}');
    expect(pkg).not.toBe('unreadable');
    const deps = (pkg as { dependencies: Record<string, string> }).dependencies;
    expect(deps.express).toBe('^4');
    expect('constructor' in deps).toBe(false);
  });
});

describe('newScope', () => {
  it('treats prototype names as ordinary names', () => {
    const s = newScope({ A: '1' });
    expect(lookup(s, 'constructor')).toBeUndefined();
    s['__proto__'] = 'x';
    expect(lookup(s, '__proto__')).toBe('x');
    expect(Object.getPrototypeOf(s)).toBeNull();
  });
});

describe('tooComplex', () => {
  it.each([
    ['1,000 &&-joined commands', Array.from({ length: 1000 }, (_, i) => `echo ${i}`).join(' && ')],
    ['$( … ) nested 200 deep', 'echo ' + '$('.repeat(200) + 'x' + ')'.repeat(200)],
  ])('says %s is too complex to analyse, the same every time', (_r, script) => {
    const first = parseShell(script);
    expect(first.error).toMatch(/too complex to analyse/);
    expect(parseShell(script + ' ')).toEqual({ ...first });
  });

  it('leaves an ordinary script alone', () => {
    expect(
      tooComplex('apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'),
    ).toBeUndefined();
  });
});

describe('the COPY budget', () => {
  const files = Array.from({ length: 400 }, (_, i) => ({ path: `src/f${i}.js`, sizeBytes: 1000 }));
  const copies = (n: number) =>
    'FROM alpine\n' +
    Array.from({ length: n }, (_, i) => `COPY src/* /app/d${i % 50}/`).join('\n') +
    '\n';

  it('follows copies up to COPY_FILE_BUDGET files and lists the rest as not sized', () => {
    // 250 copies of 400 files = 100,000 files: exactly the budget, all followed.
    const within = analyze({ dockerfile: copies(250), context: { files } });
    expect(
      within.size.unknowns.filter((u) => /more than the analysis follows/.test(u.message)),
    ).toEqual([]);
    const over = analyze({ dockerfile: copies(2000), context: { files } });
    const notSized = over.size.unknowns.filter((u) =>
      /more than the analysis follows/.test(u.message),
    );
    expect(notSized).toHaveLength(1750);
    expect(notSized[0].line).toBe(251);
    expect(over.size.confidence).not.toBe('high');
  });

  it('gives the same report twice past the budget', () => {
    const input = { dockerfile: copies(600), context: { files } };
    const strip = (r: ReturnType<typeof analyze>) => JSON.stringify({ ...r, elapsedMs: 0 });
    expect(strip(analyze(input))).toBe(strip(analyze(input)));
  });
});
