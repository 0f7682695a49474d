from .terms import curie
