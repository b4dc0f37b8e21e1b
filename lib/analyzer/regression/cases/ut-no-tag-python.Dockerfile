# pattern: FROM python with no tag (means :latest)
# source: docker-library/python 3.12/slim-bookworm/Dockerfile @01ba658cff9cf56c72e55c85cea9705826cc19f1
# expect: unpinned-base-tag
# expect-not: base-image-unknown-name
FROM python
CMD ["sh"]
