/**
 * Docker Hub names of official images that the tag index (generated/base-index.json) does not
 * list: images docker-library/official-images deprecated and removed from its `library/` folder
 * (Docker Hub still serves most of them, e.g. `centos:7`, `java:8`, `mono:6.12`), and the few
 * whose `library/` file the index generator reads no tags from. Every name that was ever a file
 * of `library/` in docker-library/official-images up to commit
 * 37079fb336f572a88700cf32e5e1f6be54a04e8f (2026-08-21, the index's own commit: `git log
 * --diff-filter=D --name-only -- library/` and `git ls-tree HEAD library/`), minus the index's
 * names and the MAINTAINERS file. With the index, they tell a misspelt official name from a name
 * that was official once.
 */
export const RETIRED_OFFICIAL_IMAGES: ReadonlySet<string> = new Set(
  (
    'adoptopenjdk celery centos clefos consul couchdb-nouveau crux django docker-dev euleros ' +
    'express-gateway fsharp gazebo glassfish hello-seattle hipache hola-mundo iojs java jenkins ' +
    'jobber kaazing-gateway known lightstreamer-server mongo-express mono mosquitto ' +
    'nats-streaming notary notary-server notary-signer nuxeo opensuse owncloud php-zendserver ' +
    'piwik plone rails rapidoid sentry sl sourcemage swarm thrift ubuntu-debootstrap ' +
    'ubuntu-upstart unit vault zend-php'
  ).split(' '),
);
