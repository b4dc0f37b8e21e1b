# Broken: USER app, which the image does not have
# Why: There is no user "app" in node:22-alpine (it has "node").
# Fails: The app can still start
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
# The manifests change rarely: this layer stays cached
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# The sources change all the time: they come last
COPY src/ ./src/
USER app
EXPOSE 3000
CMD ["node", "src/server.js"]
