# Alternative: apt-get dist-clean on Debian 13 (trixie) images
FROM python:3.12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev \
 && apt-get dist-clean
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 curl \
 && apt-get dist-clean
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY app/ ./app/
USER nobody
HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8000/health"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
