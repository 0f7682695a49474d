"""Caracas, Integrated System of Crime Statistics: the case's facts, asserted by value against the report (lines 2511-2704)."""

from __future__ import annotations

from helpers import footnotes, observation, quotes, select, value, values_of

SYSTEM = "csd:caracas-integrated-crime-statistics"
EVALUATION = "csd:caracas-integrated-crime-statistics-evaluation-paz-ciudadana-2012"


def _cell(graph, area: str, year: int, column: str):
    return observation(graph, 13, area, year, columnLabel=column)


def test_system_names_created_early_2011_in_metropolitan_caracas(graph):
    assert values_of(graph, SYSTEM, "rdfs:label") == [
        "Integrated System of Crime Statistics for the Metropolitan Area of Caracas",
        "Sistema Integrado de Estadísticas Delictivas para el Área Metropolitana de Caracas",
    ]
    assert value(graph, SYSTEM, "cs:startYear") == 2011
    assert value(graph, SYSTEM, "cs:caseSection") == "csd:section-caracas"
    assert value(graph, SYSTEM, "cs:country") == "csd:venezuela"
    assert "csd:metropolitan-caracas" in values_of(graph, SYSTEM, "cs:servesPlace")
    assert value(graph, SYSTEM, "cs:periodNote") == (
        "created 'in early 2011'; 'after four years of running the program' the region still lacked an integrated "
        "criminal data sharing system")
    # the report gives no budget for the system
    assert select(graph, "SELECT ?b WHERE { ?b a cs:BudgetLine ; ?p csd:caracas-integrated-crime-statistics }") == []


def test_five_municipalities_four_in_miranda_state(graph):
    municipalities = ["csd:baruta-caracas", "csd:chacao-caracas", "csd:el-hatillo-caracas", "csd:sucre-caracas"]
    for m in municipalities:
        assert values_of(graph, m, "cs:locatedIn") == ["csd:metropolitan-caracas", "csd:miranda"]
    assert values_of(graph, "csd:libertador-caracas", "cs:locatedIn") == ["csd:metropolitan-caracas"]
    assert footnotes(graph, "csd:caracas-claim-five-municipalities") == [168]


def test_three_prongs_and_planned_components(graph):
    assert values_of(graph, SYSTEM, "cs:hasComponent") == [
        "csd:caracas-integrated-crime-statistics-component-additional-indicators",
        "csd:caracas-integrated-crime-statistics-component-cooperation-protocols",
        "csd:caracas-integrated-crime-statistics-component-diagnostic-training",
        "csd:caracas-integrated-crime-statistics-component-digital-platform",
        "csd:caracas-integrated-crime-statistics-component-periodic-reports",
        "csd:caracas-integrated-crime-statistics-component-regional-indicators",
    ]
    assert values_of(graph, "csd:caracas-integrated-crime-statistics-component-diagnostic-training", "cs:componentType") == [
        "it:crime-data-system", "it:monitoring-evaluation", "it:police-reform-training"]
    # agreements and protocols are not a coordination body (review/appraisal/caracas.md)
    assert values_of(graph, "csd:caracas-integrated-crime-statistics-component-cooperation-protocols", "cs:componentType") == [
        "it:crime-data-system"]
    assert value(graph, "csd:caracas-integrated-crime-statistics-component-digital-platform", "cs:componentType") == "it:crime-data-system"
    assert quotes(graph, "csd:caracas-integrated-crime-statistics-component-periodic-reports") == [
        "third, the project issued periodic reports on homicides, injuries, robbery and theft in the metropolitan region."]


def test_actors_and_roles(graph):
    rows = select(graph, """
        SELECT ?agent ?role WHERE { csd:caracas-integrated-crime-statistics cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }""")
    assert {(r["agent"], r["role"]) for r in rows} == {
        ("csd:caracas-metropolitan-mayors-office", "role:commissioner"),
        ("csd:caracas-metropolitan-council-citizen-security", "role:partner"),
        ("csd:caracas-cabildo-security-commission", "role:partner"),
        ("csd:fundacion-paz-ciudadana", "role:evaluator"),
        ("csd:sucre-municipal-police", "role:partner"), ("csd:sucre-municipal-police", "role:data-provider"),
        ("csd:baruta-municipal-police", "role:partner"), ("csd:baruta-municipal-police", "role:data-provider"),
        ("csd:chacao-municipal-police", "role:partner"), ("csd:chacao-municipal-police", "role:data-provider"),
        ("csd:el-hatillo-municipal-police", "role:partner"), ("csd:el-hatillo-municipal-police", "role:data-provider"),
        ("csd:miranda-state-police", "role:partner"), ("csd:miranda-state-police", "role:data-provider"),
    }
    assert value(graph, "csd:fundacion-paz-ciudadana", "cs:basedIn") == "csd:chile"
    assert value(graph, "csd:cicpc", "skos:altLabel") == "CICPC"
    assert value(graph, "csd:policia-nacional-bolivariana", "skos:altLabel") == "PNB"
    assert values_of(graph, "csd:decision-caracas-miranda-signatory", "cs:concerns") == [
        "csd:caracas-integrated-crime-statistics-output-cooperation-agreement",
        "csd:caracas-integrated-crime-statistics-role-miranda-state-police"]


