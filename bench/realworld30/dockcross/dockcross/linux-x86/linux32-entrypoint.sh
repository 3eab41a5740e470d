#!/bin/sh

linux32 "/dockcross/entrypoint.sh" "$@"
