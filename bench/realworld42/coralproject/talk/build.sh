#!/bin/bash
set -e

sh scripts/build.sh