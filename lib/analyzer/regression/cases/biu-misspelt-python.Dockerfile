# pattern: FROM pyhton:3.12-slim, two letters swapped: no official image has that name (the estimate says it does not know this base)
# source: written for this analyzer; the FROM and RUN follow docker-library/python 3.12/slim-trixie/Dockerfile @850e1ea3b8508bc0b2b4dd16de795e635beb81f3 (python:3.12-slim)
# expect-with-index: base-image-unknown-name
# context: requirements.txt=120 app.py=800
FROM pyhton:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
CMD ["python", "app.py"]
