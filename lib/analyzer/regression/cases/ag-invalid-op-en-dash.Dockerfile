# pattern: options pasted from a web page with an en dash (–y): apt-get reads "–y" as its operation and stops with "E: Invalid operation –y"
# source: phusion/baseimage-docker issue #251 (https://github.com/phusion/baseimage-docker/issues/251), the Dockerfile quoted in its description
# expect: apt-get-invalid-operation
# expect-not: apt-lists-missing
FROM docker/whalesay:latest
RUN apt-get –y update && apt-get install –y fortunes
CMD /usr/games/fortune -a | cowsay
