# pattern: Clear Linux as a base (no tag): swupd-based, sized from its own measurement
# source: docker-library/official-images library/clearlinux @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 220.42 MB docker-library/repo-info repos/clearlinux/local/base.md @72e4be7 (clearlinux:latest, the 2023 build)
# expect-not: runtime-missing
FROM clearlinux
CMD ["sh"]
