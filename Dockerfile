# The hardenbot GitHub Action's image; `hardenbot check Dockerfile` passes on it (CI checks).
# It starts as root, as GitHub requires of Docker actions, and `hardenbot action` at once
# becomes the owner of the mounted workspace (UID 1001 on hosted runners), keeping the group
# of the runner's Docker socket for --verify's builds: see bot/privileges.py.
# hardenbot ignore=HB001 - the entrypoint drops root itself, for the workspace's owner
FROM python:3.12-slim@sha256:78387bc3881b8273120a12ebe6c1ab22b018ccc2c9adf565ae1ac9b536e184ea
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# git: GitPython drives it to commit and push. docker.io: Debian's Docker client (20.10),
# which makes BuildKit builds with DOCKER_BUILDKIT=1 and no buildx plugin, for --verify.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git docker.io \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/hardenbot
# Dependencies from requirements.lock (pip-compile --generate-hashes; it holds setuptools too,
# to build hardenbot itself): pip refuses any file whose hash is not in it, and fetches nothing
# the lock does not name.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot/ ./bot/
RUN pip install --no-cache-dir --no-deps --no-build-isolation .
ENTRYPOINT ["hardenbot", "action"]
