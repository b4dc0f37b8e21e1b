# pattern: learner puts an API token in ENV so the app can read it: it ships in the image config for anyone who pulls it
# source: learner attempt on lesson 06-copy-only-needed (content/lessons in this repository)
# expect: secrets-in-image
# context: app.py=900
FROM python:3.12-slim
ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY
WORKDIR /app
COPY app.py .
CMD ["python", "app.py"]
