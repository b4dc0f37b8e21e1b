# pattern: learner switches the base to alpine but keeps apt-get, which alpine does not have: the build fails at that RUN
# source: learner attempt on lesson 01-base-image (content/lessons in this repository): FROM python:3.12-slim changed to python:3.12-alpine
# expect-not: apt-lists-not-removed apt-install-recommends
# context: requirements.txt=30 app.py=900
FROM python:3.12-alpine3.23
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
CMD ["python", "app.py"]
