# pattern: Amazon Linux 2023 as a base: rpm-based, sized from its own measurement with no package list
# source: docker-library/official-images library/amazonlinux @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 150 MB docker-library/repo-info repos/amazonlinux/local/2023.md @583515f (amazonlinux:2023, printed as ~ 150 Mb)
# expect-not: runtime-missing
FROM amazonlinux:2023
CMD ["sh"]
