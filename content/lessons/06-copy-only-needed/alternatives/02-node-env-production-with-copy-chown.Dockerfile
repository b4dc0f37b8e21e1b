# Alternative: NODE_ENV=production with COPY --chown
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /home/node/app
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci && npm cache clean --force
COPY --chown=node:node src/ src/
USER node
CMD ["node", "src/server.js"]
