# pattern: one apt-get install mixes a -dev package with large runtime packages (ffmpeg, git, python3) in the final image: build-tools-in-final counts only what the -dev package needs beyond them
# source: laravel/sail runtimes/8.3/Dockerfile @00ad8a4223fe984e1d4ed3b55d3f992962dfdfa2
# expect: build-tools-in-final
# expect-not: apt-lists-not-removed apt-install-recommends
# max-savings: 60 MB
FROM ubuntu:24.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl git python3 ffmpeg libpng-dev \
    && rm -rf /var/lib/apt/lists/*
RUN useradd -m app
USER app
CMD ["python3", "-m", "http.server"]
