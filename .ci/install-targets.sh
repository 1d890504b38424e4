#!/usr/bin/env bash
# Install the real servers the tests start on 127.0.0.1 into .targets/ (idempotent: present ones are kept).
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
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${MAPSERVER_PACKAGES[@]}" >/dev/null ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${MAPSERVER_PACKAGES[@]}" >/dev/null; }
}

mkdir -p "$TARGETS"
install_pygeoapi
install_mapserver
