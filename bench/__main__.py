"""``make bench``: run every benchmark in its own process (so peak memory is its own)."""

from __future__ import annotations

import subprocess
import sys
import time

BENCHMARKS = (
    "bench_segmentation",
    "bench_analyze",
    "bench_polnear",
    "bench_crosscheck",
    "bench_workers",
)


def main() -> int:
    failures = 0
    for name in BENCHMARKS:
        print(f"\n=== bench.{name} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", f"bench.{name}"], check=False)
        print(f"(bench.{name} finished in {time.perf_counter() - started:.1f} s)", flush=True)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
