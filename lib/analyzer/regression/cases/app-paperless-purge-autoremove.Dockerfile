# pattern: django app: runtime apt packages in one RUN, then build-essential and -dev packages installed, pip run, and the same packages purged with `apt-get -y purge …` + `apt-get -y autoremove --purge` in that RUN (gcc, g++ and make go with build-essential; libpq-dev is not purged and ships); a pip self-upgrade without --no-cache-dir; chown -R of the app tree after it was copied (the original python:3.9-slim-bullseye base moved to python:3.13-slim-bookworm here)
# source: paperless-ngx/paperless-ngx Dockerfile @00eff651e62f6aea4b528800b0f18456d68b2e58
# expect: pip-cache-kept chown-duplicates-layer build-tools-in-final
# message-not: build-tools-in-final gcc
# expect-not: single-stage-build apt-lists-not-removed apt-get-missing-yes command-not-found
# context: requirements.txt=2000 gunicorn.conf.py=300 src/manage.py=700 src/paperless/settings.py=30000 src-ui/package.json=4000 src-ui/package-lock.json=500000
# file: requirements.txt django==5.1.4
FROM node:22-bookworm AS compile-frontend
COPY . /src
WORKDIR /src/src-ui
RUN npm ci --no-optional && ./node_modules/.bin/ng build --configuration production
FROM python:3.13-slim-bookworm
RUN apt-get update \
  && apt-get -y --no-install-recommends install curl gnupg imagemagick gettext tzdata gosu fonts-liberation optipng pngquant unpaper ghostscript file tesseract-ocr tesseract-ocr-eng \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/paperless/src/
COPY requirements.txt ../
RUN apt-get update \
  && apt-get -y --no-install-recommends install build-essential libpq-dev git zlib1g-dev libjpeg62-turbo-dev \
  && python3 -m pip install --upgrade pip wheel \
  && python3 -m pip install --no-cache-dir -r ../requirements.txt \
  && apt-get -y purge build-essential git zlib1g-dev libjpeg62-turbo-dev \
  && apt-get -y autoremove --purge \
  && rm -rf /var/lib/apt/lists/*
COPY gunicorn.conf.py ../
COPY --from=compile-frontend /src/src/ ./
RUN addgroup --gid 1000 paperless \
  && useradd --uid 1000 --gid paperless --home-dir /usr/src/paperless paperless \
  && chown -R paperless:paperless ../ \
  && gosu paperless python3 manage.py collectstatic --clear --no-input
VOLUME ["/usr/src/paperless/data", "/usr/src/paperless/media"]
EXPOSE 8000
CMD ["gunicorn", "-c", "/usr/src/paperless/gunicorn.conf.py", "paperless.asgi:application"]
