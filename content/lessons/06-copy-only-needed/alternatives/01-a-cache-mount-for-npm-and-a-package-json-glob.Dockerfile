# Alternative: a cache mount for ~/.npm and a package*.json glob
FROM node:22-alpine
WORKDIR /app
COPY package*.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
COPY src ./src
USER node
CMD ["node", "src/server.js"]
