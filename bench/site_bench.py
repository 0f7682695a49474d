"""Benchmark of the evidence site at the seed size (issue 11), run by `python bench/run.py --site`.

Measures the whole `citysafe site -o DIR` process three ways (cold: the compiled store is made
and every chart drawn; every chart drawn anew on a compiled store; warm: charts kept on disk), the
pages per language, the heaviest program page with its charts (the SVG is inline, so the HTML file
is the page), and the home page's first render in Debian's Chromium on loopback (first contentful
paint, median of 5 loads, each in a new browser context).

Targets: seed build <= 10 s whole process; a program page <= 150 KB with its charts; home
first render <= 1 s on loopback.
"""

from __future__ import annotations

import os
import resource
import statistics
import threading
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# The paint entry may be reported after the load event: wait for it (buffered), up to 3 s.
FIRST_PAINT = """() => new Promise(resolve => {
  new PerformanceObserver(list => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) resolve(entry.startTime);
  }).observe({type: 'paint', buffered: true});
  setTimeout(() => resolve(NaN), 3000);
})"""


def first_render_ms(folder: Path, loads: int = 5) -> float | None:
    """Median first contentful paint of en/index.html served on 127.0.0.1, in ms (None without Chromium)."""
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    from citysafe_kg.site import serve_site

    server = serve_site(folder, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/en/index.html"
    paints = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for _ in range(loads):
                context = browser.new_context()
                page = context.new_page()
                page.goto(url, wait_until="load")
                paints.append(page.evaluate(FIRST_PAINT))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    measured = [p for p in paints if p == p]  # NaN: no paint entry within 3 s
    return statistics.median(measured) if measured else None


def _with_cpu(step: Any) -> tuple[Any, float]:
    """A bench step and the CPU seconds its child processes used (rusage of the waited-for children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = step()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_site(bench: Any, run_argv: Any, work: Path, root: Path) -> list[str]:
    """Run the site steps on ``bench`` (bench/run.py's Bench) and return the summary lines."""
    cache = work / "site-cache"
    out = work / "site"
    env = {"CITYSAFE_CACHE": str(cache), "CITYSAFE_HOME": str(root)}
    import shutil

    load_before = os.getloadavg()[0]
    cold, cold_cpu = _with_cpu(lambda: bench.run(
        "seed", "site: citysafe site -o DIR (cold: compiles the store, draws every chart)",
        run_argv("site", "-o", str(out)), env))
    shutil.rmtree(cache / "charts", ignore_errors=True)
    redraw, redraw_cpu = _with_cpu(lambda: bench.run(
        "seed", "site: citysafe site -o DIR (store compiled, every chart drawn anew)",
        run_argv("site", "-o", str(out)), env))
    warm, warm_cpu = _with_cpu(lambda: bench.run(
        "seed", "site: citysafe site -o DIR (warm: charts kept, median of 3)",
        run_argv("site", "-o", str(out)), env, repeat=3))
    warm_cpu /= 3
    load_after = os.getloadavg()[0]
    pages = {lang: sum(1 for _ in (out / lang).rglob("*.html")) for lang in ("en", "es", "pt")}
    programs = sorted((out / "en" / "programs").glob("*.html"), key=lambda p: p.stat().st_size)
    heaviest = programs[-1]
    size_kb = heaviest.stat().st_size / 1024
    total_mb = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20
    paint = first_render_ms(out)
    lines = [
        f"- Site build, seed, whole process (target 10 s): {cold.seconds:.1f} s cold (store compiled and every chart "
        f"drawn), {redraw.seconds:.1f} s with every chart drawn anew, {warm.seconds:.1f} s warm (charts kept): "
        f"{'met' if redraw.seconds <= 10 else 'missed'} with charts drawn, {'met' if cold.seconds <= 10 else 'missed'} cold; "
        f"peak memory {max(cold.peak_mb, redraw.peak_mb, warm.peak_mb):.0f} MB. CPU seconds (user + system, the "
        f"process and Pagefind): {cold_cpu:.1f} cold, {redraw_cpu:.1f} charts drawn anew, {warm_cpu:.1f} warm; the "
        f"machine's load average was {load_before:.1f} before and {load_after:.1f} after (2 cores shared): "
        f"wall-clock times above the CPU seconds are time spent waiting for a core.",
        f"- Pages per language: " + ", ".join(f"{lang} {n}" for lang, n in pages.items())
        + f"; {sum(1 for p in out.rglob('*') if p.is_file())} files, {total_mb:.1f} MB in all (Pagefind index included).",
        f"- Heaviest program page with its charts: {heaviest.name} {size_kb:.0f} KB (target 150 KB): "
        f"{'met' if size_kb <= 150 else 'missed'}.",
        (f"- Home first render (first contentful paint, Chromium, loopback, median of 5): {paint:.0f} ms "
         f"(target 1000 ms): {'met' if paint <= 1000 else 'missed'}." if paint is not None
         else "- Home first render: not measured (no /usr/bin/chromium, or no paint entry)."),
    ]
    for line in lines:
        print(line, flush=True)
    return lines
