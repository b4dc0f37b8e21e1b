import { healthcheckNeedsShell } from './healthcheck-needs-shell';
import { describe, expect, it } from 'vitest';
import { analyze } from '../index';
import { df, ruleTests } from './test-helpers';

ruleTests(healthcheckNeedsShell, {
  valid: {
    'exec form in distroless': df`
      FROM gcr.io/distroless/python3-debian12:nonroot
      HEALTHCHECK CMD ["/usr/bin/python3", "-c", "print(1)"]
      CMD ["-m", "http.server"]
    `,
    'shell form where there is a shell': df`
      FROM python:3.11-slim-bookworm
      HEALTHCHECK --interval=30s CMD python -c "print(1)" || exit 1
      CMD ["python", "-m", "http.server"]
    `,
    ':debug images carry busybox sh': df`
      FROM gcr.io/distroless/python3-debian12:debug-nonroot
      HEALTHCHECK CMD wget -q -O- http://localhost:8000/ || exit 1
      CMD ["-m", "http.server"]
    `,
    'HEALTHCHECK NONE': df`
      FROM gcr.io/distroless/python3-debian12:nonroot
      HEALTHCHECK NONE
      CMD ["-m", "http.server"]
    `,
  },
  invalid: {
    'shell form in distroless (no /bin/sh)': {
      dockerfile: df`
        FROM gcr.io/distroless/python3-debian12:nonroot
        HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/ || exit 1
        CMD ["-m", "http.server"]
      `,
      lines: [2],
      message: /no shell/,
    },
  },
});

describe('healthcheck-needs-shell severity', () => {
  it('warns, never errs: the container starts and is only reported unhealthy', () => {
    const report = analyze({
      dockerfile: df`
        FROM gcr.io/distroless/python3-debian12:nonroot
        HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
        CMD ["-m", "http.server"]
      `,
    });
    const found = report.findings.filter((f) => f.rule === 'healthcheck-needs-shell');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toMatch(/will always fail, the container is reported unhealthy/);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
