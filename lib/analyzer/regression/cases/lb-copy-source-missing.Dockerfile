# pattern: learner copies requirements.txt that the context does not have (it is called requirements/base.txt there): the build fails
# source: learner attempt on lesson 04-order-for-cache (content/lessons in this repository)
# expect: copy-source-missing
# context: requirements/base.txt=300 app.py=900
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
CMD ["python", "app.py"]
