"""Reading the TOML data files (policy and catalog files) with every problem collected.

Both kinds of data file share the same ground rules: a file is UTF-8 text of at most
16 MiB, parsed with the standard library's ``tomllib`` behind guards against input
that would make the parser recurse too deeply or spend memory on huge keys; strings,
dates, provenance and register documents are checked the same way; and every problem
is recorded with its file and TOML path instead of stopping at the first.
:class:`TomlReader` holds those checks; the policy and catalog readers extend it.
"""

import json
import os
import re

from collections.abc import Iterable, Mapping
from datetime import date
from importlib.resources.abc import Traversable
from typing import Any, Final

from skillchain._redact import shorten
from skillchain._sources import Document, DocumentLevel, Provenance
from skillchain.errors import PolicyProblem, _Unreadable


__all__ = [
    "DOC_OPTIONAL",
    "DOC_REQUIRED",
    "KEY_PARTS",
    "MAX_SIZE",
    "NAME_LIMIT",
    "TomlReader",
    "TomlSource",
    "label",
    "parse_toml",
    "read_source",
    "shown",
    "toml_key",
]

TomlSource = str | os.PathLike[str] | Traversable
"""Where a data file can come from: a path, or a resource inside a package."""

MAX_SIZE: Final = 16 * 1024 * 1024
"""The largest data file read, in bytes (and characters of text)."""
KEY_PARTS: Final = 64
"""The most parts a dotted TOML key may have (the parser's cost grows as its square)."""
NAME_LIMIT: Final = 200
"""The most characters of a file name (or path) a message shows."""
DOC_REQUIRED: Final = ("title", "issuers", "level", "provenance")
"""The keys every register document must have."""
DOC_OPTIONAL: Final = (
    "number",
    "title_en",
    "issued",
    "effective",
    "expires",
    "urls",
    "note",
)
"""The keys a register document may have besides the required ones."""

_SHOWN_BITS: Final = 200
"""An integer longer than this many bits (about 60 digits) is described, not printed."""
_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_KEY_PART: Final = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
# A key starts where no key character, dot or quote comes before it, so a long run
# of parts is scanned once, not once from each of its characters.
_LONG_KEY: Final = re.compile(
    rf"""(?<![A-Za-z0-9_.'"-])(?:{_KEY_PART}[ \t]*\.[ \t]*){{{KEY_PARTS}}}"""
)
_TOO_DEEP: Final = (
    "arrays or tables are nested too deeply to read; "
    "expected the few levels the format uses"
)
_TOO_LONG: Final = (
    "an integer has more than 4300 digits; expected a number of a sensible size"
)


def shown(raw: object) -> str:
    """*raw* as a message quotes it: cut short, identity numbers masked.

    Example:
        >>> from skillchain._toml import shown
        >>> shown("4403041990010100" + "11"), shown(10**100)
        ("'440304********0011'", 'an integer of more than 60 digits')
    """
    if isinstance(raw, str):
        return repr(shorten(raw))
    if isinstance(raw, int) and raw.bit_length() > _SHOWN_BITS:
        return "an integer of more than 60 digits"
    try:
        text = repr(raw)
    except (ValueError, RecursionError):  # an int too long to print, deep nesting
        return f"a value of type {type(raw).__name__} too large to show"
    return shorten(text)


def label(name: str) -> str:
    """*name* (a file name or path) as a message shows it: bounded, identity numbers masked."""
    return shorten(name, NAME_LIMIT)


def toml_key(name: str) -> str:
    """*name* as a part of a TOML path in a message (quoted if need be, kept short).

    Example:
        >>> from skillchain._toml import toml_key
        >>> toml_key("d1"), toml_key("levels.standards")
        ('d1', '"levels.standards"')
    """
    shown_name = shorten(name)
    if _BARE_KEY.fullmatch(shown_name):
        return shown_name
    return json.dumps(shown_name, ensure_ascii=False)


def parse_toml(text: str) -> tuple[dict[str, Any] | None, str]:
    """Parse *text* (a leading byte-order mark is ignored).

    Returns the data and ``""``, or ``None`` and why the text cannot be read.  Input
    that would make the parser recurse too deeply, exceed the integer conversion
    limit or spend memory on a key of thousands of parts is refused here.
    """
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_SIZE:
        return None, f"too large: more than {MAX_SIZE} characters"
    long_key = next(_LONG_KEY.finditer(text), None)
    if long_key is not None:
        line = text.count("\n", 0, long_key.start()) + 1
        return None, (
            f"a dotted key on line {line} has more than {KEY_PARTS} parts; "
            f"expected keys of at most {KEY_PARTS} parts"
        )
    import tomllib  # here: only a process that reads a file pays for it

    try:
        return tomllib.loads(text), ""
    except tomllib.TOMLDecodeError as exc:
        return None, f"not valid TOML: {exc}"
    except RecursionError:
        return None, _TOO_DEEP
    except ValueError:
        # int() refuses numerals of more than 4300 digits.
        return None, _TOO_LONG


