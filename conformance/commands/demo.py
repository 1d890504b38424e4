"""``conformance demo``: the whole path on built-in fixtures, offline, through the same code as a real run."""

from __future__ import annotations

from pathlib import Path

import click

from conformance.commands.common import ENVIRONMENT, ERR, LANG, QUIET, VERBOSE, config_errors
from conformance.commands.run import RunRequest, execute
from conformance.core.exitcodes import EXIT_FAIL, EXIT_OK

EPILOG = f"""\b
Exit codes:
  0  the demo ran to the end and wrote the matrix; the summary's exit code
     is the verdict a run with these results would exit with (1: some
     vendors miss the profile, as the demo intends)
  2  usage or configuration error
  3  the demo did not complete

{ENVIRONMENT}
"""
SWITCH_SAMPLE = 5
NOTE = {
    "de": "Die Demo endet mit Exit-Code 0: sie lief vollständig durch. Exit-Code {code} oben ist das Urteil, mit "
    "dem ein „conformance run“ mit diesen Ergebnissen endete (zwei Anbieter verfehlen das Profil mit Absicht, "
    "ebenso die urbane Datenplattform das ihre).",
    "en": "The demo exits with code 0: it ran to the end. Exit code {code} above is the verdict a "
    "'conformance run' with these results would exit with (two vendors miss the profile on purpose, and the urban "
    "data platform misses its own).",
}


@click.command("demo", epilog=EPILOG)
@click.option(
    "--out", type=click.Path(path_type=Path), default=Path("reports/demo"), show_default=True, help="output folder"
)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@QUIET
@VERBOSE
@LANG
@config_errors
def command(out: Path, workers: int, quiet: bool, verbose: int, lang: str) -> None:
    """Run the suites against three fictional vendors served locally and write the matrix; then the fourth, an
    urban data platform, against its own profile (matrix in OUT/urbane-datenplattform). Kartenwerk's geodata is
    moved into GeoMax's test instance by the round trip; the matrix shows what changed and what was lost."""
    from conformance.demo import urban  # noqa: PLC0415  (the test doubles)
    from conformance.demo.scenario import FIXTURES, running  # noqa: PLC0415

    platform = out / urban.FOLDER
    with urban.running(platform) as vendors:
        code = execute(
            RunRequest(vendors, urban.PROFILE, None, (), (), platform, workers, lang, quiet, verbose=verbose)
        )
    if code not in (EXIT_OK, EXIT_FAIL):
        ERR.print(f"the demo did not complete (exit code {code})")
        raise SystemExit(code)
    click.echo(f"{(platform / 'matrix.html').resolve()}")
    with running(out) as vendors:
        request = RunRequest(
            vendors,
            FIXTURES / "profile.toml",
            FIXTURES / "waivers.toml",
            (),
            (),
            out,
            workers,
            lang,
            quiet,
            verbose=verbose,
        )
        code = execute(request)
        if code in (EXIT_OK, EXIT_FAIL):
            _switch(out, lang)
    matrix = (out / "matrix.html").resolve()
    if code in (EXIT_OK, EXIT_FAIL) and matrix.exists():
        if code == EXIT_FAIL:
            click.echo(NOTE[lang].format(code=code))
        click.echo(f"{matrix}")
        raise SystemExit(EXIT_OK)
    ERR.print(f"the demo did not complete (exit code {code})")
    raise SystemExit(code)


def _switch(out: Path, lang: str) -> None:
    """Move Kartenwerk's features (the URL from the demo's vendors file in ``out``) into GeoMax's writable test
    instance, the round-trip double with two of its losses on, so the matrix shows a change and a loss."""
    import tomllib  # noqa: PLC0415

    from conformance.commands.transfers import transfer  # noqa: PLC0415
    from conformance.demo.features_store import FeaturesStore  # noqa: PLC0415
    from conformance.demo.scenario import write_vendors  # noqa: PLC0415

    vendors = tomllib.loads((out / "vendors.toml").read_text(encoding="utf-8"))
    source = next(v for v in vendors["vendors"] if v["id"] == "kartenwerk")
    url = next(t["url"] for t in source["targets"] if t["standard"] == "ogcapi-features-1")
    store = FeaturesStore({"geomax": frozenset({"truncates-coordinates", "drops-property"})}).start()
    try:
        places = {"@KARTENWERK_FEATURES@": url, "@GEOMAX_STORE@": store.url("geomax")}
        path = write_vendors(out / "roundtrip", places, "roundtrip.toml")
        transfer(path, "kartenwerk", "geomax", "ogcapi-features-1", SWITCH_SAMPLE, out, lang)
    finally:
        store.stop()
