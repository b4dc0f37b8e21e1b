# pattern: a Ruby app image that takes Node.js from the official node image instead of installing it: COPY --from=node:<major>-slim of the node binary and npm's folder
# source: nodejs/docker-node 22/bookworm-slim/Dockerfile @f27d936f7d7ccdeec25cd2de33584c1a841f561d (the image that installs /usr/local/bin/node and npm; copying them out into another runtime image is common in public Dockerfiles)
# expect-not: runtime-missing single-stage-build
# context: Gemfile=3000 Gemfile.lock=20000 app/main.rb=2000 config.ru=200
FROM ruby:3.4-slim-trixie
COPY --from=node:22-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:22-slim /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && node --version
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local without 'development test' && bundle install
COPY . .
USER 1000
CMD ["bundle", "exec", "rackup", "--host", "0.0.0.0"]