def test_four_of_five_municipalities_involved_in_2012(graph):
    output = "csd:caracas-integrated-crime-statistics-output-municipalities-involved-2012"
    assert (value(graph, output, "cs:value"), value(graph, output, "cs:denominator"), value(graph, output, "cs:unit")) == (
        4, 5, "unit:ratio")
    assert value(graph, output, "cs:valueAsPrinted") == "four of the five"
    assert value(graph, output, "cs:year") == 2012
    assert footnotes(graph, output) == [167]


def test_course_of_48_hours_and_instructional_manual(graph):
    course = "csd:caracas-integrated-crime-statistics-output-course-48-hours"
    assert (value(graph, course, "cs:value"), value(graph, course, "cs:unit"), value(graph, course, "cs:valueAsPrinted")) == (
        48, "unit:hours", "48 hours")
    assert value(graph, course, "cs:population") == "agents responsible for the data in each department"
    assert value(graph, "csd:caracas-integrated-crime-statistics-output-instructional-manual", "cs:ofProgram") == SYSTEM
    assert value(graph, "csd:caracas-integrated-crime-statistics-output-cooperation-agreement", "cs:ofProgram") == SYSTEM
    assert quotes(graph, "csd:caracas-integrated-crime-statistics-output-regional-indicators-agreement") == [
        "in order to consolidate progress, police agencies also agreed to use the regional System of Standardized "
        "indicators for coexistence and citizen Security"]


def test_no_integrated_data_sharing_system_after_four_years_not_achieved(graph):
    outcome = "csd:caracas-integrated-crime-statistics-outcome-no-integrated-system"
    # a state at one time with a verdict, not a measured change
    assert (value(graph, outcome, "cs:verdict"), value(graph, outcome, "cs:effect")) == ("vrd:not-achieved", "eff:not-measured")
    assert value(graph, outcome, "cs:direction") == "dir:not-stated"
    assert value(graph, outcome, "cs:place") == "csd:metropolitan-caracas"
    assert values_of(graph, outcome, "cs:year") == []
    assert quotes(graph, outcome) == [
        "after four years of running the program, the caracas metropolitan region still lacks an integrated criminal data sharing system."]
    assert values_of(graph, "csd:decision-caracas-after-four-years", "cs:concerns") == [
        "csd:caracas-integrated-crime-statistics-challenge-no-integrated-system",
        "csd:caracas-integrated-crime-statistics-challenge-unpaid-extra-work",
        outcome]


def test_mid_2012_paz_ciudadana_assessment_is_a_process_assessment_level_0(graph):
    assert value(graph, EVALUATION, "cs:evaluates") == SYSTEM
    assert value(graph, EVALUATION, "cs:design") == "des:process-assessment"
    assert value(graph, "des:process-assessment", "cs:marylandLevel") == 0
    assert value(graph, EVALUATION, "cs:year") == 2012
    assert value(graph, EVALUATION, "cs:periodNote") == "published in mid-2012"
    assert value(graph, EVALUATION, "cs:evaluator") == "csd:fundacion-paz-ciudadana"
    assert values_of(graph, EVALUATION, "cs:hasFinding") == []
    assert value(graph, EVALUATION, "cs:supportedBy") == "csd:work-ilovaca-cedeno-2012"
    assert footnotes(graph, EVALUATION) == [166]
    assert value(graph, "csd:decision-caracas-evaluation-design", "cs:concerns") == EVALUATION


def test_figure_13_first_row_libertador_1700_81_2800_133(graph):
    area = "csd:libertador-caracas"
    assert value(graph, _cell(graph, area, 2010, "Homicides"), "cs:value") == 1700
    assert value(graph, _cell(graph, area, 2010, "Homicide Rate"), "cs:value") == 81
    assert value(graph, _cell(graph, area, 2011, "Homicides"), "cs:value") == 2800
    assert value(graph, _cell(graph, area, 2011, "Homicide Rate"), "cs:value") == 133
    assert value(graph, _cell(graph, area, 2011, "Homicides"), "cs:valueAsPrinted") == "2800"
    assert value(graph, _cell(graph, area, 2010, "Homicide Rate"), "cs:unit") == "unit:per-100k"
    assert values_of(graph, _cell(graph, area, 2010, "Homicides"), "cs:columnLabel") == [
        "2010 Homicide Count and Rate", "Homicides"]


def test_figure_13_sucre_baruta_el_hatillo_rows(graph):
    def row(area):
        return tuple(value(graph, _cell(graph, area, y, c), "cs:value")
                     for y in (2010, 2011) for c in ("Homicides", "Homicide Rate"))
    assert row("csd:sucre-caracas") == (496, 76, 580, 88)
    assert row("csd:baruta-caracas") == (70, 22, 84, 26)
    assert row("csd:el-hatillo-caracas") == (10, 14, 15, 21)


