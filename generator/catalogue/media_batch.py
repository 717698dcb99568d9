"""Every media file of a run at once: decoded on every core, remembered by content.

Checking and re-encoding photos is the largest cost of a build of our own (bench/RESULTS.md).
:func:`inspect_all` reads the files in order in this process (the location, type and size
rules of :func:`~generator.catalogue.media.read_media`), then decodes and re-encodes them in
a pool of worker processes, one per core, a bounded batch at a time so that memory does not
grow with the catalogue. :func:`~generator.catalogue.media.inspect_bytes` is a pure function
of the bytes, so the outcome is the same in any process and in any order, and a
:class:`MediaMemo` may hand back an earlier outcome for the same bytes (``sepeda serve``
keeps one between rebuilds).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalogue import media

Outcome = tuple[list[media.MediaProblem], media.Published | None]
Key = tuple[str, bool, bytes]

BATCH = 64
"""Files read ahead of the workers: bounds the bytes held at once (64 x at most 10 MB)."""
MIN_PARALLEL = 8
"""Fewer files than this to decode in a batch are not worth starting worker processes."""


Stat = tuple[int, int, int, int]
"""What ``lstat`` says of a file: size, modification time (ns), inode, mode."""


@dataclass
class MediaMemo:
    """Outcomes remembered by (suffix, publish, SHA-256 of the bytes), for one process; and
    the key of each file read, so that a file whose ``lstat`` is unchanged (same size, time,
    inode and type) is not read and hashed again."""

    outcomes: dict[Key, Outcome] = field(default_factory=dict)
    files: dict[tuple[str, str, bool], tuple[Stat, Key]] = field(default_factory=dict)


def _stat(path: Path) -> Stat | None:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ino, found.st_mode)


def cores() -> int:
    """CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def _inspect(job: tuple[bytes, str, bool]) -> Outcome:
    data, suffix, publish = job
    return media.inspect_bytes(data, suffix, publish=publish)


@dataclass
class _Pending:
    index: int
    data: bytes
    suffix: str
    key: Key


def inspect_all(
    jobs: Sequence[tuple[Path, Path]],
    *,
    publish: bool,
    memo: MediaMemo | None = None,
    workers: int | None = None,
    min_parallel: int = MIN_PARALLEL,
) -> list[Outcome]:
    """:func:`~generator.catalogue.media.inspect` of every ``(file, innovation folder)``."""
    workers = min(cores(), 8) if workers is None else workers
    results: list[Outcome | None] = [None] * len(jobs)
    pool: Executor | None = None
    try:
        for start in range(0, len(jobs), BATCH):
            pending = list(_read(jobs, start, publish, memo, results))
            unique = list({p.key: p for p in pending}.values())  # any of the same bytes does
            if pool is None and workers > 1 and len(unique) >= min_parallel:
                context = multiprocessing.get_context("forkserver")  # safe beside threads
                pool = ProcessPoolExecutor(workers, mp_context=context)
            work = [(p.data, p.suffix, publish) for p in unique]
            outcomes = pool.map(_inspect, work) if pool is not None else map(_inspect, work)
            decoded = dict(zip((p.key for p in unique), outcomes, strict=True))
            for item in pending:  # the same bytes twice in a batch are decoded once
                results[item.index] = decoded[item.key]
            if memo is not None:
                memo.outcomes.update(decoded)
    finally:
        if pool is not None:
            pool.shutdown()
    done = [r for r in results if r is not None]
    if len(done) != len(jobs):  # pragma: no cover - every index is filled above
        raise RuntimeError("media_batch: an outcome is missing")
    return done


def _read(
    jobs: Sequence[tuple[Path, Path]],
    start: int,
    publish: bool,
    memo: MediaMemo | None,
    results: list[Outcome | None],
) -> Iterator[_Pending]:
    """The files of one batch still to decode; refusals and remembered outcomes go straight
    into ``results``."""
    for index in range(start, min(start + BATCH, len(jobs))):
        path, folder = jobs[index]
        seen = (str(path), str(folder), publish)
        stat = _stat(path) if memo is not None else None
        if memo is not None and stat is not None and seen in memo.files:
            before, known_key = memo.files[seen]
            if before == stat and known_key in memo.outcomes:
                results[index] = memo.outcomes[known_key]
                continue
        read = media.read_media(path, folder)
        if isinstance(read, media.MediaProblem):
            results[index] = ([read], None)
            continue
        suffix = media.suffix_of(path.name)
        key = (suffix, publish, hashlib.sha256(read).digest())
        if memo is not None and stat is not None:
            memo.files[seen] = (stat, key)
        known = memo.outcomes.get(key) if memo is not None else None
        if known is not None:
            results[index] = known
        else:
            yield _Pending(index, read, suffix, key)
