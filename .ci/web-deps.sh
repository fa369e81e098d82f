#!/bin/sh
# Installs what the web package's browser tests need: Chromium (driven by
# chromedp) and a font for legible screenshots. Debian/Ubuntu; run as root.
set -eu
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
	echo "web-deps: chromium already installed"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "web-deps: installed $(chromium --version 2>/dev/null || echo chromium)"
