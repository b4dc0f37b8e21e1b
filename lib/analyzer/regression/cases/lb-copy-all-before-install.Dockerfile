# pattern: learner copies the whole context before npm ci, so every source edit reinstalls the dependencies
# source: learner attempt on lesson 04-order-for-cache (content/lessons in this repository)
# expect: copy-before-deps
# context: package.json=600 package-lock.json=40000 server.js=2000 src/routes.js=3000
# dockerignore: node_modules
# dockerignore: .git
FROM node:22-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
USER node
CMD ["node", "server.js"]
