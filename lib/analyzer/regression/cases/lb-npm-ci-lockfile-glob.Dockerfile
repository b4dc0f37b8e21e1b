# pattern: look-alike of lb-npm-ci-no-lockfile: the lock file comes in through the package*.json glob
# source: nodejs/docker-node docs/BestPractices.md (the COPY package*.json ./ then npm ci pattern)
# expect-not: npm-ci-without-lockfile
# context: package.json=600 package-lock.json=40000 server.js=2000
# file: package.json {"name":"app","version":"1.0.0","dependencies":{"express":"^4.21.0"}}
FROM node:22-bookworm-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY server.js .
USER node
CMD ["node", "server.js"]
