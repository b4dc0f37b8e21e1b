# pattern: learner copies only the dependency manifests and forgets the source: CMD runs server.js, which the context has but the image never gets
# source: learner attempt on lesson 04-order-for-cache (content/lessons in this repository): COPY . . deleted while reordering
# expect: runtime-missing
# context: package.json=600 package-lock.json=40000 server.js=2000
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
CMD ["node", "server.js"]
