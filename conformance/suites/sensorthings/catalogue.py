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
below it (``…/req/request-data/orderby``) claims the class. Create-Update-Delete is checked only when the vendors
file sets the target option ``writes = true``; the requirement URIs of that class are the ones of 18-088's
requirement list (the CUD clause of the AsciiDoc source names the 1.0 ones; 1.1 adds ``update-entity-put`` and
``historical-location-auto-creation``). MultiDatastream (read-only) is judged where declared or claimed; its
requirement URIs follow the extension's clause (``multi-datastream/properties``, ``relations``, ``constraints``).
Batch requests (``batch-request``, the JSON batch of 1.1) are checked only with ``writes = true`` and where declared
or claimed. The Data Array extension (``data-array/data-array``) is judged where declared or claimed: reading
Observations with ``$resultFormat=dataArray`` always, creating them with a POST to ``CreateObservations`` only with
``writes = true``. JSON PATCH (``create-update-delete/update-entity-jsonpatch``) is checked with ``writes = true``
and treated as optional for a service, so a service that refuses the media type without declaring that requirement
is not applicable, one that declares it fails. The MQTT classes (``create-observations-via-mqtt``,
``receive-updates-via-mqtt``) are checked with ``writes = true`` where declared, on the first ``mqtt://`` endpoint
the service names in serverSettings and the vendors file declares.

