"""``make bench``: run every benchmark in its own process (so peak memory is its own)."""

from __future__ import annotations

import subprocess
import sys
import time

BENCHMARKS = (
    # issue 2: the analysis engine
    "bench_segmentation",
    "bench_analyze",
    "bench_ingest",
    "bench_attribution",
    # issue 12: page furniture on single lines
    "bench_boilerplate",
    # issue 3: the desk
    "bench_annotation_page",
    # issue 4: cross-checks
    "bench_retrieval",
    "bench_crosscheck_pairs",
    "bench_crosscheck_clusters",
    "bench_clusters_product",
    "bench_crosscheck",
    "bench_workers",
    # issue 11: same fact in other words (skips when the optional embedding is not installed)
    "bench_embedding",
    # issue 5: the API
    "bench_api",
)


def main() -> int:
    """Run every benchmark, or those named on the command line (``python -m bench NAME…``)."""
    failures = 0
    for name in sys.argv[1:] or BENCHMARKS:
        print(f"\n=== bench.{name} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", f"bench.{name}"], check=False)
        print(f"(bench.{name} finished in {time.perf_counter() - started:.1f} s)", flush=True)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
