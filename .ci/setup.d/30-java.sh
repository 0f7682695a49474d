#!/usr/bin/env bash
# A JVM for the OWL checks (tests/test_owl.py): HermiT, shipped by owlready2, and the OWL API.
set -euo pipefail
command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
