import { describe, expect, it } from 'vitest';
import { LIMITS } from './index';

describe('LIMITS', () => {
  it('a share link carries less than the workbench analyses live', () => {
    expect(LIMITS.share.dockerfileChars + LIMITS.share.dockerignoreChars).toBeLessThanOrEqual(
      LIMITS.live.chars,
    );
  });

  it('the workbench analyses live less than the analyzer reads', () => {
    expect(LIMITS.live.lines).toBeLessThanOrEqual(LIMITS.analyzer.lines);
    expect(LIMITS.live.chars).toBeLessThanOrEqual(LIMITS.analyzer.chars);
  });

  it('drafts and the language service hold at least what is analysed live', () => {
    expect(LIMITS.draftChars).toBeGreaterThanOrEqual(LIMITS.live.chars);
    expect(LIMITS.languageServiceChars).toBeGreaterThanOrEqual(LIMITS.live.chars);
  });

  it('the inflated share JSON has room for both texts, escaped', () => {
    // JSON escapes a character as at most 6 (\uXXXX) bytes, and real text is mostly ASCII.
    expect(LIMITS.share.jsonBytes).toBeGreaterThan(
      LIMITS.share.dockerfileChars + LIMITS.share.dockerignoreChars,
    );
  });

  it('the CLI reads at least what the analyzer analyses', () => {
    expect(LIMITS.cliInputBytes).toBeGreaterThanOrEqual(LIMITS.analyzer.chars);
  });
});
