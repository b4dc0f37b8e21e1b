# pattern: the deprecated openjdk:8-jdk-alpine as a base: sized from its repo-info measurement (a 2019 build), not as bare Alpine, and reported end of life (the image gets no updates since July 2022; Alpine 3.8 since 2020)
# source: docker-library/docs#2162 (openjdk deprecation notice); the tag as Dockerfiles still name it
# truth: 102.72 MB hiramtibbit/repo-info (a fork of docker-library/repo-info) repos/openjdk/local/8u191-jdk-alpine3.8.md @5a9deb6 (the build openjdk:8-jdk-alpine named on 2019-01-11)
# expect: eol-base-image
# expect-not: runtime-missing command-not-found
FROM openjdk:8-jdk-alpine
CMD ["sh"]
