#!/usr/bin/env bash
# Installs what the importer tests of quiz/export need and exports the
# variables they read. .ci/run sources it; it also runs on its own and then
# prints the export lines, for `eval "$(bash .ci/export-deps.sh)"`.
#
# - Mnemosyne 2.9 (Debian package, unpacked, not installed: only its Python
#   code is used) into $FACTDECK_CI_DIR/mnemosyne, run by Debian's python3
#   with -S, which needs nothing beyond Python's standard library.
# - gift-pegjs (npm, pinned) into $FACTDECK_CI_DIR/gift/node_modules, run by
#   node.
#
# Idempotent: what is already there is kept. Progress goes to stderr. When
# sourced it neither exits nor changes the caller's shell options; the
# installation runs in a subshell.

factdeck_ci_dir=${FACTDECK_CI_DIR:-/tmp/factdeck-ci}

(
	set -euo pipefail
	mnemosyne_dir=$factdeck_ci_dir/mnemosyne
	gift_dir=$factdeck_ci_dir/gift
	gift_version=1.0.2
	log() { echo "export-deps: $*"; }
	as_root() {
		if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
	}
	apt_updated=
	apt_update() {
		if [ -z "$apt_updated" ]; then
			log "apt-get update"
			as_root apt-get update -qq
			apt_updated=1
		fi
	}
	apt_install() {
		apt_update
		log "apt-get install $*"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
	}

	mkdir -p "$factdeck_ci_dir"

	# Debian's python3 with its standard library (sqlite3, zipfile, json).
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
		(cd "$work" && apt-get download -qq mnemosyne)
		rm -rf "$mnemosyne_dir"
		dpkg -x "$work"/mnemosyne_*.deb "$mnemosyne_dir"
		rm -rf "$work"
	fi
	PYTHONPATH=$mnemosyne_dir/usr/lib/python3/dist-packages /usr/bin/python3 -S \
		-c 'from mnemosyne.script import Mnemosyne'
	log "mnemosyne $(sed -n 's/^version = //p' "$mnemosyne_dir/usr/lib/python3/dist-packages/mnemosyne/version.py") in $mnemosyne_dir"

	# gift-pegjs, pinned.
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		apt_install nodejs npm
	fi
	if ! grep -qs "\"version\": \"$gift_version\"" "$gift_dir/node_modules/gift-pegjs/package.json"; then
		mkdir -p "$gift_dir"
		log "npm install gift-pegjs@$gift_version"
		npm install --prefix "$gift_dir" --no-audit --no-fund --no-save --loglevel=error "gift-pegjs@$gift_version"
	fi
	NODE_PATH=$gift_dir/node_modules node -e 'require("gift-pegjs").parse("Q {T}")'
	log "gift-pegjs $gift_version in $gift_dir"
) >&2
# Not "( ... ) || handler": errexit is off inside a command whose status is
# tested, and a failing step must stop the installation.
factdeck_deps_status=$?
if [ "$factdeck_deps_status" -ne 0 ]; then
	echo "export-deps: failed" >&2
	return "$factdeck_deps_status" 2>/dev/null || exit "$factdeck_deps_status"
fi

export FACTDECK_MNEMOSYNE_DIR=$factdeck_ci_dir/mnemosyne
export FACTDECK_GIFT_DIR=$factdeck_ci_dir/gift
echo "export FACTDECK_MNEMOSYNE_DIR=$FACTDECK_MNEMOSYNE_DIR"
echo "export FACTDECK_GIFT_DIR=$FACTDECK_GIFT_DIR"
