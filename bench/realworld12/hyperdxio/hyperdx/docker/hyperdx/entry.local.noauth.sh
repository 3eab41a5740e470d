#!/bin/bash

# Set no auth mode
export IS_LOCAL_APP_MODE="DANGEROUSLY_is_local_app_mode💀"

# Source the common entry script
source "/etc/local/entry.base.sh"
