# pattern: FROM ubuntu with no tag (means :latest)
# source: GoogleCloudPlatform/microservices-demo src/frontend/EmptyUbuntu.Dockerfile @39577c8ad81253acc76905fe2916b41e8af8b79b
# expect: unpinned-base-tag
FROM ubuntu
CMD ["sh"]
