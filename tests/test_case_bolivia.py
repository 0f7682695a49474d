"""Bolivia, Estrategias Locales (Fundación Construir): the case's facts, asserted by value against the report.

Report lines 176-350 of data/source/making-cities-safer-2016.txt; Figure 1 (femicide and female
homicide statistics in Bolivia, 2009-2013) with its printed totals linked by cs:sumOf.
"""

from __future__ import annotations

from helpers import footnotes, observation, quotes, select, value, values_of

EL = "csd:bolivia-gbv-local-strategies"
EVAL = "csd:bolivia-gbv-local-strategies-evaluation-independent-2013"


def out(slug: str) -> str:
    return f"{EL}-output-{slug}"


def cell(graph, row: str, column: str):
    """One Figure 1 cell by printed row label ("2009" … "Total") and printed column heading."""
    return observation(graph, 1, "csd:bolivia", rowLabel=row, columnLabel=column)


# --- the program: names, years, places -------------------------------------------------------

def test_estrategias_locales_names_2010_2011_bolivia_case(graph):
    assert values_of(graph, EL, "rdfs:label") == [
        "Estrategias Locales de Prevención y Atención de la Violencia Basada en Género",
        "Local strategies to prevent and respond to gender-based violence (Bolivia)",
    ]
    assert (value(graph, EL, "cs:startYear"), value(graph, EL, "cs:endYear")) == (2010, 2011)
    assert value(graph, EL, "cs:periodNote") == "From 2010-2011"
    assert value(graph, EL, "cs:country") == "csd:bolivia"
    assert value(graph, EL, "cs:caseSection") == "csd:section-bolivia"


def test_four_rural_communities_in_la_paz_cochabamba_oruro_and_tarija(graph):
    rows = select(graph, f"SELECT ?place ?dept WHERE {{ {EL} cs:hasSite ?s . ?s cs:place ?place . ?place cs:locatedIn ?dept }}")
    assert {r["place"]: r["dept"] for r in rows} == {
        "csd:pucarani": "csd:la-paz-department",
        "csd:punata": "csd:cochabamba-department",
        "csd:challapata": "csd:oruro-department",
        "csd:uriondo": "csd:tarija-department",
    }
    assert values_of(graph, EL, "cs:servesPlace") == ["csd:challapata", "csd:pucarani", "csd:punata", "csd:uriondo"]
    four = out("four-communities")
    assert (value(graph, four, "cs:value"), value(graph, four, "cs:valueAsPrinted")) == (4, "four")
    assert (value(graph, four, "cs:startYear"), value(graph, four, "cs:endYear")) == (2010, 2011)


def test_catchment_7022_women_and_girls_and_4748_men_and_boys(graph):
    women = f"{EL}-target-women-and-girls"
    men = f"{EL}-target-men-and-boys"
    assert (value(graph, women, "cs:groupSize"), value(graph, women, "cs:sex")) == (7022, "sex:female")
    assert (value(graph, men, "cs:groupSize"), value(graph, men, "cs:sex")) == (4748, "sex:male")
    assert quotes(graph, women) == ["the catchment area included 7,022 women and girls and 4,748 men and boys."]


# --- components --------------------------------------------------------------------------------

def test_three_pillars_baseline_and_citizen_networks_are_typed(graph):
    types = {c: values_of(graph, c, "cs:componentType") for c in values_of(graph, EL, "cs:hasComponent")}
    assert types == {
        f"{EL}-component-baseline-action-plan": ["it:monitoring-evaluation"],
        f"{EL}-component-citizen-networks": ["it:awareness-campaign", "it:community-participation"],
        f"{EL}-component-education-awareness": ["it:awareness-campaign", "it:gbv-services"],
        f"{EL}-component-service-provider-capacity": ["it:gbv-services", "it:institutional-capacity"],
        f"{EL}-component-women-empowerment": ["it:gbv-services"],  # advocacy, no law adopted (review/appraisal/bolivia.md)
    }
    assert value(graph, f"{EL}-component-service-provider-capacity", "cs:ledBy") == "csd:fundacion-construir"
    assert values_of(graph, f"{EL}-component-citizen-networks", "rdfs:label") == [
        "Citizen Networks for Violence Prevention", "Redes Ciudadanas de Prevención de la Violencia"]
    assert footnotes(graph, f"{EL}-component-education-awareness") == [15, 15]


