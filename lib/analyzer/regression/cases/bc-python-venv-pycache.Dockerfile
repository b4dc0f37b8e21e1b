# pattern: COPY . . with a local virtualenv and __pycache__ in the context
# source: GoogleCloudPlatform/microservices-demo docker/loadgenerator.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: broad-copy-no-dockerignore
# context: app.py=2000 requirements.txt=60 .venv/lib/python3.12/site-packages/requests/api.py=6000 .venv/lib/python3.12/site-packages/numpy/core/_multiarray_umath.so=9000000 __pycache__/app.cpython-312.pyc=3000 .git/index=40000
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
