"""Charts of the evidence site: Vega-Lite specifications drawn to SVG at build time by
vl-convert (its own Vega engine, no browser and no network). The text inside a chart is
the report's (row and column labels as printed) or numbers; the page around it carries
the reader's language, and a table beside every chart gives the same values."""

from __future__ import annotations

import functools
import json
import math
from typing import Any

from .model import Figure, Observation, Place, Program

WIDTH = 560
FONT = "sans-serif"  # one generic family: each named fallback costs vl-convert a font lookup per text
CONFIG = {"font": FONT, "background": "white", "view": {"stroke": None},
          "axis": {"labelFontSize": 11, "titleFontSize": 11}, "legend": {"labelLimit": 320, "orient": "bottom",
                                                                              "columns": 1}}


def to_svg(spec: dict[str, Any]) -> str:
    return _draw(json.dumps(spec, sort_keys=True, default=str))


@functools.lru_cache(maxsize=4096)
def _draw(spec: str) -> str:
    """The SVG of a specification, kept in memory and on disk beside the compiled builds
    (keyed by the specification and the engine's version), so a rebuild draws only what changed."""
    import hashlib

    from ..compiled import cache_root

    try:
        from importlib.metadata import version

        engine = version("vl-convert-python")
    except Exception:  # noqa: BLE001 - an unknown version only means no disk cache
        engine = ""
    kept = cache_root() / "charts" / f"{hashlib.sha256((engine + spec).encode()).hexdigest()[:40]}.svg"
    if engine and kept.is_file():
        return kept.read_text(encoding="utf-8")
    svg = _render(spec)
    if engine:
        try:
            from ..io import atomic_write_text

            atomic_write_text(kept, svg)
        except OSError:
            pass  # a read-only cache only costs speed
    return svg


def _render(spec: str) -> str:
    from ..errors import RuntimeFailure

    try:
        import vl_convert as vlc
    except ImportError:
        raise RuntimeFailure("vl-convert-python is not installed; the site's charts need it: "
                             "pip install vl-convert-python.") from None
    try:
        svg = vlc.vegalite_to_svg(vl_spec={"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
                                           **json.loads(spec), "config": CONFIG})
    except Exception as exc:  # noqa: BLE001 - the engine raises plain exceptions; none may reach a user raw
        raise RuntimeFailure(f"vl-convert could not draw a chart: {exc}") from None
    # Decorative for screen readers: every chart has a table with the same values beside it.
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def _series(obs: Observation, area_label: str) -> str:
    parts = [area_label] if area_label else []
    parts += [x for x in (obs.column_label, obs.subgroup) if x]
    return " · ".join(parts) or "value"


def figure_chart(figure: Figure, area_label: Any) -> str | None:
    """The figure's numeric cells as lines over their row labels (or bars when a row is not a year),
    one panel per unit. None when no cell has a number."""
    rows = []
    for cell in figure.cells:
        if not isinstance(cell.value, (int, float)):
            continue
        rows.append({"x": cell.row_label or (str(cell.year) if cell.year is not None else cell.period_label or ""),
                     "y": cell.value, "series": _series(cell, area_label(cell.area)),
                     "unit": cell.unit.partition(":")[2] if cell.unit else "", "conflict": bool(cell.conflicts)})
    if not rows:
        return None
    xs = list(dict.fromkeys(r["x"] for r in rows))
    yearly = all(x.isdigit() for x in xs)
    mark = {"type": "line", "point": True} if yearly and len(xs) > 2 else {"type": "bar"}
    encoding: dict[str, Any] = {
        "x": {"field": "x", "type": "ordinal", "sort": sorted(xs) if yearly else xs, "title": None},
        "y": {"field": "y", "type": "quantitative", "title": None},
        "color": {"field": "series", "type": "nominal", "title": None},
    }
    if mark["type"] == "bar":
        encoding["xOffset"] = {"field": "series"}
    layer = [{"mark": mark, "encoding": encoding}]
    if any(r["conflict"] for r in rows):  # a ring round each cell the report contradicts elsewhere
        layer.append({"transform": [{"filter": "datum.conflict"}],
                      "mark": {"type": "point", "shape": "circle", "size": 260, "strokeWidth": 2, "color": "#b00020"},
                      "encoding": {"x": encoding["x"], "y": encoding["y"]}})
    units = sorted({r["unit"] for r in rows})
    spec: dict[str, Any] = {"data": {"values": rows}}
    if len(units) > 1:
        spec.update({"facet": {"row": {"field": "unit", "type": "nominal", "title": None}},
                     "spec": {"width": WIDTH, "height": 160, "layer": layer},
                     "resolve": {"scale": {"y": "independent"}}})
    else:
        spec.update({"width": WIDTH, "height": 240, "layer": layer})
    return to_svg(spec)


