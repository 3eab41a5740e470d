"""The numbers `hardenbot org plan` defaults to, apart from the planner so that reading the
command's arguments (and every other command's start-up) does not load it."""

RESERVE = 500  # API calls left for the matrix jobs when probing stops
MATRIX_LIMIT = 256  # GitHub's jobs per matrix
