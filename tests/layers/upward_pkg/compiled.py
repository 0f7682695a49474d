from .store import open_store


def compiled_store(kind: object) -> object:
    return kind, open_store
