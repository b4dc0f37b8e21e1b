# pattern: development image: CMD is npm run dev (a script that runs a devDependency)
# source: GoogleCloudPlatform/microservices-demo docker/paymentservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: npm-install-dev-deps
# file: package.json {"name":"web","scripts":{"dev":"vite --host"},"dependencies":{"react":"19.0.0"},"devDependencies":{"vite":"6.0.0"}}
# context: index.html=400 src/main.jsx=800
FROM node:22-bookworm-slim
WORKDIR /app
COPY package*.json ./
RUN npm install
COPY . .
EXPOSE 5173
CMD ["npm", "run", "dev"]
