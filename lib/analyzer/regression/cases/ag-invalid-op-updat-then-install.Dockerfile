# pattern: a typo in apt-get's operation (updat) joined with && to the install: apt-get stops with "E: Invalid operation updat", the install never runs (one cause, one finding: not apt-lists-missing)
# source: written for this analyzer from the failure "E: Invalid operation updat" (apt-pkg/contrib/cmndline.cc CommandLine::DispatchArg in Debian/apt @6b128124271e94bdb0f4e7850d9286170d712b04); the RUN line follows docker-library/python 3.12/slim-bookworm/Dockerfile
# expect: apt-get-invalid-operation
# expect-not: apt-lists-missing apt-lists-not-removed
FROM python:3.12-slim-bookworm
RUN apt-get updat && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["python3"]
