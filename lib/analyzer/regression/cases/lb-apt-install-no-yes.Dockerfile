# pattern: learner's apt-get install without -y: apt asks for confirmation, gets no answer and aborts the build
# source: learner attempt on lesson 03-combine-run (content/lessons in this repository)
# expect: apt-get-missing-yes
FROM debian:bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
