# pattern: build deps removed by a later RUN: they still ship in the earlier layer
# source: docker-library/memcached alpine/Dockerfile @f7015c3dba3b87f3793f217db5e06ceec77f43ee
# expect: cleanup-in-later-layer
# expect-not: build-tools-in-final
FROM alpine:3.22
RUN apk add --no-cache --virtual .build-deps gcc libc-dev make
RUN apk del .build-deps
CMD ["sh"]
