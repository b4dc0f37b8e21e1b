FROM alpine:3.22
WORKDIR /app
RUN apk add python3 py3-pip
COPY requirements.txt .
RUN pip install --target /deps -r requirements.txt
# pip is not needed at run time
RUN apk del py3-pip
ENV PYTHONPATH=/deps
COPY app/ ./app/
USER nobody
EXPOSE 8000
CMD ["python3", "-m", "gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
