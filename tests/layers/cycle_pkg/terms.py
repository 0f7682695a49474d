def curie(iri: str) -> str:
    from cycle_pkg.graph import curie as again  # an absolute import counts too

    return again(iri)
