# pattern: COPY --from=2 in a file of two stages (0 and 1): stages count from 0, BuildKit stops with "invalid stage index 2"
# source: written for this analyzer from the error of moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go (findStateByIndex) @73ed6825c4b7569379ef89df0aedcdbe64473d31; the stages follow docker/cli issue #1559's example
# expect: copy-from-invalid-stage-index
# expect-not: copy-from-unknown-stage
# context: a_file=100
FROM erlang:22.0
COPY ./a_file /

FROM python:3.7-alpine
COPY --from=2 /a_file .
