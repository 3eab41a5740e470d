#!/usr/bin/env bash

#
# bootstrap the OpenZiti Router with a config file and an identity.
#

stashZitiEnv() {
  declare -gA _ziti_env_saved=()
  while IFS='=' read -r _key _value; do
    _ziti_env_saved["${_key}"]="${_value}"
  done < <(env | grep '^ZITI_')
}

restoreZitiEnv() {
  for _key in "${!_ziti_env_saved[@]}"; do
    if [[ -n "${_ziti_env_saved[${_key}]}" && -z "${!_key-}" ]]; then
      printf -v "${_key}" '%s' "${_ziti_env_saved[${_key}]}"
    fi
  done
  unset _ziti_env_saved _key _value
}

makeConfig() {
  # enforce first argument is a non-empty string that does not begin with "--"
  if [[ -n "${1:-}" && ! "${1}" =~ ^-- ]]; then
    local _config_file="${1}"
    shift
  else
    echo "ERROR: no config file path provided" >&2
    return 1
  fi
  shopt -u nocasematch  # toggle on case-sensitive comparison

  # used by "ziti create config" as controller host
  if [[ -z "${ZITI_ROUTER_ADVERTISED_ADDRESS:-}" ]]; then
    echo "ERROR: ZITI_ROUTER_ADVERTISED_ADDRESS must be set" >&2
    hintLinuxBootstrap "${PWD}"
    return 1
  else
    if [[ -n "${ZITI_CTRL_ADVERTISED_ADDRESS:-}" ]]; then
        echo "DEBUG: controller address is '${ZITI_CTRL_ADVERTISED_ADDRESS}:${ZITI_CTRL_ADVERTISED_PORT}'" >&3
    fi
    echo "DEBUG: router address is '${ZITI_ROUTER_ADVERTISED_ADDRESS}:${ZITI_ROUTER_PORT}'" >&3
  fi

  export  ZITI_ROUTER_NAME \
          ZITI_ROUTER_ADVERTISED_ADDRESS \
          ZITI_ROUTER_PORT \
          ZITI_ROUTER_LISTENER_BIND_PORT="${ZITI_ROUTER_PORT}"

  if [[ -n "${ZITI_CTRL_ADVERTISED_ADDRESS:-}" ]]; then
    export ZITI_CTRL_ADVERTISED_ADDRESS ZITI_CTRL_ADVERTISED_PORT
  else
    unset ZITI_CTRL_ADVERTISED_ADDRESS ZITI_CTRL_ADVERTISED_PORT
  fi

  if [[ ! -s "${_config_file}" || "${1:-}" == --force ]]; then
    # build config command
    local -a _command=("ziti create config router ${ZITI_ROUTER_TYPE}" \
              "--routerName ${ZITI_ROUTER_NAME}" \
              "--output ${_config_file}")

    # mode flag not present in fabric command
    if [[ "${ZITI_ROUTER_TYPE}" == edge ]]; then
      _command+=("--tunnelerMode ${ZITI_ROUTER_MODE}")
    fi

    # check if ZITI_ROUTER_LAN_INTERFACE is specified and add --lanInterface flag accordingly
    if [[ -n "${ZITI_ROUTER_LAN_INTERFACE:-}" ]]; then
      _command+=("--lanInterface ${ZITI_ROUTER_LAN_INTERFACE}")
    fi

    # append args if ZITI_BOOTSTRAP_CONFIG_ARGS is not empty
    if [[ -n "${ZITI_BOOTSTRAP_CONFIG_ARGS:-}" ]]; then
      _command+=("${ZITI_BOOTSTRAP_CONFIG_ARGS}")
    fi

    if [[ -s "${_config_file}" && "${1:-}" == --force ]]; then
      echo "INFO: recreating config file: ${_config_file}"
      mv --no-clobber "${_config_file}"{,".${ZITI_BOOTSTRAP_NOW}.old"}
    fi

    exportZitiVars                # export all ZITI_ vars to be used in bootstrap
    # shellcheck disable=SC2068
    ${_command[@]}
  fi 
}

