#!/usr/bin/env bash
# Install what README's test command needs on a fresh machine (idempotent: present ones are kept):
#   python3-venv (Debian, Ubuntu: `python3 -m venv` needs it), with apt-get, only when run as root
# and the real servers the tests start on 127.0.0.1 into .targets/:
#   .targets/pygeoapi  pygeoapi 0.21.0 + gunicorn in their own virtualenv (OGC API – Features)
#   MapServer 8 (Debian cgi-mapserver) + lighttpd + gdal-bin, with apt-get, only when run as root
#   .targets/pycsw        pycsw 2.6.2 + SQLAlchemy<2 + gunicorn (CSW 2.0.2/3.0)
#   .targets/sensorthings django-ogc-sensorthings 1.2.0 + uvicorn (SensorThings API 1.1)
#   PostgreSQL 15 + PostGIS 3 (Debian), with apt-get as root; psycopg2-binary + GeoAlchemy2 in .targets/pygeoapi
#   .targets/frost        FROST-Server 2.0.0 (Maven Central) + the project's launcher (tests/targets/frost/),
#                         built with Maven (Java 17 + Maven from Debian, with apt-get as root)
#   Chromium (Debian chromium), with apt-get as root: the headless layout test of the matrix page
#   libxml2 + libxml2-utils (Debian), with apt-get as root: the fast XSD verdict (libxml2.so.2) and xmllint
# Tests that need a server that is not installed are skipped with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."

PYGEOAPI_VERSION="0.21.0"
PYTHON="${PYTHON:-python3}"
TARGETS=".targets"

pygeoapi_ready() {
  [ -x "$1/bin/pygeoapi" ] && [ -x "$1/bin/gunicorn" ] && "$1/bin/pip" --version >/dev/null 2>&1 &&
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

apt_packages() {  # name, packages...: install Debian packages, only as root where apt-get exists
  local name=$1
  shift
  if ! command -v apt-get >/dev/null || [ "$(id -u)" != "0" ]; then
    echo "$name: not installed (needs apt-get as root); its tests will be skipped"
    return
  fi
  echo "$name: installing $*"
  apt_install "$@"
}

install_mapserver() {
  if [ -x /usr/lib/cgi-bin/mapserv ] && command -v lighttpd >/dev/null && command -v ogr2ogr >/dev/null; then
    echo "MapServer: present"
    return
  fi
  apt_packages MapServer "${MAPSERVER_PACKAGES[@]}"
}

PYCSW_VERSION="2.6.2"
STA_VERSION="1.2.0"
POSTGIS_PACKAGES=(postgresql-15 postgresql-15-postgis-3 gdal-bin)

venv_has() {  # venv, python expression that must be true; a venv moved from elsewhere (stale script paths) is not
  [ -x "$1/bin/python" ] && "$1/bin/pip" --version >/dev/null 2>&1 &&
    "$1/bin/python" -c "import sys; sys.exit(not ($2))" 2>/dev/null
}

install_target_venv() {  # name, venv, readiness expression, pip requirements...
  local name=$1 venv=$2 ready=$3
  shift 3
  if venv_has "$venv" "$ready"; then
    echo "$name: present in $venv"
    return
  fi
  echo "$name: installing $* into $venv"
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "$@"
  venv_has "$venv" "$ready"
}

install_pycsw() {
  install_target_venv "pycsw $PYCSW_VERSION" "$TARGETS/pycsw" \
    "__import__('pycsw').__version__ == '$PYCSW_VERSION' and __import__('sqlalchemy').__version__ < '2' and __import__('gunicorn')" \
    "pycsw==$PYCSW_VERSION" "SQLAlchemy<2.0.0" gunicorn
}

install_sensorthings() {
  install_target_venv "django-ogc-sensorthings $STA_VERSION" "$TARGETS/sensorthings" \
    "__import__('importlib.metadata').metadata.version('django-ogc-sensorthings') == '$STA_VERSION' and __import__('uvicorn')" \
    "django-ogc-sensorthings==$STA_VERSION" uvicorn
}

install_postgis() {
  if [ -f /usr/share/postgresql/15/extension/postgis.control ] && [ -x /usr/lib/postgresql/15/bin/initdb ] &&
    command -v ogr2ogr >/dev/null; then
    echo "PostgreSQL 15 + PostGIS 3: present"
    return
  fi
  apt_packages "PostgreSQL 15 + PostGIS 3" "${POSTGIS_PACKAGES[@]}"
}

install_pygeoapi_postgres() {
  local venv="$TARGETS/pygeoapi"
  if ! pygeoapi_ready "$venv"; then
    return
  fi
  if venv_has "$venv" "__import__('psycopg2') and __import__('geoalchemy2')"; then
    echo "pygeoapi PostgreSQL provider drivers: present in $venv"
    return
  fi
  echo "pygeoapi PostgreSQL provider drivers: installing psycopg2-binary geoalchemy2 into $venv"
  "$venv/bin/pip" install -q --disable-pip-version-check psycopg2-binary geoalchemy2
}

FROST_SOURCES=(tests/targets/frost/pom.xml tests/targets/frost/src/main/java/org/wechselbar/frost/*.java)

install_frost() {  # resolve once online (dependency:go-offline), then build offline; rebuilt when the sources change
  local home="$TARGETS/frost" stamp
  if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    apt_packages "Java 17 + Maven" openjdk-17-jdk-headless maven
  fi
  if ! command -v mvn >/dev/null; then
    return
  fi
  stamp=$(cat "${FROST_SOURCES[@]}" | sha256sum | cut -d' ' -f1)
  if [ -f "$home/frost-launcher-1.0.jar" ] && [ "$(cat "$home/sources.sha256" 2>/dev/null)" = "$stamp" ]; then
    echo "FROST-Server launcher: present in $home"
    return
  fi
  echo "FROST-Server launcher: building into $home"
  rm -rf "$home"
  local pom=tests/targets/frost/pom.xml build="$PWD/$home/build"
  if ! mvn -B -q -Dstyle.color=never -f "$pom" dependency:go-offline >/dev/null || ! mvn -B -q -Dstyle.color=never -o -f "$pom" -Dlauncher.build="$build" package; then
    echo "FROST-Server launcher: the build failed (Maven Central not reachable?); its tests will be skipped"
    rm -rf "$home"
    return
  fi
  cp -r "$build/frost-launcher-1.0.jar" "$build/lib" "$home/"
  rm -rf "$build"
  echo "$stamp" >"$home/sources.sha256"
}

install_chromium() {
  if command -v chromium >/dev/null; then
    echo "Chromium: present"
    return
  fi
  apt_packages Chromium chromium
}

install_libxml2() {
  if ldconfig -p 2>/dev/null | grep 'libxml2\.so\.2 ' >/dev/null && command -v xmllint >/dev/null; then
    echo "libxml2: present"
    return
  fi
  apt_packages libxml2 libxml2 libxml2-utils
}

install_venv
install_libxml2
mkdir -p "$TARGETS"
install_pygeoapi
install_mapserver
install_pycsw
install_sensorthings
install_postgis
install_pygeoapi_postgres
install_frost
install_chromium
