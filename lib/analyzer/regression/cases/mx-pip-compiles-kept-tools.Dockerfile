# pattern: python slim: gcc installed, pip builds a wheel, gcc purged in the same RUN
# source: docker-library/python 3.12/slim-bookworm/Dockerfile @01ba658cff9cf56c72e55c85cea9705826cc19f1
# expect-not: build-tools-in-final apt-lists-not-removed
# context: requirements.txt=60 app.py=1200
FROM python:3.12-slim
COPY requirements.txt .
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && pip install --no-cache-dir -r requirements.txt \
    && apt-get purge -y --auto-remove gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
COPY app.py .
CMD ["python", "app.py"]
