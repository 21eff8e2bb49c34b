"""Loading, merging, overlaying and resolving policy files."""

import bisect
import hashlib
import itertools
import json
import os
import re
import threading
import tomllib

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, Final

import attrs

from skillchain._dates import DateRange
from skillchain._redact import shorten
from skillchain._sources import Citation, Document, DocumentLevel, Provenance
from skillchain.errors import PolicyFileError, PolicyProblem
from skillchain.policy._kinds import KindError, shown
from skillchain.policy._schema import (
    GROUPS,
    Parameter,
    PolicySnapshot,
    Resolved,
    specs,
)


__all__ = ["BUNDLED_FILES", "Policy", "PolicySource"]

PolicySource = str | os.PathLike[str] | Traversable
"""Where a policy file can come from: a path, or a resource inside a package."""

BUNDLED_FILES: Final[tuple[str, ...]] = (
    "documents.toml",
    "apprenticeship.toml",
    "subsidies.toml",
    "carriers.toml",
    "institutions.toml",
    "experts.toml",
    "chains.toml",
    "competitions.toml",
    "rewards.toml",
    "craftsman.toml",
    "level_application.toml",
)
"""The files :meth:`Policy.default` loads from ``skillchain/policy/data``, in order."""

_FORMAT: Final = 1
_TOP_KEYS: Final = frozenset({"format", "title", "documents", "parameters"})
_DOC_REQUIRED: Final = ("title", "issuers", "level", "provenance")
_DOC_OPTIONAL: Final = (
    "number",
    "title_en",
    "issued",
    "effective",
    "expires",
    "urls",
    "note",
)
_PARAM_REQUIRED: Final = ("description_zh", "description_en", "unit")
_PARAM_OPTIONAL: Final = ("note", "values")
_VALUE_REQUIRED: Final = ("since", "value", "document")
_VALUE_OPTIONAL: Final = (
    "until",
    "article",
    "provenance",
    "period_provenance",
    "note",
)
_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")


def _key(name: str) -> str:
    """*name* as a part of a TOML path in a message (quoted if need be, kept short)."""
    shown_name = shorten(name)
    if _BARE_KEY.fullmatch(shown_name):
        return shown_name
    return json.dumps(shown_name, ensure_ascii=False)


@attrs.frozen
class _Value:
    since: date
    until: date | None
    value: object
    document: str
    article: str | None
    provenance: Provenance | None
    period_provenance: Provenance | None
    note: str | None
    path: str


@attrs.frozen
class _Param:
    name: str
    description_zh: str
    description_en: str
    unit: str
    note: str | None
    values: tuple[_Value, ...]
    path: str


@attrs.frozen
class _File:
    name: str
    documents: dict[str, tuple[Document, str]]
    parameters: dict[str, _Param]


_MAX_SIZE: Final = 16 * 1024 * 1024
"""The largest policy or catalog file read, in bytes (and characters of text)."""
_KEY_PARTS: Final = 64
"""The most parts a dotted TOML key may have (the parser's cost grows as its square)."""
_KEY_PART: Final = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
# A key starts where no key character, dot or quote comes before it, so a long run
# of parts is scanned once, not once from each of its characters.
_LONG_KEY: Final = re.compile(
    rf"""(?<![A-Za-z0-9_.'"-])(?:{_KEY_PART}[ \t]*\.[ \t]*){{{_KEY_PARTS}}}"""
)
_NAME_LIMIT: Final = 200
"""The most characters of a file name (or path) a message shows."""


def _label(name: str) -> str:
    """*name* as a message shows it: bounded in length, identity numbers masked."""
    return shorten(name, _NAME_LIMIT)


_TOO_DEEP: Final = (
    "arrays or tables are nested too deeply to read; "
    "expected the few levels the format uses"
)
_TOO_LONG: Final = (
    "an integer has more than 4300 digits; expected a number of a sensible size"
)


