# pattern: look-alikes that must stay silent: images official-images retired (centos, mono, java) and a short local name one letter from an official one (base, not bash)
# source: docker-library/official-images issue #15318 (https://github.com/docker-library/official-images/issues/15318: FROM base, an image retired years ago); centos, mono and java were removed from docker-library/official-images library/ before @37079fb336f572a88700cf32e5e1f6be54a04e8f
# expect-not: base-image-unknown-name copy-from-unknown-stage
FROM centos:7 AS el
RUN echo el

FROM mono:6.12 AS dotnet
RUN echo mono

FROM java:8 AS jre
RUN echo java

FROM base
COPY --from=el /etc/os-release /tmp/el-release
