"""The profile table of the benchmark counts py-spy's samples where they belong."""

from __future__ import annotations

from pathlib import Path

from bench import profile

MAIN = 'process 1:"python -m generator build";main (generator/cli.py:380)'
SAMPLES = [
    f"{MAIN};build (generator/site/pipeline.py:160);plan_pages (generator/pages/plan.py:748) 30",
    f"{MAIN};build (generator/site/pipeline.py:161);render (generator/pages/render.py:74) 10",
    f"{MAIN};load_catalogue (generator/catalogue/loader.py:186);"
    "run_all (generator/catalogue/checks.py:340);"
    "inspect_all (generator/catalogue/media_batch.py:77);"
    "result (concurrent/futures/_base.py:456) 20",
    f"{MAIN};build (mkdocs/commands/build.py:310);convert (markdown/core.py:322) 40",
    'process 2:"forkserver";_process_worker (concurrent/futures/process.py:256);'
    "_inspect (generator/catalogue/media_batch.py:48);"
    "inspect_bytes (generator/catalogue/media.py:312);"
    "_encode (generator/catalogue/media.py:480) 50",
    "not a sample line",
]


def test_samples_are_counted_once_per_row_and_workers_apart(tmp_path: Path) -> None:
    raw = tmp_path / "samples.txt"
    raw.write_text("\n".join(SAMPLES) + "\n", encoding="utf-8")
    rows, main, workers = profile.tally(raw)
    assert (main, workers) == (100, 50)
    by_marker = {marker: rows[label] for label, marker in profile.ROWS}
    assert by_marker["plan_pages (generator/pages/plan.py"] == 30
    assert by_marker["render (generator/pages/render.py"] == 10
    assert by_marker["load_catalogue (generator/"] == 20
    assert by_marker["generator/catalogue/media_batch.py"] == 20
    assert by_marker["convert (markdown/core.py"] == 40
    assert by_marker["generator/site/output_scan.py"] == 0
    table = profile.report(raw, rate=10)
    assert "| planning pages (`plan_pages`) | 3 | 30% |" in table
    assert "| media worker processes (CPU, beside the main process) | 5 | |" in table


def test_the_synthetic_text_compresses_like_real_text_and_its_vocabulary_grows() -> None:
    """Real Indonesian government text compresses 3 to 5 times with gzip; text that
    compresses 17 times (a few hundred words recombined) flatters search."""
    import gzip
    import random

    from bench.catalogue import Prose

    def sample(size: int) -> tuple[float, int]:
        prose = Prose(random.Random(7), size, 7)  # noqa: S311 - synthetic text
        text = "\n".join(prose.prose(300) for _ in range(size // 4))
        raw = text.encode()
        return len(raw) / len(gzip.compress(raw, 6)), len(set(text.lower().split()))

    small_ratio, small_words = sample(200)
    large_ratio, large_words = sample(2000)
    assert 3 <= small_ratio <= 5 and 3 <= large_ratio <= 5, (small_ratio, large_ratio)
    assert large_words > 3 * small_words
