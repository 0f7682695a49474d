"""Kingston (Jamaica), RISE: facts asserted by value against the report."""

from __future__ import annotations

from decimal import Decimal

from helpers import footnotes, observation, quotes, select, value, values_of

RISE = "csd:rise-kingston"
EVALUATION = "csd:rise-kingston-evaluation-natural-experiment"
CONTINUED = "RISE Participant (continued)"
CANCELLED = "RISE Participants (cancelled)"


def test_rise_names_launch_2003_completion_2012_and_case(graph):
    assert values_of(graph, RISE, "rdfs:label") == ["Reaching Individuals through Skills and Education (RISE)"]
    assert values_of(graph, RISE, "skos:altLabel") == ["RISE"]
    assert (value(graph, RISE, "cs:startYear"), value(graph, RISE, "cs:endYear")) == (2003, 2012)
    assert value(graph, RISE, "cs:caseSection") == "csd:section-kingston"
    assert value(graph, RISE, "cs:country") == "csd:jamaica"


def test_three_communities_in_2003_and_three_more_by_2005(graph):
    rows = select(graph, "SELECT ?place ?year WHERE { csd:rise-kingston cs:hasSite ?s . ?s cs:place ?place ; cs:launchYear ?year }")
    assert {r["place"]: r["year"] for r in rows} == {
        "csd:waterhouse": 2003, "csd:tower-hill": 2003, "csd:drewsland": 2003,
        "csd:parade-gardens": 2005, "csd:fletchers-land": 2005, "csd:allman-town": 2005,
    }
    assert value(graph, "csd:tower-hill", "skos:altLabel") == "Towerhill"
    assert (value(graph, "csd:rise-kingston-output-communities-2003", "cs:value"),
            value(graph, "csd:rise-kingston-output-communities-2003", "cs:valueAsPrinted")) == (3, "three")
    assert (value(graph, "csd:rise-kingston-output-communities-2005", "cs:value"),
            value(graph, "csd:rise-kingston-output-communities-2005", "cs:periodNote")) == (3, "by 2005")


def test_launch_expansion_and_scale_back_phases(graph):
    rows = select(graph, """
        SELECT ?order ?start ?end WHERE { csd:rise-kingston cs:hasPhase ?p . ?p cs:phaseOrder ?order .
          OPTIONAL { ?p cs:startYear ?start } OPTIONAL { ?p cs:endYear ?end } } ORDER BY ?order""")
    assert [(r["order"], r.get("start"), r.get("end")) for r in rows] == [(1, 2003, None), (2, None, 2005), (3, 2011, 2012)]
    assert values_of(graph, "csd:rise-kingston-phase-1-launch", "cs:servesPlace") == ["csd:drewsland", "csd:tower-hill", "csd:waterhouse"]


def test_afterschool_homework_reading_and_recreation_components(graph):
    c = "csd:rise-kingston-component-"
    # "a youth development program" describes RISE as a whole; homework help is schooling support (review/appraisal/kingston.md)
    assert values_of(graph, c + "homework-assistance", "cs:componentType") == ["it:schooling-support"]
    assert values_of(graph, c + "reading-tutorials", "cs:componentType") == ["it:schooling-support"]
    assert values_of(graph, c + "recreation", "cs:componentType") == ["it:culture-sport", "it:youth-development"]
    assert values_of(graph, RISE, "cs:hasComponent") == [c + "homework-assistance", c + "reading-tutorials", c + "recreation"]


def test_targets_at_risk_and_most_disadvantaged_students_chosen_with_school_authorities(graph):
    assert value(graph, "csd:rise-kingston-target-at-risk-students", "cs:riskGroup") == "at-risk students"
    assert value(graph, "csd:rise-kingston-target-most-disadvantaged-students", "cs:riskGroup") == "the most disadvantaged students in the class"
    assert footnotes(graph, "csd:rise-kingston-target-most-disadvantaged-students") == [132]
    rows = select(graph, """
        SELECT ?agent ?role WHERE { csd:rise-kingston cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }""")
    assert {(r["agent"], r["role"]) for r in rows} == {
        ("csd:kingston-school-authorities", "role:data-provider"), ("csd:kingston-school-authorities", "role:partner")}


