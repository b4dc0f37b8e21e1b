import { describe, expect, it } from 'vitest';
import { shareMarkdown } from './markdown';

describe('shareMarkdown', () => {
  it('writes the before→after size, the drop and the score as one link', () => {
    expect(
      shareMarkdown({
        title: 'Pick a smaller base image',
        beforeBytes: 1_380_000_000,
        afterBytes: 495_000_000,
        score: 92,
        url: 'http://localhost:3000/s/vkve0q4pckcd5885k3ek',
      }),
    ).toBe(
      '[Layerlab · Pick a smaller base image: 1.38 GB → 495 MB (−64%), score 92](http://localhost:3000/s/vkve0q4pckcd5885k3ek)',
    );
  });

  it('gives only the size when the starting size is unknown', () => {
    expect(shareMarkdown({ afterBytes: 5_000_000, url: 'https://x/s/a' })).toBe(
      '[Layerlab · Dockerfile: 5 MB](https://x/s/a)',
    );
  });

  it('shows a growth with a plus sign rather than a negative drop', () => {
    expect(shareMarkdown({ title: 'T', beforeBytes: 100, afterBytes: 150, url: 'u' })).toContain(
      '100 B → 150 B (+50%)',
    );
  });

  it('escapes Markdown in the title and keeps the URL in one piece', () => {
    const line = shareMarkdown({
      title: 'a](javascript:alert(1)) *b*',
      afterBytes: 1,
      url: 'https://x/share#v1=a b(c)',
    });
    expect(line).toBe(
      '[Layerlab · a\\](javascript:alert(1)) \\*b\\*: 1 B](https://x/share#v1=a%20b%28c%29)',
    );
  });
});
