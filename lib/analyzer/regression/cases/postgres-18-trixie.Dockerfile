# pattern: official postgres 18 image on trixie: as 17 on bookworm, plus the JIT package installed only when `apt-get install -s` says the architecture has it, and PGDATA under the new per-version directory
# source: docker-library/postgres 18/trixie/Dockerfile @6edb0a8c4def40c371514b34aef9037ec82d9110
# truth: 456.26 MB docker-library/repo-info repos/postgres/local/latest.md @537f5806d9 (postgres:18 = 18-trixie, created 2026-07-14)
# expect-not: apt-lists-not-removed package-not-in-release single-stage-build apt-get-missing-yes command-not-found
# context: docker-entrypoint.sh=12000 docker-ensure-initdb.sh=1200
FROM debian:trixie-slim
RUN set -eux; groupadd -r postgres --gid=999; useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; install --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql
RUN set -ex; apt-get update; apt-get install -y --no-install-recommends gnupg less; rm -rf /var/lib/apt/lists/*
ENV GOSU_VERSION=1.19
RUN set -eux; \
    savedAptMark="$(apt-mark showmanual)"; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates wget; \
    rm -rf /var/lib/apt/lists/*; \
    wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-amd64"; \
    chmod +x /usr/local/bin/gosu; \
    apt-mark auto '.*' > /dev/null; \
    [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \
    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
    gosu --version
RUN set -eux; \
    if [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then sed -ri '/\/usr\/share\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; fi; \
    apt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \
    echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \
    locale-gen; \
    locale -a | grep 'en_US.utf8'
ENV LANG=en_US.utf8
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends libnss-wrapper xz-utils zstd; rm -rf /var/lib/apt/lists/*
RUN mkdir /docker-entrypoint-initdb.d
ENV PG_MAJOR=18
ENV PATH=$PATH:/usr/lib/postgresql/$PG_MAJOR/bin
ENV PG_VERSION=18.3-1.pgdg13+1
RUN set -ex; \
    echo "deb [ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt trixie-pgdg main $PG_MAJOR" > /etc/apt/sources.list.d/pgdg.list; \
    apt-get update; \
    apt-get install -y --no-install-recommends postgresql-common; \
    sed -ri 's/#(create_main_cluster) .*$/\1 = false/' /etc/postgresql-common/createcluster.conf; \
    apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR=$PG_VERSION"; \
    if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then \
        apt-get install -y --no-install-recommends "postgresql-$PG_MAJOR-jit=$PG_VERSION"; \
    fi; \
    rm -rf /var/lib/apt/lists/*; \
    postgres --version
RUN install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql
ENV PGDATA=/var/lib/postgresql/18/docker
VOLUME /var/lib/postgresql
COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
