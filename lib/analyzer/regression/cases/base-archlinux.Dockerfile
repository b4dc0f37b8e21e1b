# pattern: Arch Linux as a base (no tag): pacman-based, sized from its own measurement
# source: docker-library/official-images library/archlinux @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 397.52 MB docker-library/repo-info repos/archlinux/local/base-20260816.0.574111.md @0d5552b (archlinux:latest, image.version 20260816.0.574111)
# expect-not: runtime-missing
FROM archlinux
CMD ["sh"]
