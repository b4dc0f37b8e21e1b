# pattern: the Node.js web-app guide analysed without its build context: whether package.json lists devDependencies is not known, so the finding says "if"
# source: nodejs/nodejs.org locale/en/docs/guides/nodejs-docker-webapp.md @0dbd6dcff35766e05fd05021551c184ae4c894f5
# expect: npm-install-dev-deps
# message-not: npm-install-dev-deps npm installs devDependencies
FROM node:22-bookworm-slim
WORKDIR /usr/src/app
COPY package.json /usr/src/app/
RUN npm install
COPY . /usr/src/app
EXPOSE 8080
CMD ["npm", "start"]
