#!/bin/sh
# Offline stand-ins for the tools the services' RUN lines and commands call, for the base
# images bench/transforms.py builds (builds run with --network none). One script, linked under
# each name; POSIX sh, for Debian's dash and busybox's ash alike.
#
# - apt-get/apt, apk: install from this release's catalogue ($BENCH/catalogue.<release>, the
#   repository as it is today: `package binary:source:version …`) by writing the package
#   database (dpkg's status.d, apk's installed) that the inventories read; an unknown package
#   fails as apt does offline. `upgrade` moves every installed package the catalogue has to its
#   version there: the pending security updates.
# - pip, python -m pip: record `name==version` as a *.dist-info/METADATA when the wheelhouse
#   ($BENCH/wheelhouse) has the name, else fail as pip does without an index.
# - npm install/ci: node_modules/<dependency>/package.json for each package.json dependency.
# - python, node, uvicorn, gunicorn, jupyter running an app: an HTTP server (busybox httpd) on
#   the usual ports until stopped; `python -c` and `node -e` probing a URL fetch it.
# - curl, wget: a URL on this machine is fetched, any other fails (no network).
# - addgroup, adduser: Alpine's (busybox-static has neither), writing /etc/group and /etc/passwd.
set -e
BENCH=/usr/share/bench
tool=${0##*/}

release() {
    if [ -f /etc/alpine-release ]; then echo alpine; else . /etc/os-release && echo "$VERSION_CODENAME"; fi
}

record() {  # binary source version
    if [ -f /etc/alpine-release ]; then
        mkdir -p /lib/apk/db
        if grep -qx "P:$1" /lib/apk/db/installed 2>/dev/null; then
            sed -i "/^P:$1\$/{n;s/^V:.*/V:$3/}" /lib/apk/db/installed
        else
            printf 'P:%s\nV:%s\no:%s\n\n' "$1" "$3" "$2" >> /lib/apk/db/installed
        fi
    else
        mkdir -p /var/lib/dpkg/status.d
        printf 'Package: %s\nStatus: install ok installed\nSource: %s (%s)\nVersion: %s\nArchitecture: amd64\n' \
            "$1" "$2" "$3" "$3" > "/var/lib/dpkg/status.d/$1"
    fi
    for program in $(programs "$1"); do ln -sf "$BENCH/bin/tool" "/usr/bin/$program"; done
    case "$1" in  # compilers weigh: what a multi-stage split leaves behind
        gcc-12|gcc) mkdir -p /usr/lib && head -c 30000000 /dev/zero > "/usr/lib/bench-$1.blob";;
    esac
}

installed() {
    if [ -f /etc/alpine-release ]; then grep -qx "P:$1" /lib/apk/db/installed 2>/dev/null
    else [ -f "/var/lib/dpkg/status.d/$1" ]; fi
}

programs() {
    case "$1" in
        curl) echo curl;; wget) echo wget;; gcc|gcc-12) echo gcc cc;; g++) echo g++;; make) echo make;;
        python3) echo python3;; python3-pip|py3-pip) echo pip3;; git) echo git;; nodejs) echo node;;
    esac
}

install() {
    for name in "$@"; do
        line=$(grep "^$name " "$BENCH/catalogue.$(release)" || true)
        if [ -z "$line" ]; then
            echo "E: Unable to locate package $name (offline: not in this bench's catalogue)" >&2
            exit 100
        fi
        for entry in ${line#* }; do
            IFS=: read -r binary source version <<EOF
$entry
EOF
            record "$binary" "$source" "$version"
        done
    done
}

upgrade() {
    for entry in $(cut -d' ' -f2- "$BENCH/catalogue.$(release)"); do
        IFS=: read -r binary source version <<EOF
$entry
EOF
        if installed "$binary"; then record "$binary" "$source" "$version"; fi
    done
}

packages_and_verb() {  # the words of an apt-get/apk/pip command line that are not options
    skip=""
    for word in "$@"; do
        if [ -n "$skip" ]; then skip=""; continue; fi
        case "$word" in
            -o|-t|-c|--target|--prefix|--root|-i|--index-url|--extra-index-url|-X|--repository) skip=1;;
            -*) ;;
            *) echo "$word";;
        esac
    done
}