def test_csjp_restructuring_closed_three_of_six_programs_in_2011(graph):
    output = "csd:rise-kingston-output-programs-closed-2011"
    assert (value(graph, output, "cs:value"), value(graph, output, "cs:denominator"), value(graph, output, "cs:unit")) == (3, 6, "unit:ratio")
    assert (value(graph, output, "cs:valueAsPrinted"), value(graph, output, "cs:year")) == ("three of the six", 2011)
    assert value(graph, "csd:csjp", "skos:altLabel") == "CSJP"
    assert value(graph, "csd:csjp", "cs:relatedProgram") == RISE
    assert values_of(graph, "csd:rise-kingston-challenge-premature-scale-back", "cs:about") == ["csd:csjp", RISE]


def test_3582_young_adolescents_and_2708_youth_passed_through_by_2012(graph):
    adolescents, youth = "csd:rise-kingston-output-young-adolescents", "csd:rise-kingston-output-youth"
    assert (value(graph, adolescents, "cs:value"), value(graph, adolescents, "cs:valueAsPrinted"), value(graph, adolescents, "cs:population")) == (
        3582, "3,582", "young adolescents")
    assert (value(graph, youth, "cs:value"), value(graph, youth, "cs:valueAsPrinted"), value(graph, youth, "cs:population")) == (
        2708, "2,708", "youth")
    assert (value(graph, adolescents, "cs:endYear"), value(graph, youth, "cs:endYear")) == (2012, 2012)
    assert footnotes(graph, youth) == [132]


def test_natural_experiment_evaluation_2011_survey_of_665_in_2013_maryland_3(graph):
    assert value(graph, EVALUATION, "cs:design") == "des:natural-experiment"
    assert value(graph, "des:natural-experiment", "cs:marylandLevel") == 3
    assert value(graph, EVALUATION, "cs:year") == 2011
    assert (value(graph, EVALUATION, "cs:startYear"), value(graph, EVALUATION, "cs:endYear")) == (2011, 2013)
    assert value(graph, EVALUATION, "cs:sampleSize") == 665
    assert value(graph, EVALUATION, "cs:sampleDescription") == (
        "665 Kingston adolescents surveyed in 2013 (568 RISE and 97 non-RISE participants) on substance abuse, gang behaviour, "
        "educational attainment, labour outcomes and beliefs (self-esteem); four subgroups: treatment groups one and two "
        "(RISE-continued, RISE-cancelled) and control groups one and two (non-RISE participants in communities where the program "
        "continued and where it was cancelled). Not randomised: non-RISE participants were identified by RISE officials and "
        "school authorities as students similar to RISE students.")
    assert value(graph, EVALUATION, "cs:supportedBy") == "csd:work-soares-sviatschi-2013"
    assert footnotes(graph, EVALUATION) == [133, 133]
    assert value(graph, "csd:decision-rise-evaluation-design", "cs:concerns") == EVALUATION
    assert value(graph, "csd:decision-rise-evaluation-year", "cs:concerns") == EVALUATION


def test_evaluation_findings_cover_all_eleven_outcomes(graph):
    o = "csd:rise-kingston-outcome-"
    assert values_of(graph, EVALUATION, "cs:hasFinding") == [o + s for s in (
        "beliefs-cancelled-no-effect", "beliefs-positive", "dropout-16pct", "dropout-cancelled-14pct",
        "dropout-engaged-parents-23pct", "employment-cancelled-no-effect", "gang-behaviour-cancelled-no-effect",
        "gang-behaviour-no-effect", "substance-abuse-cancelled-no-effect", "substance-abuse-no-effect", "working-10pct")]