enroll() {
  
  if [[ -n "${1:-}" && ! "${1}" =~ ^-- ]]; then
    local _config_file="${1}"
    local _ziti_home
    _ziti_home="$(dirname "${_config_file}")"
    shift
  else
    echo "ERROR: no config file path provided in first param" >&2
    return 1
  fi

  if [[ ! -s "${ZITI_ROUTER_IDENTITY_CERT}" || "${1:-}" == --force ]]; then
    if [[ -n "${ZITI_ENROLL_TOKEN:-}" && ! -f "${ZITI_ENROLL_TOKEN}" ]]; then
      # shellcheck disable=SC2188
      ziti router enroll "${_config_file}" \
        --jwt <(echo "${ZITI_ENROLL_TOKEN}") 2>&1
    elif [[ -n "${ZITI_ENROLL_TOKEN:-}" && -s "${ZITI_ENROLL_TOKEN}" ]]; then
      ziti router enroll "${_config_file}" \
        --jwt "${ZITI_ENROLL_TOKEN}" 2>&1
    else
      echo  "ERROR: set ZITI_ENROLL_TOKEN to enrollment token" >&2
      return 1
    fi
  fi

}

bootstrap() {

  if [[ -n "${1:-}" ]]; then
    local _router_config_file="${1}"
    echo "DEBUG: using config: $(realpath "${_router_config_file}")" >&3
  else
    echo "ERROR: no config file path provided" >&2
    return 1
  fi

  # make config file unless explicitly disabled or it exists, set "force" to overwrite
  if [[ -s "${_router_config_file}" && "${ZITI_BOOTSTRAP_CONFIG}"   != force ]]; then
    echo "INFO: config file exists in $(realpath "${_router_config_file}")"
  elif [[ "${ZITI_BOOTSTRAP_CONFIG}" == true ]]; then
    makeConfig "${_router_config_file}"
  elif [[ "${ZITI_BOOTSTRAP_CONFIG}" == force ]]; then
    makeConfig "${_router_config_file}" --force
  else
    echo "ERROR: unexpected value in ZITI_BOOTSTRAP_CONFIG=${ZITI_BOOTSTRAP_CONFIG}" >&2
    return 1
  fi

  # make database unless explicitly disabled or it exists
  if [[ "${ZITI_BOOTSTRAP_ENROLLMENT}" == true ]]; then
    enroll "${_router_config_file}"
  elif [[ "${ZITI_BOOTSTRAP_ENROLLMENT}" == force ]]; then
    enroll "${_router_config_file}" --force
  fi

}

isInteractive() {
  # return true if interactive and response is not empty
  if [[ "${DEBIAN_FRONTEND:-}" != "noninteractive" && -t 0 ]]; then
    return 0
  else
    return 1
  fi
}

prompt() {
  # return true if interactive and response is not empty
  if isInteractive; then
    read -r -p "$1" response
    if [[ -n "${response:-}" ]]; then
      echo "${response}"
    else
      return 1
    fi
  else
    echo "DEBUG: non-interactive, unable to prompt for answer: '$1'" >&3
    return 1
  fi
}

