"""The mapfile of the real MapServer's WMS and WFS (the default map of the target, see mapserver.py).

Beside the OGC API map (vendor.map, left as it is for the Features and OpenAPI suites), MapServer serves this map
at ``/cgi-bin/mapserv?``: the same lakes and places with their real extents (so there is room beside a layer),
four CRS, an updateSequence, two styles of the lakes, and lake outlines that are not queryable (nor offered by
WFS). Nothing here is tuned to make a check pass.
"""

from __future__ import annotations

from pathlib import Path

LAYER = """  LAYER
    NAME "{name}"
    TYPE {kind}
    STATUS ON
{source}
    PROJECTION "init=epsg:4326" END
    METADATA
      "ows_title" "{title}"
{metadata}    END
{rest}  END
"""
FEATURES = '      "gml_featureid" "{key}"\n      "gml_include_items" "all"\n      "gml_types" "auto"\n'


def layers() -> str:
    """The LAYER blocks: lakes (two styles), places, and lake outlines (not queryable, not offered by WFS)."""
    lakes = LAYER.format(
        name="lakes",
        kind="POLYGON",
        source='    DATA "lakes"',
        title="Lakes",
        metadata=FEATURES.format(key="id"),
        rest='    TEMPLATE "ttt"\n    CLASSGROUP "blue"\n'
        '    CLASS NAME "lakes" GROUP "blue" STYLE COLOR 120 170 230 END END\n'
        '    CLASS NAME "lakes" GROUP "dark" STYLE COLOR 20 40 120 END END\n',
    )
    places = LAYER.format(
        name="places",
        kind="POINT",
        title="Populated places",
        source='    CONNECTIONTYPE OGR\n    CONNECTION "places.geojson"',
        metadata=FEATURES.format(key="pid"),
        rest='    TEMPLATE "ttt"\n    CLASS NAME "places" STYLE COLOR 200 60 40 SIZE 6 SYMBOL 0 END END\n',
    )
    outlines = LAYER.format(
        name="lake_outlines",
        kind="LINE",
        source='    DATA "lakes"',
        title="Lake outlines (not queryable)",
        metadata='      "wfs_enable_request" "!*"\n',
        rest='    CLASS NAME "outline" STYLE COLOR 30 30 30 WIDTH 1 END END\n',
    )
    return lakes + places + outlines


def mapfile(workdir: Path, port: int) -> str:
    """The OWS map."""
    base = f"http://127.0.0.1:{port}/cgi-bin/mapserv"
    return f"""MAP
  NAME "ows"
  EXTENT -180 -90 180 90
  UNITS DD
  SIZE 800 400
  SHAPEPATH "{workdir}/data"
  IMAGECOLOR 255 255 255
  PROJECTION "init=epsg:4326" END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
  END
  WEB
    METADATA
      "ows_title" "wechselbar MapServer OWS target"
      "ows_onlineresource" "{base}?"
      "ows_srs" "EPSG:4326 CRS:84 EPSG:3857 EPSG:25832"
      "ows_enable_request" "*"
      "wms_updatesequence" "7"
      "wfs_getfeature_formatlist" "geojson"
    END
  END
{layers()}END
"""