def test_rise_dropout_fell_16_percent_where_continued(graph):
    outcome = "csd:rise-kingston-outcome-dropout-16pct"
    assert (value(graph, outcome, "cs:value"), value(graph, outcome, "cs:unit"), value(graph, outcome, "cs:direction")) == (
        16, "unit:percent", "dir:decrease")
    assert (value(graph, outcome, "cs:effect"), value(graph, outcome, "cs:indicator")) == ("eff:beneficial", "ind:school-dropout")
    assert value(graph, outcome, "cs:comparison") == "non-RISE participants"
    assert footnotes(graph, outcome) == [134]


def test_rise_students_10_percent_more_likely_to_be_working(graph):
    outcome = "csd:rise-kingston-outcome-working-10pct"
    assert (value(graph, outcome, "cs:value"), value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:effect")) == (
        10, "dir:increase", "eff:beneficial")
    assert value(graph, outcome, "cs:indicator") == "ind:employment"
    assert value(graph, outcome, "cs:comparison") == "non-RISE students"


def test_dropout_rose_14_percent_where_rise_was_cancelled_adverse(graph):
    outcome = "csd:rise-kingston-outcome-dropout-cancelled-14pct"
    assert (value(graph, outcome, "cs:value"), value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:effect")) == (
        14, "dir:increase", "eff:adverse")
    assert value(graph, outcome, "cs:subgroup") == "former RISE participants where the program was cancelled"
    assert quotes(graph, outcome) == [
        "Educational Outcomes 16% DEcrEaSE in dropout 14 % iNcrEaSE in dropout",
        "Moreover, the evaluation detected some negative impacts on education outcomes for riSE participants where the program was prematurely terminated.",
        "the probability of dropping out increased by 14% among former riSE participants when the program was cancelled."]


def test_23_percent_fewer_dropouts_with_engaged_parents(graph):
    outcome = "csd:rise-kingston-outcome-dropout-engaged-parents-23pct"
    assert (value(graph, outcome, "cs:value"), value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:effect")) == (
        23, "dir:decrease", "eff:beneficial")
    assert value(graph, outcome, "cs:population") == "former RISE participants with engaged parents"


def test_no_effect_on_gang_behaviour_or_substance_abuse_null_findings(graph):
    o = "csd:rise-kingston-outcome-"
    for slug, indicator in (("gang-behaviour-no-effect", "ind:gang-behaviour"), ("substance-abuse-no-effect", "ind:substance-use"),
                            ("gang-behaviour-cancelled-no-effect", "ind:gang-behaviour"),
                            ("substance-abuse-cancelled-no-effect", "ind:substance-use"),
                            ("employment-cancelled-no-effect", "ind:employment"),
                            ("beliefs-cancelled-no-effect", "ind:self-beliefs")):
        assert (value(graph, o + slug, "cs:indicator"), value(graph, o + slug, "cs:direction"), value(graph, o + slug, "cs:effect"),
                values_of(graph, o + slug, "cs:value")) == (indicator, "dir:no-change", "eff:null", [])
    assert (value(graph, o + "beliefs-positive", "cs:direction"), value(graph, o + "beliefs-positive", "cs:effect")) == (
        "dir:increase", "eff:beneficial")


def test_figure_10_first_and_last_rows(graph):
    def cell(year, column):
        return value(graph, observation(graph, 10, "csd:kingston", year, columnLabel=column), "cs:value")
    assert (cell(2000, "Murders"), cell(2000, "Murder Rate")) == (493, Decimal("75.6"))
    assert (cell(2013, "Murders"), cell(2013, "Murder Rate")) == (371, Decimal("55.6"))
    peak = observation(graph, 10, "csd:kingston", 2005, columnLabel="Murder Rate")
    assert (value(graph, peak, "cs:valueAsPrinted"), value(graph, peak, "cs:unit")) == ("125.8", "unit:per-100k")
    assert value(graph, observation(graph, 10, "csd:kingston", 2006, columnLabel="Murder Rate"), "cs:valueAsPrinted") == "86.0"