# --- actors and roles ----------------------------------------------------------------------------

def test_construir_launched_designed_coordinated_and_three_bodies_evaluated(graph):
    rows = select(graph, f"SELECT ?agent ?role WHERE {{ {EL} cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }}")
    assert {(r["agent"], r["role"]) for r in rows} == {
        ("csd:fundacion-construir", "role:commissioner"),
        ("csd:fundacion-construir", "role:coordinator"),
        ("csd:fundacion-construir", "role:designer"),
        ("csd:fundacion-construir", "role:implementer"),
        ("csd:universidad-de-chile", "role:evaluator"),
        ("csd:idb", "role:evaluator"),
        ("csd:open-society-foundation", "role:evaluator"),
        ("csd:bolivia-gbv-outside-funders", "role:funder"),
        ("csd:bolivia-gbv-local-ngos", "role:data-provider"),
        ("csd:bolivia-gbv-local-ngos", "role:implementer"),
        ("csd:bolivia-gbv-local-ngos", "role:partner"),
        ("csd:bolivia-gbv-municipal-governments", "role:partner"),
    }
    assert value(graph, "csd:fundacion-construir", "cs:actorType") == "atype:ngo"
    assert values_of(graph, "csd:decision-bolivia-local-organisations", "cs:concerns") == [
        "csd:bolivia-gbv-local-ngos", "csd:bolivia-gbv-local-strategies-role-local-ngos"]


# --- outputs ---------------------------------------------------------------------------------

def test_some_11770_people_trained_and_almost_960_leaders(graph):
    trained = out("people-trained")
    assert (value(graph, trained, "cs:value"), value(graph, trained, "cs:valueAsPrinted"),
            value(graph, trained, "cs:valueQualifier")) == (11770, "some 11,770", "vq:approximately")
    leaders = out("leaders-trained")
    assert (value(graph, leaders, "cs:value"), value(graph, leaders, "cs:valueAsPrinted"),
            value(graph, leaders, "cs:valueQualifier")) == (960, "almost 960", "vq:almost")
    assert value(graph, leaders, "cs:population") == "indigenous and local leaders"
    # 11,770 = 7,022 + 4,748: kept as printed, see the recorded decision
    assert values_of(graph, "csd:decision-bolivia-people-trained-catchment", "cs:concerns") == [
        trained, f"{EL}-target-men-and-boys", f"{EL}-target-women-and-girls"]


def test_five_campaigns_up_to_96000_listeners_two_marches_190_workshops_footnote_17(graph):
    assert (value(graph, out("awareness-campaigns"), "cs:value"), value(graph, out("awareness-campaigns"), "cs:valueAsPrinted")) == (5, "five")
    listeners = out("radio-listeners")
    assert (value(graph, listeners, "cs:value"), value(graph, listeners, "cs:valueAsPrinted"),
            value(graph, listeners, "cs:valueQualifier")) == (96000, "as many as 96,000", "vq:up-to")
    assert (value(graph, out("marches"), "cs:value"), value(graph, out("marches"), "cs:valueAsPrinted")) == (2, "two")
    workshops = out("training-workshops")
    assert (value(graph, workshops, "cs:value"), value(graph, workshops, "cs:valueQualifier")) == (190, "vq:more-than")
    for node in (out("awareness-campaigns"), listeners, out("marches"), workshops):
        assert footnotes(graph, node) == [17]
        assert value(graph, node, "cs:supportedBy") == "csd:work-estrategias-locales"


def test_two_national_dialogues_80_dialogues_and_a_training_manual(graph):
    assert (value(graph, out("national-dialogues"), "cs:value"), value(graph, out("national-dialogues"), "cs:place")) == (2, "csd:bolivia")
    assert (value(graph, out("dialogues"), "cs:value"), value(graph, out("dialogues"), "cs:valueAsPrinted")) == (80, "80")
    assert value(graph, out("training-manual"), "cs:indicator") == "ind:materials-produced"
    assert values_of(graph, out("training-manual"), "cs:value") == []
    assert quotes(graph, out("training-manual")) == ["produced a training manual for service providers."]


