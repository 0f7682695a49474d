"""Benchmark citysafe-kg at the seed size and on synthetic graphs of 1,000 to 100,000 programs.

Every step runs as its own process, timed from outside with its peak memory
(maximum resident set size, from the kernel's rusage of the child). It writes a
Markdown table with the machine's description to bench/RESULTS.md.

    python bench/run.py                       # seed, 1k, 10k, 100k (about half an hour)
    python bench/run.py --sizes 1000 --quick  # a smoke run

Targets (issue 5): seed, warm `citysafe report police-social` <= 0.5 s median;
100,000 programs: build incl. validation <= 5 min, any named report <= 2 s, peak
memory <= 4 GB; a named query through our API <= 1.3x the same query run directly
on pyoxigraph.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
REPORTS = ["police-social", "evidence", "unevaluated", "adverse", "homicide", "budgets", "actors", "influence",
           "lessons", "conflicts", "youth", "women", "summary"]
PATTERNS = [["cooccurrence", "--level", "group"], ["actors"], ["influence"]]


@dataclass
class Step:
    size: str
    name: str
    seconds: float
    peak_mb: float
    note: str = ""


@dataclass
class Bench:
    steps: list[Step] = field(default_factory=list)

    def run(self, size: str, name: str, argv: list[str], env: dict[str, str] | None = None, repeat: int = 1,
            note: str = "", timeout: float = 3600) -> Step:
        """Run argv ``repeat`` times in a child process; keep the median time and the largest peak memory."""
        times, peaks = [], []
        for _ in range(repeat):
            try:
                seconds, peak_kb = measure(argv, env, timeout, name)
            except StepFailed as failure:  # record it and go on: one slow step must not lose the run
                step = Step(size, name, failure.seconds, 0.0, f"FAILED: {failure}")
                self.steps.append(step)
                print(f"{size:>8} {name:<48} {step.seconds:8.2f} s {step.note}", flush=True)
                return step
            times.append(seconds)
            peaks.append(peak_kb / 1024)
        step = Step(size, name, statistics.median(times), max(peaks), note)
        self.steps.append(step)
        print(f"{size:>8} {name:<48} {step.seconds:8.2f} s {step.peak_mb:8.0f} MB {note}", flush=True)
        return step


class StepFailed(Exception):
    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


def measure(argv: list[str], env: dict[str, str] | None, timeout: float, name: str) -> tuple[float, int]:
    """Wall-clock seconds and peak RSS (KB) of one child process, from os.wait4's rusage."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=ROOT)
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:
        proc.kill()
        raise
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        error = proc.stderr.read().decode().strip().splitlines() if proc.stderr else []
        raise StepFailed(f"exit {code}: {error[-1] if error else ''}"[:200], elapsed)
    if elapsed > timeout:
        raise StepFailed(f"took {elapsed:.0f} s, over its {timeout:.0f} s limit", elapsed)
    return elapsed, usage.ru_maxrss


def citysafe(*args: str) -> list[str]:
    return [PYTHON, "-m", "citysafe_kg", *args]


QUERY_TIMEOUT = ["--timeout", "1800"]  # the CLI's default of 60 s would stop cold reports at 100,000 programs


def py(code: str) -> list[str]:
    return [PYTHON, "-c", code]


def bench_seed(bench: Bench, cache: str) -> None:
    env = {"CITYSAFE_CACHE": cache, "CITYSAFE_HOME": str(ROOT)}
    bench.run("seed", "build, pyshacl (reference)", citysafe("build", "--engine", "pyshacl", "--dist", f"{cache}/dist"), env)
    bench.run("seed", "build, shacl (fast)", citysafe("build", "--engine", "shacl", "--dist", f"{cache}/dist"), env)
    bench.run("seed", "report police-social (warm, median of 11)", citysafe("report", "police-social"), env, repeat=11)
    bench.run("seed", "report police-social --backend rdflib", citysafe("report", "police-social", "--backend", "rdflib"), env, repeat=3)
    for name in REPORTS[1:]:
        bench.run("seed", f"report {name}", citysafe("report", name), env, repeat=3)
    bench.run("seed", "report program fica-vivo", citysafe("report", "program", "fica-vivo"), env, repeat=3)
    bench.run("seed", 'report city "Belo Horizonte"', citysafe("report", "city", "Belo Horizonte"), env, repeat=3)
    for pattern in PATTERNS:
        bench.run("seed", "patterns " + " ".join(pattern), citysafe("patterns", *pattern), env, repeat=3)
    bench.run("seed", "naive: rdflib parse + pyshacl + rdflib query", py(NAIVE.format(root=str(ROOT))), env)


