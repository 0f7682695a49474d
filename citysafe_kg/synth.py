"""Synthetic evidence graphs for benchmarks: conform to the shapes, shaped like the seed.

A program gets a city in one of 20 countries, 3-5 components typed like the
seed's component mix, 2-4 participations of actors drawn from a shared pool
(a few actors recur in many programs, as the IDB does), a target group, one
output, 2-3 outcomes, one evaluation with a seed-like design, and sometimes a
budget line and an influence from an earlier program. Each city has a
ten-year homicide series. Every statement carries a locator into a synthetic
report. Lines are written as N-Triples (valid Turtle), streamed, so the
generator's memory does not grow with the size asked for.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .prefixes import PREFIXES

CS = PREFIXES["cs"]
CSD = PREFIXES["csd"]
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = PREFIXES["xsd"]
QB = PREFIXES["qb"]
DCTERMS = PREFIXES["dcterms"]

# Weights from the seed graph (component types, designs, actor types, outcome indicators).
COMPONENT_TYPES = {
    "monitoring-evaluation": 9, "community-participation": 9, "crime-data-system": 8, "coordination-body": 7,
    "community-policing": 7, "police-reform-training": 6, "culture-sport": 5, "vocational-training": 5,
    "schooling-support": 5, "hot-spot-policing": 4, "youth-development": 4, "economic-support": 4,
    "awareness-campaign": 4, "legal-policy-reform": 3, "gbv-services": 3, "health-services": 3,
    "institutional-capacity": 2, "urban-upgrading": 2, "conflict-mediation": 2, "psychosocial-therapy": 2,
    "substance-abuse-treatment": 2, "territorial-control": 2, "lighting": 1, "military-deployment": 1,
    "public-space": 1,
}
DESIGNS = {"process-assessment": 6, "cross-sectional": 3, "quasi-experiment": 3, "randomised-experiment": 1,
           "natural-experiment": 1, "outputs-monitoring": 1, "before-after": 1}
ACTOR_TYPES = {"police-force": 19, "municipal-government": 11, "university-research": 10, "national-government": 8,
               "state-government": 5, "ngo": 4, "foundation": 4, "international-organisation": 3,
               "justice-institution": 3, "multilateral-funder": 3, "community-body": 1, "private-sector": 1}
INDICATORS = {"homicide": 16, "crime-general": 6, "police-community-relations": 5, "perceived-security": 4,
              "school-dropout": 3, "violent-victimisation": 3, "gang-behaviour": 2, "employment": 2}
ROLES = ["implementer", "designer", "funder", "evaluator", "coordinator", "partner"]
EFFECTS = {"decrease": "beneficial", "increase": "adverse", "no-change": "null"}  # directions, by how often
ESTIMATING_DESIGNS = {"quasi-experiment", "randomised-experiment", "natural-experiment", "before-after"}

TRIPLES_PER_PROGRAM = 118  # measured on the generator's output (see bench/RESULTS.md)
BYTES_PER_TRIPLE_ON_DISK = 150
PEAK_BYTES_PER_TRIPLE = 450  # the fast build (Oxigraph + shacl) at 100,000 programs, measured


@dataclass(frozen=True)
class Plan:
    programs: int
    triples: int
    file_bytes: int
    peak_bytes: int


def plan(programs: int) -> Plan:
    triples = programs * TRIPLES_PER_PROGRAM + 2000
    return Plan(programs, triples, triples * BYTES_PER_TRIPLE_ON_DISK, triples * PEAK_BYTES_PER_TRIPLE)


def check_fits(programs: int, target: Path) -> Plan:
    """Refuse, before writing anything, a size whose build would not fit in memory or on disk."""
    if programs < 1:
        raise UserError("--programs must be at least 1.")
    sizes = plan(programs)
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    if sizes.peak_bytes > 0.8 * memory:
        largest = int(0.8 * memory / PEAK_BYTES_PER_TRIPLE / TRIPLES_PER_PROGRAM)
        raise UserError(
            f"{programs:,} programs (~{sizes.triples / 1e6:.1f}M triples) would need ~{sizes.peak_bytes / 2**30:.1f} GiB "
            f"to build, more than 80% of this machine's {memory / 2**30:.1f} GiB; at most ~{largest:,} programs fit. Nothing was written."
        )
    free = shutil.disk_usage(target.parent if target.parent.exists() else Path.cwd()).free
    if sizes.file_bytes > 0.9 * free:
        raise UserError(
            f"{programs:,} programs need ~{sizes.file_bytes / 2**30:.1f} GiB on disk; only {free / 2**30:.1f} GiB is free. Nothing was written."
        )
    return sizes


def _lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def _int(value: int) -> str:
    return f'"{value}"^^<{XSD}integer>'


def _dec(value: float) -> str:
    return f'"{value}"^^<{XSD}decimal>'


def _iri(local: str, namespace: str = CSD) -> str:
    return f"<{namespace}{local}>"


def _cs(name: str) -> str:
    return f"<{CS}{name}>"


def _concept(scheme_prefix: str, local: str) -> str:
    return f"<{PREFIXES[scheme_prefix]}{local}>"


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.blank = 0

    def locator(self, subject: str, section: str, quote: str) -> Iterator[str]:
        self.blank += 1
        node = f"_:l{self.blank}"
        yield f"{subject} {_cs('locator')} {node} ."
        yield f"{node} {_cs('section')} {section} ."
        yield f"{node} {_cs('quote')} {_lit(quote)} ."


def _quantity(node: str, value: str, printed: str, unit: str) -> Iterator[str]:
    """The value, printed form and unit of a result, budget line or observation."""
    yield f"{node} {_cs('value')} {value} ."
    yield f"{node} {_cs('valueAsPrinted')} {_lit(printed)} ."
    yield f"{node} {_cs('unit')} {_concept('unit', unit)} ."


def _weighted(rng: random.Random, weights: dict[str, int], k: int = 1) -> list[str]:
    return rng.choices(list(weights), weights=list(weights.values()), k=k)


def generate(programs: int, seed: int = 1) -> Iterator[str]:
    """N-Triples lines of a synthetic graph of ``programs`` programs."""
    rng = random.Random(seed)
    w = _Writer(rng)
    report = _iri("synth-report")
    yield f"{report} {RDF_TYPE} {_cs('Report')} ."
    yield f"{report} {RDFS_LABEL} {_lit('Synthetic evidence report', 'en')} ."
    yield f"{report} <{DCTERMS}title> {_lit('Synthetic evidence report', 'en')} ."
    yield f"{report} <{DCTERMS}issued> \"2016-06\"^^<{XSD}gYearMonth> ."
    sections = []
    for k in range(1, 11):
        section = _iri(f"synth-section-{k}")
        sections.append(section)
        yield f"{section} {RDF_TYPE} {_cs('ReportSection')} ."
        yield f"{section} {RDFS_LABEL} {_lit(f'Synthetic section {k}', 'en')} ."
        yield f"{section} {_cs('inReport')} {report} ."
        yield f"{section} {_cs('sectionOrder')} {_int(k)} ."
        yield f"{section} {_cs('headingAsPrinted')} {_lit(f'section {k}')} ."
    dataset = _iri("synth-statistics")
    yield f"{dataset} {RDF_TYPE} <{QB}DataSet> ."
    yield f"{dataset} {RDFS_LABEL} {_lit('Synthetic statistics', 'en')} ."

    countries = []
    for k in range(1, 21):
        country = _iri(f"synth-country-{k}")
        countries.append(country)
        yield f"{country} {RDF_TYPE} {_cs('Country')} ."
        yield f"{country} {RDFS_LABEL} {_lit(f'Country {k}', 'en')} ."
    cities = []
    for k in range(1, max(10, programs // 50) + 1):
        city = _iri(f"synth-city-{k}")
        cities.append(city)
        yield f"{city} {RDF_TYPE} {_cs('City')} ."
        yield f"{city} {RDFS_LABEL} {_lit(f'City {k}', 'en')} ."
        yield f"{city} {_cs('locatedIn')} {countries[k % len(countries)]} ."
        rate = rng.uniform(5, 120)
        for year in range(2005, 2015):
            rate = max(0.5, rate * rng.uniform(0.8, 1.2))
            obs = _iri(f"synth-stat-{k}-{year}")
            printed = f"{rate:.1f}"
            yield f"{obs} {RDF_TYPE} <{QB}Observation> ."
            yield f"{obs} <{QB}dataSet> {dataset} ."
            yield f"{obs} {_cs('refArea')} {city} ."
            yield f"{obs} {_cs('refPeriod')} {_int(year)} ."
            yield f"{obs} {_cs('indicator')} {_concept('ind', 'homicide')} ."
            yield from _quantity(obs, _dec(float(printed)), printed, "per-100k")
            yield from w.locator(obs, sections[k % 10], f"city {k} {year} {printed}")
    actors = []
    for k in range(1, max(20, programs // 5) + 1):
        actor = _iri(f"synth-actor-{k}")
        actors.append(actor)
        yield f"{actor} {RDF_TYPE} {_cs('Organisation')} ."
        yield f"{actor} {RDFS_LABEL} {_lit(f'Organisation {k}', 'en')} ."
        yield f"{actor} {_cs('actorType')} {_concept('atype', _weighted(rng, ACTOR_TYPES)[0])} ."
    # A few actors recur in many programs: Zipf-like weights over the pool.
    actor_weights = [1.0 / rank for rank in range(1, len(actors) + 1)]

    for i in range(1, programs + 1):
        p = _iri(f"synth-p{i}")
        section = sections[i % 10]
        city = rng.choice(cities)
        country = countries[(cities.index(city) + 1) % len(countries)]
        start = rng.randint(1995, 2014)
        yield f"{p} {RDF_TYPE} {_cs('Program')} ."
        yield f"{p} {RDFS_LABEL} {_lit(f'Program {i}', 'en')} ."
        yield f"{p} <{DCTERMS}description> {_lit(f'Synthetic program {i}.', 'en')} ."
        yield f"{p} {_cs('caseSection')} {section} ."
        yield f"{p} {_cs('country')} {country} ."
        yield f"{p} {_cs('servesPlace')} {city} ."
        yield f"{p} {_cs('startYear')} {_int(start)} ."
        yield f"{p} {_cs('endYear')} {_int(min(2016, start + rng.randint(1, 8)))} ."
        yield from w.locator(p, section, f"program {i} was launched in {start}")
        for j, kind in enumerate(_weighted(rng, COMPONENT_TYPES, k=rng.randint(3, 5)), 1):
            c = _iri(f"synth-p{i}-component-{j}")
            yield f"{p} {_cs('hasComponent')} {c} ."
            yield f"{c} {RDF_TYPE} {_cs('Component')} ."
            yield f"{c} {RDFS_LABEL} {_lit(f'Component {j} of program {i}', 'en')} ."
            yield f"{c} {_cs('componentType')} {_concept('it', kind)} ."
            yield from w.locator(c, section, f"program {i} component {j}")
        chosen = rng.choices(actors, weights=actor_weights, k=rng.randint(2, 4))
        for j, actor in enumerate(dict.fromkeys(chosen), 1):
            r = _iri(f"synth-p{i}-role-{j}")
            yield f"{p} {_cs('qualifiedParticipation')} {r} ."
            yield f"{r} {RDF_TYPE} {_cs('Participation')} ."
            yield f"{r} {_cs('agent')} {actor} ."
            yield f"{r} {_cs('role')} {_concept('role', rng.choice(ROLES))} ."
            yield from w.locator(r, section, f"program {i} actor {j}")
        g = _iri(f"synth-p{i}-target")
        low = rng.randint(10, 18)
        yield f"{p} {_cs('targetGroup')} {g} ."
        yield f"{g} {RDF_TYPE} {_cs('TargetGroup')} ."
        yield f"{g} {_cs('minAge')} {_int(low)} ."
        yield f"{g} {_cs('maxAge')} {_int(low + rng.randint(4, 12))} ."
        yield from w.locator(g, section, f"program {i} targets young people")
        o = _iri(f"synth-p{i}-output")
        served = rng.randint(50, 20000)
        yield f"{o} {RDF_TYPE} {_cs('Output')} ."
        yield f"{o} {_cs('ofProgram')} {p} ."
        yield f"{o} {_cs('indicator')} {_concept('ind', 'people-served')} ."
        yield from _quantity(o, _int(served), f"{served:,}", "count")
        yield from w.locator(o, section, f"program {i} served {served:,} people")
        outcomes = []
        design = _weighted(rng, DESIGNS)[0]
        estimated = design in ESTIMATING_DESIGNS
        for j in range(1, rng.randint(2, 3) + 1):
            oc = _iri(f"synth-p{i}-outcome-{j}")
            outcomes.append(oc)
            direction = rng.choices(list(EFFECTS), weights=[6, 1, 2])[0]
            change = rng.randint(1, 80)
            yield f"{oc} {RDF_TYPE} {_cs('Outcome')} ."
            yield f"{oc} {RDFS_LABEL} {_lit(f'Outcome {j} of program {i}', 'en')} ."  # as every case's finding has
            yield f"{oc} {_cs('ofProgram')} {p} ."
            yield f"{oc} {_cs('indicator')} {_concept('ind', _weighted(rng, INDICATORS)[0])} ."
            yield f"{oc} {_cs('direction')} {_concept('dir', direction)} ."
            # The appraisal a curator records (docs/RATING.md); the effect is derived by the build.
            yield f"{oc} {_cs('instrument')} {_concept('ins', 'impact-evaluation' if estimated else 'monitoring')} ."
            yield f"{oc} {_cs('scope')} {_concept('scp', 'program-sites')} ."
            yield f"{oc} {_cs('attribution')} {_concept('attr', 'estimated' if estimated else 'concurrent')} ."
            yield from _quantity(oc, _int(change), f"{change}%", "percent")
            yield from w.locator(oc, section, f"program {i} outcome {j}: {change}%")
        e = _iri(f"synth-p{i}-evaluation")
        yield f"{e} {RDF_TYPE} {_cs('Evaluation')} ."
        yield f"{e} {RDFS_LABEL} {_lit(f'Evaluation of program {i}', 'en')} ."
        yield f"{e} {_cs('evaluates')} {p} ."
        yield f"{e} {_cs('design')} {_concept('des', design)} ."
        yield f"{e} {_cs('year')} {_int(start + rng.randint(1, 4))} ."
        yield f"{e} {_cs('evaluator')} {rng.choices(actors, weights=actor_weights)[0]} ."
        for oc in outcomes:
            yield f"{e} {_cs('hasFinding')} {oc} ."
        yield from w.locator(e, section, f"program {i} was evaluated")
        if rng.random() < 0.3:
            b = _iri(f"synth-p{i}-budget")
            amount = rng.randint(1, 400)
            yield f"{p} {_cs('hasBudget')} {b} ."
            yield f"{b} {RDF_TYPE} {_cs('BudgetLine')} ."
            yield f"{b} {_cs('budgetKind')} {_concept('bk', 'total-budget')} ."
            yield from _quantity(b, _int(amount * 1_000_000), f"${amount} million", "usd")
            yield f"{b} {_cs('funder')} {chosen[0]} ."
            yield from w.locator(b, section, f"program {i} cost ${amount} million")
        if i > 10 and rng.random() < 0.1:
            inf = _iri(f"synth-p{i}-influence")
            yield f"{p} {_cs('qualifiedInfluence')} {inf} ."
            yield f"{inf} {RDF_TYPE} {_cs('Influence')} ."
            yield f"{inf} {_cs('influencer')} {_iri(f'synth-p{rng.randint(1, i - 1)}')} ."
            yield from w.locator(inf, section, f"program {i} was inspired by an earlier one")


def write(programs: int, seed: int, target: Path) -> Plan:
    """Write a synthetic graph: a .nt/.ttl file, or a project folder (ontology/, data/, queries/)."""
    from .resources import default_project

    from .io import check_output, claim_folder

    project = default_project()
    if target.suffix in (".nt", ".ttl"):
        check_output(target, project.source_dirs)  # never a file of the evidence base itself
    else:  # a folder synth made before (it holds data/synthetic.ttl), or a new or empty one
        def written(folder: Path) -> set[str] | None:
            return {entry.name for entry in os.scandir(folder)} if (folder / "data" / "synthetic.ttl").is_file() else None

        target = claim_folder(target, "-o", (project.root, *project.source_dirs), written, "synth")
    sizes = check_fits(programs, target)
    if target.suffix in (".nt", ".ttl"):
        graph_file = target
    else:
        for folder in ("ontology", "queries"):
            shutil.copytree(project.root / folder, target / folder, dirs_exist_ok=True)
        (target / "data").mkdir(parents=True, exist_ok=True)
        graph_file = target / "data" / "synthetic.ttl"
    graph_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = graph_file.with_name(f".{graph_file.name}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", buffering=1 << 20) as out:
            for line in generate(programs, seed):
                out.write(line)
                out.write("\n")
        os.replace(tmp, graph_file)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return sizes
