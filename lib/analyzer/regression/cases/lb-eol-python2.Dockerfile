# pattern: an old tutorial's base image still in use: python:2.7-slim (Python 2 reached end of life on 2020-01-01)
# source: learner attempt on lesson 01-base-image (content/lessons in this repository), base taken from an old tutorial
# expect: eol-base-image
# context: app.py=900
FROM python:2.7-slim
WORKDIR /app
COPY app.py .
CMD ["python", "app.py"]
