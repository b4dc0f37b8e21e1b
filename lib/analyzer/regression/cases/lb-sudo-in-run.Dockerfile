# pattern: learner pastes a host install line with sudo into a RUN: the build already runs as root and debian slim has no sudo
# source: learner attempt on lesson 03-combine-run (content/lessons in this repository)
# expect: sudo-used
FROM debian:bookworm-slim
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl && sudo rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
