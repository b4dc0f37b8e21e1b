# pattern: the deprecated openjdk:8-jre-alpine as a base: sized from its repo-info measurement (a 2019 build), not as bare Alpine, and reported end of life
# source: docker-library/docs#2162 (openjdk deprecation notice); the tag as Dockerfiles still name it
# truth: 83.11 MB hiramtibbit/repo-info (a fork of docker-library/repo-info) repos/openjdk/local/8-jre-alpine.md @5a9deb6 (openjdk:8u191-jre-alpine3.8)
# expect: eol-base-image
# expect-not: runtime-missing command-not-found
FROM openjdk:8-jre-alpine
CMD ["sh"]
