# pattern: COPY --from with a typo of the stage name (bulid for build): Docker reads it as an image and fails with "pull access denied for bulid"
# source: docker/cli issue #1559 (https://github.com/docker/cli/issues/1559), the minimal Dockerfile in its 2019-06-12 comment
# expect: copy-from-unknown-stage
# expect-not: copy-from-invalid-stage-index
# context: a_file=100
FROM erlang:22.0 AS build
COPY ./a_file /

FROM python:3.7-alpine
COPY --from=bulid /a_file .
