"""What the SensorThings round-trip tests move: the double's own entities and one Thing of A with zoned times."""

from __future__ import annotations

from typing import Any

SAMPLE = 3
MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"
POINT = {"type": "Point", "coordinates": [8.404123456, 49.013456789]}
GARDEN: dict[str, Any] = {  # a Thing of A with times in a zone of their own (the double's own data is all UTC)
    "name": "Messstelle Schlossgarten",
    "description": "Pavillon im Schlossgarten",
    "properties": {"aufgestellt": "2025-04-01", "betreiber": "Gartenamt"},
    "Locations": [
        {"name": "Schlossgarten", "description": "Pavillon", "encodingType": "application/geo+json", "location": POINT}
    ],
    "Datastreams": [
        {
            "name": "Bodenfeuchte Schlossgarten",
            "description": "Volumetrischer Wassergehalt",
            "unitOfMeasurement": {"name": "Prozent", "symbol": "%", "definition": "http://qudt.org/vocab/unit/PERCENT"},
            "observationType": MEASUREMENT,
            "Sensor": {"name": "Feuchtesonde", "description": "TDR", "encodingType": "text/html", "metadata": "-"},
            "ObservedProperty": {
                "name": "Bodenfeuchte",
                "definition": "https://example.org/def/bf",
                "description": "-",
            },
            "Observations": [
                {
                    "phenomenonTime": "2026-03-01T10:00:00+01:00/2026-03-01T11:00:00+01:00",
                    "resultTime": "2026-03-01T11:00:05+01:00",
                    "result": 23.5,
                    "FeatureOfInterest": {
                        "name": "Beet Süd",
                        "description": "Staudenbeet",
                        "encodingType": "application/geo+json",
                        "feature": POINT,
                    },
                }
            ],
        }
    ],
}
TYPES = {"Things", "Locations", "Datastreams", "Sensors", "ObservedProperties", "Observations", "FeaturesOfInterest"}
