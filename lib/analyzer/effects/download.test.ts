import { describe, expect, it } from 'vitest';
import { effectsOf, type Effects, type Setup } from './test-helpers';

/** Command words → what a download does to a debian:bookworm-slim stage. */
const TABLE: [string, string, Setup, Partial<Effects>][] = [
  [
    'a file saved with -o has no known size',
    'curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz',
    {},
    {
      bytes: 0,
      kinds: ['download'],
      paths: ['/tmp/x.tgz'],
      unknowns: ['command curl → /tmp/x.tgz'],
    },
  ],
  [
    'a download piped into tar is listed, and so is tar',
    'curl -fsSL https://example.com/x.tgz | tar -xz -C /opt',
    {},
    { bytes: 0, unknowns: ['command curl', 'command tar'] },
  ],
  [
    'a signature download adds nothing',
    'wget https://example.com/x.tgz.asc',
    {},
    { bytes: 0, unknowns: [] },
  ],
  [
    'an official Node.js release is sized from published images, and its unpack is covered',
    'curl -fsSL https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz | tar -xJ -C /usr/local --strip-components=1',
    {},
    { kinds: ['other'], unknowns: [] },
  ],
  [
    'a Ruby 3.4 source release is sized, and autoconf, configure and make on it are covered',
    'wget -O ruby.tar.xz https://cache.ruby-lang.org/pub/ruby/3.4/ruby-3.4.10.tar.xz && tar -xJf ruby.tar.xz && autoconf && ./configure && make && make install',
    {},
    { kinds: ['other'], unknowns: [] },
  ],
  [
    'the Rust toolchain lands in RUSTUP_HOME as exported before rustup-init runs',
    'wget -O /tmp/rust/rustup-init https://static.rust-lang.org/rustup/archive/1.28.2/x86_64-unknown-linux-gnu/rustup-init && export RUSTUP_HOME=/tmp/rust/rustup && /tmp/rust/rustup-init -y',
    {},
    { paths: ['/tmp/rust/rustup'], unknowns: ['command wget Rust (rustup)'] },
  ],
  [
    'a Rust toolchain deleted in the RUN that installed it ships nothing and is no longer in doubt',
    'wget -O /tmp/rust/rustup-init https://static.rust-lang.org/rustup/archive/1.28.2/x86_64-unknown-linux-gnu/rustup-init && export RUSTUP_HOME=/tmp/rust/rustup && /tmp/rust/rustup-init -y && rm -rf /tmp/rust',
    {},
    { bytes: 0, unknowns: [] },
  ],
  [
    'the Go tree lands where tar -C unpacks it, so a later COPY --from finds it',
    'wget -O go.tgz https://dl.google.com/go/go1.26.0.linux-amd64.tar.gz && tar -C /usr/local -xzf go.tgz && rm go.tgz',
    {},
    { paths: ['/usr/local/go'], unknowns: [] },
  ],
  [
    'with no RUSTUP_HOME the toolchain goes to the home directory',
    'curl -sSf https://sh.rustup.rs | sh -s -- -y',
    {},
    { paths: ['/root/.rustup'] },
  ],
  [
    'autoconf with no sized download in the layer is listed',
    'autoconf && ./configure && make install',
    {},
    { unknowns: ['command autoconf', 'command configure', 'command make'] },
  ],
];

describe('download effects (curl, wget)', () => {
  it.each(TABLE)('%s: %s', (_what, command, setup, expected) => {
    expect(effectsOf(command, setup)).toMatchObject(expected);
  });

  it('keeps the OpenSSL headers of a Node.js release unless the RUN deletes them', () => {
    const url = 'https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz';
    const kept = effectsOf(
      `curl -fsSLO ${url} && tar -xJf node-v22.11.0-linux-x64.tar.xz -C /usr/local`,
    );
    const cut = effectsOf(
      `curl -fsSLO ${url} && tar -xJf node-v22.11.0-linux-x64.tar.xz -C /usr/local && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name linux-x86_64 -exec rm -rf {} ;`,
    );
    expect(kept.bytes - cut.bytes).toBe(34e6);
  });

  it('sizes a known release above zero', () => {
    const e = effectsOf(
      'curl -fsSL https://nodejs.org/dist/v22.11.0/node-v22.11.0-linux-x64.tar.xz | tar -xJ -C /usr/local --strip-components=1',
    );
    expect(e.bytes).toBeGreaterThan(0);
  });
});