def test_16_municipalities_in_punata_and_pucarani_adopted_the_program(graph):
    node = out("municipalities-adopted")
    assert (value(graph, node, "cs:value"), value(graph, node, "cs:valueAsPrinted")) == (16, "16")
    assert values_of(graph, node, "cs:place") == ["csd:pucarani", "csd:punata"]
    assert value(graph, node, "cs:periodNote") == "since the beginning of the initiative"
    assert value(graph, "csd:decision-bolivia-sixteen-municipalities", "cs:concerns") == node


# --- evaluation --------------------------------------------------------------------------------

def test_2013_independent_evaluation_outputs_only_maryland_0(graph):
    assert value(graph, EVAL, "cs:year") == 2013
    assert value(graph, EVAL, "cs:evaluates") == EL
    assert values_of(graph, EVAL, "cs:evaluator") == ["csd:idb", "csd:open-society-foundation", "csd:universidad-de-chile"]
    assert value(graph, EVAL, "cs:design") == "des:outputs-monitoring"
    assert value(graph, "des:outputs-monitoring", "cs:marylandLevel") == 0
    assert value(graph, EVAL, "cs:sampleDescription") == (
        "participation lists from discrete initiatives supported by the program, reports from local implementing "
        "organisations for events such as training workshops, evaluation forms from events and small-scale surveys "
        "with service providers; no outcome data")


def test_university_of_chile_assessment_cites_four_networks_4700_women_and_a_slim_office(graph):
    assert values_of(graph, EVAL, "cs:hasFinding") == [
        f"{EL}-outcome-gender-budgets", out("citizen-networks"), out("slim-offices"), out("women-educated")]
    assert (value(graph, out("citizen-networks"), "cs:value"), value(graph, out("citizen-networks"), "cs:valueAsPrinted")) == (4, "four")
    women = out("women-educated")
    assert (value(graph, women, "cs:value"), value(graph, women, "cs:valueAsPrinted"),
            value(graph, women, "cs:valueQualifier")) == (4700, "more than 4,700", "vq:more-than")
    slim = out("slim-offices")
    assert values_of(graph, slim, "cs:place") == ["csd:challapata", "csd:pucarani"]
    assert values_of(graph, slim, "cs:value") == []  # one office or two: not said, see the decision
    assert value(graph, "csd:decision-bolivia-slim-office-count", "cs:concerns") == slim


# --- outcomes (beneficial and undetermined) and budgets ------------------------------------------

def test_marked_increase_in_gender_budgets_in_uriondo_and_punata_no_amount(graph):
    node = f"{EL}-outcome-gender-budgets"
    # program monitoring, a change concurrent with the program: not attributed to it
    assert (value(graph, node, "cs:direction"), value(graph, node, "cs:effect")) == ("dir:increase", "eff:not-attributed")
    assert (value(graph, node, "cs:instrument"), value(graph, node, "cs:attribution")) == ("ins:monitoring", "attr:concurrent")
    assert values_of(graph, node, "cs:place") == ["csd:punata", "csd:uriondo"]
    assert values_of(graph, node, "cs:value") == []
    # the report prints no budget amount for the program
    assert values_of(graph, EL, "cs:hasBudget") == []
    assert values_of(graph, "csd:decision-bolivia-gender-budgets-outcome", "cs:concerns") == [
        f"{EL}-challenge-no-outcome-data", EVAL, node]


def test_femicide_statistics_have_yet_to_decline_rise_not_attributable(graph):
    node = f"{EL}-outcome-femicide-not-declined"
    # Figure 1: 143 (2009) -> 174 (2013); "impossible to attribute statistics to project outcomes"
    assert (value(graph, node, "cs:direction"), value(graph, node, "cs:effect"), value(graph, node, "cs:valence")) == (
        "dir:increase", "eff:not-attributed", "val:undesirable")
    assert (value(graph, node, "cs:startYear"), value(graph, node, "cs:endYear")) == (2009, 2013)
    assert value(graph, node, "cs:place") == "csd:bolivia"
    assert "Without subnational level data it is impossible to attribute statistics to project outcomes, but a superficial reading suggests that they have yet to decline." in quotes(graph, node)
    assert value(graph, "csd:decision-bolivia-not-declined-direction", "cs:concerns") == node


