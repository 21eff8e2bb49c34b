"""The catalog container: rows in file order, looked up by key, with the edition's source."""

import enum
import os

from collections.abc import Iterator
from importlib.resources.abc import Traversable
from typing import Any, Generic, TypeVar

import attrs

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._errors import closest
from skillchain._sources import Citation, Document, Provenance
from skillchain.catalog._errors import CatalogKeyError
from skillchain.catalog._rows import CatalogRow, Occupation, ScopeEntry
from skillchain.errors import InvalidValueError


__all__ = [
    "Catalog",
    "CatalogKey",
    "CatalogSource",
    "OccupationCatalog",
    "RewardScope",
]

T_co = TypeVar("T_co", bound=CatalogRow, covariant=True)

CatalogKey = (
    str | enum.Enum | OccupationCode | DivisionCode | tuple[enum.Enum, enum.Enum]
)
"""What a catalog lookup accepts: the key text, or a value that names it.

An enum stands for its value (``SkillLevel.TECHNICIAN`` for ``"technician"``), a code
for its digits, and a pair of enums for ``"<first>-<second>"``
(``(CompetitionTier.MUNICIPAL, CompetitionClass.FIRST)`` for ``"municipal-first"``).
"""

CatalogSource = str | os.PathLike[str] | Traversable
"""Where a catalog file can come from: a path, or a resource inside a package."""


def key_text(key: object) -> str | None:
    """The key text *key* stands for, or ``None`` if it cannot name a row."""
    if isinstance(key, str):
        return key
    if isinstance(key, enum.Enum):
        return str(key.value)
    if isinstance(key, (OccupationCode, DivisionCode)):
        return key.code
    if isinstance(key, tuple) and all(isinstance(part, enum.Enum) for part in key):
        return "-".join(str(part.value) for part in key)
    return None


def _index_rows(rows: tuple[Any, ...], cls: str) -> dict[str, Any]:
    index: dict[str, Any] = {}
    for row in rows:
        if not isinstance(row, CatalogRow):
            raise InvalidValueError(
                field=f"{cls}.rows",
                problem=f"got a {type(row).__name__}",
                expected="catalog rows (CatalogRow subclasses)",
            )
        if row.key in index:
            raise InvalidValueError(
                field=f"{cls}.rows",
                problem=f"the key {row.key!r} appears twice",
                expected="one row per key",
            )
        index[row.key] = row
    return index


@attrs.frozen(kw_only=True)
class Catalog(Generic[T_co]):
    """One edition of a reference table (参考目录): its rows and where they come from.

    Rows keep the order of their file; look one up with ``catalog[key]`` (a
    :class:`CatalogKeyError` naming the closest keys if there is none) or
    ``catalog.get(key)`` (``None``).  ``complete`` says whether the rows are the whole
    list or only the part the sources confirm: a rule that finds nothing in a partial
    catalog must decide *undetermined*, not *ineligible*.

    Catalogs are immutable and are built by the accessor functions of
    :mod:`skillchain.catalog`, which read the bundled TOML files lazily and cache them.

    Example:
        >>> from skillchain.catalog import divisions
        >>> shenzhen = divisions()
        >>> shenzhen.name, shenzhen.edition, shenzhen.complete
        ('divisions', '2022', False)
        >>> "440304" in shenzhen, len(shenzhen) > 20
        (True, True)
        >>> shenzhen["440340"]
        Traceback (most recent call last):
        ...
        skillchain.errors.CatalogKeyError: divisions (edition 2022) has no row '440340'; closest keys: ...
    """

    name: str
    """The catalog's name, e.g. ``"occupations"``."""
    edition: str
    """The edition, e.g. ``"2022"`` or ``"shenzhen-2024"``."""
    title: str
    """The edition's title in Chinese."""
    title_en: str
    """The edition's title in English."""
    document: Document
    """The register document the edition as a whole comes from."""
    provenance: Provenance
    """How well the edition as a whole was checked (each row has its own)."""
    complete: bool
    """Whether the rows are the whole list (``False``: only what the sources confirm)."""
    rows: tuple[T_co, ...] = attrs.field(validator=attrs.validators.instance_of(tuple))
    """The rows, in the order of the file."""
    year: int | None = None
    """The year the edition is for, where it has one."""
    note: str | None = None
    """What is unknown or assumed about the edition."""
    source: str | None = None
    """The file the edition was read from (``None`` if it was built in code)."""
    _index: dict[str, Any] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Index the rows by key (a key may appear once)."""
        object.__setattr__(self, "_index", _index_rows(self.rows, type(self).__name__))

    @property
    def citation(self) -> Citation:
        """A citation of the edition's document."""
        return Citation(document=self.document)

    def keys(self) -> tuple[str, ...]:
        """The row keys, in file order."""
        return tuple(self._index)

    def get(self, key: CatalogKey) -> T_co | None:
        """The row under *key*, or ``None``."""
        text = key_text(key)
        found: T_co | None = self._index.get(text) if text is not None else None
        return found

    def __getitem__(self, key: CatalogKey) -> T_co:
        """The row under *key*.

        Raises:
            CatalogKeyError: No row has that key; the message names the catalog, the
                edition and the closest keys.
        """
        text = key_text(key)
        if text is None:
            msg = f"a catalog key is a str, an enum, a code or a pair of enums, not {type(key).__name__}"
            raise TypeError(msg)
        row: T_co | None = self._index.get(text)
        if row is None:
            raise self._missing(text, self.keys())
        return row

    def _missing(
        self, text: str, known: tuple[str, ...], what: str = "row"
    ) -> CatalogKeyError:
        """The error for a key *text* not among *known*, with the closest known keys."""
        close = closest(text, known)
        return CatalogKeyError(
            catalog=self.name, edition=self.edition, key=text, close=close, what=what
        )

    def __contains__(self, key: object) -> bool:
        """Whether a row has the key *key* stands for."""
        text = key_text(key)
        return text is not None and text in self._index

    def __iter__(self) -> Iterator[T_co]:
        """The rows, in file order."""
        return iter(self.rows)

    def __len__(self) -> int:
        """The number of rows."""
        return len(self.rows)


