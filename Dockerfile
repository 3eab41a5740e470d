# syntax=docker/dockerfile:1
# The hardenbot GitHub Action's image; `hardenbot check Dockerfile` passes on it (CI checks).
FROM python:3.12-slim@sha256:78387bc3881b8273120a12ebe6c1ab22b018ccc2c9adf565ae1ac9b536e184ea
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# git: GitPython drives it to commit and push.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/hardenbot
COPY pyproject.toml README.md ./
COPY bot/ ./bot/
RUN pip install --no-cache-dir .
# Not root. GitHub mounts the workspace owned by the runner's user, UID 1001 on its hosted
# runners, so the action runs as that UID to be able to write there.
RUN groupadd --system --gid 1001 runner \
    && useradd --system --uid 1001 --gid 1001 --create-home --no-log-init --shell /usr/sbin/nologin runner
USER 1001:1001
ENTRYPOINT ["hardenbot", "action"]
