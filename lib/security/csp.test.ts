import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { themeScript } from '@/components/theme';
import { contentSecurityPolicy, nonceFromBytes, scriptHashSource } from './csp';

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found ? found.slice(1) : [];
}

describe('scriptHashSource', () => {
  it('equals the SHA-256 a browser computes over the inline theme script', () => {
    const expected = createHash('sha256').update(themeScript, 'utf8').digest('base64');
    expect(scriptHashSource(themeScript)).toBe(`'sha256-${expected}'`);
  });

  it('matches node for any text, padding included', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'é☕', 'x'.repeat(1000)]) {
      const expected = createHash('sha256').update(text, 'utf8').digest('base64');
      expect(scriptHashSource(text)).toBe(`'sha256-${expected}'`);
    }
  });
});

describe('nonceFromBytes', () => {
  it('is standard base64 of the bytes', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(nonceFromBytes(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('contentSecurityPolicy', () => {
  const hash = scriptHashSource(themeScript);
  const production = contentSecurityPolicy({ nonce: 'abc', scriptHashes: [hash], isDev: false });

  it('allows scripts from the site, the nonce and the theme hash, never inline or eval', () => {
    expect(directive(production, 'script-src')).toEqual(["'self'", "'nonce-abc'", hash]);
  });

  it('lets workers come from the site only', () => {
    expect(directive(production, 'worker-src')).toEqual(["'self'"]);
  });

  it('adds eval and the hot-reload socket only for the development server', () => {
    const dev = contentSecurityPolicy({ nonce: 'abc', scriptHashes: [hash], isDev: true });
    expect(directive(dev, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(dev, 'connect-src')).toContain('ws://localhost:*');
    expect(directive(production, 'connect-src')).toEqual(["'self'"]);
  });
});
