"""Colombia, Plan Cuadrantes (PNVCC) and the national policy: facts asserted by value against the report (lines 1219-1573)."""

from __future__ import annotations

from decimal import Decimal

from helpers import footnotes, observation, quotes, select, value, values_of

PC = "csd:plan-cuadrantes"
EVALUATION = "csd:plan-cuadrantes-evaluation-randomised-experiment"
CITIES = ["csd:barranquilla", "csd:bogota", "csd:bucaramanga", "csd:cali", "csd:cartagena", "csd:cucuta",
          "csd:medellin", "csd:pereira"]


def fig(graph, figure, area, period=None, **extra):
    return value(graph, observation(graph, figure, area, period, **extra), "cs:value")


# --- the program -------------------------------------------------------------------------------

def test_plan_cuadrantes_launched_2010_by_the_national_police_as_part_of_the_pnscc(graph):
    # "the Plan Nacional de Viglancia comunitaria por cuadrantes (PNVcc) was launched in 2010 by the national police"
    assert values_of(graph, PC, "rdfs:label") == [
        "National Community Policing Plan by Quadrants (Plan Cuadrantes)",
        "Plan Nacional de Vigilancia Comunitaria por Cuadrantes"]
    assert values_of(graph, PC, "skos:altLabel") == [
        "PNVCC", "Plan Cuadrante", "Plan Cuadrantes", "Plan Nacional de Viglancia comunitaria por cuadrantes"]
    assert value(graph, PC, "cs:startYear") == 2010
    assert value(graph, PC, "cs:caseSection") == "csd:section-colombia"
    assert value(graph, PC, "cs:country") == "csd:colombia"
    assert value(graph, PC, "cs:partOf") == "csd:pnscc"
    assert values_of(graph, "csd:decision-plan-cuadrantes-part-of-pnscc", "cs:concerns") == [PC, "csd:pnscc"]
    # the misprint 'Viglancia' is read as 'Vigilancia' by a recorded decision, the printed form kept
    assert PC in values_of(graph, "csd:decision-colombia-name-spellings", "cs:concerns")
    # the report gives no budget for the plan
    assert select(graph, "SELECT ?b WHERE { ?b a cs:BudgetLine ; ?p csd:plan-cuadrantes }") == []


def test_pnscc_officially_launched_2011_formulated_by_the_advisory_board_created_2010(graph):
    assert values_of(graph, "csd:pnscc", "rdfs:label") == [
        "National Citizen Security and Coexistence Policy", "Politica Nacional de Seguridad Ciudadana y Coexistencia"]
    assert value(graph, "csd:pnscc", "skos:altLabel") == "PNSCC"
    assert value(graph, "csd:pnscc", "cs:startYear") == 2011
    assert value(graph, "csd:pnscc", "cs:servesPlace") == "csd:colombia"
    assert footnotes(graph, "csd:pnscc") == [91]
    board = "csd:pnscc-role-presidential-advisory-board-safety"
    assert (value(graph, board, "cs:agent"), value(graph, board, "cs:role"), value(graph, board, "cs:startYear")) == (
        "csd:colombia-presidential-advisory-board-safety", "role:designer", 2010)
    assert values_of(graph, "csd:colombia-presidential-advisory-board-safety", "rdfs:label") == [
        "Alta Consejería Presidencial para la Seguridad", "Presidential Advisory Board on Safety (Colombia)"]


def test_eight_largest_cities_targeted(graph):
    # "the plan targeted the country's eight largest cities: Bogota, Medellin, cali, Barranquilla, cartagena,
    #  Bucaramanga, Pereira, and cúcuta"
    assert values_of(graph, PC, "cs:servesPlace") == CITIES
    rows = select(graph, "SELECT ?place WHERE { csd:plan-cuadrantes cs:hasSite ?s . ?s cs:place ?place }")
    assert sorted(r["place"] for r in rows) == CITIES
    output = "csd:plan-cuadrantes-output-eight-cities"
    assert (value(graph, output, "cs:value"), value(graph, output, "cs:valueAsPrinted"), value(graph, output, "cs:unit")) == (
        8, "eight", "unit:count")


# --- components and actors -----------------------------------------------------------------------

