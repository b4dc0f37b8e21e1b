# pattern: AlmaLinux 9 as a base: rpm-based, sized from its own measurement
# source: docker-library/official-images library/almalinux @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 193.75 MB docker-library/repo-info repos/almalinux/local/9.8-20260902.md @f51cff1 (almalinux:9, the 20260902 build)
# expect-not: runtime-missing
FROM almalinux:9
CMD ["sh"]
