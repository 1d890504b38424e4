"""Vendors' exports: the XML documents of a file, directory, glob or ZIP archive, validated in parallel.

Archives are read by :mod:`conformance.xml.archives` (members streamed after their names, count, declared
sizes and compression ratios have been checked; archives inside archives too). Symbolic links are not
followed. Many documents are spread over a process pool; a large document of a standard with a
streaming validator is validated record by record with bounded memory.
"""

from __future__ import annotations

import glob
import os
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from conformance.core.xmlsafe import DEFAULT_MAX_BYTES, LineCountingReader, XMLRejected, peek_root
from conformance.xml.archives import ARCHIVE_SUFFIXES, XML_SUFFIXES, Document, ExportError, Problem, Walk, members
from conformance.xml.lanes import Affinity, lanes
from conformance.xml.limits import ZipLimits
from conformance.xml.report import DocumentReport, Source, detect, rejected, validator_for

RULE = "EXPORT"


def documents(
    specs: Iterable[str],
    standard: str = "",
    limits: ZipLimits | None = None,
) -> Iterator[Document | Problem]:
    """The documents named by files, directories (recursively), globs and ZIP archives, or the problems; in folders
    and archives, the files with the suffixes of the standard's validator (``.xml`` when none is named)."""
    suffixes = validator_for(standard).suffixes if standard else XML_SUFFIXES
    walk = Walk(limits or ZipLimits(), lambda name, reason: _problem(name, standard, reason), suffixes)
    for spec in specs:
        paths = sorted(glob.glob(spec, recursive=True)) if glob.has_magic(spec) else [spec]
        if not paths:
            yield _problem(spec, standard, "no file matches this path or pattern")
        for path in paths:
            yield from _expand(Path(path), standard, walk)


def _expand(path: Path, standard: str, walk: Walk) -> Iterator[Document | Problem]:
    if path.is_symlink():
        yield _problem(str(path), standard, "symbolic link not followed")
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_dir() or child.suffix.lower() in walk.suffixes + ARCHIVE_SUFFIXES:
                yield from _expand(child, standard, walk)
    elif not path.exists():
        yield _problem(str(path), standard, "no such file or directory")
    elif path.suffix.lower() in ARCHIVE_SUFFIXES or zipfile.is_zipfile(path):
        yield from members(str(path), str(path), walk)
    else:
        yield Document(str(path), size=path.stat().st_size)


def _problem(name: str, standard: str, reason: str) -> Problem:
    return rejected(Source(name), standard or "unknown", reason, rule=RULE, kind="parse")


IN_MEMORY_BYTES = 64 * 1024**2
StreamValidate = Callable[[Document, str], DocumentReport]
_STREAMING: dict[str, StreamValidate] = {}
_WIDE: dict[str, StreamValidate] = {}
_WARM: dict[str, Callable[[], object]] = {}
_AFFINITY: dict[str, Affinity] = {}


def register_streaming(
    standard: str,
    validate: StreamValidate,
    warm: Callable[[], object] | None = None,
    wide: StreamValidate | None = None,
) -> None:
    """Declare that a standard validates export documents itself (``validate(doc, standard)``), record by
    record if large. ``warm`` loads schemas and code lists once, before the pool's workers are forked and
    inherit them; ``wide`` is the same validation allowed a second core for one document (see ``validate_one``)."""
    _STREAMING[standard] = validate
    if wide is not None:
        _WIDE[standard] = wide
    if warm is not None:
        _WARM[standard] = warm


def register_affinity(standard: str, affinity: Affinity) -> None:
    """Declare that a standard's documents of one kind are best validated by one worker (see ``lanes``)."""
    _AFFINITY[standard] = affinity


@dataclass(frozen=True)
class Task:
    """One unit of work for a pool worker: a document and its standard."""

    doc: Document
    standard: str


def validate_one(task: Task, cores: int = 1) -> DocumentReport:
    """Validate one document (or one pass of it); any failure is a rejection with its reason. ``cores`` is how
    many processes this document may use (more than one only when nothing else of the export runs beside it)."""
    standard = task.standard
    try:
        standard = standard or _detect(task.doc)
        stream = _streaming(standard, cores)
        if stream:
            return stream(task.doc, standard)
        validator = validator_for(standard)
        validate = validator.wide if cores > 1 and validator.wide else validator.validate
        return validate(task.doc.source(DEFAULT_MAX_BYTES))
    except (ExportError, XMLRejected, KeyError, OSError, zipfile.BadZipFile) as exc:
        return _problem(task.doc.name, standard, str(exc).strip("'\""))
    except Exception as exc:  # a failing step rejects the document with its reason, never "valid"
        return _problem(task.doc.name, standard, f"processing error: {type(exc).__name__}: {exc}")


def _streaming(standard: str, cores: int) -> StreamValidate | None:
    validator_for(standard)  # loads the validator's module, which registers its streaming
    return (cores > 1 and _WIDE.get(standard)) or _STREAMING.get(standard)


