"""Loading, merging, overlaying and resolving policy files."""

import bisect
import itertools
import json
import threading

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import date
from typing import Any, Final

import attrs

from skillchain._dates import DateRange
from skillchain._sources import Citation, Document, Provenance
from skillchain._toml import (
    TomlReader,
    TomlSource,
    label,
    parse_toml,
    read_source,
    shown,
    toml_key,
)
from skillchain.errors import (
    InvalidValueError,
    KindError,
    PolicyFileError,
    PolicyProblem,
    _Unreadable,
)
from skillchain.policy._programmes import (
    BUNDLED_FILES,
    GROUPS,
    REGISTER_FILE,
    REGISTRY_LOCK,
    Programme,
    check_programme,
    current_name,
    data_folder,
    generation,
    install,
    programmes,
    specs,
    uninstall,
)
from skillchain.policy._reform import Reform
from skillchain.policy._schema import (
    GroupLayout,
    Parameter,
    PolicySnapshot,
    Resolved,
)
from skillchain.policy._tables import (
    KeyPath,
    Removal,
    drops,
    has_path,
    key_path,
    shown_keys,
    toml_keys,
)
from skillchain.policy.kinds import Kind


__all__ = [
    "BUNDLED_FILES",
    "Policy",
    "PolicySource",
    "register_programme",
    "unregister_programme",
]

PolicySource = TomlSource
"""Where a policy file can come from: a path, or a resource inside a package."""

_FORMAT: Final = 1
_TOP_KEYS: Final = frozenset({"format", "title", "documents", "parameters"})
_DESCRIPTIONS: Final = ("description_zh", "description_en")
_PARAM_OPTIONAL: Final = (*_DESCRIPTIONS, "unit", "note", "values")
_VALUE_REQUIRED: Final = ("since", "value", "document")
_VALUE_OPTIONAL: Final = (
    "until",
    "article",
    "provenance",
    "period_provenance",
    "note",
    "removes",
)


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
    removes: tuple[KeyPath, ...] = ()


@attrs.frozen
class _Param:
    name: str
    description_zh: str | None
    description_en: str | None
    unit: str
    note: str | None
    values: tuple[_Value, ...]
    path: str


@attrs.frozen
class _File:
    name: str
    documents: dict[str, tuple[Document, str]]
    parameters: dict[str, _Param]


