/**
 * Every cap on how much text the site and the CLI take, in one place. Each one is used where it
 * bites (the analyzer, the workbench, its worker, share links, drafts, the CLI); nothing else
 * writes these numbers. Lines count `\n`-separated lines; characters are UTF-16 code units
 * (`string.length`).
 *
 * How they nest (limits.test.ts checks it): a share link carries less than the workbench analyses
 * live, the workbench analyses live less than the analyzer reads, and a draft or a loaded file
 * holds at least what is analysed live, so nothing the editor accepts is lost on reload.
 */

/** What the workbench analyses as you type. */
const LIVE = {
  /**
   * The analyzer's time grows with the number of instructions (3,000 one-line RUNs took 4.5 s
   * in Node), while real Dockerfiles are a few hundred lines: a bigger paste gets a message
   * instead of a frozen panel.
   */
  lines: 2_000,
  /** Dockerfile plus .dockerignore characters. */
  chars: 200_000,
} as const;

export const LIMITS = {
  /**
   * The analyzer's own cap: beyond it only the beginning is analysed and a problem says so
   * (analysis stays linear, measured in scripts/bench-analyzer.ts). The CLI meets it; the
   * workbench stops earlier (`live`).
   */
  analyzer: { lines: 10_000, chars: 1_000_000 },
  live: LIVE,
  /**
   * dockerfile-language-service re-parses the whole text per call (diagnostics, hover,
   * completion in the worker); above the live cap it sits out, like the analysis.
   */
  languageServiceChars: LIVE.chars,
  /** A share link (and a room or gallery entry, which carry the same payload). */
  share: {
    /** A real Dockerfile is a few kB. */
    dockerfileChars: 64_000,
    dockerignoreChars: 16_000,
    /** Cap on the inflated JSON in bytes: bigger means a zip bomb or a hand-made link. */
    jsonBytes: 256_000,
  },
  /**
   * A draft bigger than this is not autosaved (localStorage holds about 5 MB per origin in
   * Chromium): the same as the live cap, so whatever is analysed live can be saved.
   */
  draftChars: LIVE.chars,
  /** A root Dockerfile / .dockerignore of a local folder bigger than this is not offered. */
  localFileBytes: LIVE.chars, // UTF-8 bytes ≥ characters, so such a file fits the live cap
  /** The CLI refuses Dockerfiles and .dockerignore files above this size (real ones are a few kB). */
  cliInputBytes: 50_000_000,
} as const;
