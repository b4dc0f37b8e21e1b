# pattern: apt-get install -s (a simulation never prompts and installs nothing)
# source: docker-library/postgres 17/bookworm/Dockerfile @266748257c85f28eb01a276e84860013ade2eb14
# expect-not: apt-get-missing-yes build-tools-in-final
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -s gcc && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
