# Broken: built with Python 3.12
# Why: Packages built for 3.12 cannot be imported by distroless's Python 3.11.
# Fails: Packages built for the Python the image runs
# Build with the Python the runtime has: 3.11 on Debian 12
FROM python:3.12-slim-bookworm AS build
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
CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
