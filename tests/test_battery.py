"""The fault battery (issue 13): bad input, full and read-only disks, killed and concurrent
processes, damaged caches. Each case asserts the exit code, the message, that no traceback
was printed, and that no file but the command's own was touched.

Kinds: OWN (never lose a file that is not ours), ANSWER (never answer wrong in silence),
LINE (every failure one line with the documented exit code), CACHE (damaged or shared
cache), KILL (killed or concurrent processes). Run alone:
    .venv/bin/python -m pytest -q tests/test_battery.py            # the quick battery
    .venv/bin/python -m pytest -q tests/test_battery.py -m slow    # the two whole-graph exports
Cases that mount a tmpfs skip (with the reason) where mounting is not allowed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from citysafe_kg.cli import cli
from citysafe_kg.resources import default_project

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


# ---------------------------------------------------------------- helpers

def snapshot(*roots: Path) -> dict[str, tuple]:
    """Every file and link under ``roots``: its kind, size, mtime and (for links) target."""
    seen: dict[str, tuple] = {}
    for root in roots:
        if not os.path.lexists(root):
            continue
        for folder, dirs, files in os.walk(root):
            for name in dirs + files:
                path = os.path.join(folder, name)
                st = os.lstat(path)
                target = os.readlink(path) if stat.S_ISLNK(st.st_mode) else None
                size = st.st_size if stat.S_ISREG(st.st_mode) else 0
                mtime = st.st_mtime_ns if stat.S_ISREG(st.st_mode) else 0
                seen[path] = (stat.S_IFMT(st.st_mode), size, mtime, target)
    return seen


def changed(before: dict[str, tuple], after: dict[str, tuple]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def outside(paths: set[str], *own: Path) -> set[str]:
    """The changed paths that are not under the command's own outputs."""
    owned = [str(p) for p in own]
    return {p for p in paths if not any(p == o or p.startswith(o + os.sep) for o in owned)}


def no_traceback(text: str) -> None:
    assert "Traceback" not in text, text
    assert 'File "' not in text, text
    assert "Exception ignored" not in text, text


def error_line(result) -> str:
    """The one error line a failed command prints on stderr."""
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def invoke(args: list[str], *, watch: tuple[Path, ...] = (), own: tuple[Path, ...] = (), code: int = 0,
           message: str | None = None, env: dict[str, str] | None = None, one_line: bool = True):
    """Run the CLI in-process; check the exit code, the message (on stderr), no traceback,
    and that nothing under ``watch`` changed but ``own``."""
    own = (*own, Path(os.environ["CITYSAFE_CACHE"]))  # the compiled cache is citysafe's own
    before = snapshot(*watch)
    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=True)
    no_traceback(result.output)
    assert isinstance(result.exception, (SystemExit, type(None))), repr(result.exception)
    assert result.exit_code == code, (result.exit_code, result.output)
    if message is not None:
        assert message in result.stderr, result.stderr
    if code != 0 and one_line:
        error_line(result)
    assert not outside(changed(before, snapshot(*watch)), *own), "a file that is not the command's own changed"
    return result


def run(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    """The real console entry point in a subprocess (signals, real stdout)."""
    return subprocess.run([PYTHON, "-m", "citysafe_kg", *args], env={**os.environ, **env},
                          capture_output=True, text=True, timeout=120, **kwargs)


def start(args: list[str], env: dict[str, str], **kwargs) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "-m", "citysafe_kg", *args], env={**os.environ, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def staging_left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".citysafe-" in p.name)


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def warm_cache(private_cache) -> Path:
    """The session's cache with the seed compiled and validated once (fast engine)."""
    from citysafe_kg.answer import choose
    from citysafe_kg.compiled import cache_root, compiled_store

    project = default_project()
    compiled_store(project)
    assert choose(project).current
    return cache_root()


