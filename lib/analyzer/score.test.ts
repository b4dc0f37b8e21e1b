import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { PENALTY, FINDING_POINTS, SIZE_POINTS } from './score';

const score = (dockerfile: string) => analyze({ dockerfile }).score;

describe('computeScore', () => {
  const bloated =
    'FROM python:3.12\nRUN apt-get update\nRUN apt-get install -y gcc\nRUN pip install flask\nCMD ["python", "app.py"]\n';
  const lean =
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nUSER 1000\nCMD ["python", "app.py"]\n';

  it('is between 0 and 100 and the same for the same input', () => {
    const a = score(bloated);
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(100);
    expect(score(bloated)).toEqual(a);
  });

  it('scores a lean image above a bloated one doing the same job', () => {
    expect(score(lean).score).toBeGreaterThan(score(bloated).score);
    expect(score(lean).sizeAchieved).toBeGreaterThan(score(bloated).sizeAchieved);
  });

  it('adds up: size points plus finding points minus penalties, explained in words', () => {
    const s = score(bloated);
    const lost = Math.min(
      FINDING_POINTS,
      s.penalties.reduce((sum, p) => sum + p.points, 0),
    );
    expect(s.score).toBe(Math.round(SIZE_POINTS * s.sizeAchieved + FINDING_POINTS - lost));
    expect(s.explanation.join(' ')).toMatch(/MB/);
    const rules = s.penalties.map((p) => p.rule);
    expect(new Set(rules).size).toBe(rules.length);
    expect(s.penalties.every((p) => p.points >= PENALTY.info)).toBe(true);
  });

  it('gives full size points when nothing can be removed', () => {
    expect(score('FROM debian:bookworm-slim\n').sizeAchieved).toBe(1);
  });
});
