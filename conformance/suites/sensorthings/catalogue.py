"""OGC SensorThings API Part 1: Sensing 1.1 (OGC 18-088), read-only: classes Sensing Core and Filtering Extension.

Requirement ids are the requirement URIs of 18-088 (``http://www.opengis.net/spec/iot_sensing/1.1/req/...``).
Checked here: the URIs against the requirement list of the conformance tests of FROST-Server, the reference
implementation (``de.fraunhofer.iosb.ilt.statests.Requirement``, 1.1), and the requirement-class table of the
SensorThings 1.0 text (15-078r6), which 1.1 keeps except ``built-in-filter-functions`` → ``built-in-query-functions``.
Every requirement of 18-088 is a SHALL (MUSS). The statements summarise the requirement texts of the standard's
AsciiDoc source of clause 9 (resource path and requesting data, github.com/hylkevds/SensorThingsAPI-Adoc,
``src/15-078/09_service_interface.adoc``, which already names ``built-in-query-functions``) and of clause 8 (the
entity tables); 18-088's published text itself could not be read in full here, so the statements are not
quotations and the spec links point at the document, not at a requirement anchor.

Claims come from ``serverSettings.conformance`` of the service root: a listed URI that is the class URI or lies
below it (``…/req/request-data/orderby``) claims the class. Create-Update-Delete, Batch, MultiDatastream, DataArray
and the MQTT classes are not checked (writing needs an opt-in of the vendors file; not built yet).
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation

ID = "sensorthings-1.1"
VERSION = "1.1"
SPEC = "https://docs.ogc.org/is/18-088/18-088.html"
BASE = "http://www.opengis.net/spec/iot_sensing/1.1"
CORE = f"{BASE}/req/datamodel"
FILTERING = f"{BASE}/req/request-data"
RESOURCE_PATH = f"{BASE}/req/resource-path"

CLASSES = (
    ConformanceClass(CORE, "core", "Sensing Core (Datenmodell und Ressourcenpfade)", "Sensing Core", SPEC),
    ConformanceClass(FILTERING, "filtering", "Filtering Extension (Abfrageoptionen)", "Filtering Extension", SPEC),
)

ENTITY_TYPES = (
    ("thing", "Thing"),
    ("location", "Location"),
    ("historical-location", "HistoricalLocation"),
    ("datastream", "Datastream"),
    ("sensor", "Sensor"),
    ("observed-property", "ObservedProperty"),
    ("observation", "Observation"),
    ("feature-of-interest", "FeatureOfInterest"),
)

_CORE = (
    (
        "datamodel/entity-control-information/common-control-information",
        "Each entity SHALL carry its control information: @iot.id, and @iot.selfLink, the absolute URL that "
        "addresses the entity itself.",
    ),
    *(
        item
        for slug, name in ENTITY_TYPES
        for item in (
            (
                f"datamodel/{slug}/properties",
                f"Each {name} entity SHALL have the mandatory properties of its "
                "entity type with values of the specified types (times in ISO 8601, locations and areas as GeoJSON "
                "where the encodingType says so).",
            ),
            (
                f"datamodel/{slug}/relations",
                f"Each {name} entity SHALL have the mandatory relations of its entity "
                "type, given as navigation links that resolve to the related entities.",
            ),
        )
    ),
    (
        "resource-path/resource-path-to-entities",
        "The service SHALL answer the resource paths of clause 9.2: the service root lists every entity set with "
        "name and url, an entity set answers with a value array, an entity by its id, a property of an entity and "
        "the raw value of a property.",
    ),
)

_FILTERING = (
    (
        "request-data/top",
        "$top=n SHALL return the available entities up to but not more than n; a $top above the "
        "service's page limit SHALL be discarded and the limit imposed.",
    ),
    (
        "request-data/skip",
        "$skip=n SHALL return the entities from position n+1 on, in an order that is stable "
        "across requests with $top and $skip.",
    ),
    (
        "request-data/count",
        "$count=true SHALL add @iot.count, the number of entities of the whole result "
        "regardless of $top and $skip; $count=false SHALL leave it out; any other value SHALL be answered with 400.",
    ),
    ("request-data/orderby", "$orderby SHALL order the result by the named properties, asc or desc."),
    ("request-data/select", "$select SHALL return only the selected properties."),
    ("request-data/expand", "$expand SHALL include the related entities of the named navigation properties inline."),
    ("request-data/filter", "$filter SHALL return only the entities for which the expression is true."),
    (
        "request-data/built-in-filter-operations",
        "The comparison (eq, ne, gt, ge, lt, le) and logical (and, or, not) operators SHALL be supported in $filter.",
    ),
    (
        "request-data/built-in-query-functions",
        "The built-in query functions (string functions such as "
        "substringof, startswith, endswith, length, tolower, toupper; date functions such as year) SHALL be "
        "supported in $filter.",
    ),
    (
        "request-data/pagination",
        "A response with only part of the result SHALL carry @iot.nextLink to the next part, and the final part "
        "SHALL NOT carry one; following the links returns every entity of the result once.",
    ),
)


def _requirement(path: str, cls: str, statement: str) -> Requirement:
    return Requirement(f"{BASE}/req/{path}", cls, ID, VERSION, Obligation.MUSS, statement, SPEC)


REQUIREMENTS = tuple(_requirement(p, CORE, s) for p, s in _CORE) + tuple(
    _requirement(p, FILTERING, s) for p, s in _FILTERING
)

STANDARD = Standard(
    id=ID,
    title="OGC SensorThings API Part 1: Sensing 1.1",
    title_de="OGC SensorThings API Teil 1: Sensing 1.1",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    requirements=REQUIREMENTS,
    options=(
        Option("max_entities", 3, "entities sampled per entity set (the report says when this cuts)"),
        Option("max_links", 3, "related entities followed back per navigation link"),
        Option("page_size", 2, "the $top asked for while paging through @iot.nextLink"),
        Option("max_pages", 25, "pages followed through @iot.nextLink per walk (stated in the report when it cuts)"),
    ),
)
