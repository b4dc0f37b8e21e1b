import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, applyFix } from './index';
import type { Finding } from './types';

const fixesOf = (dockerfile: string, rule: string) =>
  analyze({ dockerfile })
    .findings.filter((f) => f.rule === rule)
    .flatMap((f) => f.fixes);

describe('fix placement', () => {
  it.each([
    [
      'apk-cache-kept',
      'FROM alpine:3.20\nRUN { apk add curl; } && apk add git',
      [
        'FROM alpine:3.20\nRUN { apk add --no-cache curl; } && apk add git',
        'FROM alpine:3.20\nRUN { apk add curl; } && apk add --no-cache git',
      ],
    ],
    [
      'apt-get-missing-yes',
      'FROM debian:bookworm\nRUN { apt-get install curl; } && apt-get install -y git',
      ['FROM debian:bookworm\nRUN { apt-get install -y curl; } && apt-get install -y git'],
    ],
    [
      'apt-get-missing-yes',
      'FROM debian:bookworm\nRUN ( apt-get install curl ) && apt-get install -y git',
      ['FROM debian:bookworm\nRUN ( apt-get install -y curl ) && apt-get install -y git'],
    ],
    [
      'apk-cache-kept',
      'FROM alpine:3.20\nRUN if true; then apk add curl; fi && apk add --no-cache git',
      ['FROM alpine:3.20\nRUN if true; then apk add --no-cache curl; fi && apk add --no-cache git'],
    ],
    [
      'apk-cache-kept',
      'FROM alpine:3.20\nRUN echo "apk add" && sudo apk \\\n  add curl',
      ['FROM alpine:3.20\nRUN echo "apk add" && sudo apk \\\n  add --no-cache curl'],
    ],
  ])('%s edits the command it names in %j', (rule, dockerfile, want) => {
    expect(fixesOf(dockerfile, rule).map((fix) => applyFix(dockerfile, fix))).toEqual(want);
  });

  it('offers no flag fix for a command inside sh -c (the words are not in the source)', () => {
    expect(fixesOf('FROM alpine:3.20\nRUN sh -c "apk add curl"', 'apk-cache-kept')).toEqual([]);
  });
});

type Family = { base: string; atoms: string[] };
const families: Family[] = [
  {
    base: 'alpine:3.20',
    atoms: [
      'apk add curl',
      'apk add git make',
      'sudo apk add jq',
      'apk update',
      'env A=1 apk add x',
    ],
  },
  {
    base: 'debian:bookworm',
    atoms: [
      'apt-get update',
      'apt-get install curl',
      'apt-get install -y git',
      'apt-get -q install -y make',
      'sudo apt-get install -y jq',
      'DEBIAN_FRONTEND=noninteractive apt-get install wget',
    ],
  },
  {
    base: 'python:3.12-slim',
    atoms: ['pip install flask', 'python -m pip install requests', 'apt-get install -y gcc'],
  },
];

/** A shell program over `atoms`: lists, groups, subshells, if/then and loops around them. */
const program = (atoms: string[]) => {
  const atom = fc.constantFrom(...atoms);
  const { p } = fc.letrec((tie) => ({
    p: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc
        .tuple(tie('p'), fc.constantFrom(' && ', '; ', ' || ', ' && \\\n    '), tie('p'))
        .map(([a, op, b]) => `${a}${op}${b}`),
      tie('p').map((a) => `{ ${a}; }`),
      tie('p').map((a) => `( ${a} )`),
      tie('p').map((a) => `if true; then ${a}; fi`),
      tie('p').map((a) => `for i in 1; do ${a}; done`),
    ),
  }));
  return p as fc.Arbitrary<string>;
};

const dockerfiles = fc
  .constantFrom(...families)
  .chain((f) =>
    fc
      .array(program(f.atoms), { minLength: 1, maxLength: 3 })
      .map((runs) => `FROM ${f.base}\n${runs.map((r) => `RUN ${r}`).join('\n')}\n`),
  );

const sameStart = (a: Finding, b: Finding) =>
  a.rule === b.rule &&
  a.range.start.line === b.range.start.line &&
  a.range.start.character === b.range.start.character;

describe('applyFix', () => {
  it('removes the finding of every offered fix, on generated programs', () => {
    fc.assert(
      fc.property(dockerfiles, (dockerfile) => {
        const findings = analyze({ dockerfile }).findings;
        for (const finding of findings) {
          for (const fix of finding.fixes) {
            const after = analyze({ dockerfile: applyFix(dockerfile, fix) }).findings;
            const count = (fs: Finding[]) => fs.filter((f) => f.rule === finding.rule).length;
            expect(count(after), `${finding.rule}: ${fix.title}`).toBeLessThan(count(findings));
            // The fixed command starts where it did (edits go inside or after it): its own
            // finding is the one that went.
            expect(
              after.some((f) => sameStart(f, finding)),
              `${finding.rule} at ${finding.range.start.line}:${finding.range.start.character}`,
            ).toBe(false);
          }
        }
      }),
      { seed: 20261202, numRuns: 80 },
    );
  });
});
