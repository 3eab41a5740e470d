#!/bin/bash

# Set auth mode
export IS_LOCAL_APP_MODE="REQUIRED_AUTH"

# Source the common entry script
source "/etc/local/entry.base.sh"
