#!/bin/sh
# build.sh - set up a Debian 12 machine for provstat, build it, and then
#   ./build.sh sample   run the Quảng Ninh sample pipeline to a report
#   ./build.sh test     run every test, in the plain and the sanitizer build; build
#                       everything with clang too (warnings as errors) and give
#                       each fuzz harness a short run (tests/fuzz/README.md)
#   ./build.sh serve    the web portal on the sample database (until Ctrl-C)
# Missing Debian packages are installed when run as root; otherwise the
# apt-get line to run is printed.
set -eu
cd "$(dirname "$0")"

PACKAGES="gcc make cmake pkg-config libc6-dev sqlite3 libsqlite3-dev libcsv-dev \
libxlsxwriter-dev libgsl-dev libssl-dev libunistring-dev libzip-dev libexpat1-dev libsodium-dev libmicrohttpd-dev \
python3 python3-openpyxl python3-selenium chromium chromium-driver locales unzip"
# the clang build and the fuzz harnesses (tests/fuzz)
PACKAGES="$PACKAGES clang libclang-rt-14-dev"

need_packages() {
    missing=""
    for p in $PACKAGES; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing="$missing $p"
        fi
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "provstat needs these Debian packages:$missing" >&2
        echo "run as root:  apt-get update && apt-get install -y$missing" >&2
        exit 1
    fi
    echo "installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing
}

build() { # build DIR [cmake options]
    dir=$1; shift
    cmake -S . -B "$dir" -DPS_WERROR=ON "$@" >/dev/null
    cmake --build "$dir" -j"$(nproc 2>/dev/null || echo 2)"
}

case "${1:-}" in
sample)
    need_packages
    build build
    sh scripts/run-sample.sh build/provstat
    ;;
serve)
    need_packages
    build build
    sh scripts/serve-sample.sh build/provstat "${2:-127.0.0.1:8080}"
    ;;
test)
    need_packages
    build build
    build build-asan -DPS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
    (CC=clang; export CC; build build-clang -DPS_FUZZ=ON)
    echo "== plain build"
    ctest --test-dir build --output-on-failure -j2
    echo "== sanitizer build (AddressSanitizer + UndefinedBehaviorSanitizer)"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure -j2
    echo "== clang build: a short run of each fuzz harness"
    ctest --test-dir build-clang --output-on-failure -j2 -R '^fuzz_'
    ;;
*)
    echo "usage: ./build.sh sample | ./build.sh test | ./build.sh serve [ADDR:PORT]" >&2
    exit 2
    ;;
esac
