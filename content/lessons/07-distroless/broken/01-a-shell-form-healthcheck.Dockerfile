# Broken: a shell-form HEALTHCHECK
# Why: Shell form runs /bin/sh -c, which distroless does not have: the container starts, but the check always fails and Docker reports it unhealthy.
# Fails: The health check can run
# Build with the Python the runtime has: 3.11 on Debian 12
FROM python:3.11-slim-bookworm AS build
COPY requirements.txt .
RUN pip install --no-cache-dir --target /deps -r requirements.txt

# No shell, no package manager: the interpreter is the entrypoint
FROM gcr.io/distroless/python3-debian12:nonroot
COPY --from=build /deps /deps
ENV PYTHONPATH=/deps
WORKDIR /app
COPY app/ ./app/
USER nonroot
EXPOSE 8000
HEALTHCHECK CMD python3 -c "print(1)" || exit 1
CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