@pytest.fixture()
def cache(warm_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the warm cache (cases may damage it), holding the seed's build only: other
    tests of the session compile builds of their own (a sample of cases, fixtures) into it."""
    from citysafe_kg.compiled import graph_hash

    project = default_project()
    seed = graph_hash(project, project.graph_files())[:32]

    def ignore(folder: str, names: list[str]) -> set[str]:
        if Path(folder) != warm_cache:
            return {"results"} & set(names)
        others = {n for n in names if len(n) == 32 and n != seed and (warm_cache / n).is_dir()}
        return others | {"results"}

    copy = tmp_path / "cache"
    shutil.copytree(warm_cache, copy, ignore=ignore)
    monkeypatch.setenv("CITYSAFE_CACHE", str(copy))
    return copy


@pytest.fixture()
def home(cache: Path, project_copy) -> Path:
    """A writable copy of the evidence base (CITYSAFE_HOME) over a private cache; its first
    report makes the seed build its last good build."""
    invoke(["report", "summary", "--limit", "1"])
    return project_copy.root


@pytest.fixture(scope="session")
def built_once(warm_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dist/ written by a real (fast) build, once."""
    dist = tmp_path_factory.mktemp("built") / "dist"
    result = CliRunner().invoke(cli, ["build", "--engine", "shacl", "--dist", str(dist)])
    assert result.exit_code == 0, result.output
    return dist


@pytest.fixture()
def built(built_once: Path, tmp_path: Path, cache: Path) -> Path:
    """A private copy of that dist/ (cases replace or damage it)."""
    dist = tmp_path / "dist"
    shutil.copytree(built_once, dist)
    return dist


def mount_tmpfs(where: Path, size: str = "1m", readonly: bool = False) -> None:
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if readonly else "")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or 'not root'}): the disk faults need one")


@pytest.fixture()
def tmpfs(tmp_path: Path):
    """Mount small tmpfs folders (skipped where the test may not mount); unmounted after."""
    mounted: list[Path] = []

    def make(name: str, size: str = "1m", readonly: bool = False) -> Path:
        where = tmp_path / name
        mount_tmpfs(where, size, readonly)
        mounted.append(where)
        return where

    yield make
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder: Path) -> None:
    """Fill a small tmpfs to the last byte."""
    for name, chunk in (("filler", 65536), ("filler2", 1)):
        try:
            with open(folder / name, "wb", buffering=0) as handle:
                while True:
                    handle.write(b"\0" * chunk)
        except OSError:
            pass


# ================================================================ OWN: never lose a file that is not ours

def test_own_dist_with_a_users_file_is_refused(tmp_path, cache):
    dist = tmp_path / "mine"
    dist.mkdir()
    (dist / "notes.txt").write_text("my notes\n")
    invoke(["build", "--engine", "shacl", "--dist", str(dist)], watch=(tmp_path,), code=1,
           message="is not empty and no citysafe build wrote it")
    assert (dist / "notes.txt").read_text() == "my notes\n"


def test_own_dist_naming_the_data_folder_is_refused(home):
    before = snapshot(home)
    invoke(["build", "--engine", "shacl", "--dist", str(home / "data")], code=1,
           message="inside the evidence base (data/)")
    assert snapshot(home) == before, "a source file changed"
    assert len(list((home / "data").rglob("*.ttl"))) == len(list((REPO / "data").rglob("*.ttl")))


def test_own_dist_inside_the_data_folder_is_refused(home):
    invoke(["build", "--engine", "shacl", "--dist", str(home / "data" / "out")], watch=(home,), code=1,
           message="inside the evidence base (data/)")
    assert not (home / "data" / "out").exists()


def test_own_dist_naming_the_project_root_is_refused(home):
    invoke(["build", "--engine", "shacl", "--dist", str(home)], watch=(home,), code=1,
           message="would replace or sit inside the evidence base")


def test_own_site_into_the_data_folder_is_refused(home):
    invoke(["site", "-o", str(home / "data")], watch=(home,), code=1,
           message="would replace or sit inside the evidence base (data/)")


def test_own_site_into_a_users_folder_is_refused(tmp_path, cache):
    folder = tmp_path / "www"
    folder.mkdir()
    (folder / "index.html").write_text("my page\n")
    invoke(["site", "-o", str(folder)], watch=(tmp_path,), code=1, message="no citysafe site wrote it")
    assert (folder / "index.html").read_text() == "my page\n"


def test_own_synth_into_a_users_project_is_refused(tmp_path, cache):
    theirs = tmp_path / "theirs"
    (theirs / "ontology").mkdir(parents=True)
    (theirs / "ontology" / "citysafe.ttl").write_text("# their ontology\n")
    invoke(["synth", "--programs", "10", "-o", str(theirs)], watch=(tmp_path,), code=1,
           message="is not empty and no citysafe synth wrote it")
    assert (theirs / "ontology" / "citysafe.ttl").read_text() == "# their ontology\n"


def test_own_synth_into_the_data_folder_is_refused(home):
    invoke(["synth", "--programs", "10", "-o", str(home / "data" / "extra.ttl")], watch=(home,), code=1,
           message="is inside the evidence base")


