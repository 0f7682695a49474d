"""Sula Valley (Honduras), Peace and Citizen Coexistence project: facts asserted by value against the report."""

from __future__ import annotations

from decimal import Decimal

from helpers import footnotes, observation, quotes, select, value, values_of

PCC = "csd:sula-valley-peace-coexistence"


def test_program_names_start_2003_close_2012_and_case(graph):
    assert values_of(graph, PCC, "rdfs:label") == ["Peace and Citizen Coexistence Project in the Sula Valley"]
    assert values_of(graph, PCC, "skos:altLabel") == [
        "Peace and citizen co-existence project for the municipalities of the Sula Valley"]
    assert value(graph, PCC, "cs:startYear") == 2003
    assert value(graph, PCC, "cs:endYear") == 2012
    assert value(graph, PCC, "cs:caseSection") == "csd:section-sula-valley"
    assert value(graph, PCC, "cs:country") == "csd:honduras"


def test_serves_san_pedro_sula_the_sula_valley_and_el_progreso(graph):
    assert values_of(graph, PCC, "cs:servesPlace") == ["csd:el-progreso", "csd:san-pedro-sula", "csd:sula-valley"]
    assert value(graph, "csd:el-progreso", "skos:altLabel") == "El Progresso"
    assert value(graph, "csd:decision-sula-valley-el-progreso-spelling", "cs:concerns") == "csd:el-progreso"


def test_17_nearby_municipalities_covered(graph):
    output = "csd:sula-valley-peace-coexistence-output-municipalities-covered"
    assert (value(graph, output, "cs:value"), value(graph, output, "cs:valueAsPrinted")) == (17, "17")
    assert value(graph, output, "cs:place") == "csd:sula-valley"
    assert quotes(graph, output) == [
        "Beyond San Pedro Sula, it covered the broader region and covered 17 nearby municipalities."]


def test_young_people_aged_17_to_25_are_the_focus(graph):
    target = "csd:sula-valley-peace-coexistence-target-young-people"
    assert (value(graph, target, "cs:minAge"), value(graph, target, "cs:maxAge")) == (17, 25)
    assert value(graph, "csd:sula-valley-peace-coexistence-target-at-risk-youth", "cs:riskGroup") == "at-risk youth"


def test_four_strands_plus_local_committees_and_libraries_are_typed(graph):
    c = "csd:sula-valley-peace-coexistence-component-"
    assert value(graph, c + "institutional-strengthening", "cs:componentType") == "it:institutional-capacity"
    assert value(graph, c + "social-prevention", "cs:componentType") == "it:social-prevention"
    assert value(graph, c + "community-policing", "cs:componentType") == "it:community-policing"
    assert value(graph, c + "communication-awareness", "cs:componentType") == "it:awareness-campaign"
    assert footnotes(graph, c + "community-policing") == [122]
    assert values_of(graph, c + "local-committees", "cs:componentType") == [
        "it:community-participation", "it:coordination-body"]
    assert values_of(graph, c + "libraries-youth-training", "cs:componentType") == ["it:culture-sport", "it:vocational-training"]
    assert values_of(graph, c + "libraries-youth-training", "cs:ledBy") == ["csd:fundacion-riecken", "csd:instituto-centroamericano"]


def test_actors_idb_funder_office_of_peace_runs_it_ove_evaluates(graph):
    rows = select(graph, """
        SELECT ?agent ?role WHERE { csd:sula-valley-peace-coexistence cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }""")
    assert {(r["agent"], r["role"]) for r in rows} == {
        ("csd:idb", "role:funder"),
        ("csd:honduras-national-government", "role:funder"),
        ("csd:idb-ove", "role:evaluator"),
        ("csd:san-pedro-sula-mayors-office", "role:implementer"),
        ("csd:san-pedro-sula-office-of-peace-and-coexistence", "role:implementer"),
        ("csd:san-pedro-sula-office-of-peace-and-coexistence", "role:coordinator"),
        ("csd:sula-valley-municipal-governments", "role:coordinator"),
        ("csd:sula-valley-municipal-governments", "role:partner"),
        ("csd:honduras-national-police", "role:partner"),
        ("csd:fundacion-riecken", "role:implementer"),
        ("csd:instituto-centroamericano", "role:implementer"),
    }
    assert value(graph, "csd:san-pedro-sula-office-of-peace-and-coexistence", "cs:subOrganisationOf") == "csd:san-pedro-sula-mayors-office"
    assert value(graph, "csd:fundacion-riecken", "skos:altLabel") == "Fundación Rieken"


