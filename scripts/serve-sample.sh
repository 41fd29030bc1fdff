#!/bin/sh
# serve-sample.sh - the portal on the sample database (./build.sh serve).
#
# usage: sh scripts/serve-sample.sh PROVSTAT [ADDR:PORT]
#
# Uses build/sample/quang-ninh.db (made by ./build.sh sample; made here when
# missing), adds three demonstration accounts when absent, prints their
# logins and passwords, and serves until Ctrl-C. The passwords are for the
# demonstration on loopback only: change them (`provstat user passwd`) or
# use other accounts on a real server.
set -eu
cd "$(dirname "$0")/.."
ps=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
listen=${2:-127.0.0.1:8080}
db=build/sample/quang-ninh.db
[ -f "$db" ] || sh scripts/run-sample.sh "$ps" >/dev/null
add() { # LOGIN PASSWORD ROLE-OPTIONS...
    login=$1 pw=$2
    shift 2
    if ! "$ps" --db "$db" user list --format csv | cut -d, -f1 | grep -qx "$login"; then
        printf '%s\n' "$pw" | "$ps" --db "$db" user add "$login" "$@" >/dev/null
    fi
    echo "  $login / $pw ($*)"
}
echo "demonstration accounts on $db:"
add admin demo-admin-2016 --role admin
add lanhdao demo-leader-2016 --role leader
add halong demo-halong-2016 --reporter CCTK_193
echo "open http://$listen/ (Ctrl-C stops the server)"
exec "$ps" --db "$db" serve --listen "$listen"