# shellcheck disable=SC2120
loadEnvFiles() {
  if (( $# ))
  then
    local -a _env_files=("${@}")
  else
    local -a _env_files=("${SVC_ENV_FILE}")
  fi
  for _env_file in "${_env_files[@]}"
  do
    if [[ -s "${_env_file}" ]]
    then
      # shellcheck disable=SC1090
      source "${_env_file}"
    else
      echo "DEBUG: env file not found or empty: '${_env_file}'" >&3
    fi
  done
}

promptRouterAddress() {
    if [[ -z "${ZITI_ROUTER_ADVERTISED_ADDRESS:-}" ]]; then
        if isInteractive; then
            while [[ -z "${ZITI_ROUTER_ADVERTISED_ADDRESS:-}" ]]; do
                ZITI_ROUTER_ADVERTISED_ADDRESS="$(prompt "Permanent external address of this router (required): ")" || true
            done
        else
            echo "ERROR: ZITI_ROUTER_ADVERTISED_ADDRESS is required" >&2
            return 1
        fi
        setAnswer "ZITI_ROUTER_ADVERTISED_ADDRESS=${ZITI_ROUTER_ADVERTISED_ADDRESS}" "${BOOT_ENV_FILE}"
    fi
}

promptEnrollToken() {
    # do nothing if identity file has stuff in it
    if [[ -s "${ZITI_ROUTER_IDENTITY_CERT}" ]]; then
        echo "DEBUG: not prompting for token because identity exists in ${ZITI_HOME}/${ZITI_ROUTER_IDENTITY_CERT}" >&3
    # prompt for enrollment token if interactive, unless already answered
    else
        if ! [[ "${ZITI_BOOTSTRAP_ENROLLMENT:-}" == true ]]; then
            echo "WARN: ZITI_BOOTSTRAP_ENROLLMENT is not true in ${SVC_ENV_FILE}, not enrolling" >&2
        # do nothing if enrollment token is already defined in env file
        elif [[ -n "${ZITI_ENROLL_TOKEN:-}" ]]; then
            echo "DEBUG: ZITI_ENROLL_TOKEN is defined" >&3
        else
            if isInteractive; then
                while [[ -z "${ZITI_ENROLL_TOKEN:-}" ]]; do
                    ZITI_ENROLL_TOKEN=$(prompt "Router enrollment token as string or path (required): ") || true
                done
                setAnswer "ZITI_ENROLL_TOKEN=${ZITI_ENROLL_TOKEN}" "${BOOT_ENV_FILE}"
            else
                echo "ERROR: ZITI_ENROLL_TOKEN is required to bootstrap the router" >&2
                return 1
            fi
        fi
    fi
}

grantNetAdmin() {
    # grant ambient capabilities to the router process if not already granted
    if ! grep -qE '^AmbientCapabilities=CAP_NET_ADMIN' "${SVC_FILE}"; then
        # uncomment the line
        sed -Ei 's/.*AmbientCapabilities=CAP_NET_ADMIN/AmbientCapabilities=CAP_NET_ADMIN/' "${SVC_FILE}"
    fi
    systemctl daemon-reload
}

promptRouterPort() {
    if isInteractive; then
        local _port_answer
        _port_answer="$(prompt "Enter the router port [${ZITI_ROUTER_PORT}]: " || true)"
        if [[ -n "${_port_answer}" ]]; then
            ZITI_ROUTER_PORT="${_port_answer}"
        fi
    fi
    setAnswer "ZITI_ROUTER_PORT=${ZITI_ROUTER_PORT}" "${BOOT_ENV_FILE}"
    if [[ "${ZITI_ROUTER_PORT}" -lt 1024 ]]; then
        grantNetBindService
    fi
}

promptCtrlAddress() {
  if [[ -z "${ZITI_CTRL_ADVERTISED_ADDRESS:-}" ]]; then
    if ZITI_CTRL_ADVERTISED_ADDRESS="$(prompt "Enter address of the controller [optional]: " || echo "")"; then
      if [[ -n "${ZITI_CTRL_ADVERTISED_ADDRESS}" ]]; then
        setAnswer "ZITI_CTRL_ADVERTISED_ADDRESS=${ZITI_CTRL_ADVERTISED_ADDRESS}" "${BOOT_ENV_FILE}"
      fi
    fi
  fi
}

# if bootstrapping was previously explicitly disabled and running interactively then prompt for re-enable, preserving
# the currently disabled setting if non-interactive or no answer
promptBootstrap() {
    # do not prompt if unset or set to true because executing interactively means we want bootstrapping
    if [[ -n "${ZITI_BOOTSTRAP:-}" && "${ZITI_BOOTSTRAP}" != true ]]; then
        if ZITI_BOOTSTRAP="$(prompt 'Generate a default config [y/N]: ' || echo 'false')"; then
            if [[ "${ZITI_BOOTSTRAP}" =~ ^([yY]([eE][sS])?|[tT]([rR][uU][eE])?)$ ]]; then
                ZITI_BOOTSTRAP=true
            elif [[ "${ZITI_BOOTSTRAP}" =~ ^([nN][oO]?|[fF]([aA][lL][sS][eE])?)$ ]]; then
                ZITI_BOOTSTRAP=false
            fi
        fi
        setAnswer "ZITI_BOOTSTRAP=${ZITI_BOOTSTRAP}" "${SVC_ENV_FILE}" "${BOOT_ENV_FILE}"
    fi
    if [[ -n "${ZITI_BOOTSTRAP:-}" && "${ZITI_BOOTSTRAP}" != true ]]; then
        return 1
    fi
}

setAnswer() {
  if [[ "${#}" -ge 2 ]]; then
    local _key=${1%=*}
    local _value=${1#*=}
    # strip quotes
    _value="${_value//\"}"
    _value="${_value//\'}"
    shift
    local -a _env_files=("${@}")  # ordered list of files to seek a matching key to assign value
    for _env_file in "${_env_files[@]}"; do
      # do nothing if already set
      if grep -qE "^${_key}=['\"]?${_value}['\"]?[\s$]" "${_env_file}"; then
        return 0
      # set if unset
      elif grep -qE "^${_key}=" "${_env_file}"; then
        sed -Ei "s|^${_key}=.*|${_key}='${_value}'|g" "${_env_file}"
        return 0
      fi
    done
    # append to last file if none matched the key
    echo -e "\n${_key}='${_value}'" >> "${_env_files[${#_env_files[@]}-1]}"
  else
    echo "ERROR: setAnswer() requires at least two arguments, e.g., setAnswer 'ZITI_PWD=abcd1234' ./some1.env ./some2.env" >&2
    return 1
  fi
}

promptCtrlPort() {
  if [[ -z "${ZITI_CTRL_ADVERTISED_ADDRESS:-}" ]]; then
    return 0
  fi

  if isInteractive; then
    local _port_answer
    _port_answer="$(prompt "Enter the controller port [${ZITI_CTRL_ADVERTISED_PORT}]: " || true)"
    if [[ -n "${_port_answer}" ]]; then
      ZITI_CTRL_ADVERTISED_PORT="${_port_answer}"
    fi
  fi
  setAnswer "ZITI_CTRL_ADVERTISED_PORT=${ZITI_CTRL_ADVERTISED_PORT}" "${BOOT_ENV_FILE}"
  if [[ "${ZITI_CTRL_ADVERTISED_PORT}" -lt 1024 ]]; then
    grantNetBindService
  fi
}

grantNetBindService() {
  # grant binding privileged low ports unless already granted
  if ! grep -qE '^AmbientCapabilities=CAP_NET_BIND_SERVICE' "${SVC_FILE}"; then
    # uncomment the line
    sed -Ei 's/.*(AmbientCapabilities=CAP_NET_BIND_SERVICE)/\1/' "${SVC_FILE}"
  fi
  systemctl daemon-reload
}

importZitiVars() {
  # Inherit ZITI_* vars from the environment. Feature flags (keys already in
  # service.env) update there; all others go to the temp boot env file.
  for line in $(set | grep -e "^ZITI_" | sort); do
    # shellcheck disable=SC2013
    setAnswer "${line}" "${SVC_ENV_FILE}" "${BOOT_ENV_FILE}"
  done
}

exportZitiVars() {
  # make ziti vars available in forks
  for line in $(set | grep -e "^ZITI_" | sort); do
    # shellcheck disable=SC2013
    export "${line%=*}"
  done
}

prepareWorkingDir() {
  if [[ -n "${1:-}" ]]; then
    local _config_dir="$1"
    echo "DEBUG: preparing working directory: $(realpath "${_config_dir}")" >&3
  else
    echo "ERROR: no working dir path provided" >&2
    return 1
  fi

  # shellcheck disable=SC2174
  mkdir -pm0700 "${_config_dir}"
  # set pwd for subesquent bootstrap command
  cd "${_config_dir}"
}

finalizeWorkingDir() {
  if [[ -n "${1:-}" ]]; then
    local _config_dir="$1"
    echo "DEBUG: finalizing working directory: $(realpath "${_config_dir}")" >&3
  else
    echo "ERROR: no working dir path provided" >&2
    return 1
  fi

  chown -R ziti-router:ziti-router "${_config_dir}/"
  chmod -R u=rwX,go-rwx "${_config_dir}/"
}

hintLinuxBootstrap() {

  local _work_dir="${1:-${PWD}}"

  echo -e "\nProvide a configuration in '${_work_dir}' or generate with:"\
          "\n  /opt/openziti/etc/router/bootstrap.bash [/path/to/answers.env]"\
          "\n"
}

dbFile() {
  if ! (( "${#}" )); then
    echo "ERROR: no config file path provided" >&2
    return 1
  fi
  local _config_file="${1}"
  awk -F: '/^db:/ {print $2}' "${_config_file}"|xargs realpath
}

exitHandler() {
  echo >&2
  echo "Something went wrong." >&2
  if [[ -s "${INFO_LOG_FILE:-}" || -s "${DEBUG_LOG_FILE:-}" ]]; then
    local _log_file
    _log_file="$(mktemp)"
    cat "${INFO_LOG_FILE:-/dev/null}" "${DEBUG_LOG_FILE:-/dev/null}" >| "${_log_file}"
    echo "  Output: ${_log_file}" >&2
  fi
  if [[ -s "${BOOT_ENV_FILE:-}" ]]; then
    echo "  Answers: ${BOOT_ENV_FILE}" >&2
  fi
  echo >&2
  echo "Re-run:" >&2
  echo "  sudo /opt/openziti/etc/router/bootstrap.bash${BOOT_ENV_FILE:+ ${BOOT_ENV_FILE}}" >&2
  echo >&2
  echo "Set DEBUG=1 for more output." >&2
}

# BEGIN

# set defaults
: "${ZITI_CTRL_ADVERTISED_PORT:=1280}"
# ZITI_ROUTER_ADVERTISED_ADDRESS has no default — Docker sets it via compose
# env; Linux prompts for it if unset (see promptRouterAddress).
: "${ZITI_ROUTER_PORT:=3022}"
: "${ZITI_ROUTER_BIND_ADDRESS:=0.0.0.0}"  # the interface address on which to listen
: "${ZITI_ROUTER_NAME:=router}"  # basename of identity files
: "${ZITI_ROUTER_IDENTITY_CERT:=${ZITI_ROUTER_NAME}.cert}"
: "${ZITI_ROUTER_TYPE:=edge}"  # type of router (edge, fabric)
: "${ZITI_ROUTER_MODE:=host}"  # router will panic if not tunneler-enabled in controller
: "${ZITI_ROUTER_TPROXY_RESOLVER:=udp://127.0.0.1:53}"  # where to listen for DNS requests in tproxy mode
: "${ZITI_ROUTER_DNS_IP_RANGE:=100.64.0.1/10}"  # CIDR range of IP addresses to assign to DNS clients in tproxy mode
ZITI_BOOTSTRAP_NOW="$(date --utc --iso-8601=seconds)"

# if sourced then only define vars and functions and change working directory; else if exec'd then run bootstrap()
if ! [[ "${BASH_SOURCE[0]}" == "${0}" ]]; then

  # ensure ZITI_HOME is working dir to allow paths to be relative or absolute
  cd "${ZITI_HOME:=${PWD}}" || {
    echo "ERROR: failed to cd to '${ZITI_HOME}'" >&2
    exit 1
  }

else

  set -o errexit
  set -o nounset
  set -o pipefail

  # Debug output and exit handler — only needed for direct execution.
  # When sourced (e.g., by entrypoint.bash), the caller manages its own
  # fd 3 and traps.
  : "${DEBUG:=0}"
  : "${VERBOSE:=1}"
  if (( DEBUG )); then
    exec 3>&1
    set -o xtrace
  else
    exec 3>>"${DEBUG_LOG_FILE:=$(mktemp)}"
  fi
  trap exitHandler EXIT

  export ZITI_HOME=/var/lib/ziti-router
  SVC_ENV_FILE=/opt/openziti/etc/router/service.env
  SVC_FILE=/etc/systemd/system/ziti-router.service.d/override.conf

  ANSWER_FILE=""
  if [[ "${1:-}" =~ ^[-] ]]
  then
    echo -e "\nUsage:"\
            "\n\t$0 [ANSWER_FILE]"\
            "\n" \
            "\nOPTIONS" \
            "\n" \
            "\nVERBOSE=1\tprint INFO" \
            "\nDEBUG=1\t\tprint DEBUG" \
            "\n" >&2
    hintLinuxBootstrap "${ZITI_HOME}"
    exit 1
  elif (( $# )); then
    ANSWER_FILE="$1"
  fi
  # config file is always the standard location
  set -- "${ZITI_HOME}/config.yml"
  echo "DEBUG: using config file: $*" >&3

  if [[ $UID != 0 ]]; then
    echo "ERROR: must be run as root" >&2
    exit 1
  fi

  prepareWorkingDir "${ZITI_HOME}"
  stashZitiEnv
  loadEnvFiles "${SVC_ENV_FILE}"  # feature flags (lowest precedence)
  restoreZitiEnv

  # Aggregate answers in a temp file — deleted on success.
  # Feature flags stay in service.env (the package conffile).
  # On failure the temp file survives for debugging.
  BOOT_ENV_FILE="$(mktemp)"
  if [[ -n "${ANSWER_FILE}" && -f "${ANSWER_FILE}" ]]; then
    echo "DEBUG: loading answers from ${ANSWER_FILE}" >&3
    loadEnvFiles "${ANSWER_FILE}"
  fi
  importZitiVars                # get ZITI_* vars from environment and set in BOOT_ENV_FILE

  promptBootstrap               # prompt for ZITI_BOOTSTRAP if explicitly disabled (set and != true)
  promptRouterAddress           # prompt for ZITI_ROUTER_ADVERTISED_ADDRESS if not already set
  promptRouterPort              # prompt for ZITI_ROUTER_PORT if not already answered
  promptEnrollToken             # prompt for ZITI_ENROLL_TOKEN if not already set

  # suppress normal output during bootstrapping unless VERBOSE
  exec 4>&1; exec 1>>"${INFO_LOG_FILE:=$(mktemp)}"
  if (( VERBOSE )); then
    exec 1>&4
  fi
  
  # run bootstrap(), set filemodes, and scrub enroll token
  if bootstrap "${@}"
  then
    finalizeWorkingDir "${ZITI_HOME}"
    # successfully running this script directly means bootstrapping was enabled
    setAnswer "ZITI_BOOTSTRAP=true" "${SVC_ENV_FILE}"
    # if VERBOSE, then stdin was already restore earlier, else do it now to announce completion
    if ! (( VERBOSE )); then
      exec 1>&4
    fi
    # clean up temp answers file — config.yml is the source of truth now
    rm -f "${BOOT_ENV_FILE:-}"
    echo -e "INFO: bootstrap completed successfully and will not run again."\
            "Adjust ${ZITI_HOME}/config.yml to suit." >&2
    trap - EXIT  # remove exit trap

    # On Linux with systemd, enable and start the service if not already running
    if [[ -d /run/systemd/system ]]; then
      if ! systemctl is-enabled --quiet ziti-router.service 2>/dev/null; then
        systemctl enable ziti-router.service
      fi
      if ! systemctl is-active --quiet ziti-router.service 2>/dev/null; then
        systemctl start ziti-router.service
      fi
      echo "Run 'systemctl status ziti-router' to verify." >&2
    fi
  else
    echo "ERROR: something went wrong during bootstrapping; set DEBUG=1" >&2
  fi
fi
