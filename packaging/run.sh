#!/usr/bin/env bash
# `make run`: opens the editor on the default library (or LIBRARY=FILE),
# creating it with the demo set on first start. Without a display, says so.
set -euo pipefail
bin=$1; shift
lib=${1:-}
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && ${QT_QPA_PLATFORM:-} != offscreen ]]; then
  echo "make run: no display (DISPLAY is not set); use the command line instead, e.g. $bin list --help" >&2
  exit 1
fi
if [[ -n $lib ]]; then
  exec "$bin" --library "$lib"
fi
exec "$bin"