def test_own_dist_naming_a_file_is_refused(tmp_path, cache):
    target = tmp_path / "dist"
    target.write_text("a file\n")
    invoke(["build", "--engine", "shacl", "--dist", str(target)], watch=(tmp_path,), code=1,
           message="is a file, not a folder")
    assert target.read_text() == "a file\n"


def test_own_a_previous_build_holding_a_users_file_is_refused(built, tmp_path):
    (built / "README.txt").write_text("keep me\n")
    invoke(["build", "--engine", "shacl", "--dist", str(built)], watch=(tmp_path,), code=1,
           message="holds 'README.txt', which no build wrote")
    assert (built / "README.txt").read_text() == "keep me\n"


def test_own_a_previous_build_is_replaced_whole_and_no_staging_is_left(built, tmp_path):
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["generator"] == "citysafe-kg build"
    assert set(manifest["outputs"]) == {p.name for p in built.iterdir()}
    invoke(["build", "--engine", "shacl", "--dist", str(built)], watch=(tmp_path,), own=(built,))
    assert "graph.nt" in {p.name for p in built.iterdir()}
    assert staging_left(tmp_path) == []


def test_own_dist_through_a_symlink_keeps_the_link(tmp_path, cache):
    real = tmp_path / "real-dist"
    link = tmp_path / "dist"
    link.symlink_to(real)
    invoke(["build", "--engine", "shacl", "--dist", str(link)], watch=(tmp_path,), own=(real,))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real / "graph.nt").stat().st_size > 1_000_000


@pytest.mark.slow  # rdflib serialises the whole graph: ~10 s
def test_own_export_writes_through_a_symlink(tmp_path, cache):
    target = tmp_path / "real.nt"
    target.write_text("old\n")
    link = tmp_path / "graph.nt"
    link.symlink_to(target)
    invoke(["export", "-f", "nt", "-o", str(link)], watch=(tmp_path,), own=(target,))
    assert link.is_symlink(), "the link was replaced by a file"
    assert "<https://w3id.org/citysafe/id/fica-vivo>" in target.read_text()


def test_own_export_refuses_a_dangling_symlink(tmp_path, cache):
    link = tmp_path / "graph.nt"
    link.symlink_to(tmp_path / "nowhere" / "graph.nt")
    invoke(["export", "-f", "nt", "-o", str(link)], watch=(tmp_path,), code=1,
           message="not writing through a dangling link")
    assert link.is_symlink()


# The -o cases below write a pattern's network (io.write_output, as export does): export's
# rdflib serialisation takes seconds, and one export case (the symlink) covers its wiring.

def test_own_network_to_a_fifo_writes_into_it(tmp_path, cache):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    invoke(["patterns", "influence", "--node-link", str(fifo)], watch=(tmp_path,))
    reader.join(30)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced"
    assert json.loads(received[0])["nodes"], "the reader got no network"


def test_own_network_to_dev_null_keeps_the_device(cache):
    invoke(["patterns", "influence", "--graphml", "/dev/null"], message="Wrote /dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_own_network_to_dev_full_is_one_line_and_keeps_the_device(cache):
    result = invoke(["patterns", "influence", "--graphml", "/dev/full"], code=2, message="no space left on the device")
    assert "/dev/full" in error_line(result)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_own_export_to_a_folder_is_refused(tmp_path, cache):
    folder = tmp_path / "out"
    folder.mkdir()
    invoke(["export", "-o", str(folder)], watch=(tmp_path,), code=1, message="is a folder; give a file name")


def test_own_network_to_stdout_with_dash(tmp_path, cache):
    result = invoke(["patterns", "influence", "--json", "--node-link", "-"], watch=(tmp_path,))
    assert '"links": [' in result.stdout
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_own_export_into_the_evidence_base_is_refused(home):
    places = home / "data" / "shared" / "places.ttl"
    text = places.read_text()
    invoke(["export", "-o", str(places)], watch=(home,), code=1, message="is inside the evidence base")
    assert places.read_text() == text


def test_own_network_replaces_a_regular_file_keeping_its_mode(tmp_path, cache):
    out = tmp_path / "influence.json"
    out.write_text("old\n")
    out.chmod(0o600)
    invoke(["patterns", "influence", "--node-link", str(out)], watch=(tmp_path,), own=(out,))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and json.loads(out.read_text())["nodes"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".influence.json.")], "a temp file was left"


def test_own_pattern_network_writes_through_a_symlink(tmp_path, cache):
    target = tmp_path / "net.graphml"
    target.write_text("old\n")
    link = tmp_path / "link.graphml"
    link.symlink_to(target)
    invoke(["patterns", "actors", "--graphml", str(link), "--limit", "1"], watch=(tmp_path,), own=(target,))
    assert link.is_symlink() and "<graphml" in target.read_text()