class _Reader(TomlReader):
    """Reads one policy file, collecting every problem instead of stopping at the first.

    With *describe*, every parameter must be described (both descriptions and the
    unit), as a programme's data file must; otherwise a file may leave that to the
    policy it is laid over.
    """

    def __init__(self, name: str, *, describe: bool = False) -> None:
        super().__init__(name)
        self.describe = describe

    def read(self, text: str) -> _File:
        result = _File(name=self.name, documents={}, parameters={})
        data, why = parse_toml(text)
        if data is None:
            self.problem("(file)", why)
            return result
        for key in data:
            if key not in _TOP_KEYS:
                allowed = ", ".join(sorted(_TOP_KEYS))
                self.problem(
                    toml_key(key), f"unknown key; allowed top-level keys are {allowed}"
                )
        fmt = data.get("format", _FORMAT)
        if fmt != _FORMAT:
            self.problem(
                "format", f"unsupported format {shown(fmt)}; expected {_FORMAT}"
            )
        documents = self.section(data, "documents")
        if documents is not None:
            for doc_id, raw in documents.items():
                doc = self.document(doc_id, raw, f"documents.{toml_key(doc_id)}")
                if doc is not None:
                    result.documents[doc_id] = (doc, f"documents.{toml_key(doc_id)}")
        parameters = self.section(data, "parameters")
        if parameters is not None:
            given: dict[str, str] = {}
            for written, raw in parameters.items():
                path = f"parameters.{toml_key(written)}"
                name = current_name(written)
                if name in given:
                    self.problem(
                        path,
                        f"{shown(name)} is given twice, also as {given[name]}; "
                        "keep one (under its current name)",
                    )
                    continue
                given[name] = path
                param = self.parameter(name, raw, path)
                if param is not None:
                    result.parameters[name] = param
        return result

    def parameter(self, name: str, raw: object, path: str) -> _Param | None:
        spec = specs().get(name)
        if spec is None:
            known = ", ".join(sorted(specs()))
            self.problem(path, f"unknown parameter; known parameters are {known}")
            return None
        required = (*_DESCRIPTIONS, "unit") if self.describe else ()
        table = self.table(raw, path, required, _PARAM_OPTIONAL)
        if table is None:
            return None
        before = len(self.problems)
        zh = self.string(table, "description_zh", path)
        en = self.string(table, "description_en", path)
        unit = self.string(table, "unit", path)
        note = self.string(table, "note", path)
        if not self.describe:
            for given, missing in itertools.permutations(_DESCRIPTIONS):
                if given in table and missing not in table:
                    self.problem(
                        f"{path}.{missing}",
                        f"required key is missing: a parameter with {given} is "
                        "described in both languages",
                    )
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
            value = self.value(name, spec.kind, raw_value, f"{path}.values[{index}]")
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
        if len(self.problems) > before:
            return None
        return _Param(
            name=name,
            description_zh=zh,
            description_en=en,
            unit=spec.unit if unit is None else unit,
            note=note,
            values=tuple(values),
            path=path,
        )

    def value(
        self, name: str, kind: Kind[object], raw: object, path: str
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
                typed = kind.parse(table["value"])
            except KindError as exc:
                self.problem(f"{path}.value", str(exc))
        removes: tuple[KeyPath, ...] = ()
        if "removes" in table and len(self.problems) == before:
            removes = self.removes(name, kind, typed, table["removes"], path)
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
            removes=removes,
        )

    def removes(
        self, name: str, kind: Kind[object], typed: object, raw: object, path: str
    ) -> tuple[KeyPath, ...]:
        """The keys a value declares it drops (``removes = [...]``)."""
        where = f"{path}.removes"
        if not isinstance(typed, Mapping):
            self.problem(
                where,
                f"only a keyed table's value removes keys; {name} is of kind "
                f"{kind.name!r}",
            )
            return ()
        items = raw if isinstance(raw, list) else None
        paths: list[KeyPath] = []
        for item in items or ():
            found = (
                key_path(kind, typed, item)
                if isinstance(item, str)
                or (
                    isinstance(item, list)
                    and item
                    and all(isinstance(part, str) for part in item)
                )
                else None
            )
            if found is None:
                items = None
                break
            if found not in paths:
                paths.append(found)
        if not items:
            self.problem(
                where,
                "expected a non-empty list of the keys this value drops, each a "
                "string or, for a key of a nested table, a list of strings, e.g. "
                f'removes = ["technician"]; got {shown(raw)}',
            )
            return ()
        given = [p for p in paths if has_path(typed, p)]
        if given:
            self.problem(
                where,
                f"removes {shown_keys(given)}, which the value gives; remove a key "
                "by leaving it out of the value",
            )
        return tuple(paths)


