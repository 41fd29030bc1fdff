#!/bin/sh
# portal.sh - the portal under load: 100 concurrent sessions each logging in
# and uploading a district's month, against the command line ingesting the
# same files one after another, in the same run (bench/portal.py).
# usage: sh bench/portal.sh [SESSIONS]   (PROVSTAT=path/to/provstat to choose the binary)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ps=${PROVSTAT:-$here/../build/provstat}
work=$here/work/portal
mkdir -p "$work"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
exec "$py" "$here/portal.py" "$ps" "$work" "${1:-100}"
