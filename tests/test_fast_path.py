"""The seed's main job in seconds (issue 12): the default engine is the fast one, proved here to report
exactly what pyshacl, the reference, reports on the whole seed graph (the shape fixtures are proved in
tests/test_engines.py); a validation or an export already made for the same sources is read back from
the compiled build, not made again."""

from __future__ import annotations

import json

from citysafe_kg import validate as validation
from citysafe_kg.build import choose_engine
from citysafe_kg.cli import cli
from citysafe_kg.validate import validate_files


# the two evaluations whose year the report does not give (a Warning, the build still conforms)
WARNINGS = [("csd:barrio-seguro-evaluation-community-survey", "csx:EvaluationYear"),
            ("csd:todos-somos-juarez-evaluation-replication-appraisal", "csx:EvaluationYear")]


def keys(findings):
    return sorted((f.focus_label, f.shape, f.path or "-", f.component, f.severity, f.message) for f in findings)


def test_auto_picks_the_fast_engine_where_it_is_installed(project):
    assert choose_engine("auto", project.graph_files()) == "shacl"
    assert choose_engine("pyshacl", project.graph_files()) == "pyshacl"


def test_fast_engine_reports_what_pyshacl_reports_on_the_whole_seed(project, report, monkeypatch):
    """`report` is pyshacl's full validation (conftest); the fast path is run afresh, not read back."""
    monkeypatch.setattr(validation, "read_validation", lambda record: None)
    fast = validate_files(project)
    assert keys(fast.findings) == keys(report.findings)
    assert fast.conforms and report.conforms
    assert sorted((f.focus_label, f.shape) for f in fast.warnings) == WARNINGS


def test_a_validation_done_for_these_sources_is_not_repeated(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "cache"))
    first = validate_files(project_copy)
    records = list((tmp_path / "cache").glob("*/validation/shacl-*.json"))
    assert len(records) == 1

    def not_again(*args, **kwargs):
        raise AssertionError("the validation ran again for the same sources")

    monkeypatch.setattr(validation, "run_shacl_fast", not_again)
    again = validate_files(project_copy)
    assert keys(again.findings) == keys(first.findings)
    assert [(f.focus, f.where) for f in again.findings] == [(f.focus, f.where) for f in first.findings]


def test_changed_sources_or_a_damaged_record_are_validated_again(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "cache"))
    assert validate_files(project_copy).conforms
    case = project_copy.data_dir / "cases" / "belo-horizonte.ttl"
    case.write_text(case.read_text(encoding="utf-8").replace("cs:country csd:brazil ;", "", 1), encoding="utf-8")
    broken = validate_files(project_copy)
    assert [(f.focus_label, f.shape, f.path) for f in broken.violations] == [
        ("csd:conflict-mediation-program-mg", "csx:Program", "cs:country")]
    # a damaged record is not trusted: the findings are computed again and kept anew
    for record in (tmp_path / "cache").glob("*/validation/*.json"):
        record.write_text("{not json", encoding="utf-8")
    again = validate_files(project_copy)
    assert keys(again.findings) == keys(broken.findings)
    readable = []
    for record in (tmp_path / "cache").glob("*/validation/*.json"):
        try:
            readable.append(json.loads(record.read_text(encoding="utf-8")))
        except ValueError:
            pass  # the first sources' record, not validated since
    assert [len(r["findings"]) for r in readable] == [len(broken.findings)]


def test_a_warm_build_gives_the_same_exports_and_summary(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "cache"))
    first = runner.invoke(cli, ["build", "--dist", str(tmp_path / "one")])
    assert first.exit_code == 0, first.output
    assert "Validation (shacl): 0 violation(s), 2 warning(s)" in first.output

    def not_again(*args, **kwargs):
        raise AssertionError("a warm build validated or dumped again")

    monkeypatch.setattr(validation, "run_shacl_fast", not_again)
    second = runner.invoke(cli, ["build", "--dist", str(tmp_path / "two")])
    assert second.exit_code == 0, second.output
    assert second.output.replace("two", "one") == first.output
    for name in ("graph.nt", "graph.ttl", "graph.jsonld", "validation.txt", "manifest.json", "context.jsonld"):
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name


def test_the_validators_dumps_stay_in_the_cache_and_a_killed_ones_are_swept(project_copy, tmp_path, monkeypatch):
    """The N-Triples the fast engine reads (2 x 2.3 GB at 100,000 programs) are written in the compiled
    build's folder, not the system's temporary folder: a validation leaves none behind, and what a killed
    one left (its process gone) is removed by the next."""
    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(validation.tempfile, "tempdir", None)  # TMPDIR read again
    monkeypatch.setattr(validation, "read_validation", lambda record: None)
    assert validate_files(project_copy).conforms
    [build] = [p for p in (tmp_path / "cache").iterdir() if (p / "manifest.json").is_file()]
    abandoned = build / ".validate.citysafe-999999999-x1y2z3"  # no such process
    abandoned.mkdir()
    (abandoned / "sources.nt").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert validate_files(project_copy).conforms
    assert not abandoned.exists()
    assert [p.name for p in build.iterdir() if p.name.startswith(".validate")] == []
    assert list((tmp_path / "tmp").iterdir()) == []
