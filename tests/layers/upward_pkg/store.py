from .table import Table


def open_store() -> object:
    from .compiled import compiled_store  # one layer up: the checker must reject it

    return compiled_store(Table)
