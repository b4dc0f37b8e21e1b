# pattern: learner's multi-stage node build whose final stage is plain alpine: the app is copied over but node is not, so CMD node cannot start
# source: learner attempt on lesson 02-multi-stage (content/lessons/02-multi-stage/start.Dockerfile in this repository), the final stage switched to alpine
# expect: runtime-missing
# context: package.json=600 package-lock.json=40000 server.js=2000
FROM node:22-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY server.js .
FROM alpine:3.22
WORKDIR /app
COPY --from=build /app /app
CMD ["node", "server.js"]
