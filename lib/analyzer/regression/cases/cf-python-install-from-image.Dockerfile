# pattern: CPython taken whole from the official slim image into a Debian slim base (COPY --from=python:<v>-slim /usr/local /usr/local), then pip run from it
# source: docker-library/python 3.12/slim-trixie/Dockerfile @4f07059567fa61c80397126e8063dbbde011b794 (/usr/local holds the whole build)
# expect-not: runtime-missing pip-externally-managed
# context: requirements.txt=40 app.py=900
# file: requirements.txt flask==3.1.0
FROM debian:trixie-slim
COPY --from=python:3.12-slim /usr/local /usr/local
RUN ldconfig && python3 --version
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
USER 1000
CMD ["python3", "app.py"]
