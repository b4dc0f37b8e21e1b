# Broken: the sources are not copied
# Why: node src/server.js, but src/ never reaches the image.
# Fails: The app’s code is in the image
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
# The manifests change rarely: this layer stays cached
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# The sources change all the time: they come last
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