def test_figure_13_last_row_chacao_10_14_9_13_and_rate_base_decision(graph):
    area = "csd:chacao-caracas"
    assert value(graph, _cell(graph, area, 2010, "Homicides"), "cs:value") == 10
    assert value(graph, _cell(graph, area, 2010, "Homicide Rate"), "cs:value") == 14
    assert value(graph, _cell(graph, area, 2011, "Homicides"), "cs:value") == 9
    assert value(graph, _cell(graph, area, 2011, "Homicide Rate"), "cs:value") == 13
    assert value(graph, _cell(graph, area, 2011, "Homicides"), "cs:rowLabel") == "chacao"
    rows = select(graph, "SELECT (COUNT(?o) AS ?n) WHERE { ?o qb:dataSet csd:figure-13 }")
    assert rows == [{"n": value(graph, "csd:figure-13", "cs:expectedObservations")}] == [{"n": 20}]
    assert value(graph, "csd:decision-figure-13-rate-base", "cs:concerns") == "csd:figure-13"
    assert value(graph, _cell(graph, area, 2011, "Homicides"), "cs:supportedBy") == (
        "csd:work-observatorio-metropolitano-seguridad-ciudadana")


def test_caracas_homicide_rate_exceeded_120_per_100k_in_2015(graph):
    stat = "csd:stat-caracas-homicide-rate-2015"
    assert (value(graph, stat, "cs:value"), value(graph, stat, "cs:valueQualifier"), value(graph, stat, "cs:unit")) == (
        120, "vq:more-than", "unit:per-100k")
    assert (value(graph, stat, "cs:refArea"), value(graph, stat, "cs:refPeriod")) == ("csd:caracas", 2015)
    assert value(graph, stat, "cs:supportedBy") == "csd:work-yagoub-2016"
    assert footnotes(graph, stat) == [162]
    assert value(graph, "csd:decision-caracas-city-homicide-rate-area", "cs:concerns") == stat


def test_challenges_libertador_pnb_blackout_and_unpaid_extra_work(graph):
    rows = select(graph, "SELECT ?c ?theme WHERE { ?c a cs:Challenge ; cs:about csd:caracas-integrated-crime-statistics ; cs:theme ?theme }")
    themes = {(r["c"].removeprefix("csd:caracas-integrated-crime-statistics-challenge-"), r["theme"]) for r in rows}
    assert {("libertador-declined", "theme:political-support"), ("pnb-outside", "theme:political-support"),
            ("national-data-blackout", "theme:data-monitoring"), ("unpaid-extra-work", "theme:cost"),
            ("unpaid-extra-work", "theme:implementation-capacity"), ("police-bureaucracy", "theme:police-conduct"),
            ("impact-hard-to-measure", "theme:evaluation-gap")} <= themes
    assert footnotes(graph, "csd:caracas-integrated-crime-statistics-challenge-unpaid-extra-work") == [169]
    assert quotes(graph, "csd:caracas-integrated-crime-statistics-challenge-pnb-outside") == [
        "Similarly, the Policía Nacional Bolivariana (PNB), established in 2007 by the central government, has also remained outside the program."]


def test_periodic_reports_source_conflict_links_three_statements(graph):
    conflict = "csd:conflict-caracas-periodic-reports"
    assert values_of(graph, conflict, "cs:conflictingStatement") == [
        "csd:caracas-integrated-crime-statistics-challenge-reporting-agreements",
        "csd:caracas-integrated-crime-statistics-claim-immense-potential",
        "csd:caracas-integrated-crime-statistics-component-periodic-reports",
    ]
    assert quotes(graph, "csd:caracas-integrated-crime-statistics-claim-immense-potential") == [
        "However, until these outputs are produced, the project merely remains one of immense potential in a troubled city."]
    # no "periodic reports issued" output is recorded, per the conflict's decision
    rows = select(graph, "SELECT ?o WHERE { ?o a cs:Output ; cs:ofProgram csd:caracas-integrated-crime-statistics }")
    assert sorted(r["o"] for r in rows) == [
        "csd:caracas-integrated-crime-statistics-output-cooperation-agreement",
        "csd:caracas-integrated-crime-statistics-output-course-48-hours",
        "csd:caracas-integrated-crime-statistics-output-instructional-manual",
        "csd:caracas-integrated-crime-statistics-output-municipalities-involved-2012",
        "csd:caracas-integrated-crime-statistics-output-regional-indicators-agreement",
        "csd:caracas-integrated-crime-statistics-output-technical-report",
    ]


def test_ilovaca_cedeno_2012_one_work_in_footnotes_164_166_169(graph):
    work = "csd:work-ilovaca-cedeno-2012"
    assert values_of(graph, work, "cs:citedInFootnote") == [164, 166, 169]
    assert value(graph, work, "cs:year") == 2012
    assert value(graph, "csd:decision-ilovaca-cedeno-spelling", "cs:concerns") == work
    assert value(graph, "csd:work-speri-2014", "cs:citedInFootnote") == 163
    assert value(graph, "csd:work-observatorio-metropolitano-seguridad-ciudadana", "cs:citedInFootnote") == 165
