"""The platform: GitHub's REST API for pull requests, comments and permissions, and the
events that start a run. Knows nothing of Dockerfiles."""
