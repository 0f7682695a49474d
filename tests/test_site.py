"""The static evidence site (citysafe site): what its pages say, checked against the
report, and what a build does with bad input. The browser walk is in test_site_browser.py."""

from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path

import pytest

from citysafe_kg.compiled import compiled_store
from citysafe_kg.site import SiteError, build_site
from citysafe_kg.site.model import load
from citysafe_kg.source_text import fold, load_folded

QUOTE = re.compile(r"<blockquote lang=\"en\" data-quote>(.*?)</blockquote>", re.S)


def page(site, path: str) -> str:
    return (site.out / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(project):
    return load(compiled_store(project), project)


def test_every_language_has_the_same_pages(built_site) -> None:
    pages = {lang: sorted(p.relative_to(built_site.out / lang) for p in (built_site.out / lang).rglob("*.html"))
             for lang in ("en", "es", "pt")}
    assert pages["en"] == pages["es"] == pages["pt"]
    assert built_site.pages["en"] == len(pages["en"]) == built_site.pages["es"] == built_site.pages["pt"]
    for name in ("programs/fica-vivo.html", "programs/upp.html", "programs/todos-somos-juarez.html",
                 "places/ciudad-juarez.html", "places/belo-horizonte.html", "figures/figure-12.html", "methods.html"):
        assert Path(name) in pages["en"], f"{name} missing"
    assert len(list((built_site.out / "en" / "figures").glob("figure-*.html"))) == 13
    assert not built_site.errors


def test_every_quote_on_the_fica_vivo_page_is_in_the_report(built_site, project) -> None:
    text = load_folded(project.report_text)
    quotes = [fold(html.unescape(q)) for q in QUOTE.findall(page(built_site, "en/programs/fica-vivo.html"))]
    assert len(quotes) > 40
    missing = [q for q in quotes if q not in text]
    assert not missing, f"quotes not in the report: {missing[:3]}"
    # The 69% reduction of homicides in Morro das Pedras, with the report's sentence behind it.
    body = page(built_site, "en/programs/fica-vivo.html")
    assert "69%" in body and "Silveira et al (2010, 2008) reported a 69% reduction in the mean number of homicides." in body


def test_program_page_shows_rating_and_why_and_influences_both_ways(built_site) -> None:
    body = page(built_site, "en/programs/fica-vivo.html")
    assert 'class="rating r2">Promising' in body or 'class="rating r2">promising' in body.lower()
    assert "a single study, so at most promising." in body
    assert "Outputs" in body and "Conflicts and decisions" in body
    # The inspiration runs both ways: Fica Vivo names what inspired it, and that model's page names Fica Vivo.
    inspired_by = re.findall(r'href="../../en/programs/([\w-]+)\.html"', body.split("Inspired by", 1)[1].split("</ul>", 1)[0])
    assert inspired_by
    assert "programs/fica-vivo.html" in page(built_site, f"en/programs/{inspired_by[0]}.html").split("Inspired</h3>", 1)[1]


def test_spanish_and_portuguese_pages_use_the_catalogues_and_keep_quotes_in_english(built_site) -> None:
    es = page(built_site, "es/programs/fica-vivo.html")
    pt = page(built_site, "pt/programs/fica-vivo.html")
    assert '<html lang="es">' in es and "Componentes por tipo" in es and "Resultados y calificaciones" in es
    assert '<html lang="pt">' in pt and "Componentes por tipo" in pt and "Resultados e classificações" in pt
    assert '<blockquote lang="en" data-quote>Silveira et al (2010, 2008) reported a 69% reduction' in es
    assert 'href="../../en/programs/fica-vivo.html"' in es and 'href="../../pt/programs/fica-vivo.html"' in es


def test_figure_8_says_the_report_gives_no_data(built_site) -> None:
    body = page(built_site, "en/figures/figure-8.html")
    assert 'id="no-data"' in body and "The report gives no data for this figure." in body
    assert "<svg" not in body and not (built_site.out / "figures" / "figure-8.csv").exists()
    assert "El informe no da datos para esta figura." in page(built_site, "es/figures/figure-8.html")


def test_figure_12_marks_the_cells_the_text_contradicts(built_site) -> None:
    body = page(built_site, "en/figures/figure-12.html")
    marked = re.findall(r'<tr class="conflict" data-conflict id="cell-(figure-12-[\w-]+)"', body)
    assert sorted(marked) == ["figure-12-2008-homicides", "figure-12-2009-homicides", "figure-12-2010-homicides"]
    for note in ("conflict-ciudad-juarez-homicides-2008", "conflict-ciudad-juarez-homicides-2009",
                 "conflict-ciudad-juarez-homicides-2010"):
        assert f'href="#note-{note}"' in body and f'id="note-{note}"' in body
    rows = list(csv_rows(built_site.out / "figures" / "figure-12.csv"))
    assert {r["row_label"]: r["value_as_printed"] for r in rows if r["column_label"] == "Homicides"}["2008"] == "1623"
    assert sum(1 for r in rows if r["conflict"]) >= 3


def csv_rows(path: Path):
    import csv

    with open(path, encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def test_city_page_has_homicide_chart_with_program_starts_and_a_table(built_site) -> None:
    body = page(built_site, "en/places/ciudad-juarez.html")
    assert body.count("<svg") >= 1 and "Todos Somos Juárez" in body
    assert "3,766" in body and "3622" in body  # the text's and Figure 12's 2010 counts, both as printed


def test_gap_map_cells_link_to_their_findings(built_site) -> None:
    home = page(built_site, "en/index.html")
    cell = re.search(r'href="(../en/gap/hot-spot-policing--lethal-violence\.html)"', home)
    assert cell, "the hot-spot policing x lethal violence cell has no link"
    gap = page(built_site, "en/gap/hot-spot-policing--lethal-violence.html")
    assert "programs/fica-vivo.html#n-fica-vivo-outcome-mean-homicides-69pct" in gap


def test_each_page_embeds_schema_org_json_ld_and_links_its_node(built_site) -> None:
    body = page(built_site, "en/programs/fica-vivo.html")
    block = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1))
    assert block["@type"] == "Project" and block["@id"] == "https://w3id.org/citysafe/id/fica-vivo"
    assert block["name"] == "Fica Vivo (Stay Alive)"
    assert 'href="../../data/fica-vivo.ttl"' in body and 'href="../../data/fica-vivo.jsonld"' in body
    turtle = (built_site.out / "data" / "fica-vivo.ttl").read_text(encoding="utf-8")
    assert "Fica Vivo (Stay Alive)" in turtle and "cs:quote" in turtle
    assert json.loads((built_site.out / "data" / "fica-vivo.jsonld").read_text(encoding="utf-8"))


