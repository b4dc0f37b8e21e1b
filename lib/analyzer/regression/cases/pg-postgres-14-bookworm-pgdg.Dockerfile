# pattern: PostgreSQL from the project's own apt repository (apt.postgresql.org, no size table here) on bookworm-slim, with an architecture case whose other arm builds from source
# source: docker-library/postgres 14/bookworm/Dockerfile @6edb0a8c4def40c371514b34aef9037ec82d9110 (PG_VERSION 14.22-1.pgdg12+1 there)
# truth: 425.54 MB docker-library/repo-info repos/postgres/local/14.24-bookworm.md @7ba5f5d (postgres:14.24-bookworm, PG_VERSION 14.24-1.pgdg12+2, 2026-08-13)
# expect-not: build-tools-in-final single-stage-build apt-lists-missing command-not-found runtime-missing
# context: docker-entrypoint.sh=12288
FROM debian:bookworm-slim
RUN set -eux; groupadd -r postgres --gid=999; useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres
RUN set -ex; apt-get update; apt-get install -y --no-install-recommends gnupg less; rm -rf /var/lib/apt/lists/*
ENV GOSU_VERSION=1.19
RUN set -eux; \
	savedAptMark="$(apt-mark showmanual)"; \
	apt-get update; apt-get install -y --no-install-recommends ca-certificates wget; rm -rf /var/lib/apt/lists/*; \
	dpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"; \
	wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \
	apt-mark auto '.*' > /dev/null; [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
	chmod +x /usr/local/bin/gosu
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; localedef -i en_US -c -f UTF-8 -A /usr/share/locale/locale.alias en_US.UTF-8
ENV LANG=en_US.utf8
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends libnss-wrapper xz-utils zstd; rm -rf /var/lib/apt/lists/*
ENV PG_MAJOR=14
ENV PATH=$PATH:/usr/lib/postgresql/$PG_MAJOR/bin
ENV PG_VERSION=14.22-1.pgdg12+1
RUN set -ex; \
	echo "deb [ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt bookworm-pgdg main $PG_MAJOR" > /etc/apt/sources.list.d/pgdg.list; \
	dpkgArch="$(dpkg --print-architecture)"; \
	case "$dpkgArch" in \
		amd64 | arm64 | ppc64el) apt-get update ;; \
		*) apt-get update; apt-get install -y --no-install-recommends dpkg-dev; apt-get build-dep -y "postgresql-$PG_MAJOR=$PG_VERSION" ;; \
	esac; \
	apt-get install -y --no-install-recommends postgresql-common; \
	apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR=$PG_VERSION"; \
	rm -rf /var/lib/apt/lists/*
VOLUME /var/lib/postgresql/data
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
