# pattern: FROM node with no tag (means :latest)
# source: nodejs/docker-node 22/bookworm-slim/Dockerfile @07bd7414c9eeb7a134951122e1105e8c849f770e
# expect: unpinned-base-tag
FROM node
CMD ["sh"]
