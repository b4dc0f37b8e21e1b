# pattern: bonita (no tag) used as it is: an Alpine image
# source: docker-library/official-images library/bonita @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 338.71 MB docker-library/repo-info repos/bonita/local/11.1.0.md @c7eadfd (bonita:2026.2-u0 on Alpine 3.23)
# expect-not: runtime-missing
FROM bonita
CMD ["sh"]