def test_figure_10_every_row_as_printed(graph):
    rows = select(graph, """SELECT ?year ?col ?v WHERE { ?o qb:dataSet csd:figure-10 ; cs:refArea csd:kingston ;
        cs:refPeriod ?year ; cs:columnLabel ?col ; cs:value ?v }""")
    printed = {
        2000: (493, "75.6"), 2001: (659, "101.1"), 2002: (511, "78.3"), 2003: (433, "66.3"), 2004: (651, "99.2"),
        2005: (829, "125.8"), 2006: (565, "86.0"), 2007: (727, "110.4"), 2008: (641, "97.2"), 2009: (632, "95.7"),
        2010: (441, "66.7"), 2011: (328, "49.5"), 2012: (357, "53.7"), 2013: (371, "55.6"),
    }
    expected = {}
    for year, (murders, rate) in printed.items():
        expected[(year, "Murders")] = murders
        expected[(year, "Murder Rate")] = Decimal(rate)
    assert {(r["year"], r["col"]): r["v"] for r in rows} == expected
    assert len(rows) == 28 == value(graph, "csd:figure-10", "cs:expectedObservations")


def test_figure_11_percentage_cells(graph):
    def cell(row, column):
        return observation(graph, 11, "csd:kingston", 2013, rowLabel=row, columnLabel=column)
    first = cell("Educational Outcomes", CONTINUED)
    assert (value(graph, first, "cs:value"), value(graph, first, "cs:direction"), value(graph, first, "cs:valueAsPrinted")) == (
        16, "dir:decrease", "16% DEcrEaSE in dropout")
    cancelled = cell("Educational Outcomes", CANCELLED)
    assert (value(graph, cancelled, "cs:value"), value(graph, cancelled, "cs:direction"), value(graph, cancelled, "cs:valueAsPrinted")) == (
        14, "dir:increase", "14 % iNcrEaSE in dropout")
    work = cell("Labor Outcomes", CONTINUED)
    assert (value(graph, work, "cs:value"), value(graph, work, "cs:valueAsPrinted")) == (10, "10% increase in work")


def test_figure_11_word_cells_and_last_cell(graph):
    rows = select(graph, """SELECT ?row ?col ?printed WHERE { ?o qb:dataSet csd:figure-11 ; cs:rowLabel ?row ;
        cs:columnLabel ?col ; cs:valueAsPrinted ?printed }""")
    assert {(r["row"], r["col"]): r["printed"] for r in rows} == {
        ("Educational Outcomes", CONTINUED): "16% DEcrEaSE in dropout",
        ("Educational Outcomes", CANCELLED): "14 % iNcrEaSE in dropout",
        ("gang Behavior", CONTINUED): "No effect",
        ("gang Behavior", CANCELLED): "No effect",
        ("Substance abuse", CONTINUED): "No effect",
        ("Substance abuse", CANCELLED): "No effect",
        ("Labor Outcomes", CONTINUED): "10% increase in work",
        ("Labor Outcomes", CANCELLED): "No effect",
        ('Beliefs ("things to be proud of")', CONTINUED): "Positive effects",
        ('Beliefs ("things to be proud of")', CANCELLED): "No effect",
    }
    assert len(rows) == 10 == value(graph, "csd:figure-11", "cs:expectedObservations")
    last = observation(graph, 11, "csd:kingston", 2013, rowLabel='Beliefs (\\"things to be proud of\\")', columnLabel=CANCELLED)
    assert (value(graph, last, "cs:unit"), value(graph, last, "cs:direction"), values_of(graph, last, "cs:value")) == (
        "unit:qualitative", "dir:no-change", [])


def test_jamaica_887_murders_in_2000_975_in_2003_population_2_7_million(graph):
    rows = select(graph, """SELECT ?o ?v WHERE { ?o qb:dataSet csd:text-statistics ; cs:refArea csd:jamaica ; cs:value ?v }""")
    assert {r["o"]: r["v"] for r in rows} == {
        "csd:stat-jamaica-homicide-2000": 887,
        "csd:stat-jamaica-homicide-2003": 975,
        "csd:stat-jamaica-homicide-years-below-1000-since-2000": 2,
        "csd:stat-jamaica-population": 2700000,
    }
    assert (value(graph, "csd:stat-jamaica-homicide-2000", "cs:refPeriod"), value(graph, "csd:stat-jamaica-homicide-2003", "cs:refPeriod")) == (2000, 2003)
    assert (value(graph, "csd:stat-jamaica-population", "cs:valueAsPrinted"), value(graph, "csd:stat-jamaica-population", "cs:valueQualifier")) == (
        "roughly 2.7 million", "vq:approximately")
    assert footnotes(graph, "csd:stat-jamaica-population") == [129]


