#!/usr/bin/env sh

# Execute the binary with our arguments
exec "$BINARY" "$@"
