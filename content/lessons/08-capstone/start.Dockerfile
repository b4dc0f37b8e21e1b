FROM python:3.11
WORKDIR /app
COPY . .
RUN apt-get update
RUN apt-get install -y gcc
RUN pip install -r requirements.txt
EXPOSE 8000
CMD python -m gunicorn --bind 0.0.0.0:8000 app.main:app
