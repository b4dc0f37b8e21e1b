# pattern: static site copied into nginx alpine
# source: nginx/docker-nginx mainline/alpine-slim/Dockerfile @eaf8875a1967d24cea6ed8b37109075e39ed9e43
# expect-not: unpinned-base-tag broad-copy-no-dockerignore single-stage-build
# context: public/index.html=3000 public/app.js=60000
FROM nginx:1.31-alpine
COPY public/ /usr/share/nginx/html/