def test_cuadrante_patrols_protocol_training_and_crime_data_component_types(graph):
    patrols = "csd:plan-cuadrantes-component-cuadrante-patrols"
    # "insights and strategies from community- and problem-oriented policing (cOP and POP)" (review/appraisal/colombia.md)
    assert values_of(graph, patrols, "cs:componentType") == ["it:community-policing", "it:problem-oriented-policing"]
    assert value(graph, patrols, "cs:ledBy") == "csd:colombia-police-cais"
    assert footnotes(graph, patrols) == [93]
    training = "csd:plan-cuadrantes-component-patrol-protocol-training"
    assert values_of(graph, training, "cs:componentType") == ["it:community-policing", "it:police-reform-training"]
    assert value(graph, training, "cs:ledBy") == "csd:colombia-national-police"
    assert values_of(graph, "csd:plan-cuadrantes-component-crime-data", "cs:componentType") == ["it:crime-data-system"]
    assert values_of(graph, "csd:plan-cuadrantes-component-goals-evaluation", "cs:componentType") == ["it:monitoring-evaluation"]
    assert values_of(graph, "csd:plan-cuadrantes-component-community-prevention", "cs:componentType") == [
        "it:community-policing", "it:problem-oriented-policing"]


def test_national_police_commissioned_and_cais_implemented(graph):
    rows = select(graph, """
        SELECT ?agent ?role WHERE { csd:plan-cuadrantes cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }""")
    assert sorted((r["agent"], r["role"]) for r in rows) == [
        ("csd:colombia-national-police", "role:commissioner"),
        ("csd:colombia-national-police", "role:implementer"),
        ("csd:colombia-police-cais", "role:implementer"),
    ]
    assert values_of(graph, "csd:colombia-police-cais", "skos:altLabel") == ["CAI", "centros de atencion imediata"]
    assert value(graph, "csd:colombia-police-cais", "cs:subOrganisationOf") == "csd:colombia-national-police"
    lloreda = "csd:pnscc-role-francisco-lloreda"
    assert (value(graph, lloreda, "cs:agent"), value(graph, lloreda, "cs:role")) == ("csd:francisco-lloreda", "role:coordinator")
    assert footnotes(graph, lloreda) == [91]


def test_influences_cop_pop_pnscc_and_democratic_security_plan(graph):
    rows = select(graph, "SELECT ?influencer WHERE { csd:plan-cuadrantes cs:qualifiedInfluence/cs:influencer ?influencer }")
    assert sorted(r["influencer"] for r in rows) == [
        "csd:colombia-democratic-security-plan", "csd:community-oriented-policing", "csd:pnscc", "csd:problem-oriented-policing"]
    assert footnotes(graph, "csd:plan-cuadrantes-influence-colombia-democratic-security-plan") == [94]
    assert value(graph, "csd:colombia-democratic-security-plan", "cs:partOf") == "csd:colombia-uribe-santos-security-policies"
    assert value(graph, "csd:colombia-uribe-santos-security-policies", "cs:startYear") == 2003


def test_medellin_mayors_perez_2001_2003_and_fajardo_2003_2009(graph):
    perez = "csd:medellin-social-urbanism-role-luis-perez"
    fajardo = "csd:medellin-social-urbanism-role-sergio-fajardo"
    assert (value(graph, perez, "cs:agent"), value(graph, perez, "cs:startYear"), value(graph, perez, "cs:endYear")) == (
        "csd:luis-perez", 2001, 2003)
    assert (value(graph, fajardo, "cs:agent"), value(graph, fajardo, "cs:startYear"), value(graph, fajardo, "cs:endYear")) == (
        "csd:sergio-fajardo", 2003, 2009)
    assert value(graph, "csd:medellin-social-urbanism", "cs:servesPlace") == "csd:medellin"
    assert values_of(graph, "csd:medellin-social-urbanism-component-basic-services", "cs:componentType") == [
        "it:culture-sport", "it:schooling-support"]


def test_bogota_mayors_from_1997_mockus_penalosa_gazon(graph):
    assert value(graph, "csd:bogota-mayors-citizen-security", "cs:startYear") == 1997
    rows = select(graph, """
        SELECT ?agent WHERE { csd:bogota-mayors-citizen-security cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role role:commissioner }""")
    assert sorted(r["agent"] for r in rows) == ["csd:antanas-mockus", "csd:enrique-penalosa", "csd:luis-eduardo-gazon"]
    assert value(graph, "csd:cali-data-driven-crime-control-role-rodrigo-guerrero", "cs:agent") == "csd:rodrigo-guerrero"


# --- outputs -----------------------------------------------------------------------------------

