"""Errors raised by the catalogs: a malformed catalog file, an unknown key."""

from collections.abc import Iterable

from skillchain._errors import (
    PolicyFileError,
    PolicyProblem,
    SkillchainError,
    _listing,
)
from skillchain._redact import shorten


__all__ = ["CatalogFileError", "CatalogKeyError"]


class CatalogFileError(PolicyFileError):
    """A catalog file is malformed.

    Every problem found in one load is reported together, each a
    :class:`~skillchain.PolicyProblem` with its file, its TOML path and what is wrong,
    so the author of a district list can fix them in one pass (the message lists
    the first 50).  Nothing is loaded when this is raised.

    It is a subclass of :class:`~skillchain.PolicyFileError` because a catalog file is
    a data file of the same kind (it may even carry its own ``[documents]`` register
    entries, read by the same parser): code that guards the loading of district data
    with ``except PolicyFileError`` catches both, while the name and the message say
    which kind of file failed.

    Args:
        problems: The problems found; at least one.

    Example:
        >>> from skillchain import PolicyFileError, PolicyProblem
        >>> from skillchain.catalog import CatalogFileError
        >>> err = CatalogFileError(
        ...     [PolicyProblem(file="scope.toml", path="rows.a.zh", message="required key is missing")]
        ... )
        >>> print(err)
        catalog files are malformed (1 problem):
          - scope.toml: rows.a.zh: required key is missing
        >>> isinstance(err, PolicyFileError)
        True
    """

    def __init__(self, problems: Iterable[PolicyProblem]) -> None:
        self.problems: tuple[PolicyProblem, ...] = tuple(problems)
        SkillchainError.__init__(
            self, _listing("catalog files are malformed", self.problems)
        )


class CatalogKeyError(SkillchainError, KeyError):
    """A catalog has no row under the key asked for.

    The message names the catalog, its edition and the closest keys it does have
    (by ``difflib.get_close_matches``), so a typo shows its own correction.  It is a
    :class:`KeyError`, so ``except KeyError`` works as for a dict.

    Args:
        catalog: The catalog's name, e.g. ``"occupations"``.
        edition: The edition looked in, e.g. ``"2022"``.
        key: The key that was not found, as text.
        close: The closest known keys, best first (possibly empty).
        what: What was looked up: ``"row"`` (by key, the default), ``"name"`` (a
            row by name), ``"edition"`` or ``"catalog"``.

    Example:
        >>> from skillchain.catalog import CatalogKeyError
        >>> err = CatalogKeyError(
        ...     catalog="divisions", edition="2022", key="440314", close=("440304", "440310")
        ... )
        >>> print(err)
        divisions (edition 2022) has no row '440314'; closest keys: '440304', '440310'
    """

    catalog: str
    """The catalog's name."""
    edition: str
    """The edition that was looked up."""
    key: str
    """The key that was not found."""
    close: tuple[str, ...]
    """The closest known keys, best first."""
    message: str
    """The full message (also what ``str()`` returns)."""

    def __init__(
        self,
        *,
        catalog: str,
        edition: str,
        key: str,
        close: tuple[str, ...],
        what: str = "row",
    ) -> None:
        self.catalog = catalog
        self.edition = edition
        self.key = key
        self.close = close
        shown = self._shown(key)
        where = f"{catalog} (edition {edition})"
        head, plural = {
            "row": (f"{where} has no row {shown}", "keys"),
            "name": (f"{where} has no row named {shown}", "names"),
            "edition": (f"{catalog} has no bundled edition {shown}", "editions"),
        }.get(what, (f"there is no {what} {shown}", f"{what}s"))
        if close:
            hint = f"closest {plural}: " + ", ".join(repr(k) for k in close)
        elif what in {"row", "name"}:
            hint = "the edition has no rows (its list is supplied by the district)"
        else:
            hint = "none is available"
        self.message = f"{head}; {hint}"
        super().__init__(self.message)

    @staticmethod
    def _shown(key: str) -> str:
        return repr(shorten(key, 40))

    def __str__(self) -> str:
        """Return the message itself (a plain ``KeyError`` would quote it)."""
        return self.message