def test_17_committees_chaired_by_mayors_formed_by_2011(graph):
    output = "csd:sula-valley-peace-coexistence-output-committees"
    assert (value(graph, output, "cs:value"), value(graph, output, "cs:year")) == (17, 2011)
    assert value(graph, output, "cs:periodNote") == "by the end of the project in 2011"
    assert footnotes(graph, output) == [123]


def test_budget_total_22_2_million_is_idb_loan_20_million_plus_national_2_2_million(graph):
    b = "csd:sula-valley-peace-coexistence-budget-"
    printed = {k: value(graph, b + k, "cs:valueAsPrinted") for k in ("idb-loan", "national-funds", "total")}
    assert printed == {"idb-loan": "$20 million", "national-funds": "$2.2 million", "total": "$22.2 million"}
    assert (value(graph, b + "idb-loan", "cs:value"), value(graph, b + "national-funds", "cs:value")) == (20000000, 2200000)
    assert value(graph, b + "total", "cs:value") == 22200000
    assert value(graph, b + "idb-loan", "cs:value") + value(graph, b + "national-funds", "cs:value") == value(graph, b + "total", "cs:value")
    assert values_of(graph, b + "total", "cs:sumOf") == [b + "idb-loan", b + "national-funds"]
    assert (value(graph, b + "idb-loan", "cs:funder"), value(graph, b + "national-funds", "cs:funder")) == (
        "csd:idb", "csd:honduras-national-government")
    assert value(graph, b + "idb-loan", "cs:budgetKind") == "bk:loan"
    assert value(graph, b + "total", "cs:unit") == "unit:dollar-unspecified"


def test_13_2_million_spent_and_8_million_diverted_after_october_2008_floods(graph):
    b = "csd:sula-valley-peace-coexistence-budget-"
    assert (value(graph, b + "spent", "cs:value"), value(graph, b + "spent", "cs:valueAsPrinted"), value(graph, b + "spent", "cs:endYear")) == (
        13200000, "$13.2 million", 2012)
    assert value(graph, b + "spent", "cs:budgetKind") == "bk:spent"
    assert (value(graph, b + "diverted-flood", "cs:value"), value(graph, b + "diverted-flood", "cs:valueAsPrinted"), value(graph, b + "diverted-flood", "cs:year")) == (
        8000000, "$8 million", 2008)
    assert value(graph, b + "diverted-flood", "cs:periodNote") == "October 2008"
    assert values_of(graph, "csd:decision-sula-valley-diverted-funds", "cs:concerns") == [
        b + "diverted-flood", b + "spent", b + "total"]
    assert values_of(graph, "csd:decision-sula-valley-currency", "cs:concerns") == [
        b + "diverted-flood", b + "idb-loan", b + "national-funds", b + "spent", b + "total"]


def test_coup_froze_idb_disbursements_for_10_months_in_2009(graph):
    challenge = "csd:sula-valley-peace-coexistence-challenge-coup-disbursement-freeze"
    assert (value(graph, challenge, "cs:value"), value(graph, challenge, "cs:unit"), value(graph, challenge, "cs:year")) == (10, "unit:months", 2009)
    assert value(graph, challenge, "cs:valueAsPrinted") == "10 months"
    assert values_of(graph, challenge, "cs:theme") == ["theme:cost", "theme:external-shock"]


def test_team_leaders_changed_five_times_in_first_six_years(graph):
    challenge = "csd:sula-valley-peace-coexistence-challenge-leadership-turnover"
    assert (value(graph, challenge, "cs:value"), value(graph, challenge, "cs:valueAsPrinted")) == (5, "five times")
    assert value(graph, challenge, "cs:periodNote") == "in the first six years of the program"
    assert footnotes(graph, challenge) == [127]


def test_no_results_monitoring_between_2003_and_2011(graph):
    challenge = "csd:sula-valley-peace-coexistence-challenge-no-results-monitoring"
    assert (value(graph, challenge, "cs:startYear"), value(graph, challenge, "cs:endYear")) == (2003, 2011)
    assert values_of(graph, challenge, "cs:theme") == ["theme:data-monitoring", "theme:evaluation-gap", "theme:implementation-capacity"]
    assert quotes(graph, challenge) == [
        "in fact, between 2003 and 2011 the program lacked any results monitoring or tracking.",
        "the report found major difficulties in implementation, which along with poor recording keeping and the abovementioned challenges, led to weak evidence of results."]