def test_more_than_9000_officers_trained(graph):
    output = "csd:plan-cuadrantes-output-officers-trained"
    assert value(graph, output, "cs:value") == 9000
    assert value(graph, output, "cs:valueQualifier") == "vq:more-than"
    assert value(graph, output, "cs:valueAsPrinted") == "more than 9,000"
    assert value(graph, output, "cs:indicator") == "ind:people-trained"
    assert quotes(graph, output) == [
        "the plan involved the training of more than 9,000 police officers in the new protocols, and also improved interpersonal skills."]


def test_over_7000_officers_discharged_in_1994_and_management_system_1995(graph):
    output = "csd:colombia-national-police-reform-output-officers-discharged"
    assert (value(graph, output, "cs:value"), value(graph, output, "cs:valueQualifier"), value(graph, output, "cs:year")) == (
        7000, "vq:more-than", 1994)
    assert value(graph, output, "cs:valueAsPrinted") == "over 7,000"
    assert value(graph, "csd:colombia-national-police-reform", "cs:startYear") == 1994
    assert value(graph, "csd:colombia-national-police-reform-component-integrated-management-system", "cs:startYear") == 1995
    assert value(graph, "csd:colombia-national-police-reform-role-los-andes-university", "cs:role") == "role:partner"


# --- the evaluation and its outcomes ----------------------------------------------------------

def test_experimental_assessment_2010_randomised_maryland_5_three_staggered_cohorts(graph):
    assert value(graph, EVALUATION, "cs:design") == "des:randomised-experiment"
    assert value(graph, "des:randomised-experiment", "cs:marylandLevel") == 5
    assert value(graph, EVALUATION, "cs:year") == 2010
    assert value(graph, EVALUATION, "cs:evaluates") == PC
    assert value(graph, EVALUATION, "cs:supportedBy") == "csd:work-garcia-2013"
    assert value(graph, EVALUATION, "cs:sampleDescription").startswith("three randomly selected cohorts of police stations")
    assert footnotes(graph, EVALUATION) == [96]
    assert values_of(graph, EVALUATION, "cs:hasFinding") == [
        "csd:plan-cuadrantes-outcome-accountability-morale",
        "csd:plan-cuadrantes-outcome-crime-significant-reduction",
        "csd:plan-cuadrantes-outcome-high-crime-areas",
        "csd:plan-cuadrantes-outcome-homicide-013sd",
        "csd:plan-cuadrantes-outcome-homicide-22pct",
        "csd:plan-cuadrantes-outcome-low-crime-areas",
        "csd:plan-cuadrantes-outcome-street-fights-018sd",
    ]
    # Llorente et al (2011) is only pointed to, with no design: a decision, not a second evaluation
    assert "csd:work-llorente-2011" in values_of(graph, "csd:decision-llorente-evaluation", "cs:concerns")


def test_significant_reduction_homicide_013_sd_street_fights_018_sd(graph):
    significant = "csd:plan-cuadrantes-outcome-crime-significant-reduction"
    assert (value(graph, significant, "cs:direction"), value(graph, significant, "cs:significance")) == ("dir:decrease", "sig:significant")
    homicide = "csd:plan-cuadrantes-outcome-homicide-013sd"
    assert value(graph, homicide, "cs:value") == Decimal("0.13")
    assert (value(graph, homicide, "cs:valueQualifier"), value(graph, homicide, "cs:unit")) == ("vq:approximately", "unit:standard-deviation")
    assert value(graph, homicide, "cs:valueAsPrinted") == "around 0.13"
    fights = "csd:plan-cuadrantes-outcome-street-fights-018sd"
    assert value(graph, fights, "cs:value") == Decimal("0.18")
    assert (value(graph, fights, "cs:indicator"), value(graph, fights, "cs:direction")) == ("ind:brawls", "dir:decrease")
    assert footnotes(graph, homicide) == footnotes(graph, fights) == [97]


def test_up_to_22_percent_reduction_in_homicide_after_spatial_concentration(graph):
    outcome = "csd:plan-cuadrantes-outcome-homicide-22pct"
    assert value(graph, outcome, "cs:value") == 22
    assert value(graph, outcome, "cs:valueQualifier") == "vq:up-to"
    assert (value(graph, outcome, "cs:unit"), value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:indicator")) == (
        "unit:percent", "dir:decrease", "ind:homicide")
    assert quotes(graph, outcome) == [
        "after accounting for the spatial concentration of crime, the estimated effects account for up to a 22% reduction in homicide."]


