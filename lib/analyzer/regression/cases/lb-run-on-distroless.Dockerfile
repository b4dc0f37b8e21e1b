# pattern: learner moves a Python app to distroless and keeps RUN pip install in that stage: distroless has no shell, so the RUN cannot start
# source: GoogleContainerTools/distroless README.md (the images have no shell; the Python example builds in a python stage and copies the result)
# expect: command-not-found
# context: requirements.txt=30 app.py=900
FROM gcr.io/distroless/python3-debian12
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY app.py .
CMD ["app.py"]