def test_ove_2013_evaluation_is_a_process_assessment_maryland_0(graph):
    evaluation = "csd:sula-valley-peace-coexistence-evaluation-ove-2013"
    assert value(graph, evaluation, "cs:year") == 2013
    assert value(graph, evaluation, "cs:evaluator") == "csd:idb-ove"
    assert value(graph, evaluation, "cs:evaluates") == PCC
    assert value(graph, evaluation, "cs:design") == "des:process-assessment"
    assert value(graph, "des:process-assessment", "cs:marylandLevel") == 0
    assert value(graph, evaluation, "cs:supportedBy") == "csd:work-idb-2014b"
    assert footnotes(graph, evaluation) == [124]
    assert value(graph, evaluation, "cs:sampleDescription") == (
        "the Peace and Citizen Coexistence project, evaluated in conjunction with four other citizen security programs in the LAC region; "
        "includes a diagnostic of existing services related to violence and crime prevention at the local level in the Sula Valley municipalities")
    assert value(graph, "csd:decision-sula-valley-evaluation-design", "cs:concerns") == evaluation


def test_ove_found_outcomes_probably_not_achieved(graph):
    outcome = "csd:sula-valley-peace-coexistence-outcome-not-achieved"
    assert (value(graph, outcome, "cs:verdict"), value(graph, outcome, "cs:effect")) == ("vrd:not-achieved", "eff:not-measured")
    assert value(graph, outcome, "cs:direction") == "dir:not-stated"
    assert values_of(graph, outcome, "cs:value") == []
    assert quotes(graph, outcome) == [
        "However, seen in light of the OVE’s withering assessment of the program’s failures, it’s safe to say that the Peace and citizen coexistence program yielded few tangible returns.",
        "the OVE report determined that program outcomes were probably not achieved."]
    assert value(graph, "csd:sula-valley-peace-coexistence-evaluation-ove-2013", "cs:hasFinding") == outcome


def test_homicide_rates_rose_during_project_period_not_attributable(graph):
    outcome = "csd:sula-valley-peace-coexistence-outcome-homicide-rose"
    assert (value(graph, outcome, "cs:indicator"), value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:effect")) == (
        "ind:homicide", "dir:increase", "eff:not-attributed")
    assert value(graph, outcome, "cs:periodNote") == "during the project period"
    assert values_of(graph, outcome, "cs:place") == []
    assert value(graph, "csd:decision-sula-valley-homicide-rise-place", "cs:concerns") == outcome


def test_figure_9_first_and_last_rows(graph):
    def cell(year, column):
        return value(graph, observation(graph, 9, "csd:honduras", year, columnLabel=column), "cs:value")
    assert (cell(2005, "Homicide Count"), cell(2005, "Homicide Rate")) == (2417, Decimal("36.98"))
    assert (cell(2013, "Homicide Count"), cell(2013, "Homicide Rate")) == (3547, Decimal("41.46"))
    assert value(graph, observation(graph, 9, "csd:honduras", 2013, columnLabel="Homicide Count"), "cs:valueAsPrinted") == "3547"


def test_figure_9_every_row_as_printed(graph):
    rows = select(graph, """SELECT ?year ?col ?v WHERE { ?o qb:dataSet csd:figure-9 ; cs:refArea csd:honduras ;
        cs:refPeriod ?year ; cs:columnLabel ?col ; cs:value ?v }""")
    table = {(r["year"], r["col"]): r["v"] for r in rows}
    printed = {
        2005: (2417, "36.98"), 2006: (3018, "46.18"), 2007: (3262, "49.91"), 2008: (4473, "57.89"),
        2009: (5265, "66.84"), 2010: (6239, "77.54"), 2011: (7104, "86.47"), 2012: (7172, "85.53"),
        2013: (3547, "41.46"),
    }
    expected = {}
    for year, (count, rate) in printed.items():
        expected[(year, "Homicide Count")] = count
        expected[(year, "Homicide Rate")] = Decimal(rate)
    assert table == expected
    assert len(rows) == 18 == value(graph, "csd:figure-9", "cs:expectedObservations")


