# pattern: learner runs npm ci after copying only package.json: npm ci refuses to run without package-lock.json
# source: learner attempt on lesson 04-order-for-cache (content/lessons in this repository)
# expect: npm-ci-without-lockfile
# context: package.json=600 package-lock.json=40000 server.js=2000
# file: package.json {"name":"app","version":"1.0.0","dependencies":{"express":"^4.21.0"}}
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json ./
RUN npm ci --omit=dev
COPY server.js .
CMD ["node", "server.js"]
