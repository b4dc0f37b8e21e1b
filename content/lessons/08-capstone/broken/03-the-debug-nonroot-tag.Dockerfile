# Broken: the :debug-nonroot tag
# Why: :debug-nonroot adds busybox's shell.
# Fails: No shell in the image
# Build stage: the same Python 3.11 and Debian 12 as the runtime
FROM python:3.11-slim-bookworm AS build
COPY requirements.txt .
RUN pip install --no-cache-dir --target /deps -r requirements.txt

# Runtime: distroless, no shell, no package manager, not root
FROM gcr.io/distroless/python3-debian12:debug-nonroot
COPY --from=build /deps /deps
ENV PYTHONPATH=/deps
WORKDIR /app
COPY app/ ./app/
USER nonroot
EXPOSE 8000
CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