def _detect(doc: Document) -> str:
    with doc.open() as stream:
        root = peek_root(LineCountingReader(stream).peek())
    found = detect(root)
    if found is None:
        raise ExportError(f"unknown document type (root element {root}); name the standard")
    return found.standard


def tasks_for(items: Iterable[Document | Problem], standard: str) -> Iterator[Task | Problem]:
    """The tasks for a list of documents, one per document; problems stay as they are."""
    for item in items:
        yield item if isinstance(item, DocumentReport) else Task(item, standard)


def validate_export(
    specs: Iterable[str],
    standard: str = "",
    *,
    workers: int | None = None,
    limits: ZipLimits | None = None,
    progress: bool = False,
) -> list[DocumentReport]:
    """Every document of an export validated (problems included as rejections), in export order."""
    work = list(tasks_for(documents(specs, standard, limits), standard))
    tasks = [t for t in work if isinstance(t, Task)]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 2)
    if not (progress and sys.stderr.isatty()):
        return _assemble(work, _run(tasks, workers, lambda _: None))
    from rich.console import Console  # noqa: PLC0415 (a progress bar only under a terminal)
    from rich.progress import Progress  # noqa: PLC0415

    with Progress(console=Console(stderr=True), transient=True) as bar:
        done = bar.add_task("validating", total=sum(t.doc.size for t in tasks) or 1)
        results = _run(tasks, workers, lambda t: bar.advance(done, t.doc.size))
    return _assemble(work, results)


def _run(tasks: list[Task], workers: int, tick: Callable[[Task], None]) -> dict[Task, DocumentReport]:
    if workers <= 1 or len(tasks) <= 1:
        return {t: _ticked(t, validate_one(t, workers), tick) for t in tasks}
    for standard in {t.standard for t in tasks} & set(_WARM):
        _WARM[standard]()
    kinds = {task: _kind(task) for task in tasks}
    if not any(name for name, _ in kinds.values()):
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return _collect({pool.submit(validate_batch, b): b for b in batches(tasks)}, tick)
    plan = lanes(tasks, workers, lambda t: kinds[t][0], lambda t: t.doc.size, lambda t: kinds[t][1])
    pools = [ProcessPoolExecutor(max_workers=1) for _ in plan]
    try:
        return _collect(
            {pool.submit(validate_batch, b): b for pool, lane in zip(pools, plan, strict=True) for b in batches(lane)},
            tick,
        )
    finally:
        for pool in pools:
            pool.shutdown()


BATCH_TASKS, BATCH_BYTES = 16, 8 * 1024**2


def batches(tasks: list[Task]) -> Iterator[list[Task]]:
    """The tasks in order, in batches of at most ``BATCH_TASKS`` tasks or ``BATCH_BYTES`` (one worker call each)."""
    batch: list[Task] = []
    for task in tasks:
        if batch and (len(batch) == BATCH_TASKS or sum(t.doc.size for t in batch) + task.doc.size > BATCH_BYTES):
            yield batch
            batch = []
        batch.append(task)
    if batch:
        yield batch


def validate_batch(batch: list[Task]) -> list[DocumentReport]:
    """Validate the documents of one batch, one after the other."""
    return [validate_one(task) for task in batch]


def _collect(
    futures: dict[Future[list[DocumentReport]], list[Task]], tick: Callable[[Task], None]
) -> dict[Task, DocumentReport]:
    done: dict[Task, DocumentReport] = {}
    for future in as_completed(futures):
        for task, report in zip(futures[future], _outcome(future, futures[future]), strict=True):
            done[task] = _ticked(task, report, tick)
    return done


def _outcome(future: Future[list[DocumentReport]], batch: list[Task]) -> list[DocumentReport]:
    try:
        return future.result()
    except Exception as exc:  # e.g. a worker killed by the system
        return [_problem(t.doc.name, t.standard, f"processing error: {type(exc).__name__}: {exc}") for t in batch]


SNIFF_BYTES = 4096


def _kind(task: Task) -> tuple[str, int]:
    """The affinity kind of a document (``standard:kind``, empty for none, e.g. when its root element does not
    start within the first ``SNIFF_BYTES``) and its split size."""
    try:
        named = validator_for(task.standard) if task.standard else None
        if named is not None and named.standard not in _AFFINITY:
            return "", 1
        with task.doc.open() as stream:
            root = peek_root(stream.read(SNIFF_BYTES))
        found = named or detect(root)
    except (ExportError, XMLRejected, KeyError, OSError, zipfile.BadZipFile):
        return "", 1
    affinity = _AFFINITY.get(found.standard) if found else None
    kind = affinity.kind(root) if affinity else ""
    return (f"{found.standard}:{kind}", affinity.split_at) if found and affinity and kind else ("", 1)


def _ticked(task: Task, report: DocumentReport, tick: Callable[[Task], None]) -> DocumentReport:
    tick(task)
    return report


def _assemble(work: list[Task | Problem], results: dict[Task, DocumentReport]) -> list[DocumentReport]:
    return [item if isinstance(item, DocumentReport) else results[item] for item in work]
