# pattern: Alpine installs dpkg with apk (in a --virtual group) to ask dpkg --print-architecture for the gosu download, then deletes the group
# source: docker-library/ghost 6/alpine3.23/Dockerfile @7edb45d66a15a005368ac6e9cea640854c860c44
# expect-not: command-not-found
FROM alpine:3.22
RUN set -eux; \
	apk add --no-cache --virtual .gosu-deps ca-certificates dpkg gnupg; \
	dpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \
	wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/1.19/gosu-$dpkgArch"; \
	apk del --no-network .gosu-deps; \
	chmod +x /usr/local/bin/gosu