def test_the_site_loads_nothing_from_outside_its_folder(built_site) -> None:
    loads = re.compile(r'<(?:script|img|link|iframe|source)\b[^>]*?\b(?:src|href)="(https?:)?//', re.I)
    for path in built_site.out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not loads.search(text), f"{path} loads from outside"
    for path in (built_site.out / "assets").iterdir():
        assert "http" not in path.read_text(encoding="utf-8"), path
    assert (built_site.out / "pagefind" / "pagefind-ui.js").is_file()


def test_a_program_without_english_label_names_node_and_page_and_writes_nothing(tmp_path, data) -> None:
    broken = copy.deepcopy(data)
    broken.programs["csd:fica-vivo"].label = None
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.txt").write_text("earlier site")
    with pytest.raises(SiteError) as error:
        build_site(out, data=broken, search=False)
    assert "csd:fica-vivo has no English label" in error.value.message
    assert "en/programs/fica-vivo.html" in error.value.message
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left behind


def test_keep_going_writes_the_other_pages_and_lists_the_error(tmp_path, data) -> None:
    broken = copy.deepcopy(data)
    broken.programs["csd:fica-vivo"].label = None
    result = build_site(tmp_path / "site", data=broken, search=False, keep_going=True, languages=("en",))
    assert len(result.errors) == 1 and "csd:fica-vivo" in result.errors[0]
    assert not (tmp_path / "site" / "en" / "programs" / "fica-vivo.html").exists()
    assert (tmp_path / "site" / "en" / "programs" / "upp.html").is_file()


def test_a_figure_with_data_but_no_cells_names_figure_and_page(tmp_path, data) -> None:
    broken = copy.deepcopy(data)
    broken.figures["csd:figure-12"].cells = []
    with pytest.raises(SiteError) as error:
        build_site(tmp_path / "site", data=broken, search=False)
    assert "csd:figure-12" in error.value.message and "en/figures/figure-12.html" in error.value.message
    assert not (tmp_path / "site").exists()


def test_a_missing_translation_names_the_catalogue_key_and_page(tmp_path, data, monkeypatch) -> None:
    from citysafe_kg.site import build as site_build

    original = site_build.Messages.__init__

    def without_key(self, lang):
        original(self, lang)
        if lang == "pt":
            del self.strings["program.outcomes"]

    monkeypatch.setattr(site_build.Messages, "__init__", without_key)
    with pytest.raises(SiteError) as error:
        build_site(tmp_path / "site", data=data, search=False)
    assert 'Missing translation "program.outcomes"' in error.value.message
    assert "messages/pt.json" in error.value.message and "(page pt/programs/" in error.value.message


def test_catalogues_have_the_same_keys() -> None:
    folder = Path(__file__).parents[1] / "citysafe_kg" / "site" / "messages"
    keys = {lang: set(json.loads((folder / f"{lang}.json").read_text(encoding="utf-8"))) for lang in ("en", "es", "pt")}
    assert keys["en"] == keys["es"] == keys["pt"]


def test_cli_site_reports_bad_input_with_exit_1(runner, monkeypatch) -> None:
    from citysafe_kg import cli as cli_module
    from citysafe_kg.site import build as site_build

    def refuse(*args, **kwargs):
        raise SiteError("csd:x has no English label (page en/programs/x.html)")

    monkeypatch.setattr(site_build, "build_site", refuse)
    monkeypatch.setattr("citysafe_kg.site.build_site", refuse)
    result = runner.invoke(cli_module.cli, ["site", "-o", "unused"])
    assert result.exit_code == 1
    assert "Error: csd:x has no English label (page en/programs/x.html)" in result.output


