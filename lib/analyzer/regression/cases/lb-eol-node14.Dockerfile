# pattern: an old tutorial's base image still in use: node:14-alpine (Node.js 14 reached end of life on 2023-04-30)
# source: learner attempt on lesson 01-base-image (content/lessons in this repository), base taken from an old tutorial
# expect: eol-base-image
# context: package.json=600 package-lock.json=40000 server.js=2000
FROM node:14-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY server.js .
USER node
CMD ["node", "server.js"]