def place_chart(place: Place, indicator: str, unit: str, program_label: Any, area_label: Any) -> str | None:
    """One indicator's yearly series for a place in one unit, every dataset a line,
    with the start year of each program serving the place marked."""
    rows = [{"year": int(o.year), "y": o.value, "series": o.column_label or area_label(o.dataset)}
            for o in place.observations
            if o.indicator == indicator and o.unit == unit and isinstance(o.value, (int, float))
            and isinstance(o.year, int) and not o.subgroup]
    if len({r["year"] for r in rows}) < 2:
        return None
    # A year the report gives no value for breaks the line: two points years apart are not a trend.
    for series in {r["series"] for r in rows}:
        years = {r["year"] for r in rows if r["series"] == series}
        rows += [{"year": y, "y": None, "series": series} for y in range(min(years), max(years)) if y not in years]
    starts = [{"year": int(y), "program": program_label(p)} for p, y in sorted(place.programs.items(), key=lambda kv: str(kv[1]))
              if isinstance(y, int)]
    years = [r["year"] for r in rows] + [s["year"] for s in starts]
    x = {"field": "year", "type": "quantitative", "title": None, "axis": {"format": "d"},
         "scale": {"domain": [min(years) - 1, max(years) + 1]}}
    layer: list[dict[str, Any]] = [{"data": {"values": rows}, "mark": {"type": "line", "point": {"size": 45, "filled": True}, "invalid": "break-paths-filter-domains"},
                                    "encoding": {"x": x, "y": {"field": "y", "type": "quantitative", "title": None},
                                                 "color": {"field": "series", "type": "nominal", "title": None}}}]
    if starts:
        layer.append({"data": {"values": starts}, "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#555"},
                      "encoding": {"x": x}})
        layer.append({"data": {"values": starts}, "mark": {"type": "text", "angle": 270, "align": "right", "baseline": "bottom",
                                                             "dx": -4, "dy": -3, "fontSize": 10, "color": "#333"},
                      "encoding": {"x": x, "y": {"value": 0}, "text": {"field": "program"}}})
    return to_svg({"width": WIDTH, "height": 260, "layer": layer})


def timeline_chart(program: Program, place_label: Any) -> str | None:
    """Phases and sites on a timeline: a bar from start to end year (a point when open or one year)."""
    rows = []
    for fact in program.facts:
        if fact.aspect not in ("phase", "site") or not isinstance(fact.start, int):
            continue
        name = fact.label if fact.aspect == "phase" else place_label(fact.other or fact.node)
        end = fact.end if isinstance(fact.end, int) else fact.start
        rows.append({"name": f"{fact.level}. {name}" if fact.aspect == "phase" else str(name),
                     "start": fact.start, "end": end + 1, "kind": fact.aspect})
    if not rows:
        return None
    return to_svg({"width": WIDTH, "height": {"step": 18}, "data": {"values": rows},
                   "mark": {"type": "bar", "cornerRadius": 2},
                   "encoding": {"y": {"field": "name", "type": "nominal", "title": None, "sort": None,
                                      "axis": {"labelLimit": 260}},
                                "x": {"field": "start", "type": "quantitative", "title": None,
                                      "axis": {"format": "d", "tickMinStep": 1}, "scale": {"zero": False}},
                                "x2": {"field": "end"},
                                "color": {"field": "kind", "type": "nominal", "legend": None,
                                          "scale": {"domain": ["phase", "site"], "range": ["#1f5f8b", "#7fa9c9"]}}}})


def map_chart(points: list[dict[str, Any]]) -> str | None:
    """The case cities as points on a 10-degree latitude/longitude grid (no tiles, no coastline:
    nothing is drawn that the graph does not hold)."""
    if not points:
        return None
    west = math.floor((min(p["long"] for p in points) - 8) / 10) * 10
    east = math.ceil((max(p["long"] for p in points) + 8) / 10) * 10
    south = math.floor((min(p["lat"] for p in points) - 5) / 10) * 10
    north = math.ceil((max(p["lat"] for p in points) + 5) / 10) * 10
    position = {"longitude": {"field": "long", "type": "quantitative"},
                "latitude": {"field": "lat", "type": "quantitative"}}
    return to_svg({"width": WIDTH, "height": 480, "projection": {"type": "equirectangular"},
                   "layer": [{"data": {"graticule": {"extent": [[west, south], [east, north]], "step": [10, 10]}},
                              "mark": {"type": "geoshape", "stroke": "#c9d1d9", "strokeWidth": 0.7, "filled": False}},
                             {"data": {"values": points}, "mark": {"type": "circle", "size": 70, "color": "#b00020",
                                                                    "opacity": 1}, "encoding": position},
                             {"data": {"values": points}, "mark": {"type": "text", "align": "left", "dx": 7,
                                                                    "fontSize": 11},
                              "encoding": {**position, "text": {"field": "name"}}}]})