def test_own_pattern_network_to_a_folder_is_a_usage_error(tmp_path, cache):
    invoke(["patterns", "actors", "--node-link", str(tmp_path)], watch=(tmp_path,), code=1,
           message="is a directory")


def test_own_push_of_non_conforming_sources_is_refused(home):
    case = home / "data" / "cases" / "belo-horizonte.ttl"
    case.write_text(case.read_text().replace("cs:startYear 2002 ;", "cs:startYear 1850 ;", 1))
    invoke(["validate", "--engine", "shacl"], code=1, one_line=False)
    invoke(["push", "--endpoint", "http://127.0.0.1:9/store"], watch=(home,), code=1,
           message="so they are not sent anywhere")


def test_own_failed_build_leaves_the_previous_build(built, home, tmp_path):
    before = snapshot(built)
    case = home / "data" / "cases" / "belo-horizonte.ttl"
    case.write_text(case.read_text().replace("cs:startYear 2002 ;", "cs:startYear 1850 ;", 1))
    invoke(["build", "--engine", "shacl", "--dist", str(built)], code=1,
           message="Build stopped")
    assert snapshot(built) == before
    assert staging_left(tmp_path) == []


def test_own_staging_of_a_dead_process_is_swept_and_a_live_ones_kept(built, tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / f".dist.citysafe-{dead.pid}-abc123"
    stale.mkdir()
    (stale / "graph.nt").write_text("half\n")
    live = tmp_path / f".dist.citysafe-{os.getppid()}-def456"
    live.mkdir()
    legacy = tmp_path / ".dist.old"
    legacy.mkdir()
    os.utime(legacy, (time.time() - 7200, time.time() - 7200))
    mine = tmp_path / ".dist.notes"  # a user's, not a staging name
    mine.mkdir()
    invoke(["build", "--engine", "shacl", "--dist", str(built)], own=(built, stale, legacy))
    assert not stale.exists() and not legacy.exists()
    assert live.exists() and mine.exists()


def test_own_a_build_killed_between_two_renames_is_put_back(built, tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    aside = tmp_path / f".dist.citysafe-{dead.pid}-old-xyz"
    os.replace(built, aside)  # where the two-step swap (no RENAME_EXCHANGE) leaves it
    from citysafe_kg.io import sweep_staging

    sweep_staging(tmp_path, "dist")
    assert (built / "manifest.json").is_file() and not aside.exists()


def test_own_gitignore_covers_staging_folders():
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    for name in (".dist.citysafe-123-abcd", ".out.citysafe-9-exports-x", ".dist.old"):
        done = subprocess.run(["git", "check-ignore", "-q", name], cwd=REPO)
        assert done.returncode == 0, f"{name} is not ignored"


# ================================================================ ANSWER: never answer wrong in silence

def _remove_fica_vivo_label(home: Path) -> None:
    case = home / "data" / "cases" / "belo-horizonte.ttl"
    text = case.read_text()
    old = '    rdfs:label "Fica Vivo (Stay Alive)"@en,\n        "Fica Vivo"@pt ;\n'
    assert old in text
    case.write_text(text.replace(old, ""))


def test_answer_changed_sources_answer_from_the_last_good_build_and_say_so(home):
    _remove_fica_vivo_label(home)
    result = invoke(["report", "police-social", "--csv"],
                    message="the sources changed since the last build that conformed")
    assert "Fica Vivo (Stay Alive)" in result.stdout
    assert len(result.stdout.splitlines()) == 7


def test_answer_unvalidated_answers_from_the_sources_as_they_are(home):
    _remove_fica_vivo_label(home)
    result = invoke(["report", "police-social", "--csv", "--unvalidated"],
                    message="--unvalidated): they have not been found to conform")
    assert "Fica Vivo (Stay Alive)" not in result.stdout
    assert len(result.stdout.splitlines()) == 6


def test_answer_sources_known_not_to_conform_are_named_in_the_note(home):
    _remove_fica_vivo_label(home)
    invoke(["validate", "--engine", "shacl"], code=1, one_line=False)
    result = invoke(["report", "police-social", "--csv"], message="the sources do not conform now (")
    assert "Fica Vivo (Stay Alive)" in result.stdout


def test_answer_emptied_case_file_does_not_silently_lose_programs(home):
    (home / "data" / "cases" / "belo-horizonte.ttl").write_text("")
    result = invoke(["report", "evidence", "--csv"], message="changed since the last build that conformed")
    assert "Fica Vivo (Stay Alive)" in result.stdout


def test_answer_no_good_build_and_broken_sources_is_refused(tmp_path, project_copy, monkeypatch):
    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "fresh-cache"))
    _remove_fica_vivo_label(project_copy.root)
    invoke(["report", "police-social"], code=1, message="no earlier build conformed")


