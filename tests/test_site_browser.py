"""The evidence site in a real browser: Debian's Chromium driven by Playwright, as a reader
would use it, with an accessibility scan (axe-core). Run with:
    .venv/bin/python -m pytest -m browser tests/test_site_browser.py
Needs /usr/bin/chromium (.ci/setup.d/20-chromium.sh installs it). Screenshots of the home
page and the Fica Vivo page in each language go to tests/artifacts/ (not committed)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from citysafe_kg.site import serve_site
from citysafe_kg.source_text import fold, load_folded

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parent / "artifacts"

if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (.ci/setup.d/20-chromium.sh)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def base_url(built_site):
    server = serve_site(built_site.out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Reader:
    """A page that records every request it makes and every console error."""

    def __init__(self, browser, base_url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 1000})
        self.page = self.context.new_page()
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: str) -> None:
        self.page.goto(f"{self.base_url}/{path}")

    def outside(self) -> list[str]:
        return [url for url in self.requests if not (url.startswith(self.base_url + "/") or url.startswith("data:"))]

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def reader(browser, base_url):
    reader = Reader(browser, base_url)
    yield reader
    assert not reader.outside(), f"requests left the local server: {reader.outside()}"
    assert not reader.errors, f"console errors: {reader.errors}"
    reader.close()


def test_reader_goes_from_the_gap_map_to_a_quote_of_the_report(reader, project) -> None:
    page = reader.page
    reader.open("en/index.html")
    assert page.locator("h1").inner_text() == "What works for safer cities: the evidence"
    page.locator('table.gap a[href$="gap/hot-spot-policing--lethal-violence.html"]').click()
    assert page.locator("h1").inner_text() == "Hot-spot policing × Lethal violence"
    page.locator('main h2 a[href$="programs/fica-vivo.html"]').click()
    assert page.locator("h1").inner_text() == "Fica Vivo (Stay Alive)"
    finding = page.locator("#n-fica-vivo-outcome-mean-homicides-69pct")
    assert "69%" in finding.locator(".num").inner_text()
    quote = finding.locator("details.src blockquote")
    assert not quote.is_visible()
    finding.locator("details.src summary").click()
    assert quote.is_visible()
    text = quote.inner_text()
    assert "69% reduction" in text and fold(text) in load_folded(project.report_text)
    assert "Section" in finding.locator("details.src .where").inner_text()


def test_language_switch_to_spanish_and_back(reader) -> None:
    page = reader.page
    reader.open("en/programs/fica-vivo.html")
    page.locator('nav.langs a[data-lang="es"]').click()
    assert page.url.endswith("/es/programs/fica-vivo.html")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h2", has_text="Componentes por tipo").count() == 1
    assert page.locator('nav a', has_text="Inicio").count() == 1
    page.locator('nav.langs a[data-lang="en"]').click()
    assert page.url.endswith("/en/programs/fica-vivo.html")
    assert page.locator("h2", has_text="Components by type").count() == 1


def test_search_finds_fica_vivo(reader) -> None:
    page = reader.page
    reader.open("en/search.html")
    page.locator(".pagefind-ui__search-input").fill("Fica Vivo")
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=10_000)
    links = page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(a => a.href)")
    assert any(link.endswith("/en/programs/fica-vivo.html") for link in links), links
    serious_violations(page, "en/search.html with results")


def serious_violations(page, where: str) -> None:
    """Run axe-core on the page as it is; fail on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    assert len(response["passes"]) > 10  # axe ran its rules on the page
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{where}: {bad}"


def test_figure_12_marks_its_conflicting_cells(reader) -> None:
    page = reader.page
    reader.open("en/figures/figure-12.html")
    marked = page.locator("tr[data-conflict]")
    assert marked.count() == 3
    assert sorted(marked.locator("td:nth-child(2)").all_inner_texts()) == ["2008", "2009", "2010"]
    background = marked.first.locator("td").first.evaluate("td => getComputedStyle(td).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)"  # marked for the eye, not only in the markup
    marked.first.locator("a.conflict-mark").first.click()
    assert page.url.endswith("#note-conflict-ciudad-juarez-homicide-jump-2008-2009") or "#note-conflict-" in page.url
    assert page.locator("section#notes").inner_text().count("Figure 12") >= 1


def test_home_filters_narrow_the_program_list(reader) -> None:
    page = reader.page
    reader.open("en/index.html")
    rows = page.locator("#program-list tbody tr")
    total = rows.count()
    page.locator('select[name="country"]').select_option(label="Brazil")
    visible = page.locator("#program-list tbody tr:not([hidden])")
    names = visible.locator("td:first-child a").all_inner_texts()
    assert "Fica Vivo (Stay Alive)" in names and "Plan Cuadrantes" not in " ".join(names)
    assert 0 < visible.count() < total
    assert page.locator("#shown").inner_text() == str(visible.count())


@pytest.mark.parametrize("path", ["en/index.html", "en/programs/fica-vivo.html", "en/figures/figure-12.html",
                                  "es/places/ciudad-juarez.html", "pt/methods.html"])
def test_no_serious_or_critical_accessibility_violations(reader, path) -> None:
    reader.open(path)
    serious_violations(reader.page, path)


def test_screenshots_of_home_and_a_program_in_each_language(reader) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for lang in ("en", "es", "pt"):
        for name, path in (("home", f"{lang}/index.html"), ("program", f"{lang}/programs/fica-vivo.html")):
            reader.open(path)
            if name == "program":  # one source revealed, as a reader would see it
                reader.page.locator("ol.facts details.src summary").first.click()
            target = ARTIFACTS / f"site-{name}-{lang}.png"
            reader.page.screenshot(path=str(target))
            assert target.stat().st_size > 20_000
    assert reader.page.locator("html").get_attribute("lang") == "pt"
