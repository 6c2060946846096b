#!/usr/bin/env bash
# Installs the Debian 12 packages Field Office needs to build, test and run.
# A fast no-op when everything is already there; uses sudo when not root.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ make pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libgl-dev
  libsqlite3-dev libmd4c-dev libmd4c-html0-dev
  libgumbo-dev
  # spelling (issue 12 item 3): Hunspell and the dictionaries of the story languages that have one
  libhunspell-dev hunspell-en-us hunspell-en-gb hunspell-fr hunspell-bn
  libpango1.0-dev libcairo2-dev libfontconfig-dev
  # run: fonts that draw Bengali and Tamil correctly
  fonts-noto-core fonts-dejavu-core
  # run: emoji in colour in the window; in outline in the PDF (text that copies, issue 12 item 9)
  fonts-noto-color-emoji fonts-symbola
  # tests: HTML validation and PDF text extraction
  tidy poppler-utils sqlite3
  # tests: PDF structure check (tst_torture); libFuzzer targets (tests/fuzz, `make fuzz`)
  qpdf clang-14 libclang-rt-14-dev llvm-14
  # CI hygiene: formatting (.ci/check-format)
  clang-format-14
  # `make run` under a virtual display / screenshots
  xvfb xauth x11-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=
if [[ $(id -u) != 0 ]]; then
  if command -v sudo >/dev/null; then
    sudo=sudo
  else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