def test_answer_a_build_of_the_changed_sources_moves_on(home, tmp_path):
    text_before = invoke(["report", "summary", "--csv"]).stdout
    (home / "data" / "cases" / "belo-horizonte.ttl").write_text(
        (home / "data" / "cases" / "belo-horizonte.ttl").read_text() + "\n# a comment\n")
    invoke(["build", "--engine", "shacl", "--dist", str(tmp_path / "dist")], own=(tmp_path / "dist",))
    result = invoke(["report", "summary", "--csv"])
    assert result.stderr == "" and result.stdout == text_before


def test_answer_sparql_on_changed_sources_reads_the_good_build(home):
    _remove_fica_vivo_label(home)
    query = 'SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/citysafe/id/fica-vivo> <http://www.w3.org/2000/01/rdf-schema#label> ?l }'
    result = invoke(["sparql", query, "--csv"], message="changed since")
    assert result.stdout.splitlines()[1] == "2"


@pytest.mark.slow  # rdflib serialises the whole graph: ~10 s
def test_answer_export_on_changed_sources_exports_the_good_build(home):
    _remove_fica_vivo_label(home)
    result = invoke(["export", "-f", "nt"], message="changed since")
    assert '<https://w3id.org/citysafe/id/fica-vivo> <http://www.w3.org/2000/01/rdf-schema#label> "Fica Vivo"@pt .' in result.stdout


@pytest.mark.slow  # rdflib parses the whole graph: ~10 s
def test_answer_rdflib_on_changed_sources_reads_the_good_build(home):
    _remove_fica_vivo_label(home)
    invoke(["validate", "--engine", "shacl"], code=1, one_line=False)
    result = invoke(["report", "police-social", "--csv", "--backend", "rdflib"], message="do not conform now")
    assert "Fica Vivo (Stay Alive)" in result.stdout and len(result.stdout.splitlines()) == 7


def test_answer_a_misspelt_program_is_an_error_not_an_empty_table(cache):
    result = invoke(["report", "program", "fica-viva"], code=1, message='Unknown program "fica-viva"')
    assert '"Fica Vivo" (fica-vivo)' in result.stderr and result.stdout == ""


def test_answer_an_unknown_country_is_an_error_with_the_nearest(cache):
    invoke(["query", "police-social", "-p", "country=Brazl"], code=1, message='Unknown country "Brazl". Did you mean "Brasil" (brazil)?')


def test_answer_a_country_that_is_no_place_is_an_error(cache):
    invoke(["query", "police-social", "-p", "country=Atlantis"], code=1, message='Unknown country "Atlantis"')


def test_answer_an_empty_table_says_so(cache):
    result = invoke(["query", "source-conflicts", "-p", "kind=nonsense"],
                    message="No rows: nothing in the graph matches --param kind=nonsense")
    assert len(result.stdout.splitlines()) == 2  # the header and its rule


def test_answer_country_by_name_gives_only_that_countrys_programs(cache):
    result = invoke(["query", "police-social", "-p", "country=Brazil", "--csv"])
    rows = result.stdout.splitlines()[1:]
    assert len(rows) == 2 and all(",csd:brazil," in row for row in rows)


# ================================================================ LINE: every failure one line, documented code

def test_line_sparql_update_is_refused_plainly(cache):
    result = invoke(["sparql", "PREFIX a: <http://a/> INSERT DATA { a:b a:c a:d }"], code=1,
                    message="updates (INSERT, DELETE, LOAD ...) are refused")
    assert "expected CONSTRUCT" not in result.stderr


def test_line_sparql_missing_file_is_named(cache):
    result = invoke(["sparql", "./missing.rq"], code=1, message="No such query file: ./missing.rq")
    assert "syntax" not in result.stderr


def test_line_sparql_folder(cache):
    invoke(["sparql", str(REPO / "queries")], code=1, message="is a folder")


def test_line_sparql_file_not_utf8(tmp_path, cache):
    bad = tmp_path / "q.rq"
    bad.write_bytes(b"SELECT * WHERE { ?s ?p \xff }")
    invoke(["sparql", str(bad)], code=1, message="is not UTF-8 text")


def test_line_sparql_syntax_error(cache):
    invoke(["sparql", "SELEKT * WHERE { ?s ?p ?o }"], code=1, message="SPARQL syntax error")


