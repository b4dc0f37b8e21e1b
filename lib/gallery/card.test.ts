import { describe, expect, it } from 'vitest';
import { cardSvg, escapeXml } from './card';

describe('cardSvg', () => {
  const card = {
    title: 'Pick a smaller base image',
    label: 'Lesson 1',
    beforeBytes: 1_380_000_000,
    afterBytes: 495_000_000,
    score: 92,
    id: 'vkve0q4pckcd5885k3ek',
  };

  it('shows before → after, the drop and the score', () => {
    const svg = cardSvg(card);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('1.38 GB → 495 MB');
    expect(svg).toContain('64% smaller');
    expect(svg).toContain('Score 92/100');
  });

  it('gives only the size when nothing was saved', () => {
    expect(cardSvg({ ...card, beforeBytes: undefined })).toContain('estimated image size');
  });

  it('escapes every text and refers to no other resource', () => {
    const svg = cardSvg({ ...card, title: '<script>alert(1)</script>&"' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toMatch(/href|url\(|<image|<foreignObject/);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&apos;');
  });
});