def test_very_small_or_zero_effects_in_low_crime_neighbourhoods_is_null(graph):
    low = "csd:plan-cuadrantes-outcome-low-crime-areas"
    assert (value(graph, low, "cs:effect"), value(graph, low, "cs:direction")) == ("eff:null", "dir:no-change")
    assert value(graph, low, "cs:subgroup") == "low crime neighborhoods"
    assert value(graph, low, "cs:population") == "low crime neighborhoods"
    assert values_of(graph, low, "cs:value") == []
    assert value(graph, "csd:decision-low-crime-effects", "cs:concerns") == low
    high = "csd:plan-cuadrantes-outcome-high-crime-areas"
    assert (value(graph, high, "cs:effect"), value(graph, high, "cs:population")) == ("eff:beneficial", "high crime affected areas")
    morale = "csd:plan-cuadrantes-outcome-accountability-morale"
    assert (value(graph, morale, "cs:indicator"), value(graph, morale, "cs:direction")) == ("ind:police-morale", "dir:increase")


def test_cali_only_modest_gains_owing_to_lack_of_political_support(graph):
    outcome = "csd:cali-data-driven-crime-control-outcome-modest-gains"
    assert (value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:place")) == ("dir:not-stated", "csd:cali")
    assert values_of(graph, outcome, "cs:value") == []
    challenge = "csd:cali-data-driven-crime-control-challenge-political-support"
    assert (value(graph, challenge, "cs:about"), value(graph, challenge, "cs:theme")) == (
        "csd:cali-data-driven-crime-control", "theme:political-support")
    remobilised = "csd:colombia-democratic-security-plan-challenge-paramilitary-remobilization"
    assert (value(graph, remobilised, "cs:theme"), footnotes(graph, remobilised)) == ("theme:crime-dynamics", [88])


# --- figures -----------------------------------------------------------------------------------

def test_figure_5_first_and_last_cells_2008_rate_33_and_2015_count_11000(graph):
    assert fig(graph, 5, "csd:colombia", 2002, rowLabel="Rate") == Decimal("68.9")
    assert fig(graph, 5, "csd:colombia", 2002, rowLabel="Count") == 28387
    assert fig(graph, 5, "csd:colombia", 2008, rowLabel="Rate") == 33
    assert fig(graph, 5, "csd:colombia", 2011, rowLabel="Count") == 15803
    rate_2015 = observation(graph, 5, "csd:colombia", 2015, rowLabel="Rate")
    assert (value(graph, rate_2015, "cs:value"), value(graph, rate_2015, "cs:unit")) == (Decimal("22.8"), "unit:per-100k")
    count_2015 = observation(graph, 5, "csd:colombia", 2015, rowLabel="Count")
    assert (value(graph, count_2015, "cs:value"), value(graph, count_2015, "cs:valueAsPrinted"), value(graph, count_2015, "cs:unit")) == (
        11000, "11,000", "unit:count")
    assert value(graph, "csd:decision-figure-5-row-labels", "cs:concerns") == "csd:figure-5"
    rows = select(graph, "SELECT ?y ?v WHERE { ?o qb:dataSet csd:figure-5 ; cs:rowLabel 'Rate' ; cs:refPeriod ?y ; cs:value ?v } ORDER BY ?y")
    assert [str(r["v"]) for r in rows] == [
        "68.9", "53.8", "44.8", "39.6", "36.8", "34.7", "33", "33.7", "32.3", "33.6", "30.8", "30.3", "26.5", "22.8"]


def test_figure_6_full_rows_first_and_last_cells(graph):
    assert fig(graph, 6, "csd:barranquilla", 2003) == 45
    assert fig(graph, 6, "csd:barranquilla", 2014) == 35
    assert fig(graph, 6, "csd:bogota", 2006) == 10
    assert fig(graph, 6, "csd:medellin", 2014) == 20
    assert fig(graph, 6, "csd:cali", 2003) == 105
    assert fig(graph, 6, "csd:cali", 2014) == 58
    rows = select(graph, "SELECT ?y ?v WHERE { ?o qb:dataSet csd:figure-6 ; cs:refArea csd:medellin ; cs:refPeriod ?y ; cs:value ?v } ORDER BY ?y")
    assert [(r["y"], r["v"]) for r in rows] == list(zip(range(2003, 2015), [75, 72, 75, 60, 59, 57, 56, 56, 58, 53, 38, 20]))
    assert footnotes(graph, "csd:figure-6") == [92]


def test_figure_6_short_rows_kept_in_printed_order_with_period_undetermined(graph):
    def short_row(area):
        rows = select(graph, f"""SELECT ?i ?v ?st ?y WHERE {{ ?o qb:dataSet csd:figure-6 ; cs:refArea {area} ;
            cs:sequenceIndex ?i ; cs:value ?v ; cs:obsStatus ?st OPTIONAL {{ ?o cs:refPeriod ?y }} }} ORDER BY ?i""")
        assert {r["st"] for r in rows} == {"ost:period-undetermined"}
        assert {r.get("y") for r in rows} == {None}
        return [(r["i"], r["v"]) for r in rows]

    assert short_row("csd:bucaramanga") == list(enumerate([32, 22, 20, 18, 19, 19, 19, 17], 1))
    assert short_row("csd:cucuta") == list(enumerate([78, 60, 53, 47, 50, 57, 44, 28], 1))
    assert short_row("csd:pereira") == list(enumerate([90, 100, 77, 65, 55, 37, 39, 33], 1))
    assert short_row("csd:cartagena") == list(enumerate([28, 24, 29, 28, 28], 1))
    assert quotes(graph, "csd:figure-6-cartagena-pos-5") == ["cartagena 28 24 29 28 28"]
    assert "csd:figure-6" in values_of(graph, "csd:decision-figure-6-partial-rows", "cs:concerns")


def test_figure_7_cucuta_burglaries_2011_printed_8_comma_1_read_as_8_point_1(graph):
    cell = observation(graph, 7, "csd:cucuta", 2011, columnLabel="Home burglaries")
    assert cell == observation(graph, 7, "csd:cucuta", 2011, rowLabel="cucta", columnLabel="Home burglaries")
    assert value(graph, cell, "cs:valueAsPrinted") == "8,1"
    assert value(graph, cell, "cs:value") == Decimal("8.1")
    assert value(graph, cell, "cs:obsStatus") == "ost:interpreted"
    assert value(graph, "csd:decision-figure-7-cucuta-8-1", "cs:concerns") == "csd:figure-7-cucuta-home-burglaries-2011"
    assert fig(graph, 7, "csd:cucuta", 2010, columnLabel="Home burglaries") == Decimal("2.1")


def test_figure_7_first_and_last_cells_and_misspelt_row_labels(graph):
    assert fig(graph, 7, "csd:barranquilla", 2010, columnLabel="Homicide") == Decimal("52.7")
    assert fig(graph, 7, "csd:barranquilla", 2011, columnLabel="Brawls") == Decimal("258.1")
    assert fig(graph, 7, "csd:bogota", 2010, columnLabel="Vehicle theft") == Decimal("352.9")
    assert fig(graph, 7, "csd:bucaramanga", 2010, rowLabel="Bucarramanga", columnLabel="Brawls") == Decimal("532.2")
    assert fig(graph, 7, "csd:pereira", 2010, columnLabel="Homicide") == Decimal("9.4")
    last = observation(graph, 7, "csd:pereira", 2011, columnLabel="Brawls")
    assert (value(graph, last, "cs:value"), value(graph, last, "cs:valueAsPrinted")) == (0, "0")
    assert "csd:figure-7-cucuta-homicide-2010" in values_of(graph, "csd:decision-figure-7-row-labels", "cs:concerns")
    rows = select(graph, "SELECT (COUNT(?o) AS ?n) WHERE { ?o qb:dataSet csd:figure-7 }")
    assert rows == [{"n": 7 * 8}]


def test_figures_6_and_7_conflict_on_2010_2011_homicide_of_the_four_full_rows(graph):
    printed = {  # city: (fig 6 2010, fig 6 2011, fig 7 2010, fig 7 2011), as the report prints them
        "barranquilla": (33, 28, Decimal("52.7"), Decimal("47.7")),
        "bogota": (20, 22, 52, Decimal("63.3")),
        "cali": (74, 72, Decimal("95.7"), Decimal("70.5")),
        "medellin": (56, 58, Decimal("62.8"), Decimal("74.5")),
    }
    for city, values in printed.items():
        cells = [f"csd:figure-6-{city}-2010", f"csd:figure-6-{city}-2011",
                 f"csd:figure-7-{city}-homicide-2010", f"csd:figure-7-{city}-homicide-2011"]
        assert values_of(graph, f"csd:conflict-figure-6-7-homicide-{city}", "cs:conflictingStatement") == cells
        assert tuple(value(graph, c, "cs:value") for c in cells) == values
    rows = select(graph, "SELECT ?c WHERE { ?c a cs:SourceConflict ; cs:conflictingStatement/qb:dataSet csd:figure-7 }")
    assert sorted({r["c"] for r in rows}) == [f"csd:conflict-figure-6-7-homicide-{c}" for c in sorted(printed)]


def test_short_rows_disagreement_is_a_decision_not_a_conflict(graph):
    concerns = values_of(graph, "csd:decision-figure-6-7-homicide-short-rows", "cs:concerns")
    assert len(concerns) == 30
    assert {"csd:figure-6-cucuta-pos-1", "csd:figure-6-pereira-pos-8", "csd:figure-6-bucaramanga-pos-4",
            "csd:figure-7-cucuta-homicide-2010", "csd:figure-7-pereira-homicide-2011",
            "csd:figure-7-bucaramanga-homicide-2011"} <= set(concerns)
    assert (value(graph, "csd:figure-7-bucaramanga-homicide-2010", "cs:value"),
            value(graph, "csd:figure-7-bucaramanga-homicide-2011", "cs:value")) == (23, Decimal("20.9"))
    assert (value(graph, "csd:figure-7-cucuta-homicide-2010", "cs:value"),
            value(graph, "csd:figure-7-cucuta-homicide-2011", "cs:value")) == (Decimal("2.8"), Decimal("2.3"))


# --- text statistics ---------------------------------------------------------------------------

def test_national_homicide_nearly_90_in_1991_and_22_8_in_2015(graph):
    rows = select(graph, """SELECT ?o ?year ?v WHERE { ?o qb:dataSet csd:text-statistics ; cs:refArea csd:colombia ;
        cs:indicator ind:homicide ; cs:unit unit:per-100k ; cs:refPeriod ?year ; cs:value ?v } ORDER BY ?year ?o""")
    assert [(r["o"], r["year"], r["v"]) for r in rows] == [
        ("csd:stat-colombia-homicide-rate-1991", 1991, 90),
        ("csd:stat-colombia-homicide-rate-2015", 2015, Decimal("22.8")),
    ]
    assert value(graph, "csd:stat-colombia-homicide-rate-1991", "cs:valueQualifier") == "vq:almost"
    # The text (fn 81) and footnote 89 state the same cell: one observation with both locators
    # (a Data Cube dataset holds one observation per cell, IC-12).
    assert footnotes(graph, "csd:stat-colombia-homicide-rate-2015") == [81, 89]
    over_50 = "csd:stat-colombia-cities-homicide-rate-over-50"
    assert (value(graph, over_50, "cs:value"), value(graph, over_50, "cs:valueQualifier"), value(graph, over_50, "cs:valueAsPrinted")) == (
        50, "vq:more-than", "well over 50")


def test_homicide_and_victimisation_rose_almost_160_percent_1985_1995(graph):
    for stat in ("csd:stat-colombia-homicide-rate-change-1985-1995", "csd:stat-colombia-victimisation-rate-change-1985-1995"):
        assert (value(graph, stat, "cs:value"), value(graph, stat, "cs:valueQualifier"), value(graph, stat, "cs:direction")) == (
            160, "vq:almost", "dir:increase")
        assert (value(graph, stat, "cs:startYear"), value(graph, stat, "cs:endYear")) == (1985, 1995)
        assert footnotes(graph, stat) == [80]
    assert values_of(graph, "csd:decision-colombia-1985-1995-increase", "cs:concerns") == [
        "csd:stat-colombia-homicide-rate-change-1985-1995", "csd:stat-colombia-victimisation-rate-change-1985-1995"]


def test_medellin_49_mayors_in_40_years_and_nearing_two_million(graph):
    mayors = "csd:stat-medellin-mayors-1948-1988"
    assert (value(graph, mayors, "cs:value"), value(graph, mayors, "cs:startYear"), value(graph, mayors, "cs:endYear")) == (49, 1948, 1988)
    assert footnotes(graph, mayors) == [84]
    population = "csd:stat-medellin-population-undated"
    assert (value(graph, population, "cs:value"), value(graph, population, "cs:valueQualifier"), value(graph, population, "cs:valueAsPrinted")) == (
        2000000, "vq:almost", "two million")
    assert value(graph, population, "cs:obsStatus") == "ost:interpreted"
    assert value(graph, "csd:decision-medellin-population-two-million", "cs:concerns") == population
