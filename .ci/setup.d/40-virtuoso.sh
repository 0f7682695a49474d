#!/usr/bin/env bash
# Virtuoso Open Source (Debian's virtuoso-opensource) for tests/test_virtuoso.py and bench/run.py.
# The tests start their own private instance on loopback (citysafe_kg/virtuoso.py) with
# `virtuoso-t +foreground`: no service manager is needed, and the package's own service is not used.
set -euo pipefail
command -v virtuoso-t >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
# The package asks for the dba password of its system instance: answer it up front (never used here).
for question in dba-password dba-password-again; do
    echo "virtuoso-opensource-7 virtuoso-opensource-7/$question password dba" | debconf-set-selections
done
# No init system in CI: keep the package's scripts from starting (or failing to start) its service.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
command -v virtuoso-t >/dev/null
