# pattern: look-alike of the Node.js web-app guide built from a folder that holds no package.json: npm install reads nothing, there is nothing to leave out
# source: nodejs/nodejs.org locale/en/docs/guides/nodejs-docker-webapp.md @0dbd6dcff35766e05fd05021551c184ae4c894f5
# expect-not: npm-install-dev-deps
# context: server.js=400 public/index.html=1200
FROM node:22-bookworm-slim
WORKDIR /usr/src/app
COPY . /usr/src/app
RUN npm install
EXPOSE 8080
CMD ["node", "server.js"]
