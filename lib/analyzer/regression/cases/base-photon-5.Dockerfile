# pattern: Photon OS as a base: rpm/tdnf-based, sized from its own measurement
# source: docker-library/official-images library/photon @37079fb336f572a88700cf32e5e1f6be54a04e8f
# truth: 48.71 MB docker-library/repo-info repos/photon/local/5.0-20260727.md @73a086e (photon:5.0, build-date 20260727)
# expect-not: runtime-missing
FROM photon:5.0
CMD ["sh"]
