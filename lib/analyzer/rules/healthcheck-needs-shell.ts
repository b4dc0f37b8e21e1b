import { defineRule } from '../rule';
import { baseFactsOf } from '../image-facts';
import { stageChain } from './helpers/commands';
import { healthCommand } from '../start-model';

export const healthcheckNeedsShell = defineRule({
  id: 'healthcheck-needs-shell',
  technique: 'distroless',
  // A warning, not an error: the container still starts; Docker only runs the check, which
  // cannot start, and reports the container unhealthy. Errors are for builds and starts that fail.
  severity: 'warning',
  lesson: 'distroless',
  message:
    'This HEALTHCHECK is in shell form, so Docker runs it with /bin/sh -c, and the image has no shell: the health check will always fail, the container is reported unhealthy (it still starts and runs). Use the exec form with a program the image has, e.g. HEALTHCHECK CMD ["/usr/bin/python3", "/app/healthcheck.py"].',
  check: (image) => {
    const final = image.target;
    const chain = stageChain(final);
    const health = chain
      .flatMap((s) => s.steps)
      .filter((s) => s.kind === 'HEALTHCHECK')
      .pop();
    if (!health) return [];
    const command = healthCommand(health.text);
    if (command === undefined || command.startsWith('[')) return [];
    const base = baseFactsOf(final);
    // Certain only on a base whose programs are all known (distroless, scratch), when no layer
    // brought a shell back (busybox, a copied /bin/sh).
    if (!base.isKnown || !base.isClosed || base.hasShell) return [];
    if (['busybox', 'bash', 'dash'].some((p) => final.packages.has(p))) return [];
    if (['/bin/sh', '/busybox', '/usr/bin/sh'].some((p) => final.fs.has(p))) return [];
    return [{ range: health.range }];
  },
});
