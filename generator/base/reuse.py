"""Results kept from one build to the next of a long-running process (``sepeda serve``).

A preview rebuilds after every save of one file; most of what a build computes (scores,
cards, innovation pages, their HTML) depends on records that did not change. A
:class:`Reuse` hands back the previous result of a pure computation when the inputs it
names are the very same objects as last time (the loader's memo returns the same record
object for a file that did not change), or, for :meth:`Reuse.by_value`, equal values.
Every build starts with :meth:`Reuse.next_build`; what a completed build did not ask for
is forgotten then, so the kept results never outgrow one catalogue (a build stopped by an
error forgets nothing: the next one still finds what the last complete build kept).

:data:`FRESH` reuses nothing: a one-off build (``sepeda build``) computes everything, so
its output can never come from a stale result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Reuse:
    """Kept results, keyed by a kind and a name (``("skor", slug)``)."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self._previous: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._current: dict[tuple[str, str], tuple[Any, Any]] = {}
        self.computed: defaultdict[str, list[str]] = defaultdict(list)
        """What this build computed rather than reused, by kind, names in order (empty when
        not ``enabled``)."""

    def next_build(self) -> None:
        """Start a build: keep what the last builds used."""
        self._previous.update(self._current)
        self._current = {}
        self.computed = defaultdict(list)

    def completed(self) -> None:
        """The build went through: forget what it did not use (a removed record's pages)."""
        self._previous = self._current
        self._current = {}

    def same(self, kind: str, name: str, inputs: tuple[object, ...], compute: Callable[[], T]) -> T:
        """``compute()``, or its last result when every input is the same object as then."""

        def unchanged(kept: tuple[object, ...]) -> bool:
            return len(kept) == len(inputs) and all(
                a is b for a, b in zip(kept, inputs, strict=True)
            )

        return self._get(kind, name, inputs, unchanged, compute)

    def by_value(self, kind: str, name: str, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or its last result when ``key`` equals the last one (a hash of a
        view, a tuple of settings)."""
        return self._get(kind, name, key, lambda kept: kept == key, compute)

    def _get(
        self,
        kind: str,
        name: str,
        inputs: object,
        unchanged: Callable[[Any], bool],
        compute: Callable[[], T],
    ) -> T:
        if not self.enabled:
            return compute()
        slot = (kind, name)
        kept = self._current.get(slot) or self._previous.get(slot)
        if kept is not None and unchanged(kept[0]):
            value: T = kept[1]
        else:
            value = compute()
            self.computed[kind].append(name)
        self._current[slot] = (inputs, value)
        return value


FRESH = Reuse(enabled=False)
"""Computes everything, keeps nothing (the default of every one-off run)."""