def test_the_map_is_drawn_from_city_coordinates_and_left_out_without_them(tmp_path, data) -> None:
    with_points = copy.deepcopy(data)
    for place in with_points.places.values():
        place.lat = place.long = None
    with_points.places["csd:ciudad-juarez"].lat, with_points.places["csd:ciudad-juarez"].long = 31.74, -106.49
    with_points.places["csd:kingston"].lat, with_points.places["csd:kingston"].long = 17.97, -76.79
    build_site(tmp_path / "with", data=with_points, search=False, languages=("en",))
    home = (tmp_path / "with" / "en" / "index.html").read_text(encoding="utf-8")
    assert 'class="chart map"' in home and "Kingston" in home.split('class="chart map"', 1)[1].split("</figure>")[0]
    without = copy.deepcopy(with_points)
    for place in without.places.values():
        place.lat = place.long = None
    build_site(tmp_path / "without", data=without, search=False, languages=("en",))
    home = (tmp_path / "without" / "en" / "index.html").read_text(encoding="utf-8")
    assert 'id="no-map"' in home and 'class="chart map"' not in home


def test_concepts_show_in_the_readers_language_and_fall_back_to_english_saying_so(tmp_path, data) -> None:
    translated = copy.deepcopy(data)
    translated.labels["it:hot-spot-policing"] = {"en": "Hot-spot policing", "es": "Vigilancia de puntos críticos"}
    translated.labels["it:hot-spot-policing"].pop("pt", None)
    build_site(tmp_path / "site", data=translated, search=False)
    es = (tmp_path / "site" / "es" / "index.html").read_text(encoding="utf-8")
    pt = (tmp_path / "site" / "pt" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="row">Vigilancia de puntos críticos</th>' in es
    assert '<th scope="row"><span lang="en">Hot-spot policing</span></th>' in pt
    assert "aparecem em inglês" in pt  # the page says that some terms are shown in English
    english = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="row">Hot-spot policing</th>' in english and "shown in English" not in english


def test_serving_a_folder_without_a_site_is_refused(tmp_path) -> None:
    from citysafe_kg.errors import UserError
    from citysafe_kg.site import serve_site

    with pytest.raises(UserError, match="holds no site: build it first"):
        serve_site(tmp_path, 0)


def test_methods_page_publishes_the_rating_rule_and_every_conflict(built_site) -> None:
    body = page(built_site, "en/methods.html")
    assert "<h2>How citysafe-kg appraises findings and rates programs</h2>" in body
    assert body.count('class="notebox conflict"') == 14  # the 14 cs:SourceConflict of the graph
    assert "For Ciudad Juárez in 2008 the text gives 192 homicides" in body
    assert not re.search(r'href="(\.\./)*(queries|docs|data|ontology)/', body)  # no links into the repository


@pytest.mark.slow
def test_cli_names_a_program_without_english_label_in_the_graph_and_keeps_the_old_site(
        project_copy, runner, tmp_path) -> None:
    """End to end through the queries: the label removed from the Turtle, not from the records."""
    import shutil

    from citysafe_kg import cli as cli_module

    shutil.copytree(Path(__file__).parents[1] / "docs", project_copy.root / "docs")
    case = project_copy.data_dir / "cases" / "belo-horizonte.ttl"
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace('    rdfs:label "Fica Vivo (Stay Alive)"@en,\n', "    rdfs:label "), encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "marker").write_text("old")
    result = runner.invoke(cli_module.cli, ["site", "-o", str(out)])
    assert result.exit_code == 1
    assert "csd:fica-vivo has no English label" in result.output and "en/programs/fica-vivo.html" in result.output
    assert [p.name for p in out.iterdir()] == ["marker"]
    result = runner.invoke(cli_module.cli, ["site", "-o", str(out), "--keep-going"])
    assert result.exit_code == 1 and "1 problem(s); --keep-going wrote the other pages." in result.output
    assert (out / "es" / "programs" / "upp.html").is_file() and not (out / "es" / "programs" / "fica-vivo.html").exists()


def test_a_place_series_is_not_drawn_as_a_trend_across_years_the_report_does_not_give(data, monkeypatch) -> None:
    from citysafe_kg.site import charts

    drawn = []
    monkeypatch.setattr(charts, "_draw", lambda spec: drawn.append(json.loads(spec)) or "<svg></svg>")
    brazil = data.places["csd:brazil"]
    charts.place_chart(brazil, "ind:homicide", "unit:per-100k", lambda n: n, lambda n: n)
    line = drawn[0]["layer"][0]
    values = {r["year"]: r["y"] for r in line["data"]["values"]}
    assert values[1996] == 24.8 and values[2015] == 28.5  # the report's two national rates
    assert all(values[y] is None for y in range(1997, 2015))  # gaps, not interpolated
    assert line["mark"]["invalid"] == "break-paths-filter-domains"
