# pattern: Rocky Linux 9 as a base: rpm-based, sized from its own measurement
# source: docker-library/official-images library/rockylinux @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 175.57 MB docker-library/repo-info repos/rockylinux/local/9.md @0d1c596 (rockylinux:9.3.20231119)
# expect-not: runtime-missing
FROM rockylinux:9
CMD ["sh"]
