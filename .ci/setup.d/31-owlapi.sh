#!/usr/bin/env bash
# The OWL API (its OWL 2 DL profile checker) for tests/test_owl.py, from Debian's libowlapi-java.
set -euo pipefail
[ -e /usr/share/java/owlapi-distribution.jar ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libowlapi-java; }
