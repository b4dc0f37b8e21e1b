# Broken: .dockerignore excludes package.json
# Why: .dockerignore leaves out package.json, which the COPY before npm ci needs: no build.
# Fails: No errors
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
