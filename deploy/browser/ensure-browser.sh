#!/usr/bin/env bash
# Run by `./mvnw verify` before anything is built: the real-browser tests need what Maven cannot fetch, Debian's
# Chromium and ChromeDriver and a Japanese font for the screenshots. Installs whatever is missing when it can
# (root with apt-get, as on CI and a fresh build machine); otherwise stops the build at once with the one line
# to run. `-DskipTests` skips this check.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if command -v dpkg-query >/dev/null 2>&1; then
  dpkg-query -W -f='${Status}' fonts-ipaexfont-gothic 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-ipaexfont-gothic)
else
  [ -f /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ] || missing+=(fonts-ipaexfont-gothic)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "• installing ${missing[*]} (Debian packages) for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The browser tests need Debian packages that are missing. Run: sudo apt-get install -y ${missing[*]}" >&2
exit 1
