# Build on Ubuntu, run on distroless: looks tidy, does not start
FROM ubuntu:20.04 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      python3 python3-pip \
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip3 install --no-cache-dir --user -r requirements.txt

FROM gcr.io/distroless/python3-debian12
COPY --from=build /root/.local /root/.local
WORKDIR /app
COPY app/ ./app/
EXPOSE 8000
CMD ["-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
