#!/bin/bash

COMPOSE_DIR="$( cd "$( dirname "${BASH_SOURCE[0]}" )" >/dev/null 2>&1 && pwd )"
PROJECT_NAME=$(basename $(git rev-parse --show-toplevel))$(basename $COMPOSE_DIR)
DOCKER_COMPOSE="docker-compose"
docker compose version >/dev/null 2>&1 && DOCKER_COMPOSE="docker compose"

$DOCKER_COMPOSE -p $PROJECT_NAME -f $COMPOSE_DIR/docker-compose.yml run $run_options --rm peeringdb $@