def test_country_figures_versus_kingston_figure_10_is_a_scope_decision_not_a_conflict(graph):
    assert values_of(graph, "csd:decision-kingston-figure-10-scope", "cs:concerns") == [
        "csd:figure-10", "csd:figure-10-2000-murders", "csd:figure-10-2003-murders",
        "csd:stat-jamaica-homicide-2000", "csd:stat-jamaica-homicide-2003",
        "csd:stat-jamaica-homicide-years-below-1000-since-2000", "csd:stat-jamaica-population"]
    # the report prints 887 / 975 for the country and 493 / 433 in Figure 10 (Kingston)
    assert (value(graph, observation(graph, 10, "csd:kingston", 2000, columnLabel="Murders"), "cs:value"),
            value(graph, observation(graph, 10, "csd:kingston", 2003, columnLabel="Murders"), "cs:value")) == (493, 433)
    rows = select(graph, """SELECT ?c WHERE { ?c a cs:SourceConflict ; cs:conflictingStatement ?s .
        FILTER(STRSTARTS(STR(?s), "https://w3id.org/citysafe/id/rise-kingston") || ?s IN (csd:csjp, csd:figure-10, csd:figure-11)
               || STRSTARTS(STR(?s), "https://w3id.org/citysafe/id/stat-jamaica")) }""")
    assert rows == []


def test_recorded_ambiguity_decisions(graph):
    assert values_of(graph, "csd:decision-rise-expansion-year", "cs:concerns") == [
        "csd:rise-kingston-output-communities-2005", "csd:rise-kingston-phase-2-expansion",
        "csd:rise-kingston-site-allman-town", "csd:rise-kingston-site-fletchers-land", "csd:rise-kingston-site-parade-gardens"]
    assert values_of(graph, "csd:decision-rise-participant-counts", "cs:concerns") == [
        "csd:rise-kingston-output-young-adolescents", "csd:rise-kingston-output-youth"]
    assert values_of(graph, "csd:decision-rise-percent-reading", "cs:concerns") == [
        "csd:rise-kingston-outcome-dropout-16pct", "csd:rise-kingston-outcome-dropout-cancelled-14pct",
        "csd:rise-kingston-outcome-dropout-engaged-parents-23pct", "csd:rise-kingston-outcome-working-10pct"]
    assert values_of(graph, "csd:decision-figure-10-rate-unit", "cs:concerns") == sorted(
        ["csd:figure-10"] + [f"csd:figure-10-{year}-murder-rate" for year in range(2000, 2014)])
    assert values_of(graph, "csd:decision-csjp-role", "cs:concerns") == ["csd:csjp", RISE]


def test_challenges_and_lesson_are_typed(graph):
    rows = select(graph, "SELECT ?theme WHERE { ?c a cs:Challenge ; cs:about csd:rise-kingston ; cs:theme ?theme }")
    assert {r["theme"] for r in rows} == {"theme:cost", "theme:design-planning", "theme:evaluation-gap", "theme:sustainability"}
    assert value(graph, "csd:rise-kingston-lesson-not-permanent", "cs:theme") == "theme:sustainability"


def test_cited_works_soares_sviatschi_and_jcf(graph):
    assert values_of(graph, "csd:work-soares-sviatschi-2013", "cs:citedInFootnote") == [131, 134, 135]
    assert value(graph, "csd:work-soares-sviatschi-2013", "cs:citationLabel") == "Soares and Sviatschi,(2013)"
    assert (value(graph, "csd:work-jcf-2015", "cs:year"), value(graph, "csd:work-jcf-2015", "cs:citedInFootnote")) == (2015, 130)
    assert value(graph, "csd:work-jcf-2015", "schema:url") == "http://www.jcf.gov.jm/"
