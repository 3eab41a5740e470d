"""The defaults of `hardenbot org plan` and `hardenbot org report`, apart from the planner and
the dashboard's publisher so that reading the commands' arguments (and every other command's
start-up) loads neither."""

RESERVE = 500  # API calls left for the matrix jobs when probing stops
MATRIX_LIMIT = 256  # GitHub's jobs per matrix
TITLE = "hardenbot dashboard"  # the dashboard issue's title
LABEL = "hardenbot-dashboard"  # the label that finds it
