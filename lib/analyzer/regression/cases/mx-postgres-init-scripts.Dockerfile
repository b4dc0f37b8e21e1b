# pattern: postgres image with init SQL copied in
# source: docker-library/postgres 17/bookworm/Dockerfile @266748257c85f28eb01a276e84860013ade2eb14
# expect-not: unpinned-base-tag chown-duplicates-layer
# context: init.sql=4000
FROM postgres:17-bookworm
COPY init.sql /docker-entrypoint-initdb.d/