def test_line_sparql_construct_is_not_a_table(cache):
    invoke(["sparql", "CONSTRUCT WHERE { ?s ?p ?o }"], code=1, message="Only SELECT and ASK")


@pytest.mark.parametrize("args, message", [
    (["report", "summary", "--bogus"], "No such option '--bogus'"),
    (["report", "summary", "--limit", "many"], "'many' is not a valid integer"),
    (["nonsense"], "No such command 'nonsense'"),
    (["compare"], "Missing argument"),
    (["validate", "--engine", "fast"], "'fast' is not one of"),
])
def test_line_usage_errors_exit_1_as_the_readme_says(cache, args, message):
    result = CliRunner().invoke(cli, args)
    no_traceback(result.output)
    assert result.exit_code == 1 and message in result.stderr
    readme = (REPO / "README.md").read_text()
    assert "1 the graph does not\nconform or a usage error" in readme or "1 the graph does not conform or a usage error" in readme


def test_line_a_missing_data_file_is_exit_2(home):
    (home / "data" / "cases" / "ghost.ttl").symlink_to(home / "nowhere.ttl")
    result = invoke(["report", "summary"], watch=(home,), code=2, message="No such file or directory")
    assert "ghost.ttl" in error_line(result)


def test_line_a_data_file_that_is_not_utf8_names_the_file(home):
    (home / "data" / "cases" / "zz.ttl").write_bytes(b"\xff\xfe not turtle")
    result = invoke(["report", "summary", "--unvalidated"], watch=(home,), code=1, message="zz.ttl:1: Turtle syntax error")
    assert "nothing was built" in error_line(result)


def test_line_citysafe_home_nowhere(cache, tmp_path):
    invoke(["report", "summary"], code=1, env={"CITYSAFE_HOME": str(tmp_path / "nope")},
           message="has no ontology/citysafe.ttl and data/")


def test_line_internal_error_is_one_line_exit_2(cache, monkeypatch):
    import citysafe_kg.reports

    def broken(*args, **kwargs):
        raise TypeError("unexpected None")

    monkeypatch.setattr(citysafe_kg.reports, "run_report", broken)
    result = invoke(["report", "summary"], code=2, message="Internal error: TypeError: unexpected None")
    assert "This is a bug in citysafe" in result.stderr


def test_line_debug_shows_the_traceback(cache, monkeypatch):
    import citysafe_kg.reports

    monkeypatch.setattr(citysafe_kg.reports, "run_report", lambda *a, **k: 1 / 0)
    result = CliRunner().invoke(cli, ["report", "summary"], env={"CITYSAFE_DEBUG": "1"})
    assert isinstance(result.exception, ZeroDivisionError)


def test_line_interrupt_is_exit_130(cache, monkeypatch):
    import citysafe_kg.reports

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(citysafe_kg.reports, "run_report", interrupted)
    invoke(["report", "summary"], code=130, message="Interrupted; no file was left half-written", one_line=False)


def test_line_query_timeout_is_exit_2(cache):
    invoke(["report", "conflicts", "--timeout", "0.000001"], code=2, message="ran longer than --timeout")


def test_line_unreachable_endpoint_is_exit_2(cache):
    invoke(["query", "summary", "--endpoint", "http://127.0.0.1:9/query"], code=2, message="Cannot reach http://127.0.0.1:9/query")


def test_line_stdout_on_a_full_device(cache):
    with open("/dev/full", "w") as full:
        done = subprocess.run([PYTHON, "-m", "citysafe_kg", "report", "summary"], stdout=full,
                              stderr=subprocess.PIPE, text=True, env=os.environ.copy(), timeout=120)
    no_traceback(done.stderr)
    assert done.returncode == 2
    assert done.stderr.strip() == ("Error: Cannot write the output: no space left on the device. Free some space, "
                                   "or point --dist, -o or CITYSAFE_CACHE at another disk, and run again.")


def test_line_stdout_closed_early_is_quiet(cache):
    process = subprocess.Popen([PYTHON, "-m", "citysafe_kg", "sparql", "SELECT * WHERE { ?s ?p ?o }", "--tsv"],
                               stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=os.environ.copy())
    assert process.stdout is not None
    process.stdout.read(100)
    process.stdout.close()
    _, err = process.communicate(timeout=120)
    no_traceback(err.decode())
    assert process.returncode == 0 and err.decode() == ""


