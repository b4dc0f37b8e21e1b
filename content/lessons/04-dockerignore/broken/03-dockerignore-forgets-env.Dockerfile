# Broken: .dockerignore forgets .env
# Why: The secrets file is still sent and copied.
# Fails: The .env file stays out of the image
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
