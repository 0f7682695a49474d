"""Benchmark citysafe-kg at the seed size and on synthetic graphs of 10,000 and 100,000 programs (issue 12).

Every step runs as its own process, timed from outside with its peak memory (maximum
resident set size, from the kernel's rusage of the child and of the children it waited
for, a Virtuoso server included); a step still running after its limit is stopped and
recorded as such. At each size, in one run: the build with an empty cache and again,
validate, every named report cold (a new process, the build's result cache emptied: the
query's real cost) and warm, the patterns, every report on Virtuoso beside Oxigraph
(bench/virtuoso.py), and every report through our API against raw pyoxigraph in memory
(bench/raw.py). The tables, and which targets are met and by how much the others are
missed, are written at the top of bench/RESULTS.md; what follows the line
`<!-- bench/run.py keeps what follows -->` (notes added by hand, earlier runs) is kept.

    python bench/run.py                               # seed, 10,000, 100,000 (about two hours)
    python bench/run.py --sizes 1000 --no-seed        # a smoke run (a few minutes)
    python bench/run.py --sizes 10000 --no-virtuoso   # without the server

Targets (issue 12): on the seed `citysafe build` <= 5 s with an empty cache and <= 2 s
warm, `validate` (the whole graph or one case) <= 2 s warm; every named report cold
<= 0.5 s at 10,000 programs and <= 2 s at 100,000; patterns <= 10 s at 100,000; the
build at 100,000 programs <= 120 s and <= 4 GB peak.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))

from common import SEED, SYNTHETIC  # noqa: E402

from citysafe_kg.reports import REPORTS  # noqa: E402

PATTERNS = [["cooccurrence", "--level", "group"], ["actors"], ["influence"]]
KEEP = "<!-- bench/run.py keeps what follows -->"
REPORT_TARGET = {10_000: 0.5, 100_000: 2.0}


@dataclass
class Step:
    size: str
    name: str
    seconds: float
    peak_mb: float
    note: str = ""

    @property
    def failed(self) -> bool:
        return self.note.startswith("FAILED")


@dataclass
class Bench:
    steps: list[Step] = field(default_factory=list)

    def run(self, size: str, name: str, argv: list[str], env: dict[str, str] | None = None, repeat: int = 1,
            note: str = "", timeout: float = 3600) -> Step:
        """Run argv ``repeat`` times in a child process; keep the median time and the largest peak memory."""
        times, peaks = [], []
        for _ in range(repeat):
            try:
                seconds, peak_kb = measure(argv, env, timeout)
            except StepFailed as failure:  # record it and go on: one slow step must not lose the run
                step = Step(size, name, failure.seconds, 0.0, f"FAILED: {failure}")
                self.steps.append(step)
                print(f"{size:>8} {name:<60} {step.seconds:8.2f} s {step.note}", flush=True)
                return step
            times.append(seconds)
            peaks.append(peak_kb / 1024)
        step = Step(size, name, statistics.median(times), max(peaks), note)
        self.steps.append(step)
        print(f"{size:>8} {name:<60} {step.seconds:8.2f} s {step.peak_mb:8.0f} MB {note}", flush=True)
        return step


class StepFailed(Exception):
    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


def measure(argv: list[str], env: dict[str, str] | None, timeout: float) -> tuple[float, int]:
    """Wall-clock seconds and peak RSS (KB) of one child process (and its waited-for children),
    from os.wait4's rusage; the child's process group is killed after ``timeout`` seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True)
    stopped = threading.Event()

    def stop() -> None:
        stopped.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, stop)
    timer.start()
    try:
        error = proc.stderr.read().decode(errors="replace").strip().splitlines() if proc.stderr else []
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:
        stop()
        raise
    finally:
        timer.cancel()
    elapsed = time.perf_counter() - start
    if stopped.is_set():
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # a server it started, if any
        except ProcessLookupError:
            pass
        raise StepFailed(f"stopped after {timeout:.0f} s", elapsed)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise StepFailed(f"exit {code}: {error[-1] if error else ''}"[:200], elapsed)
    return elapsed, usage.ru_maxrss


