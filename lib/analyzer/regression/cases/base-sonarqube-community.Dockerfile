# pattern: sonarqube (no tag: the community build) used as it is
# source: docker-library/official-images library/sonarqube @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 1430 MB docker-library/repo-info repos/sonarqube/local/26.8.0.126808-community.md @c3d83db (sonarqube:26.8.0.126808-community on Ubuntu 24.04; printed as 1.43 Gb, so ±5 MB)
# expect-not: runtime-missing
FROM sonarqube
CMD ["sh"]
