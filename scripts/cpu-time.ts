/** Milliseconds of this process's CPU time (user + system) that `fn` took. */
export function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}
