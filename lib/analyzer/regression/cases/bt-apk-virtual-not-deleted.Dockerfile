# pattern: apk add --virtual .build-deps without the apk del that should follow
# source: docker-library/memcached alpine/Dockerfile @f7015c3dba3b87f3793f217db5e06ceec77f43ee
# expect: build-tools-in-final
# context: hello.c=400
FROM alpine:3.22
RUN apk add --no-cache --virtual .build-deps gcc libc-dev make
COPY hello.c /src/hello.c
RUN gcc -O2 -o /usr/local/bin/hello /src/hello.c
CMD ["hello"]
