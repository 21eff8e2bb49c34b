"""Errors raised by the catalogs (defined in :mod:`skillchain.errors`)."""

from skillchain.errors import CatalogFileError, CatalogKeyError


__all__ = ["CatalogFileError", "CatalogKeyError"]
