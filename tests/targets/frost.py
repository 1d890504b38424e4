"""FROST-Server 2.0.0 (SensorThings API 1.1 reference implementation) on 127.0.0.1: session fixture ``frost_url``.

Maven Central serves FROST-Server's core, persistence (SQLjooq) and plugins, but not its servlet modules
(FROST-Server.HTTP, .HTTP.Common). The project's launcher (tests/targets/frost/, not part of FROST) serves FROST's
own service layer with the JDK's HTTP server; .ci/install-targets.sh builds it offline into ``.targets/frost``
(``frost-launcher-1.0.jar`` and ``lib/``). The fixture gives FROST its own PostGIS database (``postgis``), writes
FROST's settings (``persistence.autoUpdateDatabase=true``: FROST creates its tables with Liquibase at start),
runs ``java -cp … org.wechselbar.frost.Launcher frost.properties``, waits for the service root and seeds the
Things of files/sta/things.json through FROST's POST API (deep inserts). FROST's MQTT manager runs its Moquette
broker on another free port of 127.0.0.1 (named in the root's serverSettings). Java is stopped by its PID.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.targets.postgis import PostgisCluster
from tests.targets.sensorthings import post, seed
from tests.targets.servers import TARGETS, free_port, running

HOME_ENV = "WECHSELBAR_FROST_HOME"
CONTEXT = "/FROST-Server"


def home() -> Path | None:
    """The built launcher (``frost-launcher-1.0.jar`` beside ``lib/``), if it is there and Java is on PATH."""
    folder = Path(os.environ.get(HOME_ENV) or TARGETS / "frost")
    built = (folder / "frost-launcher-1.0.jar").exists() and (folder / "lib").is_dir()
    return folder if built and shutil.which("java") else None


def settings(port: int, database: PostgisCluster, dbname: str, workdir: Path, mqtt: int = 0) -> str:
    """FROST's settings (its own keys) plus the launcher's port and context, as a properties text; with an MQTT
    port FROST's MQTT manager runs the Moquette broker on 127.0.0.1 (its websocket port is another free one)."""
    entries = {
        "launcher.port": str(port),
        "launcher.context": CONTEXT,
        "serviceRootUrl": f"http://127.0.0.1:{port}{CONTEXT}",
        "tempPath": str(workdir),
        "persistence.persistenceManagerImplementationClass": (
            "de.fraunhofer.iosb.ilt.frostserver.persistence.pgjooq.PostgresPersistenceManager"
        ),
        "persistence.db.driver": "org.postgresql.Driver",
        "persistence.db.url": f"jdbc:postgresql://{database.host}:{database.port}/{dbname}",
        "persistence.db.username": database.user,
        "persistence.db.password": "",
        "persistence.autoUpdateDatabase": "true",
        "persistence.idGenerationMode": "ServerGeneratedOnly",
        "plugins.coreModel.idType": "LONG",
        "plugins.multiDatastream.enable": "true",
        "bus.busImplementationClass": "de.fraunhofer.iosb.ilt.frostserver.messagebus.InternalMessageBus",
    }
    if mqtt:
        entries |= {
            "mqtt.Enabled": "true",
            "mqtt.mqttServerImplementationClass": "de.fraunhofer.iosb.ilt.frostserver.mqtt.moquette.MoquetteMqttServer",
            "mqtt.Host": "127.0.0.1",
            "mqtt.internalHost": "127.0.0.1",
            "mqtt.Port": str(mqtt),
            "mqtt.WebsocketPort": str(free_port()),
        }
    return "".join(f"{key}={value}\n" for key, value in entries.items())


MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"
MULTI_SEED = {"MultiDatastreams": 1, "Observations": 2}  # added to the Things' seed (sensorthings.SEED)


def multi_datastream(thing: str) -> dict[str, Any]:
    """One MultiDatastream (air temperature and humidity) of the first seeded Thing, with two Observations."""
    units = [
        {"name": "degree Celsius", "symbol": "°C", "definition": "http://qudt.org/vocab/unit/DEG_C"},
        {"name": "percent", "symbol": "%", "definition": "http://qudt.org/vocab/unit/PERCENT"},
    ]
    return {
        "name": "Klima Rathaus",
        "description": "Lufttemperatur und relative Feuchte",
        "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation",
        "multiObservationDataTypes": [MEASUREMENT, MEASUREMENT],
        "unitOfMeasurements": units,
        "Thing": {"@iot.id": int(thing.rsplit("(", 1)[1].rstrip(")"))},
        "Sensor": {"name": "Klimasensor", "description": "T/RH", "encodingType": "text/html", "metadata": "-"},
        "ObservedProperties": [
            {"name": "Lufttemperatur MD", "definition": "https://example.org/def/t", "description": "T"},
            {"name": "Relative Feuchte MD", "definition": "https://example.org/def/rh", "description": "RH"},
        ],
        "Observations": [
            {"phenomenonTime": "2026-03-01T10:00:00Z", "result": [11.5, 62]},
            {"phenomenonTime": "2026-03-01T11:00:00Z", "result": [12.0, 60]},
        ],
    }


@contextmanager
def serve(folder: Path, database: PostgisCluster, workdir: Path) -> Iterator[str]:
    """Create the database, write the settings, start the launcher and seed; yields the v1.1 service root."""
    database.create_database("frost")
    port, mqtt = free_port(), free_port()
    properties = workdir / "frost.properties"
    properties.write_text(settings(port, database, "frost", workdir, mqtt), encoding="utf-8")
    classpath = f"{folder / 'frost-launcher-1.0.jar'}:{folder / 'lib'}/*"
    argv = ["java", "-Xmx512m", "-cp", classpath, "org.wechselbar.frost.Launcher", str(properties)]
    root = f"http://127.0.0.1:{port}{CONTEXT}/v1.1/"
    with running(argv, root, workdir / "server.log", cwd=workdir, timeout=180):
        things = seed(root)
        post(root + "MultiDatastreams", multi_datastream(things[0]))
        yield root


@pytest.fixture(scope="session")
def frost_url(postgis: PostgisCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service root (``http://127.0.0.1:<port>/FROST-Server/v1.1/``) of a seeded FROST-Server 2.0.0."""
    folder = home()
    if folder is None:
        pytest.skip(f"the FROST-Server launcher is not built: run .ci/install-targets.sh or set {HOME_ENV}")
    with serve(folder, postgis, tmp_path_factory.mktemp("frost")) as root:
        yield root
