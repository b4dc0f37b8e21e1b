# pattern: apt-get upgrade -y at the head of a RUN that then installs a large set of packages: apt-upgrade is reported, but the installs are not savings of dropping the upgrade
# source: laravel/sail runtimes/8.3/Dockerfile @00ad8a4223fe984e1d4ed3b55d3f992962dfdfa2
# expect: apt-upgrade
# expect-not: apt-install-recommends apt-lists-not-removed
# max-savings: 1 MB
FROM ubuntu:24.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get upgrade -y \
    && apt-get install -y --no-install-recommends curl git unzip supervisor sqlite3 ffmpeg \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*
RUN useradd -m sail
USER sail
CMD ["supervisord", "-n"]
