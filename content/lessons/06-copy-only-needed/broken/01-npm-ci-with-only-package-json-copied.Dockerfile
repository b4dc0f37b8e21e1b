# Broken: npm ci with only package.json copied
# Why: npm ci refuses to run without package-lock.json next to package.json.
# Fails: No errors
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
# The manifests change rarely: this layer stays cached
COPY package.json ./
RUN npm ci --omit=dev && npm cache clean --force
# The sources change all the time: they come last
COPY src/ ./src/
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
