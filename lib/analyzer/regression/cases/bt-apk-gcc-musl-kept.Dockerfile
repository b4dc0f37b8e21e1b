# pattern: alpine image keeps gcc and musl-dev after building a Python extension
# source: docker-library/python 3.12/alpine3.23/Dockerfile @90e9ca41dc404ee7d22c09b894823e8925227c17
# expect: build-tools-in-final
# context: requirements.txt=80 app.py=1800
FROM python:3.12-alpine
RUN apk add --no-cache gcc musl-dev libffi-dev
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
CMD ["python", "app.py"]
