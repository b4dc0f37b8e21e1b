# pattern: data-science base on ubuntu: SHELL with pipefail, apt-get update --yes, install --yes --no-install-recommends, apt-get clean and list removal in the same RUN, a named user from ARG, tini as entrypoint
# source: jupyter/docker-stacks images/docker-stacks-foundation/Dockerfile @93d8348224b923045aac9dfe8b2d2917cd9bfd57
# expect-not: apt-get-missing-yes apt-lists-not-removed runs-as-root apt-install-recommends
FROM ubuntu:24.04
ARG NB_USER="jovyan"
ARG NB_UID="1000"
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
USER root
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update --yes && \
    apt-get upgrade --yes && \
    apt-get install --yes --no-install-recommends bzip2 ca-certificates locales sudo tini wget && \
    apt-get clean && rm -rf /var/lib/apt/lists/* && \
    echo "en_US.UTF-8 UTF-8" > /etc/locale.gen && \
    locale-gen
ENV SHELL=/bin/bash NB_USER="${NB_USER}" NB_UID=${NB_UID} LANG=en_US.UTF-8
RUN useradd --no-log-init --create-home --shell /bin/bash --uid "${NB_UID}" --no-user-group "${NB_USER}"
USER ${NB_UID}
WORKDIR /home/${NB_USER}
ENTRYPOINT ["tini", "-g", "--"]
CMD ["bash"]
