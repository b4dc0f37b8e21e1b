# pattern: learner attempt: npm run build of a front-end in the node image that ships
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect: single-stage-build
# file: package.json {"name":"web","scripts":{"build":"vite build"},"dependencies":{"react":"19.0.0"},"devDependencies":{"vite":"6.0.0"}}
# context: package-lock.json=90000 src/main.jsx=800 index.html=400
FROM node:22-bookworm-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build
CMD ["npx", "serve", "-s", "dist"]