def citysafe(*args: str) -> list[str]:
    return [PYTHON, "-m", "citysafe_kg", *args]


def report_argv(name: str, arguments: dict[str, str]) -> list[str]:
    argument = REPORTS[name].argument
    return [name, arguments[argument]] if argument else [name]


@dataclass
class Size:
    """One size's figures, for the targets and the side tables."""

    label: str
    programs: int | None  # None: the seed
    build: Step | None = None
    build_warm: Step | None = None
    validate: list[Step] = field(default_factory=list)
    cold: dict[str, Step] = field(default_factory=dict)
    warm: dict[str, Step] = field(default_factory=dict)
    patterns: list[Step] = field(default_factory=list)
    virtuoso: dict = field(default_factory=dict)
    raw: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def peak(self, bench: Bench) -> float:
        return max((s.peak_mb for s in bench.steps if s.size == self.label and s.name.startswith("build")), default=0)


def bench_size(bench: Bench, programs: int | None, work: Path, args: argparse.Namespace) -> Size:
    """Every step at one size: the seed (programs None: the checkout) or a synthetic graph."""
    label = "seed" if programs is None else f"{programs:,}"
    size = Size(label, programs)
    cache = work / f"cache-{programs or 'seed'}"
    if programs is None:
        home, arguments = ROOT, SEED
    else:
        home, arguments = work / f"kg{programs}", SYNTHETIC
        bench.run(label, "synth", citysafe("synth", "--programs", str(programs), "--seed", "1", "-o", str(home)),
                  {"CITYSAFE_HOME": str(ROOT)})
    env = {"CITYSAFE_CACHE": str(cache), "CITYSAFE_HOME": str(home)}
    dist = str(work / f"dist-{programs or 'seed'}")
    long = args.build_timeout
    repeat = 3 if programs is None else 1
    size.build = bench.run(label, "build, empty cache", citysafe("build", "--dist", dist), env, timeout=long)
    size.build_warm = bench.run(label, "build, warm", citysafe("build", "--dist", dist), env, repeat=repeat,
                                timeout=long)
    size.validate.append(bench.run(label, "validate, warm", citysafe("validate", "--no-warnings"), env,
                                   repeat=repeat, timeout=long))
    if programs is None:
        size.validate.append(bench.run(label, "validate --case belo-horizonte, warm",
                                       citysafe("validate", "--no-warnings", "--case", "belo-horizonte"), env,
                                       repeat=repeat))
        bench.run(label, "build --engine pyshacl (the reference), warm",
                  citysafe("build", "--engine", "pyshacl", "--dist", dist), env)
    limit = args.report_timeout
    for name in REPORTS:
        argv = report_argv(name, arguments)
        for results in cache.glob("*/results"):  # cold: the build's result cache emptied
            shutil.rmtree(results)
        cold = bench.run(label, f"report {' '.join(argv)} (cold)",
                         citysafe("report", *argv, "--timeout", str(int(limit) + 60)), env, timeout=limit)
        size.cold[name] = cold
        if not cold.failed:
            size.warm[name] = bench.run(label, f"report {' '.join(argv)} (warm)", citysafe("report", *argv), env,
                                        timeout=limit)
    for pattern in PATTERNS:
        size.patterns.append(bench.run(label, "patterns " + " ".join(pattern),
                                       citysafe("patterns", *pattern, "--timeout", str(int(limit) + 60)),
                                       env, timeout=limit))
    side = [f"--program={arguments['program']}", f"--place={arguments['place']}"]
    if not args.no_virtuoso:
        out = work / f"virtuoso-{programs or 'seed'}.json"
        memory = "4096" if (programs or 0) >= 100_000 else "1024"
        step = bench.run(label, "Virtuoso: start, bulk load, every report twice",
                         [PYTHON, str(ROOT / "bench" / "virtuoso.py"), "--no-oxigraph", "--memory", memory,
                          "--timeout", str(int(limit)), "--json", str(out), *side], env, timeout=long)
        if out.exists():
            size.virtuoso = json.loads(out.read_text(encoding="utf-8"))
        else:
            size.notes.append(f"Virtuoso: no figures ({step.note or 'the step failed'}).")
    if programs is None or programs <= args.raw_up_to:
        out = work / f"raw-{programs or 'seed'}.json"
        step = bench.run(label, "every report: our API on disk vs pyoxigraph in memory",
                         [PYTHON, str(ROOT / "bench" / "raw.py"), "--json", str(out), *side], env, timeout=long)
        if out.exists():
            size.raw = json.loads(out.read_text(encoding="utf-8"))
        else:
            size.notes.append(f"API against raw pyoxigraph: no figures ({step.note or 'the step failed'}).")
    else:
        size.notes.append(f"Our API against raw pyoxigraph in memory: not measured above {args.raw_up_to:,} "
                          "programs (the in-memory copy needs several times the store's size in memory; "
                          "`--raw-up-to` to try).")
    return size


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


