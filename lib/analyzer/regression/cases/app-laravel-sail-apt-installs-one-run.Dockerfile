# pattern: one long RUN on Ubuntu with several apt-get install commands, none with --no-install-recommends: each is flagged, and their savings together stay within what Recommends added to the layer
# source: laravel/sail runtimes/8.3/Dockerfile @00ad8a4223fe984e1d4ed3b55d3f992962dfdfa2
# expect: apt-install-recommends
# expect-not: apt-lists-not-removed
# max-savings: 260 MB
FROM ubuntu:24.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
    && apt-get install -y curl git unzip supervisor sqlite3 \
    && apt-get install -y python3 nano cron \
    && apt-get install -y ffmpeg \
    && apt-get -y autoremove \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/*
RUN useradd -m sail
USER sail
CMD ["supervisord", "-n"]
