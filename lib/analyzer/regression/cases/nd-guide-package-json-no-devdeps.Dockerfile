# pattern: the Node.js web-app guide: package.json has only dependencies (express), so npm install has no devDependencies to leave out
# source: nodejs/nodejs.org locale/en/docs/guides/nodejs-docker-webapp.md @0dbd6dcff35766e05fd05021551c184ae4c894f5
# expect-not: npm-install-dev-deps
# context: server.js=400
# file: package.json {"name":"docker_web_app","version":"1.0.0","main":"server.js","dependencies":{"express":"^4.13.3"}}
FROM node:22-bookworm-slim
WORKDIR /usr/src/app
COPY package.json /usr/src/app/
RUN npm install
COPY . /usr/src/app
EXPOSE 8080
CMD ["npm", "start"]
