# pattern: Oracle Linux 9 as a base: rpm-based, sized from its own measurement
# source: docker-library/official-images library/oraclelinux @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 240.21 MB docker-library/repo-info repos/oraclelinux/local/9.md @032dfd8 (oraclelinux:9)
# expect-not: runtime-missing
FROM oraclelinux:9
CMD ["sh"]
