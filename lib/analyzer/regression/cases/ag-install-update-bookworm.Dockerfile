# pattern: the same apt-get install --update on bookworm, whose apt 2.6 does not have the option: the build stops
# source: apt's own history (Debian/apt commit 3625351, "Add apt install,upgrade,... -U,--update options", first in 2.7.0); bookworm ships apt 2.6
# expect: apt-lists-missing
FROM debian:bookworm-slim
RUN set -eux; \
	apt-get install --update -y --no-install-recommends ca-certificates; \
	rm -rf /var/lib/apt/lists/*
