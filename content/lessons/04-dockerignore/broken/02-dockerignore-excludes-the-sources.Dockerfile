# Broken: .dockerignore excludes the sources
# Why: src/ is excluded, so node has no src/server.js to run.
# Fails: The app’s code is in the image
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
