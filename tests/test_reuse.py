"""What a preview keeps between builds (:mod:`generator.base.reuse`)."""

from __future__ import annotations

from generator.base.reuse import FRESH, Reuse


def test_the_same_inputs_give_the_kept_result_and_new_ones_compute_again() -> None:
    reuse = Reuse()
    record, other = ["a"], ["a"]  # equal, not the same object
    reuse.next_build()
    first = reuse.same("skor", "x", (record,), lambda: object())
    assert reuse.computed["skor"] == ["x"]
    reuse.completed()
    reuse.next_build()
    assert reuse.same("skor", "x", (record,), lambda: object()) is first
    assert reuse.computed["skor"] == []
    assert reuse.same("skor", "x", (other,), lambda: object()) is not first
    assert reuse.computed["skor"] == ["x"]


def test_by_value_compares_with_equality() -> None:
    reuse = Reuse()
    reuse.next_build()
    kept = reuse.by_value("html", "p", ("t", 1), lambda: "<p>1</p>")
    reuse.completed()
    reuse.next_build()
    assert reuse.by_value("html", "p", ("t", 1), lambda: "baru") is kept
    assert reuse.by_value("html", "p", ("t", 2), lambda: "baru") == "baru"


def test_a_completed_build_forgets_what_it_did_not_use_and_a_failed_one_nothing() -> None:
    reuse = Reuse()
    token = ("x",)
    reuse.next_build()
    gone = reuse.same("halaman", "dihapus", token, lambda: object())
    kept = reuse.same("halaman", "tetap", token, lambda: object())
    reuse.completed()
    reuse.next_build()  # a build stopped by an error: it asked for nothing
    reuse.next_build()
    assert reuse.same("halaman", "tetap", token, lambda: object()) is kept
    reuse.completed()  # this build did not ask for "dihapus"
    reuse.next_build()
    assert reuse.same("halaman", "dihapus", token, lambda: object()) is not gone


def test_fresh_computes_every_time_and_keeps_nothing() -> None:
    token = ("x",)
    assert FRESH.same("skor", "x", token, lambda: object()) is not FRESH.same(
        "skor", "x", token, lambda: object()
    )
    assert not FRESH.computed
