# pattern: a download in one RUN deleted by the next: the bytes still ship in the first layer
# source: nodejs/docker-node 22/bookworm-slim/Dockerfile @07bd7414c9eeb7a134951122e1105e8c849f770e
# expect: cleanup-in-later-layer
# context: big.tar.gz=50000000
FROM debian:bookworm-slim
COPY big.tar.gz /tmp/big.tar.gz
RUN tar -xzf /tmp/big.tar.gz -C /opt
RUN rm /tmp/big.tar.gz
CMD ["bash"]
