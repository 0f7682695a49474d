"""Each named query's rows on the seed data, asserted by value (run on the compiled Oxigraph build)."""

from __future__ import annotations

import pytest

from citysafe_kg.compiled import compiled_store
from citysafe_kg.queries import run


@pytest.fixture(scope="module")
def store(project):
    return compiled_store(project)


def rows(store, name, **params):
    return run(store, name, {k: str(v) for k, v in params.items()}).records()


def test_police_social_lists_the_combined_programs_and_not_the_others(store):
    table = rows(store, "police-social")
    assert [r["program"] for r in table] == [
        "csd:fica-vivo", "csd:upp", "csd:barrio-seguro", "csd:dr-democratic-security-plan",
        "csd:sula-valley-peace-coexistence", "csd:todos-somos-juarez"]
    assert not {"csd:rise-kingston", "csd:pamoh", "csd:bolivia-gbv-local-strategies"} & {r["program"] for r in table}
    fica = table[0]
    # the strategic working groups are problem-oriented policing too (review/appraisal/belo-horizonte.md)
    assert fica["police_components"] == "Strategic intervention: GEPAR targeted policing | Strategic working groups in the expansion areas"
    assert fica["social_components"] == "Social prevention and protection"
    upp = table[1]
    assert "Territorial occupation: BOPE intervention and assertion of territorial control" in upp["police_components"]
    assert upp["cities"] == "Rio de Janeiro"


def test_police_social_by_country(store):
    assert [r["program"] for r in rows(store, "police-social", country="mexico")] == ["csd:todos-somos-juarez"]
    assert rows(store, "police-social", country="chile") == []


def test_evidence_ranking_puts_the_randomised_plan_cuadrantes_first(store):
    table = rows(store, "evidence-ranking")
    first = table[0]
    assert (first["program"], first["maryland_level"], first["design_label"], first["year"]) == (
        "csd:plan-cuadrantes", 5, "Randomised or staggered experiment", 2010)
    fica = next(r for r in table if r["program"] == "csd:fica-vivo")
    assert (fica["maryland_level"], fica["year"], fica["evaluators"]) == (3, 2008, "Silveira (2008) | Silveira et al (2010)")
    rise = next(r for r in table if r["program"] == "csd:rise-kingston")
    assert (rise["maryland_level"], rise["design_label"]) == (3, "Natural experiment")
    gpae = next(r for r in table if r["program"] == "csd:gpae")
    assert gpae["maryland_level"] is None and table.index(gpae) > table.index(rise)


def test_findings_on_homicide_carry_magnitude_design_and_source(store):
    table = rows(store, "findings-by-indicator")
    fica = [r for r in table if r["finding"] == "csd:fica-vivo-outcome-mean-homicides-69pct"]
    assert {(r["value_as_printed"], r["direction"], r["design"], r["maryland_level"]) for r in fica} == {
        ("69%", "decrease", "Quasi-experiment with comparison group", 3)}
    assert any(r["value_as_printed"] == "up to a 22%" or r["value_as_printed"] == "22%" for r in table
               if r["program_label"].startswith("National Community Policing Plan"))


def test_findings_on_school_dropout_are_ristes_three(store):
    table = rows(store, "findings-by-indicator", indicator="ind:school-dropout")
    printed = {(r["value_as_printed"], r["direction"]) for r in table if r["value_as_printed"]}
    assert {("16%", "decrease"), ("14%", "increase"), ("23%", "decrease")} <= printed
    assert {r["program_label"] for r in table} == {"Reaching Individuals through Skills and Education (RISE)"}


def test_unevaluated_case_programs(store):
    table = rows(store, "unevaluated-programs")
    # Todos Somos Juárez: "there were no controlled assessments, experimental or otherwise"; its polls are level 1.
    status = "no impact evaluation: polls, process or outputs only"
    assert {r["program"]: r["status"] for r in table} == {
        "csd:bolivia-gbv-local-strategies": status,
        "csd:caracas-integrated-crime-statistics": status,
        "csd:pamoh": status,
        "csd:sula-valley-peace-coexistence": status,
        "csd:todos-somos-juarez": status,
    }


def test_shared_actors_include_the_idb_in_three_programs(store):
    table = {r["actor"]: r for r in rows(store, "shared-actors")}
    idb = table["csd:idb"]
    assert idb["programs"] == 3
    assert set(idb["roles"].split(" | ")) >= {
        "Local strategies to prevent and respond to gender-based violence (Bolivia): Evaluator",
        "Peace and Citizen Coexistence Project in the Sula Valley: Funder"}
    assert table["csd:universidad-de-chile"]["programs"] == 2
    assert list(table)[0] == "csd:idb"


def test_budgets_keep_printed_amounts_and_currencies(store):
    table = rows(store, "budgets")
    sula = {r["kind"]: r["value_as_printed"] for r in table if r["program"] == "csd:sula-valley-peace-coexistence"}
    assert sula["loan"] == "$20 million"
    assert sula["national counterpart funds"] == "$2.2 million"
    assert sula["total budget"] == "$22.2 million"
    assert sula["spent"] == "$13.2 million"
    rio = [r for r in table if r["value_as_printed"] and "1.8 billion" in r["value_as_printed"]]
    assert [(r["currency"], r["value"]) for r in rio] == [("BRL", 1800000000)]


def test_influence_edges(store):
    pairs = {(r["program"], r["influencer"]) for r in rows(store, "influence")}
    assert {("csd:fica-vivo", "csd:boston-ceasefire"), ("csd:upp", "csd:fica-vivo"), ("csd:upp", "csd:plan-cuadrantes"),
            ("csd:todos-somos-juarez", "csd:medellin-social-urbanism"),
            ("csd:dr-democratic-security-plan", "csd:colombia-democratic-security-plan")} <= pairs


