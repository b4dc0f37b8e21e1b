# Broken: a venv from python:3.11-slim copied into distroless
# Why: The same venv trap as lesson 7.
# Fails: The app can start
FROM python:3.11-slim AS build
RUN python -m venv /opt/venv
COPY requirements.txt .
RUN /opt/venv/bin/pip install --no-cache-dir -r requirements.txt

FROM gcr.io/distroless/python3-debian12:nonroot
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY app/ ./app/
USER nonroot
CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
