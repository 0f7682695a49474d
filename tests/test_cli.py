"""The CLI in-process: help, errors, exit codes, build and export behaviour."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph

from citysafe_kg.cli import cli

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(runner, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output, f"`citysafe {name} --help` has no Example"


def test_top_level_help_documents_exit_codes(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.output.endswith(
        "  Exit codes:\n"
        "    0  success; the graph conforms\n"
        "    1  the graph does not conform, or a usage error (bad input, unknown name)\n"
        "    2  runtime error (an engine, server or the disk failed)\n"
        "    130  interrupted (Ctrl-C)\n"
    )


def test_unknown_query_exits_1_with_a_suggestion(runner):
    result = runner.invoke(cli, ["query", "polise-social"])
    assert result.exit_code == 1
    assert result.output == 'Error: Unknown query "polise-social". Did you mean "police-social"? See: citysafe query --list\n'


def test_bad_param_syntax_exits_1(runner):
    result = runner.invoke(cli, ["query", "police-social", "--param", "brazil"])
    assert result.exit_code == 1
    assert result.output == 'Error: --param "brazil" must be NAME=VALUE, e.g. --param country=brazil.\n'


def test_unknown_param_exits_1(runner):
    result = runner.invoke(cli, ["query", "police-social", "--param", "contry=brazil"])
    assert result.exit_code == 1
    assert 'Error: Query "police-social" has no parameter "contry" (its parameters: country). Did you mean "country"?' in result.output


def test_sparql_syntax_error_is_a_message_not_a_traceback(runner):
    result = runner.invoke(cli, ["sparql", "SELECT ?x WHERE { ?x"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: SPARQL syntax error:")
    assert "Traceback" not in result.output


def test_unknown_export_format_suggests(runner):
    result = runner.invoke(cli, ["export", "-f", "jsonld2"])
    assert result.exit_code == 1
    assert result.output.startswith('Error: Unknown format "jsonld2".')


def test_query_list_names_every_query(runner, project):
    result = runner.invoke(cli, ["query", "--list", "--csv"])
    assert result.exit_code == 0
    names = [line.split(",")[0] for line in result.output.splitlines()[1:]]
    assert names == sorted(p.stem for p in project.queries_dir.glob("*.rq"))


def test_turtle_syntax_error_names_file_and_line(runner, project_copy):
    bad = project_copy.data_dir / "cases" / "belo-horizonte.ttl"
    lines = bad.read_text(encoding="utf-8").splitlines()
    lines[40] = lines[40] + ' "unterminated'
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: data/cases/belo-horizonte.ttl:41: Turtle syntax error:")
    assert "Traceback" not in result.output


def derived_count(project) -> int:
    """How many statements the rules of queries/rules/ derive from the sources."""
    import pyoxigraph as ox

    from citysafe_kg.compiled import compiled_store
    from citysafe_kg.derive import DERIVED_GRAPH

    store = compiled_store(project).store
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(DERIVED_GRAPH)))


def test_export_nt_writes_ontology_data_and_derived_statements(runner, tmp_path, graph, project):
    out = tmp_path / "graph.nt"
    result = runner.invoke(cli, ["export", "-f", "nt", "-o", str(out)])
    assert result.exit_code == 0
    back = Graph().parse(out, format="nt")
    derived = derived_count(project)
    assert derived > 500, "the ratings, effects and levels of the rules are part of the graph"
    assert len(back) == len(graph) + derived
    text = out.read_text(encoding="utf-8")
    assert "<https://w3id.org/citysafe/ontology#Program> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Class> ." in text
    assert "<https://w3id.org/citysafe/id/fica-vivo> <https://w3id.org/citysafe/ontology#startYear> \"2002\"^^<http://www.w3.org/2001/XMLSchema#integer> ." in text


def test_failed_build_leaves_previous_dist_intact(runner, project_copy, tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "graph.ttl").write_text("previous build\n", encoding="utf-8")
    manifest = json.dumps({"generator": "citysafe-kg build", "outputs": ["graph.ttl", "manifest.json"]})
    (dist / "manifest.json").write_text(manifest, encoding="utf-8")  # a previous build's, so the build may replace it
    case = project_copy.data_dir / "cases" / "belo-horizonte.ttl"
    text = case.read_text(encoding="utf-8").replace("cs:startYear 2002 ;", "cs:startYear 1850 ;", 1)
    case.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["build", "--engine", "shacl", "--dist", str(dist)])
    assert result.exit_code == 1
    assert "cs:startYear is one integer year between 1900 and 2030" in result.output
    assert sorted(p.name for p in dist.iterdir()) == ["graph.ttl", "manifest.json"]
    assert (dist / "graph.ttl").read_text(encoding="utf-8") == "previous build\n"
    assert not list(tmp_path.glob(".dist.*")), "a staging folder was left behind"


def test_fast_build_writes_every_export_of_the_same_graph(runner, tmp_path, graph, project):
    import json
    import os

    dist = tmp_path / "dist"
    previous = os.umask(0o022)
    try:
        result = runner.invoke(cli, ["build", "--engine", "shacl", "--dist", str(dist)])
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert "Validation (shacl): 0 violation(s), 2 warning(s)" in result.output
    assert sorted(p.name for p in dist.iterdir()) == [
        "context.jsonld", "graph.jsonld", "graph.nt", "graph.ttl", "manifest.json", "shapes.ttl", "validation.txt"]
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["engine"], manifest["violations"], manifest["warnings"]) == ("shacl", 0, 2)
    everything = len(graph) + derived_count(project)
    assert manifest["triples"] == everything
    # graph.nt is the dump the validator read plus the derived statements; the others were written alongside it
    assert len(Graph().parse(dist / "graph.nt", format="nt")) == everything
    assert len(Graph().parse(dist / "graph.ttl", format="turtle")) == everything
    assert len(Graph().parse(dist / "graph.jsonld", format="json-ld")) == everything
    assert {oct(p.stat().st_mode & 0o777) for p in dist.iterdir()} == {"0o644"}, "exports must be readable by others"
    assert not list(tmp_path.glob(".dist.*")), "a staging folder was left behind"


def test_validate_reports_a_violation_with_file_line_and_constraint(runner, project_copy):
    case = project_copy.data_dir / "cases" / "belo-horizonte.ttl"
    text = case.read_text(encoding="utf-8").replace("cs:country csd:brazil ;", "", 1)
    case.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--no-warnings", "--case", "belo-horizonte", "--engine", "shacl"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("csd:conflict-mediation-program-mg") or line.startswith("csd:fica-vivo "))
    assert "(data/cases/belo-horizonte.ttl:" in lines[head]
    assert "  Violation: Give the program's country: cs:country csd:<country> (a cs:Country in data/shared/places.ttl)." in lines
    assert "    constraint: csx:Program cs:country [MinCount]" in lines
    assert lines[-1] == "1 violation(s), 0 warning(s): does not conform"


# --- forgiving names (issue 9): a program, place or concept by name, label or slug ---

def test_report_program_without_a_name_asks_for_one(runner):
    result = runner.invoke(cli, ["report", "program"])
    assert (result.exit_code, result.output) == (
        1, "Error: Name a program: citysafe report program PROGRAM, e.g. citysafe report program fica-vivo.\n")


def test_a_misspelt_program_is_an_error_with_the_nearest_name(runner):
    result = runner.invoke(cli, ["report", "program", "fica viva"])
    assert result.exit_code == 1
    assert result.output.startswith('Error: Unknown program "fica viva". Did you mean "Fica Vivo" (fica-vivo)')
    assert "Traceback" not in result.output


def test_a_program_by_its_label_gives_the_same_profile_as_by_its_slug(runner):
    by_label = runner.invoke(cli, ["report", "program", "FICA VIVO", "--csv"])
    by_slug = runner.invoke(cli, ["report", "program", "fica-vivo", "--csv"])
    assert by_label.exit_code == by_slug.exit_code == 0
    assert by_label.output == by_slug.output and "Fica Vivo (Stay Alive)" in by_label.output


def test_a_city_by_part_of_its_name_without_accents(runner):
    result = runner.invoke(cli, ["report", "city", "Juarez", "--csv"])
    assert result.exit_code == 0
    assert "2010,statistic,Homicide,3622,count,Figure 12. Homicide in Ciudad Juárez: 2007-2015" in result.output


def test_an_ambiguous_place_lists_the_candidates(runner):
    result = runner.invoke(cli, ["report", "city", "Rio"])
    assert result.exit_code == 1
    assert result.output.startswith('Error: "Rio" names more than one place: "Rio de Janeiro" (rio-de-janeiro)')


def test_country_and_indicator_parameters_take_names(runner):
    brazil = runner.invoke(cli, ["query", "police-social", "-p", "country=Brazil", "--csv"])
    assert brazil.exit_code == 0
    assert [line.split(",")[1] for line in brazil.output.splitlines()[1:]] == ["Fica Vivo (Stay Alive)", "Pacification Police Units (UPP)"]
    dropout = runner.invoke(cli, ["query", "findings-by-indicator", "-p", "indicator=school dropout", "--json"])
    assert dropout.exit_code == 0
    rows = json.loads(dropout.output)
    assert {r["program_label"] for r in rows} == {"Reaching Individuals through Skills and Education (RISE)"}
    assert len(rows) == 3  # 16% lower, 14% up where cancelled, 23% lower with engaged parents


def test_compare_needs_two_programs(runner):
    result = runner.invoke(cli, ["compare", "fica-vivo"])
    assert (result.exit_code, result.output) == (1, "Error: Compare needs two programs or more, e.g. citysafe compare fica-vivo upp.\n")


def test_compare_aligns_ratings_and_evaluations(runner):
    result = runner.invoke(cli, ["compare", "Fica Vivo", "Barrio Seguro", "--json"])
    assert result.exit_code == 0
    rows = {r["facet"]: r for r in json.loads(result.output)}
    assert rows["ratings"]["Fica Vivo (Stay Alive)"] == "Homicide: promising"
    assert "Homicide: inconclusive" in rows["ratings"]["Barrio Seguro"]
    assert rows["evaluations"]["Barrio Seguro"].startswith("Cross-sectional survey")
    assert "Quasi-experiment with comparison group 2007 (level 3, appraised 2)" in rows["evaluations"]["Barrio Seguro"]


def test_build_warm_keeps_every_parameterless_answer(runner, tmp_path, monkeypatch):
    """`build --warm` answers the reports that take no argument; asking one afterwards reads the kept
    answer (no new result file), which is what the engine gives."""
    from citysafe_kg.compiled import compiled_store
    from citysafe_kg.reports import REPORTS, run_report
    from citysafe_kg.store import OxigraphStore

    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "cache"))
    result = runner.invoke(cli, ["build", "--warm", "--engine", "shacl", "--dist", str(tmp_path / "dist")])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("Answered "))
    answered = line.split(": ", 1)[1].split(", ")
    assert answered == [name for name, report in REPORTS.items() if not report.argument]
    assert "police-social" in answered and "program" not in answered and "city" not in answered
    store = compiled_store()
    results = store.path.parent / "results"
    kept = sorted(results.iterdir())
    uncached = OxigraphStore(store.store, None)  # the engine itself, no kept answers
    for name in ("police-social", "homicide", "conflicts", "cases"):
        asked = runner.invoke(cli, ["report", name, "--json"])
        assert asked.exit_code == 0, asked.output
        assert sorted(results.iterdir()) == kept, f"{name} was answered again, not read back"
        engine = run_report(uncached, name)
        assert json.loads(asked.output) == [dict(zip(engine.columns, row)) for row in engine.rows]
    assert "Barrio Seguro" in {row["program_label"] for row in json.loads(runner.invoke(cli, ["report", "police-social", "--json"]).output)}
