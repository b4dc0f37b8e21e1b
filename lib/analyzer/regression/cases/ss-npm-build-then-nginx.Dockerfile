# pattern: front-end built in a node stage, dist copied into nginx
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: single-stage-build npm-install-dev-deps build-tools-in-final
# file: package.json {"name":"web","scripts":{"build":"vite build"},"dependencies":{"react":"19.0.0"},"devDependencies":{"vite":"6.0.0"}}
# context: package-lock.json=90000 src/main.jsx=800 index.html=400
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build
FROM nginx:1.31-alpine
COPY --from=build /app/dist /usr/share/nginx/html
