"""Reference tables shipped with the package (occupations, clusters, programmes, ...).

The tables arrive with the domain-model issue; the document register they cite is
already available as :attr:`skillchain.Policy.documents`.
"""

__all__: list[str] = []
