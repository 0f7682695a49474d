#!/usr/bin/env bash
# Debian's Chromium for the site's browser tests (tests/test_site_browser.py, driven by Playwright).
set -euo pipefail
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
