#!/usr/bin/env bash
# Install what README's test command needs on a fresh machine (idempotent: present ones are kept):
#   python3-venv (Debian, Ubuntu: `python3 -m venv` needs it), with apt-get, only when run as root
# and the real servers the tests start on 127.0.0.1 into .targets/:
#   .targets/pygeoapi  pygeoapi 0.21.0 + gunicorn in their own virtualenv (OGC API – Features)
#   MapServer 8 (Debian cgi-mapserver) + lighttpd + gdal-bin, with apt-get, only when run as root
# Tests that need a server that is not installed are skipped with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."

PYGEOAPI_VERSION="0.21.0"
PYTHON="${PYTHON:-python3}"
TARGETS=".targets"

pygeoapi_ready() {
  [ -x "$1/bin/pygeoapi" ] && [ -x "$1/bin/gunicorn" ] &&
    "$1/bin/python" -c "import pygeoapi, sys; sys.exit(pygeoapi.__version__ != '$PYGEOAPI_VERSION')" 2>/dev/null
}

install_pygeoapi() {
  local venv="$TARGETS/pygeoapi"
  if pygeoapi_ready "$venv"; then
    echo "pygeoapi $PYGEOAPI_VERSION: present in $venv"
    return
  fi
  echo "pygeoapi $PYGEOAPI_VERSION: installing into $venv"
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "pygeoapi==$PYGEOAPI_VERSION" gunicorn
  pygeoapi_ready "$venv"
}

install_venv() {
  if "$PYTHON" -c "import ensurepip, venv" 2>/dev/null; then
    return
  fi
  if ! command -v apt-get >/dev/null || [ "$(id -u)" != "0" ]; then
    echo "python3-venv: missing, and installing it needs apt-get as root (apt-get install python3-venv)" >&2
    return 1
  fi
  echo "python3-venv: installing"
  apt_install python3-venv
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}

MAPSERVER_PACKAGES=(cgi-mapserver mapserver-bin gdal-bin lighttpd)

install_mapserver() {
  if [ -x /usr/lib/cgi-bin/mapserv ] && command -v lighttpd >/dev/null && command -v ogr2ogr >/dev/null; then
    echo "MapServer: present"
    return
  fi
  if ! command -v apt-get >/dev/null || [ "$(id -u)" != "0" ]; then
    echo "MapServer: not installed (needs apt-get as root); its tests will be skipped"
    return
  fi
  echo "MapServer: installing ${MAPSERVER_PACKAGES[*]}"
  apt_install "${MAPSERVER_PACKAGES[@]}"
}

install_venv
mkdir -p "$TARGETS"
install_pygeoapi
install_mapserver
