# pattern: Fedora as a base: rpm-based, sized from its own measurement
# source: docker-library/official-images library/fedora @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 184.11 MB docker-library/repo-info repos/fedora/local/44.md @3315d68 (fedora:44)
# expect-not: runtime-missing
FROM fedora:44
CMD ["sh"]
