FROM alpine:3.22
WORKDIR /app
RUN apk add python3 py3-pip
COPY requirements.txt .
RUN pip install --break-system-packages -r requirements.txt
# pip is not needed at run time
RUN apk del py3-pip
COPY app/ ./app/
USER nobody
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]
