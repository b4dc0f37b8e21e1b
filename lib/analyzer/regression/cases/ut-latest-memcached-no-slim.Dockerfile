# pattern: memcached:latest pinned advice must not invent a -slim tag (memcached publishes none)
# source: docker-library/memcached alpine/Dockerfile @f7015c3dba3b87f3793f217db5e06ceec77f43ee
# expect: unpinned-base-tag
# message-not: unpinned-base-tag -slim
FROM memcached:latest
CMD ["sh"]
