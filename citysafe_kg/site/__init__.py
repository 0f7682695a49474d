"""The static evidence site (`citysafe site`): every program, rating, figure and quote,
in English, Spanish and Portuguese, built from the compiled graph."""

from .build import SiteError, SiteResult, build_site, serve_site

__all__ = ["SiteError", "SiteResult", "build_site", "serve_site"]