def test_influence_chains_reach_ceasefire_from_the_upp_indirectly(store):
    table = rows(store, "influence-chains", program="upp")
    assert {r["ancestor"]: r["direct"] for r in table}["csd:boston-ceasefire"] is False
    assert {r["ancestor"]: r["direct"] for r in table}["csd:fica-vivo"] is True


def test_programs_by_age_overlap_15_to_24(store):
    table = rows(store, "programs-by-age")
    ranges = {(r["program"], r["group_min"], r["group_max"]) for r in table}
    assert {("csd:fica-vivo", 12, 24), ("csd:sula-valley-peace-coexistence", 17, 25), ("csd:pamoh", 14, 18)} <= ranges
    assert not any(r["program"] == "csd:fica-vivo" and (r["group_min"], r["group_max"]) == (12, 14)
                   for r in rows(store, "programs-by-age", min_age=15, max_age=24))


def test_programs_for_women(store):
    table = rows(store, "programs-for-women")
    assert {(r["program"], r["reason"]) for r in table} >= {
        ("csd:bolivia-gbv-local-strategies", "female target group"),
        ("csd:bolivia-gbv-local-strategies", "gender-based-violence component")}


def test_adverse_null_and_not_achieved_findings(store):
    table = rows(store, "adverse-findings")
    by_outcome = {r["outcome"]: r for r in table}
    # The report reads the rise in reported rape two ways: "increased confidence among residents to report".
    assert (by_outcome["csd:upp-outcome-reported-rape"]["change"], by_outcome["csd:upp-outcome-reported-rape"]["effect"]) == (
        "ambiguous", "ambiguous")
    assert "not achieved" in {r["verdict"] for r in table if r["program_label"].startswith("Peace and Citizen")}
    rise = [r for r in table if r["program_label"].startswith("Reaching Individuals")]
    assert ("adverse", "14%") in {(r["effect"], r["value_as_printed"]) for r in rise}
    assert "no effect" in {r["effect"] for r in rise}
    # A fall is good news and is not listed, however it was measured; a rise is listed, attributed or not.
    assert "csd:todos-somos-juarez-outcome-homicide-rate-89pct" not in by_outcome
    sula = by_outcome["csd:sula-valley-peace-coexistence-outcome-homicide-rose"]
    assert (sula["change"], sula["effect"], sula["attribution"]) == (
        "undesirable change", "observed change, not attributed", "not attributable, in the report's words")
    # "No change" is a direction; "no effect" only an estimate against a comparison.
    bolivia = by_outcome["csd:bolivia-gbv-local-strategies-outcome-femicide-not-declined"]
    assert (bolivia["change"], bolivia["effect"], bolivia["place"]) == ("undesirable change", "observed change, not attributed", "Bolivia")


def test_ciudad_juarez_series_keeps_both_2010_counts_beside_the_program_start(store):
    table = rows(store, "place-statistics", place="ciudad-juarez")
    in_2010 = {(r["kind"], r["value_as_printed"]) for r in table if r["year"] == 2010}
    assert {("statistic", "3622"), ("statistic", "3,766"), ("statistic", "271.9"),
            ("program start", None)} <= in_2010 | {(k, None) for k, _ in in_2010 if k == "program start"}
    assert "Todos Somos Juárez (We Are All Juárez)" in {r["label"] for r in table if r["kind"] == "program start"}


def test_program_profile_of_fica_vivo(store):
    table = rows(store, "program-profile", program="fica-vivo")
    aspects = [r["aspect"] for r in table]
    assert aspects[0] == "program" and aspects.index("component") < aspects.index("evaluation")
    evaluation = next(r for r in table if r["aspect"] == "evaluation")
    assert evaluation["detail"] == "Quasi-experiment with comparison group (Maryland 3), 2008"
    sites = {r["label"]: r["detail"] for r in table if r["aspect"] == "site"}
    assert sites["Pedreira Prado Lopes"] == "launched 2004"


def test_challenges_and_lessons_by_theme(store):
    table = rows(store, "challenges-lessons", theme="theme:evaluation-gap")
    assert {r["theme"] for r in table} == {"theme:evaluation-gap"}
    assert {"challenge", "lesson"} <= {r["kind"] for r in table}


def test_cited_works_support_the_69_percent(store):
    table = rows(store, "cited-works-support")
    supported = {(r["citation"], r["node"]) for r in table}
    assert ("Silveira et al (2010)", "csd:fica-vivo-outcome-mean-homicides-69pct") in supported
    assert ("Silveira (2008)", "csd:fica-vivo-evaluation-quasi-experiment") in supported


def test_source_conflicts_link_both_juarez_counts_of_2008(store):
    table = rows(store, "source-conflicts", kind="conflict")
    juarez_2008 = {r["statement"]: r["value_as_printed"] for r in table if r["note"] == "csd:conflict-ciudad-juarez-homicides-2008"}
    assert sorted(juarez_2008.values()) == ["1623", "192"]


@pytest.mark.parametrize("name", ["dangling-reference-violation", "figure-locator-violation", "case-without-program-violation"])
def test_data_quality_checks_find_nothing_on_clean_data(store, name):
    assert rows(store, name) == []


def test_summary_counts_the_thirteen_figures(store):
    counts = {r["class"]: r["count"] for r in rows(store, "summary")}
    assert counts["cs:Figure"] == 13
    assert counts["cs:SourceConflict"] >= 10 and counts["cs:Program"] >= 20


def test_places_resolve_belo_horizonte(store):
    table = rows(store, "places")
    assert {(r["place"], r["type"], r["within"]) for r in table if r["label"] == "Belo Horizonte"} == {
        ("csd:belo-horizonte", "City", "Minas Gerais")}
