#!/usr/bin/env bash
# Installs what the importer tests of quiz/export need, and prints the
# environment they read, for CI to eval:
#
#   eval "$(bash .ci/export-deps.sh)"
#
# - Mnemosyne 2.9 (Debian package, unpacked, not installed: only its Python
#   code is used) into $FACTDECK_CI_DIR/mnemosyne, run by Debian's python3
#   with -S, which needs nothing beyond Python's standard library.
# - gift-pegjs (npm) into $FACTDECK_CI_DIR/gift/node_modules, run by node.
#
# Idempotent: what is already there is kept. Progress goes to stderr; only
# the export lines go to stdout.
set -euo pipefail

ci_dir=${FACTDECK_CI_DIR:-/tmp/factdeck-ci}
mnemosyne_dir=$ci_dir/mnemosyne
gift_dir=$ci_dir/gift
gift_version=1.0.2
log() { echo "export-deps: $*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=
apt_update() {
	if [ -z "$apt_updated" ]; then
		log "apt-get update"
		as_root apt-get update -qq >&2
		apt_updated=1
	fi
}

apt_install() {
	apt_update
	log "apt-get install $*"
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >&2
}

mkdir -p "$ci_dir"

# Debian's python3 with the standard library (sqlite3, zipfile, json).
if ! /usr/bin/python3 -S -c 'import sqlite3, zipfile, json' 2>/dev/null; then
	apt_install python3
fi

# Mnemosyne's code, unpacked from its Debian package.
anki2=$mnemosyne_dir/usr/lib/python3/dist-packages/mnemosyne/libmnemosyne/file_formats/anki2.py
if [ ! -f "$anki2" ]; then
	apt_update
	work=$(mktemp -d)
	chmod a+rwx "$work" # apt downloads as its own user
	log "apt-get download mnemosyne"
	(cd "$work" && apt-get download mnemosyne >&2)
	rm -rf "$mnemosyne_dir"
	dpkg -x "$work"/mnemosyne_*.deb "$mnemosyne_dir"
	rm -rf "$work"
fi
PYTHONPATH=$mnemosyne_dir/usr/lib/python3/dist-packages /usr/bin/python3 -S \
	-c 'from mnemosyne.script import Mnemosyne' >&2
log "mnemosyne $(sed -n 's/^version = //p' "$mnemosyne_dir/usr/lib/python3/dist-packages/mnemosyne/version.py") in $mnemosyne_dir"

# gift-pegjs, pinned.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	apt_install nodejs npm
fi
if [ ! -f "$gift_dir/node_modules/gift-pegjs/package.json" ] ||
	! grep -q "\"version\": \"$gift_version\"" "$gift_dir/node_modules/gift-pegjs/package.json"; then
	mkdir -p "$gift_dir"
	log "npm install gift-pegjs@$gift_version"
	npm install --prefix "$gift_dir" --no-audit --no-fund --no-save --loglevel=error "gift-pegjs@$gift_version" >&2
fi
NODE_PATH=$gift_dir/node_modules node -e 'require("gift-pegjs").parse("Q {T}")' >&2
log "gift-pegjs $gift_version in $gift_dir"

echo "export FACTDECK_MNEMOSYNE_DIR=$mnemosyne_dir"
echo "export FACTDECK_GIFT_DIR=$gift_dir"