site_packages() {
    case "$0" in
        */bin/pip|*/bin/pip3) dir=${0%/bin/*}; [ -f "$dir/pyvenv.cfg" ] && { echo "$dir/lib/python3.11/site-packages"; return; };;
    esac
    prefix=/usr/local target=""
    previous=""
    for word in "$@"; do
        case "$previous" in --prefix) prefix=$word;; --target|-t) target=$word;; esac
        case "$word" in --prefix=*) prefix=${word#--prefix=};; --target=*) target=${word#--target=};; esac
        previous=$word
    done
    if [ -n "$target" ]; then echo "$target"; else echo "$prefix/lib/python3.11/site-packages"; fi
}

pip_install() {
    site=$(site_packages "$@")
    wanted="" previous=""
    for word in "$@"; do
        if [ "$previous" = -r ] || [ "$previous" = --requirement ]; then wanted="$wanted $(grep -v '^ *#' "$word" | tr -d '\r')"; fi
        previous=$word
    done
    for word in $(packages_and_verb "$@" | sed 1d); do
        [ "$word" = "-r" ] || wanted="$wanted $word"
    done
    for requirement in $wanted; do
        case "$requirement" in *.txt) continue;; esac
        name=${requirement%%[=<>~!]*}
        version=$(echo "$requirement" | sed -n 's/^[^=]*==//p')
        known=$(grep -i "^$name " "$BENCH/wheelhouse" || true)
        if [ -z "$known" ]; then
            echo "ERROR: Could not find a version that satisfies the requirement $requirement (no network here)" >&2
            exit 1
        fi
        [ -n "$version" ] || version=${known#* }
        mkdir -p "$site/$name-$version.dist-info"
        printf 'Metadata-Version: 2.1\nName: %s\nVersion: %s\nLicense: MIT\n' "$name" "$version" \
            > "$site/$name-$version.dist-info/METADATA"
    done
}

npm_install() {
    [ -f package.json ] || { echo "npm ERR! enoent: no package.json" >&2; exit 254; }
    sed -n '/"dependencies"/,/}/p' package.json | sed -n 's/^ *"\([^"]*\)": *"[~^]*\([^"]*\)".*/\1 \2/p' |
    while read -r name version; do
        mkdir -p "node_modules/$name"
        printf '{"name": "%s", "version": "%s", "license": "MIT"}\n' "$name" "$version" > "node_modules/$name/package.json"
    done
}

serve() {
    for port in 80 3000 5000 8000 8080 8888 50051; do busybox httpd -p "$port" -h "$BENCH/www" 2>/dev/null || true; done
    trap 'exit 0' TERM INT
    busybox sleep 2147483647 &
    wait
}

probe() {  # the first URL of a probe's code, fetched
    url=$(echo "$*" | grep -oE "https?://[^'\" )]*" | head -n 1)
    [ -z "$url" ] || fetch "$url"
}

fetch() {
    case "$1" in
        http://localhost*|http://127.0.0.1*|http://0.0.0.0*) busybox wget -q -O /dev/null "$1";;
        *) echo "$tool: (6) Could not resolve host: ${1#*://} (no network here)" >&2; exit 6;;
    esac
}

case "$tool" in
    apt-get|apt|apk)
        set -- $(packages_and_verb "$@")
        verb=$1; shift || true
        case "$verb" in
            install|add) install "$@";;
            upgrade|dist-upgrade|full-upgrade) upgrade;;
            update|clean|autoremove|autoclean|del|remove|purge|cache) ;;
            *) echo "$tool $verb: not available offline" >&2; exit 100;;
        esac;;
    pip|pip3)
        case "$(packages_and_verb "$@" | head -n 1)" in
            install) pip_install "$@";;
            --version|"") echo "pip 24.2";;
        esac;;
    python|python3)
        case "$1" in
            -m) case "$2" in
                    pip) shift 2; pip=${0%/*}/pip; [ -e "$pip" ] || pip=$BENCH/bin/pip; exec "$pip" "$@";;
                    venv) mkdir -p "$3/bin" "$3/lib/python3.11/site-packages" && : > "$3/pyvenv.cfg"
                          for name in python python3 pip pip3; do ln -sf "$BENCH/bin/tool" "$3/bin/$name"; done;;
                    grpc_tools.*|compileall|py_compile) ;;
                    *) serve;;
                esac;;
            -c) probe "$2";;
            --version|-V) echo "Python 3.11.10";;
            *) serve;;
        esac;;
    node)
        case "$1" in -e) probe "$2";; --version|-v) echo "v20.17.0";; *) serve;; esac;;
    npm)
        case "$1" in install|ci|i) npm_install;; run) [ "$2" != build ] || { mkdir -p dist && echo "//" > dist/index.js; };; esac;;
    uvicorn|gunicorn|jupyter|flask) serve;;
    curl|wget)
        url=$(printf '%s\n' "$@" | grep "://" | head -n 1)
        [ -z "$url" ] || fetch "$url";;
    gcc|cc|g++|make) ;;
    addgroup)  # as Alpine's busybox has it: addgroup [-S] [-g GID] NAME
        gid=1000 previous=""
        for word in "$@"; do [ "$previous" != -g ] || gid=$word; previous=$word; done
        echo "$previous:x:$gid:" >> /etc/group;;
    adduser)  # adduser [-S] [-D] [-H] [-u UID] [-G GROUP] [-h HOME] [-s SHELL] NAME
        uid=1000 group="" home="" shell=/bin/sh previous=""
        for word in "$@"; do
            case "$previous" in -u) uid=$word;; -G) group=$word;; -h) home=$word;; -s) shell=$word;; esac
            previous=$word
        done
        gid=$(grep "^$group:" /etc/group | cut -d: -f3)
        home=${home:-/home/$previous}
        echo "$previous:x:$uid:${gid:-$uid}::$home:$shell" >> /etc/passwd
        mkdir -p "$home" && chown "$uid:${gid:-$uid}" "$home";;
    bench-preinstall)  # binary:source:version …, as the image was made (its age)
        for entry in "$@"; do
            IFS=: read -r binary source version <<EOF
$entry
EOF
            record "$binary" "$source" "$version"
        done;;
    git) [ "$1" = --version ] && echo "git version 2.39.5" || { echo "fatal: unable to access (no network here)" >&2; exit 128; };;
    *) echo "bench tool: $tool is not a stand-in" >&2; exit 127;;
esac