NAIVE = """
import rdflib, pyshacl, pathlib
root = pathlib.Path({root!r})
files = [p for p in sorted((root / 'ontology').glob('*.ttl')) if p.name != 'shapes.ttl'] + sorted((root / 'data').rglob('*.ttl'))
g = rdflib.Graph()
for f in files:
    g.parse(f, format='turtle')
pyshacl.validate(g, shacl_graph=str(root / 'ontology' / 'shapes.ttl'), advanced=True, allow_warnings=True)
list(g.query((root / 'queries' / 'police-social.rq').read_text()))
"""


def bench_size(bench: Bench, programs: int, work: Path, quick: bool, naive: bool) -> dict[str, float]:
    label = f"{programs:,}"
    home = work / f"kg{programs}"
    cache = work / f"cache{programs}"
    env = {"CITYSAFE_CACHE": str(cache), "CITYSAFE_HOME": str(home)}
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    bench.run(label, "synth", citysafe("synth", "--programs", str(programs), "--seed", "1", "-o", str(home)),
              {"CITYSAFE_HOME": str(ROOT)})
    triples = sum(1 for _ in open(home / "data" / "synthetic.ttl", encoding="utf-8"))
    compile_step = bench.run(label, f"parse + compile (Oxigraph, {triples:,} data triples)",
              py("from citysafe_kg.compiled import compiled_store; print(len(compiled_store()))"), env,
              note="")
    build = bench.run(label, "build: parse, validate (shacl + checks), compile, exports",
                      citysafe("build", "--engine", "shacl", "--dist", str(work / f"dist{programs}")), env)
    reports = [[name] for name in (REPORTS if not quick else ["police-social", "evidence", "summary"])]
    reports += [["program", "synth-p1"], ["city", "City 1"]]
    worst_cold = worst_warm = 0.0
    for argv in reports:
        # cold: the first run after a build computes the result; warm: the next run reads it
        # from the build's result cache (keyed by the sources' hash, so never stale)
        for results in cache.glob("*/results"):
            shutil.rmtree(results)
        cold = bench.run(label, f"report {' '.join(argv)} (cold)", citysafe("report", *argv, *QUERY_TIMEOUT), env)
        warm = bench.run(label, f"report {' '.join(argv)} (warm)", citysafe("report", *argv, *QUERY_TIMEOUT), env)
        worst_cold, worst_warm = max(worst_cold, cold.seconds), max(worst_warm, warm.seconds)
    for pattern in PATTERNS if not quick else PATTERNS[:1]:
        bench.run(label, "patterns " + " ".join(pattern), citysafe("patterns", *pattern, *QUERY_TIMEOUT), env, repeat=1)
    bench.run(label, "API vs direct pyoxigraph (police-social)", py(API_RATIO), env)
    if naive:
        bench.run(label, "naive: rdflib parse + pyshacl + rdflib query",
                  py(NAIVE.format(root=str(home))), env, timeout=7200)
    return {"build": compile_step.seconds + build.seconds, "worst_report": worst_warm, "worst_cold": worst_cold, "triples": float(triples)}


API_RATIO = """
import time, statistics
from citysafe_kg.compiled import compiled_store
from citysafe_kg.queries import get_query, bind, run
from citysafe_kg.store import OxigraphStore
store = compiled_store()
uncached = OxigraphStore(store.store)  # same database, no result cache: the API does the same work as direct
text = bind(get_query('police-social'), {})
def direct():
    t = time.perf_counter(); rows = [[s[v] for v in s.keys()] if hasattr(s, 'keys') else list(s) for s in store.store.query(text)]; return time.perf_counter() - t
def api():
    t = time.perf_counter(); run(uncached, 'police-social'); return time.perf_counter() - t
d = statistics.median(direct() for _ in range(5)); a = statistics.median(api() for _ in range(5))
open('/tmp/citysafe-api-ratio.txt', 'w').write(f'{a:.4f} {d:.4f} {a / d:.2f}')
"""