def test_line_read_only_cache_with_no_build_is_exit_2(tmpfs, monkeypatch, tmp_path):
    ro = tmpfs("ro-cache", readonly=True)
    monkeypatch.setenv("CITYSAFE_CACHE", str(ro / "citysafe"))
    invoke(["report", "summary"], watch=(tmp_path,), code=2, message="read-only file system")


def test_line_read_only_cache_with_a_build_answers(tmpfs, warm_cache, monkeypatch, tmp_path):
    ro = tmpfs("ro-cache", size="64m")
    shutil.copytree(warm_cache, ro / "citysafe", ignore=shutil.ignore_patterns("results"))
    subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
    monkeypatch.setenv("CITYSAFE_CACHE", str(ro / "citysafe"))
    result = invoke(["report", "summary", "--csv"], watch=(tmp_path,))
    assert "Program," in result.stdout


def test_line_full_cache_disk_is_exit_2_and_leaves_no_staging(tmpfs, monkeypatch, tmp_path):
    full = tmpfs("full-cache", size="2m")
    monkeypatch.setenv("CITYSAFE_CACHE", str(full))
    invoke(["report", "summary"], watch=(tmp_path,), own=(full,), code=2, message="no space left on the device")
    assert staging_left(full) == []


def test_line_full_dist_disk_is_exit_2_and_keeps_the_previous_build(tmpfs, built, tmp_path, cache):
    disk = tmpfs("full-dist", size="16m")
    dist = disk / "dist"
    shutil.copytree(built, dist)
    before = snapshot(dist)
    fill(disk)
    invoke(["build", "--engine", "shacl", "--dist", str(dist)], watch=(tmp_path,), own=(disk,), code=2,
           message="no space left on the device")
    assert snapshot(dist) == before
    assert staging_left(disk) == []


def test_line_full_disk_for_o_keeps_the_previous_file(tmpfs, cache, tmp_path):
    disk = tmpfs("full-out", size="1m")
    out = disk / "influence.graphml"
    out.write_text("previous\n")
    fill(disk)
    invoke(["patterns", "influence", "--graphml", str(out)], watch=(tmp_path,), own=(disk / "filler", disk / "filler2"),
           code=2, message="no space left on the device")
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "filler2", "influence.graphml"]


# ================================================================ CACHE: damaged or shared cache

def _build_folder(cache: Path) -> Path:
    folders = [p for p in cache.iterdir() if p.is_dir() and len(p.name) == 32]
    assert len(folders) == 1
    return folders[0]


def test_cache_a_damaged_store_file_is_rebuilt_with_one_line(cache):
    folder = _build_folder(cache)
    sst = sorted((folder / "oxigraph").glob("*.sst"), key=lambda p: p.stat().st_size)[-1]
    with open(sst, "r+b") as handle:
        handle.seek(100)
        handle.write(b"garbage")
    result = invoke(["report", "summary", "--csv"], message=f"oxigraph/{sst.name} does not match its checksum); rebuilding it")
    assert "Actor,96" in result.stdout


def test_cache_a_deleted_store_file_is_rebuilt(cache):
    folder = _build_folder(cache)
    victim = sorted((folder / "oxigraph").glob("*.sst"))[0]
    victim.unlink()
    result = invoke(["report", "summary", "--csv"], message=f"oxigraph/{victim.name} is missing")
    assert "Actor,96" in result.stdout


def test_cache_a_garbled_manifest_is_rebuilt(cache):
    folder = _build_folder(cache)
    (folder / "manifest.json").write_text("{not json")
    result = invoke(["report", "summary", "--csv"], message="manifest.json unreadable")
    assert "Actor,96" in result.stdout


def test_cache_an_altered_result_is_recomputed(cache):
    invoke(["report", "summary", "--csv"])
    results = list((_build_folder(cache) / "results").glob("*.json"))
    for file in results:
        file.write_text(file.read_text().replace("96", "97"))
    result = invoke(["report", "summary", "--csv"], message="was damaged; recomputed it")
    assert "Actor,96" in result.stdout and "Actor,97" not in result.stdout


@pytest.mark.parametrize("content", ['[1, 2]', '{"columns": ["a"]}', "", "\x00\x01"])
def test_cache_a_result_of_the_wrong_shape_is_recomputed(cache, content):
    invoke(["report", "summary", "--csv"])
    for file in (_build_folder(cache) / "results").glob("*.json"):
        file.write_text(content)
    result = invoke(["report", "summary", "--csv"], message="was damaged; recomputed it")
    assert "Actor,96" in result.stdout


