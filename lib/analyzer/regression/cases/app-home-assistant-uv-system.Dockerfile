# pattern: python app on a base chosen by ARG: uv installed with pip (whose own cache stays: UV_NO_CACHE is for uv), then `uv pip install --system --no-build` of the requirements with UV_NO_CACHE, wheels that may or may not be in the context installed behind `if ls`
# source: home-assistant/core Dockerfile @005c812f43d6d657587fc5c2c53386e1d7df2857
# expect: pip-cache-kept
# expect-not: command-not-found pip-externally-managed runtime-missing
# context: requirements.txt=2000 requirements_all.txt=60000 homeassistant/package_constraints.txt=5000 homeassistant/__main__.py=7000 rootfs/etc/services.d/home-assistant/run=400
ARG BUILD_FROM=python:3.13-alpine
FROM ${BUILD_FROM}
ENV UV_NO_CACHE=true
WORKDIR /usr/src
COPY requirements.txt homeassistant/
COPY homeassistant/package_constraints.txt homeassistant/homeassistant/
RUN pip3 install uv
RUN uv pip install --system --no-build -r homeassistant/requirements.txt
COPY requirements_all.txt homeassistant/
RUN uv pip install --system --no-build -r homeassistant/requirements_all.txt
COPY . homeassistant/
RUN uv pip install --system -e ./homeassistant && python3 -m compileall homeassistant/homeassistant
COPY rootfs /
WORKDIR /config
