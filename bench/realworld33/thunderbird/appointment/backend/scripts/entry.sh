#!/bin/bash

# Usage:
#   Set CONTAINER_ROLE to control which process this container runs:
#     worker  — Celery worker
#     beat    — Celery beat scheduler
#     (unset) — Backend API server (default)

echo "Entry script starting..."

if [[ "$CONTAINER_ROLE" == "worker" ]]; then
    echo "Starting Celery..."
    celery -A appointment.celery_app:celery worker -l INFO --beat -Q appointment
elif [[ "$CONTAINER_ROLE" == "flower" ]]; then
    celery -A appointment.celery_app:celery flower -l INFO
elif [[ "$CONTAINER_ROLE" == "api" ]]; then
    if [[ "$IS_LOCAL_DEV" == "yes" ]]; then
        echo "Running setup"
        run-command main setup
    fi
    echo "Running update-db"
    run-command main update-db

    if [[ "$IS_LOCAL_DEV" == "yes" ]]; then
        echo "Starting cron service"
        service cron start
    fi

    ARGS="--factory appointment.main:server --host 0.0.0.0 --port 5000 --log-config scripts/uvicorn_log_config.json"

    if [[ "$IS_LOCAL_DEV" == "yes" ]]; then
        ARGS="$ARGS --reload --log-level info"
    fi

    echo "Running uvicorn with these arguments: '$ARGS'"
    uvicorn $ARGS
else
    echo "Unrecognized CONTAINER_ROLE: $CONTAINER_ROLE"
    exit 1
fi
