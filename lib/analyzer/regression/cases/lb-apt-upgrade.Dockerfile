# pattern: learner adds apt-get upgrade to every image "for security": it rewrites upgraded packages into a layer of their own instead of using a newer base
# source: learner attempt on lesson 03-combine-run (content/lessons in this repository)
# expect: apt-upgrade
FROM debian:bookworm-slim
RUN apt-get update && apt-get upgrade -y && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
