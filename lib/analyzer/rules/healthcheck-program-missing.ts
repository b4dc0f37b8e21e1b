import { defineRule } from '../rule';
import { startOf } from '../start-model';

export const healthcheckProgramMissing = defineRule({
  id: 'healthcheck-program-missing',
  technique: 'correctness',
  severity: 'warning',
  lesson: 'combine-run',
  message:
    'The HEALTHCHECK runs a program the final image does not have: every check fails and Docker marks the container unhealthy (orchestrators then restart it or send it no traffic). Install the program in the final stage, or check with one the image has.',
  // The start model resolves the program as it resolves the container's command; only an
  // absence nothing unmodelled could fill is reported (a copy from another image may bring it).
  check: (image) => {
    const health = startOf(image).health;
    if (!health || health.status !== 'absent' || !health.isCertain) return [];
    return [
      {
        range: health.range,
        message: `The HEALTHCHECK runs ${health.program}, which the final image does not have: every check fails and Docker marks the container unhealthy (orchestrators then restart it or send it no traffic). Install ${health.program} in the final stage, or check with a program the image has.`,
      },
    ];
  },
});
