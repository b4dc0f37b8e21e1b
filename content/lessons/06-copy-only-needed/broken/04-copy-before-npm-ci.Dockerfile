# Broken: COPY . . before npm ci
# Why: The whole folder is copied before npm ci: any edit reinstalls every dependency.
# Fails: Editing src/app.js does not reinstall the dependencies
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
# The manifests change rarely: this layer stays cached
COPY . .
RUN npm ci --omit=dev && npm cache clean --force
# The sources change all the time: they come last
COPY src/ ./src/
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