def verdict(seconds: float, target: float, failed: bool = False) -> str:
    if failed:
        return f"missed (over {seconds:.0f} s)"
    if seconds <= target:
        return "met"
    return f"missed by {seconds - target:.2f} s ({seconds / target:.1f}x)"


def targets(sizes: list[Size], bench: Bench) -> list[str]:
    lines = []
    for size in sizes:
        if size.programs is None:
            if size.build:
                lines.append(f"- seed, `citysafe build` with an empty cache: {size.build.seconds:.2f} s (target 5 s): "
                             f"{verdict(size.build.seconds, 5, size.build.failed)}.")
            if size.build_warm:
                lines.append(f"- seed, `citysafe build` warm: {size.build_warm.seconds:.2f} s (target 2 s): "
                             f"{verdict(size.build_warm.seconds, 2, size.build_warm.failed)}.")
            for step in size.validate:
                lines.append(f"- seed, `citysafe {step.name.split(',')[0]}` warm: {step.seconds:.2f} s (target 2 s): "
                             f"{verdict(step.seconds, 2, step.failed)}.")
            continue
        target = REPORT_TARGET.get(size.programs)
        if target is not None:
            met = [n for n, s in size.cold.items() if not s.failed and s.seconds <= target]
            missed = [f"{n} over {s.seconds:.0f} s (stopped)" if s.failed else f"{n} {s.seconds:.1f} s"
                      for n, s in size.cold.items() if s.failed or s.seconds > target]
            lines.append(f"- {size.label} programs, every report cold <= {target:g} s: {len(met)} of {len(size.cold)} met"
                         + (f" ({', '.join(met)})" if met else "") + (f"; missed: {', '.join(missed)}" if missed else "") + ".")
        if size.programs >= 100_000:
            for step in size.patterns:
                lines.append(f"- {size.label} programs, `{step.name}`: {step.seconds:.1f} s (target 10 s): "
                             f"{verdict(step.seconds, 10, step.failed)}.")
            if size.build:
                peak = size.peak(bench)
                lines.append(f"- {size.label} programs, the build (compile, validate, exports) with an empty cache: "
                             f"{size.build.seconds:.0f} s (target 120 s): {verdict(size.build.seconds, 120, size.build.failed)}; "
                             f"peak {peak:.0f} MB (target 4096 MB): {'met' if peak <= 4096 else 'missed'}.")
    return lines