@attrs.frozen(kw_only=True)
class OccupationCatalog(Catalog[Occupation]):
    """An edition of the occupational classification, with look-up by name.

    Besides ``catalog[code]``, :meth:`by_name` finds an occupation by its 2022 name, a
    former name (物业管理员 → 物业管理师) or an alias the documents use.

    Example:
        >>> from skillchain.catalog import occupations
        >>> occ = occupations()
        >>> occ.by_name("室内装饰设计员").zh
        '室内装饰设计师'
        >>> occ.major_category_of(occ["4-10-01-05"]).zh
        '社会生产服务和生活服务人员'
    """

    _names: dict[str, Occupation] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        """Index the rows by key and by every name (the first row wins a shared name)."""
        super().__attrs_post_init__()
        names: dict[str, Occupation] = {}
        for row in self.rows:
            for name in row.names:
                names.setdefault(name, row)
        object.__setattr__(self, "_names", names)

    def by_name(self, name: str) -> Occupation:
        """The occupation named *name* (2022 name, former name or alias).

        Raises:
            CatalogKeyError: No row answers to that name; the message lists the closest
                names.
        """
        row = self._names.get(name.strip())
        if row is None:
            raise self._missing(name, tuple(self._names), what="name")
        return row

    def major_category_of(self, occupation: Occupation) -> Occupation | None:
        """The major category (大类) row of *occupation*, or ``None`` if it has no code."""
        if occupation.code is None:
            return None
        return self.get(f"{occupation.code.major}-00-00-00")

    @property
    def major_categories(self) -> tuple[Occupation, ...]:
        """The major categories (大类) in the edition, in file order."""
        return tuple(row for row in self.rows if row.is_major_category)


@attrs.frozen(kw_only=True)
class RewardScope(Catalog[ScopeEntry]):
    """An edition of the Futian occupational-talent reward scope (执(职)业人才奖励受理工种范围).

    The district's reply letter (2024-09-02) states the scope's size: 31 types before
    2024, "400 余个" (more than 400) from 2024.  The lists themselves are supplied by the
    district in the same file format, so the bundled editions have no rows and
    ``complete`` is false.

    Example:
        >>> from skillchain.catalog import reward_scope
        >>> scope = reward_scope("2024")
        >>> scope.stated_size_label, len(scope), scope.complete
        ('400+', 0, False)
    """

    stated_size: int | None = None
    """The number of types the letter states, or ``None``."""
    stated_size_is_minimum: bool = False
    """Whether the stated size is a lower bound ("400 余个": more than 400)."""

    @property
    def stated_size_label(self) -> str | None:
        """The stated size for display: ``"31"``, or ``"400+"`` for a lower bound."""
        if self.stated_size is None:
            return None
        return (
            f"{self.stated_size}+"
            if self.stated_size_is_minimum
            else str(self.stated_size)
        )
