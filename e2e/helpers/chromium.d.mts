/** Types of chromium.mjs (plain Node, shared with scripts/bench-lighthouse.mjs). */
export declare const QUIET_ARGS: string[];
export declare function chromiumBinary(fromEnv: string | undefined): {
  path: string;
  isBundled: boolean;
};
