#!/usr/bin/env bash
# Installs what the browser tests (tests/e2e, marker `browser`) need: Debian's chromium and a
# Korean font for readable screenshots. Playwright drives this chromium
# (executable_path=/usr/bin/chromium); it never downloads a browser of its own.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
fc-list : family 2>/dev/null | grep -i "noto sans cjk" >/dev/null || packages+=(fonts-noto-cjk)

if [ ${#packages[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${packages[@]}"
fi

/usr/bin/chromium --version