def test_cache_check_finds_and_removes_a_damaged_build(cache):
    folder = _build_folder(cache)
    sst = sorted((folder / "oxigraph").glob("*.sst"))[-1]
    mtime = sst.stat().st_mtime_ns
    data = bytearray(sst.read_bytes())
    data[len(data) // 2] ^= 0xFF
    sst.write_bytes(bytes(data))
    os.utime(sst, ns=(mtime, mtime))  # same size and mtime: only the hash can tell
    result = invoke(["cache", "check"])
    assert f"damaged: {folder.name}: oxigraph/{sst.name} does not match its checksum" in result.stdout
    assert not folder.exists()


def test_cache_prune_keeps_newest_in_use_and_good_builds(cache, monkeypatch):
    from citysafe_kg.compiled import cache_root, open_compiled, prune

    good = _build_folder(cache)
    for n in range(4):  # four older builds
        shutil.copytree(good, cache / f"{n:032x}")
    held = open_compiled(cache / f"{3:032x}")  # the oldest, open (as by a running server)
    for n in range(4):
        old = time.time() - 1000 * (n + 1)
        os.utime(cache / f"{n:032x}" / "manifest.json", (old, old))
    result = prune(keep=1)
    assert cache_root() == cache
    assert good.name in result.kept  # the last good build
    assert result.in_use == [f"{3:032x}"]
    assert sorted(result.removed) == [f"{n:032x}" for n in range(3)]
    assert (cache / f"{3:032x}").exists()
    del held


def test_cache_prune_command_reports_what_it_removed(cache):
    good = _build_folder(cache)
    shutil.copytree(good, cache / ("f" * 32))
    old = time.time() - 5000
    os.utime(cache / ("f" * 32) / "manifest.json", (old, old))
    result = invoke(["cache", "prune", "--keep", "0"])
    assert result.stdout.startswith("Removed 1 compiled build(s)") and "kept 1" in result.stdout
    assert not (cache / ("f" * 32)).exists() and good.exists()


# ================================================================ KILL: killed and concurrent processes

@pytest.mark.parametrize("after", [1.0, 2.0])
def test_kill_a_build_leaves_the_previous_build_whole(built, tmp_path, after):
    env = {"CITYSAFE_CACHE": os.environ["CITYSAFE_CACHE"]}
    before = snapshot(built)
    process = start(["build", "--engine", "shacl", "--dist", str(built)], env)
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    after_kill = snapshot(built)
    # either the old build or (if the swap happened) a whole new one: never a mix
    manifest = json.loads((built / "manifest.json").read_text())
    assert set(manifest["outputs"]) == {p.name for p in built.iterdir()}
    if after_kill != before:
        assert (built / "graph.nt").stat().st_size > 1_000_000
    done = run(["build", "--engine", "shacl", "--dist", str(built)], env)
    no_traceback(done.stderr)
    assert done.returncode == 0, done.stderr
    assert staging_left(tmp_path) == [], "the next build did not sweep the killed one's staging"


def test_kill_sigterm_cleans_up_and_says_so(built, tmp_path):
    env = {"CITYSAFE_CACHE": os.environ["CITYSAFE_CACHE"]}
    before = snapshot(built)
    process = start(["build", "--engine", "pyshacl", "--dist", str(built)], env)
    time.sleep(2.5)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    no_traceback(err)
    assert process.returncode == 128 + signal.SIGTERM
    assert "Stopped by SIGTERM; no file was left half-written" in err
    assert snapshot(built) == before
    assert staging_left(tmp_path) == []


def test_kill_a_compile_then_the_next_report_answers(tmp_path):
    env = {"CITYSAFE_CACHE": str(tmp_path / "cache")}
    process = start(["report", "summary"], env)
    time.sleep(1.2)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    done = run(["report", "summary", "--csv"], env)
    no_traceback(done.stderr)
    assert done.returncode == 0 and "Actor,96" in done.stdout
    assert staging_left(tmp_path / "cache") == []


def test_kill_concurrent_builds_and_reports(built, tmp_path):
    env = {"CITYSAFE_CACHE": os.environ["CITYSAFE_CACHE"]}
    builds = [start(["build", "--engine", "shacl", "--dist", str(built)], env) for _ in range(2)]
    reports = [start(["report", "police-social", "--csv"], env) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in builds + reports]
    for process, (out, err) in zip(builds + reports, outputs):
        no_traceback(err)
        assert process.returncode == 0, err
    assert len({out for out, _ in outputs[2:]}) == 1 and "Fica Vivo (Stay Alive)" in outputs[2][0]
    manifest = json.loads((built / "manifest.json").read_text())
    assert set(manifest["outputs"]) == {p.name for p in built.iterdir()}
    assert staging_left(tmp_path) == []