def _parse_toml(text: str) -> tuple[dict[str, Any] | None, str]:
    """Parse *text* (a leading byte-order mark is ignored).

    Returns the data and ``""``, or ``None`` and why the text cannot be read.  Input
    that would make the parser recurse too deeply, exceed the integer conversion
    limit or spend memory on a key of thousands of parts is refused here.
    """
    text = text.removeprefix("\ufeff")
    if len(text) > _MAX_SIZE:
        return None, f"too large: more than {_MAX_SIZE} characters"
    long_key = next(_LONG_KEY.finditer(text), None)
    if long_key is not None:
        line = text.count("\n", 0, long_key.start()) + 1
        return None, (
            f"a dotted key on line {line} has more than {_KEY_PARTS} parts; "
            f"expected keys of at most {_KEY_PARTS} parts"
        )
    try:
        return tomllib.loads(text), ""
    except tomllib.TOMLDecodeError as exc:
        return None, f"not valid TOML: {exc}"
    except RecursionError:
        return None, _TOO_DEEP
    except ValueError:
        # int() refuses numerals of more than 4300 digits.
        return None, _TOO_LONG


class _Reader:
    """Reads one TOML document, collecting every problem instead of stopping at the first."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.label = _label(name)
        self.problems: list[PolicyProblem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(PolicyProblem(file=self.label, path=path, message=message))

    def table(
        self,
        raw: object,
        path: str,
        required: Iterable[str],
        optional: Iterable[str],
    ) -> dict[str, object] | None:
        if not isinstance(raw, dict):
            self.problem(path, f"expected a table, got {type(raw).__name__}")
            return None
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in raw:
            if key not in allowed:
                self.problem(
                    f"{path}.{_key(key)}",
                    f"unknown key; allowed keys are {', '.join(sorted(allowed))}",
                )
        for key in required:
            if key not in raw:
                self.problem(f"{path}.{_key(key)}", "required key is missing")
        return raw

    def section(self, data: Mapping[str, object], key: str) -> dict[str, object] | None:
        """A top-level table whose keys are ids or names of the caller's choosing."""
        raw = data.get(key, {})
        if not isinstance(raw, dict):
            self.problem(key, f"expected a table, got {type(raw).__name__}")
            return None
        return raw

    def string(self, table: Mapping[str, object], key: str, path: str) -> str | None:
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

    def read(self, text: str) -> _File:
        result = _File(name=self.name, documents={}, parameters={})
        data, why = _parse_toml(text)
        if data is None:
            self.problem("(file)", why)
            return result
        for key in data:
            if key not in _TOP_KEYS:
                allowed = ", ".join(sorted(_TOP_KEYS))
                self.problem(
                    _key(key), f"unknown key; allowed top-level keys are {allowed}"
                )
        fmt = data.get("format", _FORMAT)
        if fmt != _FORMAT:
            self.problem(
                "format", f"unsupported format {shown(fmt)}; expected {_FORMAT}"
            )
        documents = self.section(data, "documents")
        if documents is not None:
            for doc_id, raw in documents.items():
                doc = self.document(doc_id, raw, f"documents.{_key(doc_id)}")
                if doc is not None:
                    result.documents[doc_id] = (doc, f"documents.{_key(doc_id)}")
        parameters = self.section(data, "parameters")
        if parameters is not None:
            for name, raw in parameters.items():
                param = self.parameter(name, raw, f"parameters.{_key(name)}")
                if param is not None:
                    result.parameters[name] = param
        return result

    def document(self, doc_id: str, raw: object, path: str) -> Document | None:
        table = self.table(raw, path, _DOC_REQUIRED, _DOC_OPTIONAL)
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

    def parameter(self, name: str, raw: object, path: str) -> _Param | None:
        spec = specs().get(name)
        if spec is None:
            known = ", ".join(sorted(specs()))
            self.problem(path, f"unknown parameter; known parameters are {known}")
            return None
        table = self.table(raw, path, _PARAM_REQUIRED, _PARAM_OPTIONAL)
        if table is None:
            return None
        before = len(self.problems)
        zh = self.string(table, "description_zh", path)
        en = self.string(table, "description_en", path)
        unit = self.string(table, "unit", path)
        note = self.string(table, "note", path)
        if unit is not None and unit != spec.unit:
            self.problem(
                f"{path}.unit",
                f"wrong unit {shown(unit)}; {name} is measured in {spec.unit!r}",
            )
        raw_values = table.get("values", [])
        values: list[_Value] = []
        if not isinstance(raw_values, list):
            self.problem(
                f"{path}.values", "expected an array of tables ([[...values]])"
            )
            raw_values = []
        for index, raw_value in enumerate(raw_values):
            value = self.value(spec.kind.parse, raw_value, f"{path}.values[{index}]")
            if value is not None:
                values.append(value)
        values.sort(key=lambda v: v.since)
        for earlier, later in itertools.pairwise(values):
            if earlier.until is None or earlier.until >= later.since:
                self.problem(
                    later.path,
                    f"period from {later.since} overlaps the period from {earlier.since} "
                    f"({earlier.path}); periods of one parameter may not overlap",
                )
        if len(self.problems) > before or zh is None or en is None or unit is None:
            return None
        return _Param(
            name=name,
            description_zh=zh,
            description_en=en,
            unit=unit,
            note=note,
            values=tuple(values),
            path=path,
        )

    def value(
        self, parse: Callable[[object], object], raw: object, path: str
    ) -> _Value | None:
        table = self.table(raw, path, _VALUE_REQUIRED, _VALUE_OPTIONAL)
        if table is None:
            return None
        before = len(self.problems)
        since = self.day(table, "since", path)
        until = self.day(table, "until", path)
        document = self.string(table, "document", path)
        article = self.string(table, "article", path)
        note = self.string(table, "note", path)
        provenance = self.provenance(table, path)
        period_provenance = self.provenance(table, path, "period_provenance")
        if since and until and until < since:
            self.problem(f"{path}.until", f"until {until} is before since {since}")
        typed: object = None
        if "value" in table:
            try:
                typed = parse(table["value"])
            except KindError as exc:
                self.problem(f"{path}.value", str(exc))
        if len(self.problems) > before or since is None or document is None:
            return None
        return _Value(
            since=since,
            until=until,
            value=typed,
            document=document,
            article=article,
            provenance=provenance,
            period_provenance=period_provenance,
            note=note,
            path=path,
        )


