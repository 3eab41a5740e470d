"""The defaults of `hardenbot org plan` and `hardenbot org report`, apart from the planner and
the dashboard's publisher so that reading the commands' arguments (and every other command's
start-up) loads neither."""
from bot.github.labels import DASHBOARD as LABEL  # the label that finds a dashboard, a repository's too

__all__ = ["LABEL", "MATRIX_LIMIT", "RESERVE", "TITLE"]

RESERVE = 500  # API calls left for the matrix jobs when probing stops
MATRIX_LIMIT = 256  # GitHub's jobs per matrix
TITLE = "hardenbot dashboard"  # the dashboard issue's title
