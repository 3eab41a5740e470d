"""The labels hardenbot puts on what it opens, apart from any client so that reading a command's
defaults loads none."""

DASHBOARD = "hardenbot-dashboard"  # finds a dashboard issue: the organisation's, or a repository's