def machine() -> str:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = []
    for package in ("rdflib", "pyshacl", "pyoxigraph", "shacl", "networkx", "click"):
        try:
            from importlib.metadata import version

            versions.append(f"{package} {version(package)}")
        except Exception:  # noqa: BLE001 - a missing package is reported as such
            versions.append(f"{package} (not installed)")
    return (f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; " + ", ".join(versions))


def write_results(bench: Bench, summary: dict[str, dict[str, float]], ratio: str) -> None:
    lines = ["# Benchmark results", "", f"Machine: {machine()}.", "",
             f"Run on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `python bench/run.py`. Each step is a "
             "separate process; seconds are wall-clock (median where repeated), memory is the peak resident set.",
             "The machine is shared and noisy: read ratios within a row more than absolute values.", "",
             "| size | step | seconds | peak MB | note |", "|---|---|---:|---:|---|"]
    for s in bench.steps:
        lines.append(f"| {s.size} | {s.name} | {s.seconds:.2f} | {s.peak_mb:.0f} | {s.note} |")
    lines += ["", "## Targets", ""]
    seed = next((s for s in bench.steps if s.size == "seed" and s.name.startswith("report police-social (warm")), None)
    if seed:
        lines.append(f"- Seed, warm `citysafe report police-social`: {seed.seconds:.2f} s median (target 0.5 s): "
                     + ("met." if seed.seconds <= 0.5 else "missed."))
    big = summary.get("100000")
    if big:
        peak = max((s.peak_mb for s in bench.steps if s.size == "100,000"), default=0)
        lines.append(f"- 100,000 programs ({big['triples']:,.0f} data triples): build (parse + compile + validate + exports) {big['build']:.0f} s "
                     f"(target 300 s): {'met' if big['build'] <= 300 else 'missed'}; slowest named report "
                     f"{big['worst_report']:.2f} s warm (target 2 s): {'met' if big['worst_report'] <= 2 else 'missed'}, "
                     f"{big['worst_cold']:.2f} s cold (the first run after a build); "
                     f"peak memory {peak:.0f} MB (target 4096 MB): {'met' if peak <= 4096 else 'missed'}.")
    if ratio:
        api, direct, factor = ratio.split()
        lines.append(f"- Named query through our API vs direct pyoxigraph (police-social, largest size run): "
                     f"{api} s vs {direct} s, {factor}x (target 1.3x): {'met' if float(factor) <= 1.3 else 'missed'}.")
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {ROOT / 'bench' / 'RESULTS.md'}")


def write_site_results(bench: Bench, lines: list[str]) -> None:
    table = ["| step | seconds | peak MB |", "|---|---:|---:|"]
    table += [f"| {s.name} | {s.seconds:.2f} | {s.peak_mb:.0f} |" for s in bench.steps]
    text = ["# Evidence site benchmark (seed)", "", f"Machine: {machine()}.", "",
            f"Run on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `python bench/run.py --site`.", "",
            *table, "", *lines]
    (ROOT / "bench" / "RESULTS-site.md").write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"wrote {ROOT / 'bench' / 'RESULTS-site.md'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="Comma-separated program counts.")
    parser.add_argument("--quick", action="store_true", help="Fewer reports and patterns per size.")
    parser.add_argument("--no-seed", action="store_true", help="Skip the seed graph.")
    parser.add_argument("--site", action="store_true",
                        help="Only the evidence site at the seed (bench/site.py); writes bench/RESULTS-site.md.")
    parser.add_argument("--naive-up-to", type=int, default=10000,
                        help="Run the naive rdflib + pyshacl pipeline up to this many programs (it takes hours at 100,000).")
    args = parser.parse_args()
    bench = Bench()
    work = Path(tempfile.mkdtemp(prefix="citysafe-bench-"))
    summary: dict[str, dict[str, float]] = {}
    try:
        if args.site:
            from site_bench import bench_site

            lines = bench_site(bench, citysafe, work, ROOT)
            write_site_results(bench, lines)
            return
        if not args.no_seed:
            bench_seed(bench, str(work / "seed-cache"))
        for size in [int(s) for s in args.sizes.split(",") if s]:
            summary[str(size)] = bench_size(bench, size, work, args.quick, size <= args.naive_up_to)
        ratio = Path("/tmp/citysafe-api-ratio.txt").read_text() if Path("/tmp/citysafe-api-ratio.txt").exists() else ""
        write_results(bench, summary, ratio)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