def test_figure_9_rate_unit_and_2013_halving_are_recorded_decisions(graph):
    rate_2013 = observation(graph, 9, "csd:honduras", 2013, columnLabel="Homicide Rate")
    assert value(graph, rate_2013, "cs:unit") == "unit:per-100k"
    assert values_of(graph, "csd:decision-figure-9-values", "cs:concerns") == [
        "csd:figure-9", "csd:figure-9-2013-homicide-count", "csd:figure-9-2013-homicide-rate"]
    assert values_of(graph, "csd:decision-figure-9-rate-unit", "cs:concerns") == [
        f"csd:figure-9-{year}-homicide-rate" for year in range(2005, 2014)]


def test_san_pedro_sula_murder_rate_187_per_100k_in_2014_and_four_years_most_violent(graph):
    rows = select(graph, """SELECT ?o ?v ?unit WHERE { ?o qb:dataSet csd:text-statistics ; cs:refArea csd:san-pedro-sula ;
        cs:value ?v ; cs:unit ?unit }""")
    assert {(r["o"], r["v"], r["unit"]) for r in rows} == {
        ("csd:stat-san-pedro-sula-homicide-rate-2014", 187, "unit:per-100k"),
        ("csd:stat-san-pedro-sula-violent-city-ranking-consecutive-years", 4, "unit:count"),
    }
    assert value(graph, "csd:stat-san-pedro-sula-homicide-rate-2014", "cs:refPeriod") == 2014
    assert footnotes(graph, "csd:stat-san-pedro-sula-homicide-rate-2014") == [121]
    assert value(graph, "csd:stat-san-pedro-sula-violent-city-ranking-consecutive-years", "cs:valueAsPrinted") == "four consecutive years"


def test_end_year_conflict_links_program_spending_and_committees(graph):
    conflict = "csd:conflict-sula-valley-end-year"
    assert values_of(graph, conflict, "rdf:type") == ["cs:SourceConflict"]
    assert values_of(graph, conflict, "cs:conflictingStatement") == [
        PCC, "csd:sula-valley-peace-coexistence-budget-spent", "csd:sula-valley-peace-coexistence-output-committees"]
    # the two years the report prints: 'by the end of the project in 2011' and 'the project closed in 2012'
    assert value(graph, "csd:sula-valley-peace-coexistence-output-committees", "cs:year") == 2011
    assert value(graph, "csd:sula-valley-peace-coexistence-budget-spent", "cs:endYear") == 2012


def test_planned_versus_delivered_is_a_decision_not_a_conflict(graph):
    assert values_of(graph, "csd:decision-sula-valley-planned-vs-delivered", "cs:concerns") == [
        "csd:sula-valley-peace-coexistence-challenge-community-involvement",
        "csd:sula-valley-peace-coexistence-claim-deeply-flawed",
        "csd:sula-valley-peace-coexistence-component-communication-awareness",
        "csd:sula-valley-peace-coexistence-component-local-committees",
    ]
    rows = select(graph, """SELECT ?c WHERE { ?c a cs:SourceConflict ; cs:conflictingStatement ?s .
        FILTER(STRSTARTS(STR(?s), "https://w3id.org/citysafe/id/sula-valley")) }""")
    assert {r["c"] for r in rows} == {"csd:conflict-sula-valley-end-year"}


def test_challenges_are_typed(graph):
    rows = select(graph, "SELECT ?theme WHERE { ?c a cs:Challenge ; cs:about csd:sula-valley-peace-coexistence ; cs:theme ?theme }")
    assert {r["theme"] for r in rows} == {
        "theme:accountability", "theme:community-engagement", "theme:coordination", "theme:cost", "theme:data-monitoring",
        "theme:design-planning", "theme:evaluation-gap", "theme:expectations", "theme:external-shock",
        "theme:implementation-capacity", "theme:leadership-continuity", "theme:legitimacy", "theme:political-support"}


def test_idb_2014b_cited_in_footnotes_122_to_128(graph):
    assert values_of(graph, "csd:work-idb-2014b", "cs:citedInFootnote") == [122, 123, 124, 125, 126, 127, 128]
    assert value(graph, "csd:work-idb-2014b", "cs:citationLabel") == "iDB (2014b)"
