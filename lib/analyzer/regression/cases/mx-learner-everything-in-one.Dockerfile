# pattern: learner attempt: ubuntu, apt without cleanup, python and build tools, COPY . and pip
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: apt-lists-not-removed build-tools-in-final
# context: app.py=3000 requirements.txt=100
FROM ubuntu:22.04
RUN apt-get update
RUN apt-get install -y python3 python3-pip build-essential
COPY . /app
WORKDIR /app
RUN pip3 install -r requirements.txt
CMD ["python3", "app.py"]