def _build(
    files: Iterable[_File], problems: list[PolicyProblem]
) -> tuple[dict[str, Document], dict[str, Parameter], tuple[Removal, ...]]:
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
    removals: list[Removal] = []
    for name, entries in raw_params.items():
        described = [(f, p) for f, p in entries if p.description_zh is not None]
        first_file, first = described[0] if described else entries[0]
        values: list[tuple[_File, _Value]] = []
        for file, param in entries:
            if param.description_zh is not None and (
                param.description_zh,
                param.description_en,
            ) != (first.description_zh, first.description_en):
                problems.append(
                    PolicyProblem(
                        file=file.name,
                        path=param.path,
                        message="descriptions differ from the same parameter in "
                        f"{first_file.name}; keep one wording",
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
            period = DateRange(start=value.since, end=value.until)
            if value.removes:
                removals.append(Removal(name=name, period=period, keys=value.removes))
            resolved.append(
                Resolved(
                    name=name,
                    value=value.value,
                    period=period,
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
            description_zh=first.description_zh or "",
            description_en=first.description_en or "",
            unit=first.unit,
            values=tuple(resolved),
            note=first.note,
        )
    return documents, parameters, tuple(removals)


def _fingerprint(parameters: Mapping[str, Parameter]) -> str:
    spec_of = specs()
    content = {}
    for name in sorted(parameters):
        param = parameters[name]
        spec = spec_of.get(name)
        # A parameter of a programme removed from the table since it was read.
        dump: Callable[[object], object] = str if spec is None else spec.kind.dump
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
    import hashlib  # here: it loads OpenSSL, needed only when a policy is built

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
    :meth:`overlay`; give some parameters new values in Python with
    :meth:`with_values`; resolve with :meth:`at`.  A policy never changes after it
    is built: overlaying returns a new policy, and nothing global is mutated, so a
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
    removals: tuple[Removal, ...] = attrs.field(default=(), kw_only=True)
    """The keys of keyed tables this policy's values drop on purpose.

    Read from ``removes = [...]`` on a file's values, or made by
    :meth:`with_values` from its ``remove=``; :meth:`overlay` lets a value drop
    these keys of the base table and no others.  They do not enter the fingerprint.
    """
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
    # One memo per stretch of days with the same figures (see PolicySnapshot.stretch_memo).
    _stretches: dict[tuple[tuple[str, int], ...], dict[Hashable, object]] = attrs.field(
        init=False, factory=dict, repr=False
    )
    _unknown: dict[str, Resolved[object]] = attrs.field(
        init=False, factory=dict, repr=False
    )
    # The programmes registered when the policy was built: key -> parameter class,
    # and where its snapshots hold each of them.
    _classes: dict[str, type[Any]] = attrs.field(init=False, factory=dict, repr=False)
    _layout: GroupLayout = attrs.field(init=False, repr=False)
    _citations: dict[tuple[str, str | None], Citation] = attrs.field(
        init=False, factory=dict, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "fingerprint", _fingerprint(self.parameters))
        self._classes.update(GROUPS)
        object.__setattr__(self, "_layout", GroupLayout.of(self._classes))
        for group, cls in self._classes.items():
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
        """The policy bundled with the package, with every registered programme's file.

        It reads the document register, then each programme's data file in table
        order (:func:`~skillchain.policy.programmes`).  It is loaded on first call and
        cached, and loaded again after :func:`~skillchain.policy.register_programme`
        or :func:`~skillchain.policy.unregister_programme` changes the table.
        """
        return _default_policy()

    @classmethod
    def from_files(cls, *sources: PolicySource) -> "Policy":
        """Load a policy from one or more TOML files read together.

        Documents defined in any of the files may be cited by parameter values in any
        other.  A parameter may get values from several files, provided their periods
        do not overlap.  A file need not describe a parameter (``description_zh``,
        ``description_en``, ``unit``): the declared specification
        (:func:`~skillchain.policy.specs`) knows its kind and unit, and a policy it
        is laid over its descriptions; a unit a file does give must be the declared
        one.

        Raises:
            PolicyFileError: Any file is unreadable or malformed; every problem found
                is listed with its file and TOML path, and nothing is loaded.
        """
        problems: list[PolicyProblem] = []
        files: list[_File] = []
        names: list[str] = []
        for source in sources:
            try:
                name, text = read_source(source)
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
        documents, parameters, removals = _build(files, problems)
        if problems:
            raise PolicyFileError(problems)
        return cls(
            documents=documents,
            parameters=parameters,
            sources=tuple(names),
            removals=removals,
        )

    def overlay(self, other: "Policy") -> "Policy":
        """Return a new policy: *other*'s values laid over this one's.

        For every parameter *other* gives values for, those values win wherever their
        periods reach; this policy's values stay in force outside them (a value cut
        by an overlay keeps its document and provenance).  Parameters *other* does not
        mention are unchanged.  Documents are merged.

        A value of a keyed table (rates by skill level, a catalogue, tiers) replaces
        the base's table whole, so it must give every key of each base table in force
        during its period, unless it declares the keys it drops: ``removes =
        ["technician"]`` on the value in a file (a key of a nested table as a list,
        ``["4-02-07-08", "advanced"]``), or ``remove=`` of :meth:`with_values`.
        To change some keys only, use :meth:`with_values` with ``update=``.

        Raises:
            PolicyFileError: *other* defines a document id differently from this
                policy; a value of *other* drops keys of a base table in force
                without declaring them (the problem names the parameter, the period
                and the keys); or a value declares it drops a key no base table in
                force during its period has.

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
        where = label(", ".join(other.sources))
        documents = dict(self.documents)
        for doc_id, doc in other.documents.items():
            if doc_id in documents and documents[doc_id] != doc:
                problems.append(
                    PolicyProblem(
                        file=where,
                        path=f"documents.{toml_key(doc_id)}",
                        message="differs from the document with the same id in the base "
                        "policy; give the overlay's document its own id",
                    )
                )
            documents[doc_id] = doc
        problems.extend(self._lost_keys(other, where))
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
            removals=(*self.removals, *other.removals),
        )

    def _lost_keys(self, other: "Policy", where: str) -> list[PolicyProblem]:
        """The keys *other*'s tables would drop from this policy's without saying so."""
        problems: list[PolicyProblem] = []
        for name, top in other.parameters.items():
            base = self.parameters.get(name)
            path = f"parameters.{toml_key(name)}"
            for value in top.values:
                if value.period is None or not isinstance(value.value, Mapping):
                    continue
                declared = [
                    key
                    for removal in other.removals
                    if removal.name == name and removal.period.overlaps(value.period)
                    for key in removal.keys
                ]
                lost, stale = drops(
                    base.values if base is not None else (),
                    value.period,
                    value.value,
                    declared,
                )
                problems.extend(
                    PolicyProblem(
                        file=where,
                        path=path,
                        message=f"from {drop.period} the value drops "
                        f"{shown_keys(drop.keys)}, which the base table in force "
                        "has; give them in the value, or declare that it drops them "
                        f"with removes = {toml_keys(drop.keys)}",
                    )
                    for drop in lost
                )
                if stale:
                    problems.append(
                        PolicyProblem(
                            file=where,
                            path=path,
                            message=f"the value from {value.period} removes "
                            f"{shown_keys(stale)}, which no base table in force "
                            "then has; remove only keys the base table has",
                        )
                    )
        return problems

    def with_values(
        self,
        *,
        document: Document | str,
        since: date,
        until: date | None = None,
        replace: Mapping[str, object] | None = None,
        update: Mapping[str, Mapping[Any, object]] | None = None,
        remove: Mapping[str, object] | None = None,
        article: str | None = None,
        note: str | None = None,
        name: str | None = None,
    ) -> "Policy":
        """Return a new policy: this one with new values from *since* to *until*.

        A reform built in Python, checked as a policy file is.  Each parameter is
        named by its dotted name:

        * ``replace={name: value}`` gives a parameter its whole new value;
        * ``update={name: {key: value, ...}}`` changes some keys of a keyed table
          (rates by skill level, a catalogue, tiers), merging them into the table in
          force on each day of the period: the keys not given keep their values,
          piece by piece where the base table changes inside the period (a nested
          table is merged the same way);
        * ``remove={name: [key, ...]}`` drops keys of a keyed table (a tuple of keys
          names a key of a nested table), alone or with a replacement or update.

        A replacement table that lacks keys the base table in force has is refused,
        naming them, unless they are in ``remove=``.  Values may be written as
        TOML data (``{"advanced": "8000"}``) or typed (``{SkillLevel.ADVANCED:
        Decimal("8000")}``); each is read with its parameter's kind.  The new values
        cite *document* (a :class:`~skillchain.Document`, added to the register, or
        the id of one this policy registers) at *article*, with its provenance, and
        carry *note*; the new policy's sources end with *name* (by default
        ``"reform from <since> (<document id>)"``).  This is
        ``Reform(...).apply(self)`` (see :class:`~skillchain.policy.Reform`).

        Raises:
            PolicyFileError: Every problem found, each naming the parameter, what is
                wrong and what was expected.
            InvalidValueError: *document*, *since* or *until* is not of its type, or
                *until* is before *since*.

        Example:
            >>> from datetime import date
            >>> from skillchain import Policy, PolicyFileError, SkillLevel
            >>> base = Policy.default()
            >>> raised = base.with_values(document="sz-2019-11", since=date(2027, 1, 1),
            ...     update={"apprenticeship.annual_subsidy": {SkillLevel.ADVANCED: "8000"}})
            >>> rates = raised.at(date(2027, 1, 1)).apprenticeship.annual_subsidy.value
            >>> {level.value: str(amount) for level, amount in rates.items()}
            {'intermediate': '5500', 'advanced': '8000', 'technician': '8500'}
            >>> try:
            ...     base.with_values(document="sz-2019-11", since=date(2027, 1, 1),
            ...         replace={"apprenticeship.annual_subsidy": {"advanced": "8000"}})
            ... except PolicyFileError as error:
            ...     print(error.problems[0].message)
            the new table lacks intermediate, technician, which the base table in force from 2027-01-01 onwards has; give them, change only some keys with update=, or drop them with remove={"apprenticeship.annual_subsidy": ["intermediate", "technician"]}
        """
        return Reform(
            document=document,
            since=since,
            until=until,
            article=article,
            note=note,
            name=name,
            replaced=replace or {},
            updated=update or {},
            removed=remove or {},
        ).apply(self)

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
        # A hit takes no lock: each operation on the ordered dict is atomic, and a
        # day another thread drops meanwhile is simply not moved (this runs once per
        # decided case).
        snapshot = days.get(day)
        if snapshot is not None:
            try:  # noqa: SIM105 - try costs nothing here; suppress() does
                days.move_to_end(day)
            except KeyError:
                pass
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
        classes = self._classes
        keys = [(group, bisect.bisect_right(cuts[group], day)) for group in classes]
        kept = self._groups
        with _LOCK:
            groups = [kept.get(key) for key in keys]
        for index, built in enumerate(groups):
            if built is None:
                group = keys[index][0]
                fresh = self._resolve_group(group, classes[group], day)
                with _LOCK:
                    if len(kept) >= _GROUPS_KEPT:
                        kept.clear()
                    groups[index] = kept.setdefault(keys[index], fresh)
        stretch = tuple(keys)
        with _LOCK:
            memos = self._stretches
            shared = memos.get(stretch)
            if shared is None:
                if len(memos) >= _GROUPS_KEPT:
                    memos.clear()
                shared = memos[stretch] = {}
        return PolicySnapshot(
            on=day,
            fingerprint=self.fingerprint,
            values=tuple(groups),
            layout=self._layout,
            stretch=shared,
        )

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


# The default policy of the table's current generation (and of the bundled table,
# generation 0, kept while user programmes come and go).
_DEFAULTS: Final[dict[int, Policy]] = {}


def default_sources() -> tuple[PolicySource, ...]:
    """The files :meth:`Policy.default` reads: the register, then each programme's."""
    return (
        data_folder() / REGISTER_FILE,
        *(programme.data for programme in programmes()),
    )


def _default_policy() -> Policy:
    found = _DEFAULTS.get(generation())
    if found is None:
        with REGISTRY_LOCK:
            current = generation()
            found = _DEFAULTS.get(current)
            if found is None:
                found = Policy.from_files(*default_sources())
                for old in [g for g in _DEFAULTS if g not in {0, current}]:
                    del _DEFAULTS[old]
                _DEFAULTS[current] = found
    return found


_PROBLEMS_QUOTED: Final = 5
"""How many problems of a refused data file the refusal quotes."""


def _refuse_data(key: str, problem: str, expected: str) -> InvalidValueError:
    return InvalidValueError(
        field=f"programme {key!r} data", problem=problem, expected=expected
    )


def _quoted(problems: Iterable[PolicyProblem]) -> str:
    listed = list(problems)
    text = "; ".join(str(p) for p in listed[:_PROBLEMS_QUOTED])
    if len(listed) > _PROBLEMS_QUOTED:
        text += f"; and {len(listed) - _PROBLEMS_QUOTED} more"
    return text


def _check_data(programme: Programme) -> None:
    """Refuse *programme* (already in the table) unless its data file fits it."""
    key = programme.key
    expected = (
        f"a policy file that describes every parameter of "
        f"{programme.parameters.__name__} and no other programme's"
    )
    try:
        name, text = read_source(programme.data)
    except _Unreadable as exc:
        raise _refuse_data(key, str(exc.problem), expected) from None
    reader = _Reader(name, describe=True)
    parsed = reader.read(text)
    if reader.problems:
        raise _refuse_data(key, _quoted(reader.problems), expected) from (
            PolicyFileError(reader.problems)
        )
    foreign = [n for n in parsed.parameters if not n.startswith(f"{key}.")]
    if foreign:
        raise _refuse_data(
            key,
            f"{label(name)} gives values to other programmes' parameters: "
            f"{', '.join(foreign)}",
            f"{expected} (change those with Policy.overlay)",
        )
    missing = [
        n for n in specs() if n.startswith(f"{key}.") and n not in parsed.parameters
    ]
    if missing:
        raise _refuse_data(
            key,
            f"{label(name)} does not describe {', '.join(missing)}",
            f"{expected} (a parameter with no value yet is described with no values)",
        )


def register_programme(programme: Programme) -> None:
    """Add a programme of the user's own to the table, after the bundled ones.

    From then on :func:`~skillchain.policy.specs` includes its parameters,
    :meth:`Policy.default` reads its data file after the bundled ones (so its
    documents and values are in the default policy, and in its fingerprint), policy
    files and overlays may give its parameters values, and every snapshot of a
    policy built afterwards holds its group (``snapshot.of(cls)``,
    ``snapshot.<key>``).  A policy built before keeps the programmes it was built
    with.

    The data file is read at once (and again by :meth:`Policy.default`): it must
    describe every parameter of the programme's class (a parameter no value is known
    for yet is described with no values) and no other programme's; it may define
    documents of its own.

    Raises:
        InvalidValueError: The key is not a lower-case word or is already used (or
            hides a snapshot attribute); the parameter class is not an attrs class
            whose every field is declared with :func:`~skillchain.policy.parameter`
            and typed ``Resolved[...]``; or the data file cannot be read, is
            malformed or does not fit the programme.  Nothing is registered then,
            and the table is as it was.

    Example:
        >>> from skillchain.policy import Programme, register_programme
        >>> from skillchain.policy import ApprenticeshipParameters
        >>> register_programme(Programme(key="Housing", title_zh="住房", title_en="Housing",
        ...                              parameters=ApprenticeshipParameters, data="x.toml"))
        Traceback (most recent call last):
        ...
        skillchain.errors.InvalidValueError: programme key: got 'Housing', not a lower-case word; expected a lower-case word of letters, digits and _ starting with a letter, e.g. "housing"
    """
    with REGISTRY_LOCK:
        check_programme(programme)
        install(programme)
        try:
            _check_data(programme)
            policy = Policy.from_files(*default_sources())
        except PolicyFileError as exc:
            uninstall(programme.key)
            raise _refuse_data(
                programme.key,
                _quoted(exc.problems),
                "a data file that loads with the bundled policy files",
            ) from exc
        except BaseException:
            uninstall(programme.key)
            raise
        for old in [g for g in _DEFAULTS if g != 0]:
            del _DEFAULTS[old]
        _DEFAULTS[generation()] = policy


def unregister_programme(key: str) -> Programme:
    """Remove the user programme *key* from the table and return it.

    Everything :func:`register_programme` added goes with it; policies built while
    it was registered keep its group.  Tests use this to leave the table as they
    found it.

    Raises:
        InvalidValueError: *key* is a bundled programme's; those stay.
        KeyError: No user programme has that key.
    """
    with REGISTRY_LOCK:
        programme = uninstall(key)
        for old in [g for g in _DEFAULTS if g not in {0, generation()}]:
            del _DEFAULTS[old]
        return programme