def read_source(source: TomlSource) -> tuple[str, str]:
    """The name and text of *source* (UTF-8, a byte-order mark allowed).

    A resource inside a package is named ``skillchain:<file name>``.

    Raises:
        skillchain.errors._Unreadable: The source cannot be opened, is too large or
            is not UTF-8; its ``problem`` says why.
    """
    if isinstance(source, (str, os.PathLike)):
        name = str(os.fspath(source))
    else:
        name = f"skillchain:{source.name}"

    def refuse(message: str) -> _Unreadable:
        return _Unreadable(
            PolicyProblem(file=label(name), path="(file)", message=message)
        )

    try:
        if isinstance(source, (str, os.PathLike)):
            with open(name, "rb") as handle:  # noqa: PTH123 - PathLike or str
                data = handle.read(MAX_SIZE + 1)
        else:
            data = source.read_bytes()
    except OSError as exc:
        # The path is the problem's file: only the reason is quoted.
        raise refuse(f"cannot read: {exc.strerror or type(exc).__name__}") from None
    except ValueError:
        raise refuse("cannot read: the path is not a valid file name") from None
    if len(data) > MAX_SIZE:
        raise refuse(f"cannot read: larger than {MAX_SIZE} bytes")
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(
            f"cannot read: not UTF-8 text (byte {exc.start} is {data[exc.start]:#04x}); "
            "save the file as UTF-8"
        ) from None


class TomlReader:
    """Reads one TOML document, collecting every problem instead of stopping at the first.

    Args:
        name: The file's name as messages show it (cut and masked in :attr:`label`).
    """

    def __init__(self, name: str) -> None:
        self.name = name
        """The file's name as given."""
        self.label = label(name)
        """The file's name as problems show it."""
        self.problems: list[PolicyProblem] = []
        """Every problem found so far, in the order found."""

    def problem(self, path: str, message: str) -> None:
        """Record a problem at the TOML *path*."""
        self.problems.append(PolicyProblem(file=self.label, path=path, message=message))

    def table(
        self,
        raw: object,
        path: str,
        required: Iterable[str],
        optional: Iterable[str],
    ) -> dict[str, object] | None:
        """*raw* if it is a table; unknown and missing keys are problems."""
        if not isinstance(raw, dict):
            self.problem(path, f"expected a table, got {type(raw).__name__}")
            return None
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in raw:
            if key not in allowed:
                self.problem(
                    f"{path}.{toml_key(key)}",
                    f"unknown key; allowed keys are {', '.join(sorted(allowed))}",
                )
        for key in required:
            if key not in raw:
                self.problem(f"{path}.{toml_key(key)}", "required key is missing")
        return raw

    def section(self, data: Mapping[str, object], key: str) -> dict[str, object] | None:
        """A top-level table whose keys are ids or names of the caller's choosing."""
        raw = data.get(key, {})
        if not isinstance(raw, dict):
            self.problem(key, f"expected a table, got {type(raw).__name__}")
            return None
        return raw

    def string(self, table: Mapping[str, object], key: str, path: str) -> str | None:
        """The non-empty string at *key*, or ``None`` (absent or a problem)."""
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(
                f"{path}.{key}", f"expected a non-empty string, got {shown(value)}"
            )
            return None
        return value

    def day(self, table: Mapping[str, object], key: str, path: str) -> date | None:
        """The TOML date at *key*, or ``None`` (absent or a problem)."""
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, date) or hasattr(value, "hour"):
            self.problem(
                f"{path}.{key}",
                f"expected a TOML date such as 2024-01-31 (unquoted), got {shown(value)}",
            )
            return None
        return value

    def strings(
        self, table: Mapping[str, object], key: str, path: str
    ) -> tuple[str, ...]:
        """The list of non-empty strings at *key* (empty if absent or a problem)."""
        value = table.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            self.problem(
                f"{path}.{key}",
                f"expected a list of non-empty strings, got {shown(value)}",
            )
            return ()
        return tuple(value)

    def provenance(
        self, table: Mapping[str, object], path: str, key: str = "provenance"
    ) -> Provenance | None:
        """The provenance at *key*, or ``None`` (absent or a problem)."""
        value = table.get(key)
        if value is None:
            return None
        try:
            return Provenance(value)
        except (ValueError, TypeError):
            allowed = ", ".join(p.value for p in Provenance)
            self.problem(
                f"{path}.{key}", f"expected one of {allowed}, got {shown(value)}"
            )
            return None

    def document(self, doc_id: str, raw: object, path: str) -> Document | None:
        """A register document from its table, or ``None`` when it has problems."""
        table = self.table(raw, path, DOC_REQUIRED, DOC_OPTIONAL)
        if table is None:
            return None
        before = len(self.problems)
        title = self.string(table, "title", path)
        issuers = self.strings(table, "issuers", path)
        if "issuers" in table and not issuers:
            self.problem(f"{path}.issuers", "expected at least one issuer")
        level_raw = table.get("level")
        level: DocumentLevel | None = None
        if level_raw is not None:
            try:
                level = DocumentLevel(level_raw)
            except ValueError:
                allowed = ", ".join(lv.value for lv in DocumentLevel)
                self.problem(
                    f"{path}.level",
                    f"expected one of {allowed}, got {shown(level_raw)}",
                )
        provenance = self.provenance(table, path)
        number = self.string(table, "number", path)
        title_en = self.string(table, "title_en", path)
        issued = self.day(table, "issued", path)
        effective = self.day(table, "effective", path)
        expires = self.day(table, "expires", path)
        urls = self.strings(table, "urls", path)
        note = self.string(table, "note", path)
        if effective and expires and expires < effective:
            self.problem(
                f"{path}.expires", f"expires {expires} is before effective {effective}"
            )
        if (
            len(self.problems) > before
            or title is None
            or level is None
            or provenance is None
        ):
            return None
        return Document(
            id=doc_id,
            title=title,
            issuers=issuers,
            level=level,
            provenance=provenance,
            number=number,
            title_en=title_en,
            issued=issued,
            effective=effective,
            expires=expires,
            urls=urls,
            note=note,
        )