# --- Figure 1 -----------------------------------------------------------------------------------

def test_figure_1_first_row_2009_98_45_143(graph):
    assert value(graph, cell(graph, "2009", "Femicides"), "cs:value") == 98
    assert value(graph, cell(graph, "2009", "Female Homicides (besides femicide)"), "cs:value") == 45
    total = cell(graph, "2009", "Total Female Homicides")
    assert value(graph, total, "cs:value") == 143
    assert value(graph, total, "cs:refPeriod") == 2009
    assert values_of(graph, total, "cs:sumOf") == ["csd:figure-1-2009-femicides", "csd:figure-1-2009-other-female-homicides"]


def test_figure_1_last_row_2013_110_64_174(graph):
    assert value(graph, cell(graph, "2013", "Femicides"), "cs:value") == 110
    assert value(graph, cell(graph, "2013", "Female Homicides (besides femicide)"), "cs:value") == 64
    assert value(graph, cell(graph, "2013", "Total Female Homicides"), "cs:value") == 174
    assert value(graph, cell(graph, "2013", "Femicides"), "cs:unit") == "unit:count"


def test_figure_1_printed_totals_492_274_766_sum_their_columns(graph):
    femicides = cell(graph, "Total", "Femicides")
    assert (value(graph, femicides, "cs:value"), value(graph, femicides, "cs:startYear"), value(graph, femicides, "cs:endYear")) == (492, 2009, 2013)
    assert value(graph, cell(graph, "Total", "Female Homicides (besides femicide)"), "cs:value") == 274
    assert value(graph, cell(graph, "Total", "Total Female Homicides"), "cs:value") == 766
    rows = select(graph, """SELECT ?total (SUM(?v) AS ?sum) (COUNT(?part) AS ?n) WHERE {
        ?total qb:dataSet csd:figure-1 ; cs:rowLabel "Total" ; cs:sumOf ?part . ?part cs:value ?v } GROUP BY ?total ORDER BY ?total""")
    assert [(r["total"], r["sum"], r["n"]) for r in rows] == [
        ("csd:figure-1-total-femicides", 98 + 89 + 96 + 99 + 110, 5),
        ("csd:figure-1-total-other-female-homicides", 45 + 56 + 61 + 48 + 64, 5),
        ("csd:figure-1-total-total-female-homicides", 143 + 145 + 157 + 147 + 174, 5),
    ]
    assert [r["sum"] for r in rows] == [492, 274, 766]


def test_figure_1_femicide_column_by_year_and_its_source(graph):
    rows = select(graph, """SELECT ?year ?v WHERE { ?o qb:dataSet csd:figure-1 ; cs:columnLabel "Femicides" ;
        cs:refPeriod ?year ; cs:value ?v } ORDER BY ?year""")
    assert [(r["year"], r["v"]) for r in rows] == [(2009, 98), (2010, 89), (2011, 96), (2012, 99), (2013, 110)]
    assert value(graph, "csd:figure-1", "cs:expectedObservations") == 18
    assert value(graph, "csd:figure-1", "cs:sourceAsPrinted") == (
        "Source: Observatorio “Manuela” Violencia, Feminicidio, y Mujeres en riesgo - ciDEM")
    assert value(graph, "csd:work-cidem-bastadefeminicidio14", "schema:url") == (
        "http://www.cidem.org.bo/index.php/cidem/publicaciones/383-bastadefeminicidio14.html")
    assert value(graph, "csd:decision-bolivia-figure-1-columns", "cs:concerns") == "csd:figure-1"


# --- text statistics -----------------------------------------------------------------------------