class _Unreadable(Exception):  # noqa: N818 - internal, never escapes this package
    """A source could not be read as text; :attr:`problem` says why."""

    def __init__(self, problem: PolicyProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _read_source(source: PolicySource) -> tuple[str, str]:
    """The name and text of *source* (UTF-8, a byte-order mark allowed).

    Raises:
        _Unreadable: The source cannot be opened, is too large or is not UTF-8.
    """
    if isinstance(source, (str, os.PathLike)):
        name = str(os.fspath(source))
    else:
        name = f"skillchain:{source.name}"

    def refuse(message: str) -> _Unreadable:
        return _Unreadable(
            PolicyProblem(file=_label(name), path="(file)", message=message)
        )

    try:
        if isinstance(source, (str, os.PathLike)):
            with open(name, "rb") as handle:  # noqa: PTH123 - PathLike or str
                data = handle.read(_MAX_SIZE + 1)
        else:
            data = source.read_bytes()
    except OSError as exc:
        # The path is the problem's file: only the reason is quoted.
        raise refuse(f"cannot read: {exc.strerror or type(exc).__name__}") from None
    except ValueError:
        raise refuse("cannot read: the path is not a valid file name") from None
    if len(data) > _MAX_SIZE:
        raise refuse(f"cannot read: larger than {_MAX_SIZE} bytes")
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(
            f"cannot read: not UTF-8 text (byte {exc.start} is {data[exc.start]:#04x}); "
            "save the file as UTF-8"
        ) from None


def _build(
    files: Iterable[_File], problems: list[PolicyProblem]
) -> tuple[dict[str, Document], dict[str, Parameter]]:
    documents: dict[str, Document] = {}
    doc_origin: dict[str, str] = {}
    raw_params: dict[str, list[tuple[_File, _Param]]] = {}
    files = tuple(files)
    for file in files:
        for doc_id, (doc, path) in file.documents.items():
            if doc_id in documents and documents[doc_id] != doc:
                problems.append(
                    PolicyProblem(
                        file=file.name,
                        path=path,
                        message=f"document {shown(doc_id)} is already defined differently in "
                        f"{doc_origin[doc_id]}; give the new document its own id",
                    )
                )
                continue
            documents[doc_id] = doc
            doc_origin.setdefault(doc_id, file.name)
        for name, param in file.parameters.items():
            raw_params.setdefault(name, []).append((file, param))

    parameters: dict[str, Parameter] = {}
    for name, entries in raw_params.items():
        first = entries[0][1]
        values: list[tuple[_File, _Value]] = []
        for file, param in entries:
            if (param.description_zh, param.description_en) != (
                first.description_zh,
                first.description_en,
            ):
                problems.append(
                    PolicyProblem(
                        file=file.name,
                        path=param.path,
                        message="descriptions differ from the same parameter in "
                        f"{entries[0][0].name}; keep one wording",
                    )
                )
            values.extend((file, v) for v in param.values)
        values.sort(key=lambda fv: fv[1].since)
        for (_, earlier), (file, later) in itertools.pairwise(values):
            if earlier.until is None or earlier.until >= later.since:
                problems.append(
                    PolicyProblem(
                        file=file.name,
                        path=later.path,
                        message=f"period from {later.since} overlaps the period from "
                        f"{earlier.since} given elsewhere for {name}",
                    )
                )
        resolved: list[Resolved[object]] = []
        for file, value in values:
            cited = documents.get(value.document)
            if cited is None:
                problems.append(
                    PolicyProblem(
                        file=file.name,
                        path=f"{value.path}.document",
                        message=f"unknown document {shown(value.document)}; add it to a "
                        "[documents] table in one of the files loaded together",
                    )
                )
                continue
            own = value.provenance or cited.provenance
            dating = value.period_provenance
            inferred = dating is not None and dating.rank > own.rank
            resolved.append(
                Resolved(
                    name=name,
                    value=value.value,
                    period=DateRange(start=value.since, end=value.until),
                    citation=Citation(
                        document=cited,
                        article=value.article,
                        period_inferred=inferred,
                    ),
                    provenance=dating if inferred else own,
                    note=value.note,
                )
            )
        parameters[name] = Parameter(
            name=name,
            description_zh=first.description_zh,
            description_en=first.description_en,
            unit=first.unit,
            values=tuple(resolved),
            note=first.note,
        )
    return documents, parameters


def _fingerprint(parameters: Mapping[str, Parameter]) -> str:
    spec_of = specs()
    content = {}
    for name in sorted(parameters):
        param = parameters[name]
        dump = spec_of[name].kind.dump
        content[name] = {
            "unit": param.unit,
            "values": [
                {
                    "since": v.period.start.isoformat() if v.period else None,
                    "until": v.period.end.isoformat()
                    if v.period and v.period.end
                    else None,
                    "value": dump(v.value),
                    "document": v.citation.document.id if v.citation else None,
                    "article": v.citation.article if v.citation else None,
                    "provenance": v.provenance.value if v.provenance else None,
                }
                for v in param.values
            ],
        }
    text = json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _clip(base: Resolved[object], cover: DateRange) -> list[Resolved[object]]:
    """The parts of *base*'s period not covered by *cover*."""
    period = base.period
    if period is None or not period.overlaps(cover):
        return [base]
    pieces: list[Resolved[object]] = []
    if period.start < cover.start:
        pieces.append(
            attrs.evolve(
                base, period=DateRange(start=period.start, end=_day_before(cover.start))
            )
        )
    # A cover ending on the last day of the calendar leaves nothing after it.
    if (
        cover.end is not None
        and cover.end < date.max
        and (period.end is None or period.end > cover.end)
    ):
        pieces.append(
            attrs.evolve(
                base, period=DateRange(start=_day_after(cover.end), end=period.end)
            )
        )
    return pieces


def _day_before(day: date) -> date:
    return date.fromordinal(day.toordinal() - 1)


def _day_after(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


_DAYS_KEPT: Final = 128
"""How many days' snapshots a policy keeps (the least recently used is dropped)."""
_GROUPS_KEPT: Final = 4096
"""How many resolved parameter groups a policy keeps before starting afresh."""
_CITATIONS_KEPT: Final = 1024
"""How many citations a policy keeps before starting afresh."""
# One lock for the caches of every policy: each critical section is a dict lookup
# or insertion, so threads hardly ever wait, and a policy stays picklable.
_LOCK: Final = threading.Lock()


def _cuts(values: Iterable[Resolved[object]]) -> set[date]:
    """The days on which one of *values* starts or stops being in force."""
    found: set[date] = set()
    for value in values:
        period = value.period
        if period is None:
            continue
        found.add(period.start)
        if period.end is not None and period.end < date.max:
            found.add(_day_after(period.end))
    return found


@attrs.frozen(eq=False)
class Policy:
    """A set of dated, sourced parameters and the document register they cite.

    Build one with :meth:`default`, :meth:`from_files` or :meth:`loads`; combine with
    :meth:`overlay`; resolve with :meth:`at`.  A policy never changes after it is
    built: overlaying returns a new policy, and nothing global is mutated, so a
    baseline and a draft reform can be evaluated side by side.

    Two policies with equal :attr:`fingerprint` resolve every parameter identically.

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy
        >>> policy = Policy.default()
        >>> snap = policy.at(date(2024, 6, 1))
        >>> snap.apprenticeship.contract_min_months.value
        12
        >>> snap.apprenticeship.prepayment_share_filed.citation.document.number
        '粤人社规〔2023〕13号'
    """

    documents: Mapping[str, Document]
    """The document register, by id."""
    parameters: Mapping[str, Parameter]
    """Every parameter the policy gives values for, by dotted name."""
    sources: tuple[str, ...]
    """The files the policy was read from, in load order (overlays appended)."""
    fingerprint: str = attrs.field(init=False)
    """A SHA-256 over every parameter's unit, periods, values, documents and provenance.

    Descriptions and notes do not enter it: rewording a description does not change
    how any case is judged.
    """
    _days: "OrderedDict[date, PolicySnapshot]" = attrs.field(
        init=False, factory=OrderedDict, repr=False
    )
    _groups: dict[tuple[str, int], object] = attrs.field(
        init=False, factory=dict, repr=False
    )
    _group_cuts: dict[str, tuple[date, ...]] = attrs.field(
        init=False, factory=dict, repr=False
    )
    _unknown: dict[str, Resolved[object]] = attrs.field(
        init=False, factory=dict, repr=False
    )
    _citations: dict[tuple[str, str | None], Citation] = attrs.field(
        init=False, factory=dict, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "fingerprint", _fingerprint(self.parameters))
        for group, cls in GROUPS.items():
            cuts: set[date] = set()
            for field in attrs.fields(cls):
                name = f"{group}.{field.name}"
                self._unknown[name] = Resolved(name=name, value=None)
                param = self.parameters.get(name)
                if param is not None:
                    cuts |= _cuts(param.values)
            self._group_cuts[group] = tuple(sorted(cuts))

    @classmethod
    def default(cls) -> "Policy":
        """The policy bundled with the package (loaded on first call, then cached)."""
        return _default_policy()

    @classmethod
    def from_files(cls, *sources: PolicySource) -> "Policy":
        """Load a policy from one or more TOML files read together.

        Documents defined in any of the files may be cited by parameter values in any
        other.  A parameter may get values from several files, provided their periods
        do not overlap.

        Raises:
            PolicyFileError: Any file is unreadable or malformed; every problem found
                is listed with its file and TOML path, and nothing is loaded.
        """
        problems: list[PolicyProblem] = []
        files: list[_File] = []
        names: list[str] = []
        for source in sources:
            try:
                name, text = _read_source(source)
            except _Unreadable as exc:
                problems.append(exc.problem)
                continue
            reader = _Reader(name)
            files.append(reader.read(text))
            problems.extend(reader.problems)
            names.append(name)
        return cls._from_parsed(files, names, problems)

    @classmethod
    def loads(cls, text: str, *, name: str = "<string>") -> "Policy":
        """Load a policy from the TOML *text* of one file (named *name* in errors).

        Raises:
            PolicyFileError: The text is malformed.

        Example:
            >>> from skillchain import Policy, PolicyFileError
            >>> try:
            ...     Policy.loads('[parameters."apprenticeship.contract_min_months"]\\n'
            ...                  'description_zh = "x"\\ndescription_en = "x"\\nunit = "years"\\n',
            ...                  name="draft.toml")
            ... except PolicyFileError as err:
            ...     print(err.problems[0])
            draft.toml: parameters."apprenticeship.contract_min_months".unit: wrong unit 'years'; apprenticeship.contract_min_months is measured in 'months'
        """
        reader = _Reader(name)
        parsed = reader.read(text)
        return cls._from_parsed([parsed], [name], list(reader.problems))

    @classmethod
    def _from_parsed(
        cls, files: list[_File], names: list[str], problems: list[PolicyProblem]
    ) -> "Policy":
        documents, parameters = _build(files, problems)
        if problems:
            raise PolicyFileError(problems)
        return cls(documents=documents, parameters=parameters, sources=tuple(names))

    def overlay(self, other: "Policy") -> "Policy":
        """Return a new policy: *other*'s values laid over this one's.

        For every parameter *other* gives values for, those values win wherever their
        periods reach; this policy's values stay in force outside them (a value cut
        by an overlay keeps its document and provenance).  Parameters *other* does not
        mention are unchanged.  Documents are merged.

        Raises:
            PolicyFileError: *other* defines a document id differently from this policy.

        Example:
            >>> from datetime import date
            >>> from skillchain import Policy
            >>> draft = Policy.loads('''
            ... [documents.draft-2027]
            ... title = "福田区企业新型学徒制补贴标准（示例草案）"
            ... issuers = ["示例"]
            ... level = "district"
            ... provenance = "unverified"
            ... [parameters."apprenticeship.contract_min_months"]
            ... description_zh = "学徒劳动合同最短期限"
            ... description_en = "Shortest labour contract of an apprentice"
            ... unit = "months"
            ... [[parameters."apprenticeship.contract_min_months".values]]
            ... since = 2027-01-01
            ... value = 6
            ... document = "draft-2027"
            ... ''', name="draft.toml")
            >>> reform = Policy.default().overlay(draft)
            >>> reform.at(date(2026, 12, 31)).apprenticeship.contract_min_months.value
            12
            >>> reform.at(date(2027, 1, 1)).apprenticeship.contract_min_months.value
            6
            >>> reform.fingerprint == Policy.default().fingerprint
            False
        """
        problems: list[PolicyProblem] = []
        documents = dict(self.documents)
        for doc_id, doc in other.documents.items():
            if doc_id in documents and documents[doc_id] != doc:
                problems.append(
                    PolicyProblem(
                        file=_label(", ".join(other.sources)),
                        path=f"documents.{_key(doc_id)}",
                        message="differs from the document with the same id in the base "
                        "policy; give the overlay's document its own id",
                    )
                )
            documents[doc_id] = doc
        if problems:
            raise PolicyFileError(problems)
        parameters = dict(self.parameters)
        for name, top in other.parameters.items():
            base = parameters.get(name)
            if base is None:
                parameters[name] = top
                continue
            kept: list[Resolved[object]] = list(base.values)
            for value in top.values:
                assert value.period is not None  # noqa: S101 - built values have periods
                kept = [piece for old in kept for piece in _clip(old, value.period)]
            merged = sorted([*kept, *top.values], key=_start)
            parameters[name] = attrs.evolve(base, values=tuple(merged))
        return Policy(
            documents=documents,
            parameters=parameters,
            sources=(*self.sources, *other.sources),
        )

    def parameter(self, name: str) -> Parameter:
        """Return the history of the parameter *name*.

        Raises:
            KeyError: The policy has no parameter of that name (the message lists the
                names it has).
        """
        try:
            return self.parameters[name]
        except KeyError:
            known = ", ".join(sorted(self.parameters))
            raise KeyError(
                f"no parameter {shown(name)}; this policy has: {known}"
            ) from None

    def citation(self, document: str, article: str | None = None) -> Citation:
        """A citation of *document* (a register id) at *article*, built once and cached.

        Rules cite the documents behind conditions that are not figures (e.g. "not on
        the dishonest list") through this, so a district overlay that registers its
        own documents is cited the same way.

        Raises:
            KeyError: The register has no document with that id.

        Example:
            >>> from skillchain import Policy
            >>> Policy.default().citation("sz-2019-11", "第二条").label()
            '《深圳市推行企业新型学徒制实施办法》（深人社规〔2019〕11号） 第二条'
        """
        key = (document, article)
        found = self._citations.get(key)
        if found is None:
            try:
                doc = self.documents[document]
            except KeyError:
                msg = f"no document {shown(document)} in the register"
                raise KeyError(msg) from None
            found = Citation(document=doc, article=article)
            with _LOCK:
                if len(self._citations) >= _CITATIONS_KEPT:
                    self._citations.clear()
                found = self._citations.setdefault(key, found)
        return found

    def at(self, day: date) -> PolicySnapshot:
        """Resolve every parameter on *day* into a typed, frozen snapshot.

        A parameter with no value in force on *day* resolves to a :class:`Resolved`
        whose value is ``None``; it is never filled with an expired value.

        Snapshots of the most recently used days (128 of them) are kept, and the
        parameters of a programme are resolved once for each stretch of days on
        which none of them changes, so memory stays flat however many days are
        asked for.  A policy may be shared between threads.
        """
        days = self._days
        with _LOCK:
            snapshot = days.get(day)
            if snapshot is not None:
                days.move_to_end(day)
                return snapshot
        snapshot = self._resolve(day)
        with _LOCK:
            kept = days.setdefault(day, snapshot)
            if len(days) > _DAYS_KEPT:
                days.popitem(last=False)
        return kept

    def _resolve(self, day: date) -> PolicySnapshot:
        # Every day between two consecutive cuts of a group resolves it alike, so a
        # group is keyed by the stretch of days holding *day*.
        cuts = self._group_cuts
        keys = [(group, bisect.bisect_right(cuts[group], day)) for group in GROUPS]
        kept = self._groups
        with _LOCK:
            groups = [kept.get(key) for key in keys]
        for index, built in enumerate(groups):
            if built is None:
                group = keys[index][0]
                fresh = self._resolve_group(group, GROUPS[group], day)
                with _LOCK:
                    if len(kept) >= _GROUPS_KEPT:
                        kept.clear()
                    groups[index] = kept.setdefault(keys[index], fresh)
        resolved: dict[str, Any] = {
            group: built for (group, _), built in zip(keys, groups, strict=True)
        }
        return PolicySnapshot(on=day, fingerprint=self.fingerprint, **resolved)

    def _resolve_group(self, group: str, cls: type[Any], day: date) -> object:
        fields: dict[str, Resolved[object]] = {}
        unknown = self._unknown
        for field in attrs.fields(cls):
            name = f"{group}.{field.name}"
            param = self.parameters.get(name)
            found = param.at(day) if param is not None else None
            fields[field.name] = (
                found if found is not None and found.known else unknown[name]
            )
        return cls(**fields)


def _start(value: Resolved[object]) -> date:
    assert value.period is not None  # noqa: S101 - built values have periods
    return value.period.start


@cache
def _default_policy() -> Policy:
    data = resources.files("skillchain.policy") / "data"
    return Policy.from_files(*(data / name for name in BUNDLED_FILES))