Verified for these four requirements: their URIs, all four in FROST-Server's requirement list (1.1), the two MQTT
ones also in 52°North's SensorThings server, which like FROST keys the MQTT endpoints in serverSettings by the
requirement URI. Not verified: the requirement texts, their clause numbers (cited as 10.3, 14.2 and 14.3) and JSON
PATCH being optional; 18-088's text of those clauses could not be read here, so the statements are summaries, not
quotations.
"""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.harness.writes import writes_option

ID = "sensorthings-1.1"
VERSION = "1.1"
SPEC = "https://docs.ogc.org/is/18-088/18-088.html"
BASE = "http://www.opengis.net/spec/iot_sensing/1.1"
CORE = f"{BASE}/req/datamodel"
FILTERING = f"{BASE}/req/request-data"
RESOURCE_PATH = f"{BASE}/req/resource-path"
CUD = f"{BASE}/req/create-update-delete"
MULTI = f"{BASE}/req/multi-datastream"
BATCH = f"{BASE}/req/batch-request"
DATA_ARRAY = f"{BASE}/req/data-array"
JSON_PATCH = f"{BASE}/req/create-update-delete/update-entity-jsonpatch"
MQTT_CREATE = f"{BASE}/req/create-observations-via-mqtt"
MQTT_RECEIVE = f"{BASE}/req/receive-updates-via-mqtt"
# 18-088 sets no time for a notification; the caps keep a hostile broker from costing memory
MQTT_WAIT, MQTT_MAX_PACKET, MQTT_MAX_BYTES = 10.0, 1 << 20, 16 << 20
MQTT_OPTIONS = (
    Option("mqtt_wait", MQTT_WAIT, "seconds the MQTT checks wait for an acknowledgement or a notification"),
    Option("mqtt_max_packet", MQTT_MAX_PACKET, "bytes one MQTT packet from the broker may announce (larger: error)"),
    Option("mqtt_max_bytes", MQTT_MAX_BYTES, "bytes an MQTT check reads from the broker in all (more: error)"),
)

CLASSES = (
    ConformanceClass(CORE, "core", "Sensing Core (Datenmodell und Ressourcenpfade)", "Sensing Core", SPEC),
    ConformanceClass(FILTERING, "filtering", "Filtering Extension (Abfrageoptionen)", "Filtering Extension", SPEC),
    ConformanceClass(
        CUD, "create-update-delete", "Anlegen, Ändern, Löschen (nur mit writes = true)", "Create-Update-Delete", SPEC
    ),
    ConformanceClass(MULTI, "multi-datastream", "MultiDatastream-Erweiterung", "MultiDatastream extension", SPEC),
    ConformanceClass(
        BATCH,
        "batch-request",
        "Batch-Anfragen (nur mit writes = true)",
        "Batch requests (only with writes = true)",
        SPEC,
    ),
    ConformanceClass(
        DATA_ARRAY,
        "data-array",
        "Data-Array-Erweiterung (Anlegen nur mit writes = true)",
        "Data Array extension (creating only with writes = true)",
        SPEC,
    ),
    ConformanceClass(
        MQTT_CREATE,
        "create-observations-via-mqtt",
        "Observations über MQTT anlegen (nur mit writes = true)",
        "Creating Observations via MQTT (only with writes = true)",
        SPEC,
    ),
    ConformanceClass(
        MQTT_RECEIVE,
        "receive-updates-via-mqtt",
        "Änderungen über MQTT empfangen (nur mit writes = true)",
        "Receiving updates via MQTT (only with writes = true)",
        SPEC,
    ),
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


_CUD = (
    (
        "create-update-delete/create-entity",
        "A POST of one entity to a collection (or to a navigation link, which links the new entity) SHALL create it; "
        "on success the service SHALL answer 201 Created or 204 No Content with a Location header holding the "
        "selfLink of the new entity; a 201 carries the created entity (OData 4.0 Protocol 11.4.2, which the "
        "requirement adapts).",
    ),
    (
        "create-update-delete/link-to-existing-entities",
        "A service that supports creation SHALL link a new entity to the existing entities whose @iot.id the request "
        "body gives in its navigation properties.",
    ),
    (
        "create-update-delete/deep-insert",
        "A service that supports creation SHALL support deep insert: it SHALL create every related entity given "
        "inline and relate them; on failure it SHALL NOT create any of the entities.",
    ),
    (
        "create-update-delete/deep-insert-status-code",
        "Upon successfully creating an entity the response SHALL carry a Location header with the URL of the "
        "created entity, and the status SHALL be 201 Created.",
    ),
    (
        "create-update-delete/update-entity",
        "A PATCH SHALL replace the values of the properties it gives and SHALL NOT alter the missing ones; success "
        "is 200 OK or 204 No Content; an update of an entity that does not exist SHALL fail.",
    ),
    (
        "create-update-delete/update-entity-put",
        "A service that supports PUT SHALL replace all values of structural properties with those of the request "
        "body (a property left out loses its value).",
    ),
    (
        "create-update-delete/delete-entity",
        "A DELETE of an entity's URL SHALL delete the entity (its URL then answers 404), with the integrity "
        "constraints of the deletion table: deleting a Thing deletes its Datastreams, deleting a Datastream its "
        "Observations.",
    ),
    (
        "create-update-delete/historical-location-auto-creation",
        "When a Thing has a new Location, the service SHALL create a HistoricalLocation and add it to the Thing "
        "automatically.",
    ),
    (
        "create-update-delete/update-entity-jsonpatch",
        "A service MAY additionally support JSON PATCH (RFC 6902); a service that does SHALL apply the sequence of "
        "operations of a PATCH request with Content-Type application/json-patch+json to the entity (success is "
        "200 OK or 204 No Content) and leave the properties the operations do not touch as they were.",
    ),
)


_MULTI = (
    (
        "multi-datastream/properties",
        "Each MultiDatastream entity SHALL have the mandatory properties: name, description, unitOfMeasurements "
        "(an array of units), observationType and multiObservationDataTypes (an array of observation types).",
    ),
    (
        "multi-datastream/relations",
        "Each MultiDatastream entity SHALL have its relations to one Thing, one Sensor, its ObservedProperties and "
        "its Observations, given as navigation links that resolve.",
    ),
    (
        "multi-datastream/constraints",
        "The size and order of unitOfMeasurements SHALL match those of the related ObservedProperties, of the result "
        "array of every related Observation and of multiObservationDataTypes.",
    ),
)


def _requirement(path: str, cls: str, statement: str) -> Requirement:
    return Requirement(f"{BASE}/req/{path}", cls, ID, VERSION, Obligation.MUSS, statement, SPEC)


REQUIREMENTS = (
    tuple(_requirement(p, CORE, s) for p, s in _CORE)
    + tuple(_requirement(p, FILTERING, s) for p, s in _FILTERING)
    + tuple(_requirement(p, CUD, s) for p, s in _CUD)
    + tuple(_requirement(p, MULTI, s) for p, s in _MULTI)
    + (
        _requirement(
            "batch-request/batch-request",
            BATCH,
            "A service that supports batch requests SHALL answer a batch POSTed to $batch with the responses of its "
            "requests; a JSON batch (OData JSON Format 4.01, clause 19) is answered with a JSON object whose "
            "responses array answers each request by its id, with its status and body.",
        ),
        _requirement(
            "data-array/data-array",
            DATA_ARRAY,
            "A service that supports the Data Array extension SHALL answer a request for Observations with "
            "$resultFormat=dataArray with a value array of objects, one per Datastream, each with a components array "
            "naming the properties given per Observation, dataArray@iot.count with the number of rows and dataArray, "
            "one array of component values per Observation; and SHALL create the Observations of such objects POSTed "
            "to CreateObservations, answering with one selfLink (or error) per row.",
        ),
        _requirement(
            "create-observations-via-mqtt/observations-creation",
            MQTT_CREATE,
            "A service that supports creating Observations via MQTT SHALL create an Observation published as JSON to "
            "the MQTT topic of a Datastream's Observations (<version>/Datastreams(<id>)/Observations) on one of the "
            "endpoints it names in serverSettings.",
        ),
        _requirement(
            "receive-updates-via-mqtt/receive-updates",
            MQTT_RECEIVE,
            "A service that supports receiving updates via MQTT SHALL publish each new or changed entity to the "
            "clients subscribed to its entity set, entity or property topic; a topic with $select carries only the "
            "selected properties.",
        ),
    )
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
        writes_option("allow the Create-Update-Delete checks (entities marked as the suite's, removed afterwards)"),
        *MQTT_OPTIONS,
    ),
)