def side_tables(size: Size) -> list[str]:
    lines = []
    if size.virtuoso or size.raw:
        lines += [f"### {size.label}: every report cold, on Oxigraph, on Virtuoso, and on raw pyoxigraph in memory", ""]
        if size.virtuoso:
            lines.append(f"Virtuoso: a new database started in {size.virtuoso['start']:.1f} s; "
                         f"{size.virtuoso['how']} loaded {size.virtuoso['triples']:,} triples in {size.virtuoso['load']:.1f} s. "
                         "Virtuoso's times are in one process (no interpreter start), first asking and again; "
                         "*defect* marks a report whose query records that this server answers it wrongly or fails "
                         "(`#+ defect:`; `citysafe report --endpoint` refuses it).")
        if size.raw:
            lines.append("API: `reports.run_report` in one process on the on-disk store without the result cache; "
                         "pyoxigraph: the same query text and bindings run by pyoxigraph itself, rows touched, nothing "
                         "converted, on the same on-disk store and on a copy in memory "
                         f"(the copy took {size.raw[0]['copy']:.1f} s).")
        lines += ["", "| report | `citysafe report`, cold (s) | warm (s) | Virtuoso, first (s) | Virtuoso, again (s) "
                  "| rows (Oxigraph / Virtuoso) | API (s) | pyoxigraph on disk (s) | in memory (s) | API / in memory |",
                  "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
        virtuoso = {r["report"]: r for r in size.virtuoso.get("reports", [])}
        raw = {r["report"]: r for r in size.raw}
        for name in REPORTS:
            cold, warm = size.cold.get(name), size.warm.get(name)
            v, r = virtuoso.get(name), raw.get(name)
            cells = [name,
                     "-" if cold is None else (f"over {cold.seconds:.0f}" if cold.failed else f"{cold.seconds:.2f}"),
                     "-" if warm is None else f"{warm.seconds:.2f}"]
            if v:
                mark = " (defect)" if v["defects"] else ""
                cells += [f"{v['first']:.2f}", f"{v['again']:.2f}"]
            else:
                cells += ["-", "-"]
            ox_rows = r["api_rows"] if r else "-"
            v_rows = v["rows"] if v else "-"
            if isinstance(v_rows, str) and v_rows.startswith("error"):
                v_rows = "error"
            elif isinstance(v_rows, str) and v_rows.startswith("stopped"):
                v_rows = "over the limit"
            cells.append(f"{ox_rows} / {v_rows}{mark if v else ''}")
            if r:
                ratio = r["api"] / r["raw"] if r["raw"] else float("inf")
                cells += [f"{r['api']:.3f}", f"{r['raw_disk']:.3f}", f"{r['raw']:.3f}", f"{ratio:.1f}x"]
            else:
                cells += ["-", "-", "-", "-"]
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
        lines.append("")
    return lines + [f"- {note}" for note in size.notes] + ([""] if size.notes else [])


SAVED = Path(tempfile.gettempdir()) / "citysafe-bench-last.json"


def save_run(bench: Bench, sizes: list[Size], started: float, path: Path) -> None:
    """Every figure of the run, so that RESULTS.md can be written again from it (--render)."""
    path.write_text(json.dumps({"started": started, "steps": [vars(s) for s in bench.steps],
                                "sizes": [{"label": z.label, "programs": z.programs, "virtuoso": z.virtuoso,
                                           "raw": z.raw, "notes": z.notes} for z in sizes]}, indent=1),
                    encoding="utf-8")


def load_run(path: Path, raw: dict[str, str]) -> tuple[Bench, list[Size], float]:
    """A saved run's steps and sizes, the per-size figures found again by the steps' names."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    bench = Bench([Step(**step) for step in saved["steps"]])
    sizes = []
    for item in saved["sizes"]:
        size = Size(item["label"], item["programs"], virtuoso=item["virtuoso"], raw=item["raw"], notes=item["notes"])
        if size.label in raw:
            size.raw = json.loads(Path(raw[size.label]).read_text(encoding="utf-8"))
        for step in (s for s in bench.steps if s.size == size.label):
            if step.name == "build, empty cache":
                size.build = step
            elif step.name == "build, warm":
                size.build_warm = step
            elif step.name.startswith("validate"):
                size.validate.append(step)
            elif step.name.startswith("patterns "):
                size.patterns.append(step)
            elif step.name.startswith("report ") and step.name.endswith((" (cold)", " (warm)")):
                name = step.name.split()[1]
                (size.cold if step.name.endswith("(cold)") else size.warm)[name] = step
        sizes.append(size)
    started = saved.get("started", path.stat().st_mtime - sum(step.seconds for step in bench.steps))
    return bench, sizes, started


def write_results(bench: Bench, sizes: list[Size], started: float) -> None:
    path = ROOT / "bench" / "RESULTS.md"
    kept = ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        kept = text[text.index(KEEP) + len(KEEP):].lstrip("\n") if KEEP in text else text
    lines = ["# Benchmark results", "", f"Machine: {machine()}.", "",
             f"Run on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))} by `python bench/run.py` "
             f"({sum(st.seconds for st in bench.steps) / 60:.0f} min of steps). Each step is a separate process; seconds are wall-clock "
             "(median where repeated), memory is the peak resident set. Cold: a new process with the build's "
             "result cache emptied (the operating system's page cache stays warm).", "",
             "## Targets (issue 12)", "", *targets(sizes, bench), "", "## Every step", "",
             "| size | step | seconds | peak MB | note |", "|---|---|---:|---:|---|"]
    lines += [f"| {s.size} | {s.name} | {s.seconds:.2f} | {s.peak_mb:.0f} | {s.note} |" for s in bench.steps]
    lines += [""]
    for size in sizes:
        lines += side_tables(size)
    lines += [KEEP, "", kept]
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {path}")


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
    parser.add_argument("--sizes", default="10000,100000", help="Comma-separated program counts.")
    parser.add_argument("--no-seed", action="store_true", help="Skip the seed graph.")
    parser.add_argument("--no-virtuoso", action="store_true", help="Skip Virtuoso (bench/virtuoso.py).")
    parser.add_argument("--raw-up-to", type=int, default=10_000,
                        help="Compare with raw pyoxigraph in memory up to this many programs.")
    parser.add_argument("--report-timeout", type=float, default=60.0,
                        help="Seconds before a report, a pattern or a Virtuoso query is stopped (recorded as over).")
    parser.add_argument("--build-timeout", type=float, default=3600.0, help="Seconds before a build step is stopped.")
    parser.add_argument("--no-write", action="store_true", help="Print the figures; leave bench/RESULTS.md as it is.")
    parser.add_argument("--render", type=Path, metavar="RUN.json",
                        help=f"Write bench/RESULTS.md from a saved run (every run saves itself to {SAVED}).")
    parser.add_argument("--raw", action="append", default=[], metavar="SIZE=FILE",
                        help="With --render: the API-against-pyoxigraph figures of a size (seed, 10,000, ...) from "
                             "`bench/raw.py --json FILE`, measured again.")
    parser.add_argument("--site", action="store_true",
                        help="Only the evidence site at the seed (bench/site_bench.py); writes bench/RESULTS-site.md.")
    args = parser.parse_args()
    bench = Bench()
    work = Path(tempfile.mkdtemp(prefix="citysafe-bench-"))
    started = time.time()
    try:
        if args.site:
            from site_bench import bench_site

            lines = bench_site(bench, citysafe, work, ROOT)
            write_site_results(bench, lines)
            return
        if args.render:
            bench, sizes, started = load_run(args.render, dict(item.split("=", 1) for item in args.raw))
            write_results(bench, sizes, started)
            return
        sizes = [] if args.no_seed else [bench_size(bench, None, work, args)]
        for programs in [int(s) for s in args.sizes.split(",") if s]:
            sizes.append(bench_size(bench, programs, work, args))
        save_run(bench, sizes, started, SAVED)
        if args.no_write:
            print("\n".join(targets(sizes, bench)))
            for size in sizes:
                print("\n".join(side_tables(size)))
        else:
            write_results(bench, sizes, started)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
