# pattern: python app using uv taken from its distroless image (COPY --from=ghcr.io/astral-sh/uv /uv /uvx /bin/), dependencies synced from the lock file without dev packages
# source: astral-sh/uv docs/guides/integration/docker.md @079e3fd059c3d073151a6ac3b39eb129d66b517d (the COPY --from pattern the guide gives)
# expect-not: runtime-missing pip-cache-kept single-stage-build copy-from-unknown-stage copy-from-invalid-stage-index
# context: pyproject.toml=900 uv.lock=90000 app/main.py=3000
FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /uvx /bin/
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen --no-dev --no-install-project
COPY app ./app
ENV PATH="/app/.venv/bin:$PATH"
USER 1000
CMD ["python", "-m", "app.main"]
