"""A real pycsw 2.6.2 (PyPI, CSW 2.0.2 and 3.0.0) on 127.0.0.1 for the tests: session fixture ``pycsw_url``.

The catalogue is a SQLite repository set up with ``pycsw-admin.py -c setup_db`` and loaded with
``-c load_records`` from the records in tests.targets.csw_records (``RECORDS``: five Dublin Core csw:Record, three
ISO 19139 dataset and two ISO 19139 service records in the GDI-DE style). The ISO application profile (apiso)
is on, INSPIRE and transactions are off. gunicorn runs with its own control socket and is stopped by its PID;
the first 200 on GetCapabilities comes after about 1-2 s. The venv comes from $WECHSELBAR_PYCSW_VENV or
<repo>/.targets/pycsw (see .ci/install-targets.sh): pycsw 2.6.2 needs SQLAlchemy<2, so it has its own venv.

Facts for suites (measured with this setup): KVP GetRecords answers ``application/xml``, the other operations
``application/xml; charset=UTF-8``; an unknown request is an OWS ExceptionReport with HTTP 200; GetRecordById with
an unknown id is 200 with an empty response in CSW 2.0.2 and 404 (ows20 ExceptionReport NotFound) in CSW 3.0.0.
gzip stays off (no ``gzip_compresslevel``): with it, pycsw 2.6.2's WSGI app compresses the body for clients that
accept gzip but keeps the Content-Length of the uncompressed body, so such clients get a cut or stalled response.
"""

from __future__ import annotations

import configparser
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.targets.csw_records import write_records
from tests.targets.servers import free_port, gunicorn, installed_venv, running

VENV_ENV = "WECHSELBAR_PYCSW_VENV"
CSW_CAPABILITIES = "?service=CSW&version=2.0.2&request=GetCapabilities"


def venv() -> Path | None:
    """The pycsw virtualenv, if it is installed."""
    return installed_venv(VENV_ENV, "pycsw", "pycsw-admin.py", "gunicorn")


def config(workdir: Path, port: int) -> configparser.ConfigParser:
    """pycsw's ini configuration: SQLite repository in ``workdir``, ISO profile on, no INSPIRE, no transactions."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_dict(
        {
            "server": {
                "home": str(workdir),
                "url": f"http://127.0.0.1:{port}/",
                "mimetype": "application/xml; charset=UTF-8",
                "encoding": "UTF-8",
                "language": "en-US",
                "maxrecords": "10",
                "profiles": "apiso",
            },
            "manager": {"transactions": "false", "allowed_ips": "127.0.0.1"},
            "metadata:main": {
                "identification_title": "wechselbar CSW target",
                "identification_abstract": "pycsw for the test suite",
                "identification_keywords": "catalogue,discovery,metadata",
                "identification_keywords_type": "theme",
                "identification_fees": "None",
                "identification_accessconstraints": "None",
                "provider_name": "Stadt Musterstadt",
                "provider_url": "https://example.org/",
                "contact_name": "Test",
                "contact_email": "geodaten@example.org",
                "contact_role": "pointOfContact",
            },
            "repository": {"database": f"sqlite:///{workdir}/records.db", "table": "records"},
            "metadata:inspire": {"enabled": "false"},
        }
    )
    return parser


def _admin(folder: Path, workdir: Path, *args: str) -> None:
    argv = [
        str(folder / "bin" / "python"),
        str(folder / "bin" / "pycsw-admin.py"),
        "-f",
        str(workdir / "pycsw.cfg"),
        *args,
    ]
    result = subprocess.run(argv, cwd=workdir, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pycsw-admin.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def prepare(folder: Path, workdir: Path, port: int) -> None:
    """Write the config and the records, create the repository and load the records into it."""
    with (workdir / "pycsw.cfg").open("w", encoding="utf-8") as out:
        config(workdir, port).write(out)
    write_records(workdir / "records")
    _admin(folder, workdir, "-c", "setup_db")
    _admin(folder, workdir, "-c", "load_records", "-p", str(workdir / "records"), "-r")


@contextmanager
def serve(folder: Path, workdir: Path) -> Iterator[str]:
    """Configure, load and run pycsw from the venv ``folder`` in ``workdir``; yields its base URL (ending in /)."""
    port = free_port()
    prepare(folder, workdir, port)
    env = {**os.environ, "PYCSW_CONFIG": str(workdir / "pycsw.cfg"), "HOME": str(workdir)}
    url = f"http://127.0.0.1:{port}/"
    argv = gunicorn(folder, port, workdir, "pycsw.wsgi:application")
    with running(argv, url + CSW_CAPABILITIES, workdir / "server.log", env=env, cwd=workdir, timeout=60):
        yield url


@pytest.fixture(scope="session")
def pycsw_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:<port>/``) of a running, loaded pycsw; skips when it is not installed."""
    folder = venv()
    if folder is None:
        pytest.skip(f"pycsw 2.6.2 is not installed: run .ci/install-targets.sh or set {VENV_ENV}")
    with serve(folder, tmp_path_factory.mktemp("pycsw")) as url:
        yield url
