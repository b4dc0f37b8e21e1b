# pattern: learner installs Python packages with pip on a Debian slim base that has no Python at all
# source: learner attempt on lesson 01-base-image (content/lessons in this repository): FROM python:3.12-slim changed to debian:bookworm-slim
# expect-not: pip-cache-kept
# context: requirements.txt=30 app.py=900
# file: requirements.txt flask==3.1.0
FROM debian:bookworm-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
CMD ["python3", "app.py"]