def test_1_in_3_women_sexual_violence_each_year_4_out_of_5_in_lifetime(graph):
    yearly = "csd:stat-bolivia-sexual-violence-each-year"
    assert (value(graph, yearly, "cs:value"), value(graph, yearly, "cs:denominator"), value(graph, yearly, "cs:unit")) == (1, 3, "unit:ratio")
    lifetime = "csd:stat-bolivia-violence-against-women-lifetime"
    assert (value(graph, lifetime, "cs:value"), value(graph, lifetime, "cs:denominator"), value(graph, lifetime, "cs:valueAsPrinted")) == (4, 5, "4 out of 5")
    assert footnotes(graph, lifetime) == [13]
    assert value(graph, "csd:stat-bolivia-sexual-violence-ranking", "cs:valueAsPrinted") == "second highest"
    assert value(graph, "csd:stat-bolivia-sexual-violence-ranking", "cs:comparison") == "countries of Latin America"
    share = "csd:stat-bolivia-female-population-share"
    assert (value(graph, share, "cs:valueAsPrinted"), value(graph, share, "cs:valueQualifier"), value(graph, share, "cs:derived")) == (
        "More than half", "vq:more-than", True)


def test_a_femicide_at_least_once_every_three_days_per_observatorio_manuela(graph):
    stat = "csd:stat-bolivia-femicide-frequency"
    assert (value(graph, stat, "cs:value"), value(graph, stat, "cs:unit"), value(graph, stat, "cs:valueQualifier")) == (3, "unit:days", "vq:at-least")
    assert value(graph, stat, "cs:valueAsPrinted") == "at least once every three days"
    assert value(graph, stat, "cs:indicator") == "ind:femicide"
    assert footnotes(graph, stat) == [14]
    assert value(graph, "csd:decision-bolivia-femicide-frequency", "cs:concerns") == stat


# --- conflicts, ambiguity, citations, challenges ---------------------------------------------------

def test_no_source_conflict_only_ambiguity_decisions_for_the_tensions(graph):
    rows = select(graph, """SELECT ?c ?s WHERE { ?c a cs:SourceConflict ; cs:conflictingStatement ?s .
        FILTER(STRSTARTS(STR(?s), STR(csd:bolivia)) || STRSTARTS(STR(?s), STR(csd:stat-bolivia)) || STRSTARTS(STR(?s), STR(csd:figure-1-))) }""")
    assert rows == []
    assert values_of(graph, "csd:decision-bolivia-femicide-frequency-figure-1", "cs:concerns") == [
        "csd:figure-1-2009-femicides", "csd:figure-1-2010-femicides", "csd:figure-1-2011-femicides",
        "csd:figure-1-2012-femicides", "csd:figure-1-2013-femicides", "csd:stat-bolivia-femicide-frequency"]
    assert values_of(graph, "csd:decision-bolivia-emerging-evidence", "cs:concerns") == [
        f"{EL}-claim-emerging-evidence", f"{EL}-claim-safety-question-open", f"{EL}-outcome-femicide-not-declined"]


def test_ibid_footnotes_14_and_17_read_as_estrategias_locales(graph):
    work = "csd:work-estrategias-locales"
    assert value(graph, work, "cs:citationLabel") == "“Estrategias Locales…”"
    assert values_of(graph, work, "cs:citedInFootnote") == [13, 14, 17]
    assert value(graph, "csd:decision-bolivia-ibid-footnotes", "cs:concerns") == work
    assert value(graph, "csd:work-cidem-bastadefeminicidio14", "cs:citedInFootnote") == 18


def test_challenges_infrastructure_cultural_norms_and_data(graph):
    rows = select(graph, f"SELECT ?c ?theme WHERE {{ ?c a cs:Challenge ; cs:about {EL} ; cs:theme ?theme }}")
    assert {(r["c"].rsplit("-challenge-", 1)[1], r["theme"]) for r in rows} == {
        ("infrastructure", "theme:implementation-capacity"),
        ("cultural-norms", "theme:cultural-norms"),
        ("underreporting", "theme:data-monitoring"),
        ("no-subnational-data", "theme:data-monitoring"),
        ("no-subnational-data", "theme:evaluation-gap"),
        ("no-outcome-data", "theme:data-monitoring"),
        ("no-outcome-data", "theme:evaluation-gap"),
    }
    assert footnotes(graph, f"{EL}-challenge-infrastructure") == [16]
