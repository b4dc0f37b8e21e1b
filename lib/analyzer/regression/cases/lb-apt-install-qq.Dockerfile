# pattern: look-alike of lb-apt-install-no-yes: -qq implies -y (apt-get(8): "-q=2 ... implies -y"), so the install never prompts
# source: jupyter/docker-stacks images/docker-stacks-foundation/Dockerfile (apt-get install with --yes), reduced to the -qq spelling seen in CI images
# expect-not: apt-get-missing-yes
FROM debian:bookworm-slim
RUN apt-get update -qq && apt-get install -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
