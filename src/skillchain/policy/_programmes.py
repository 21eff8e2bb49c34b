"""The programme table: every programme's key, titles, parameter class and data file.

One key per programme: the prefix of its rule ids (``apprenticeship``,
``levels`` ...) is also the group of its parameters (``levels.standards``) and the
attribute of its parameters on a :class:`~skillchain.PolicySnapshot`.  The bundled
lists (:data:`BUNDLED_FILES`, :data:`GROUPS`, :func:`specs`) are derived from the
table, and a district adds its own programme to it with
:func:`~skillchain.policy.register_programme`.
"""

import keyword
import os
import re
import threading
import typing

from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any, Final

import attrs

from skillchain._toml import TomlSource, shown
from skillchain.errors import InvalidValueError
from skillchain.policy._schema import (
    ApprenticeshipParameters,
    CarrierParameters,
    ChainsParameters,
    CompetitionParameters,
    CraftsmanParameters,
    ExpertParameters,
    InstitutionParameters,
    LevelApplicationParameters,
    ParameterSpec,
    PolicySnapshot,
    PublicTrainingParameters,
    Resolved,
    RewardParameters,
    SkillUpgradeParameters,
    SubsidyParameters,
    UnemploymentSkillParameters,
)
from skillchain.policy.kinds import Kind


__all__ = [
    "BUNDLED",
    "BUNDLED_FILES",
    "GROUPS",
    "REGISTER_FILE",
    "REGISTRY_LOCK",
    "Programme",
    "check_programme",
    "current_name",
    "data_folder",
    "generation",
    "install",
    "programmes",
    "specs",
    "specs_of",
    "uninstall",
]


@attrs.frozen
class Programme:
    """One programme: its key, titles, parameter class and policy data file.

    Example:
        >>> from skillchain.policy import programmes
        >>> levels = next(p for p in programmes() if p.key == "levels")
        >>> levels.key, levels.title_en, levels.parameters.__name__
        ('levels', 'Skill-level application', 'LevelApplicationParameters')
    """

    key: str
    """The programme's key: the prefix of its rule ids and the group of its
    parameters, a lower-case word (letters, digits and ``_``, starting with a letter)."""
    title_zh: str
    """The programme's name in Chinese."""
    title_en: str
    """The programme's name in English."""
    parameters: type[Any]
    """The attrs class of its parameters on one day: every field declared with
    :func:`~skillchain.policy.parameter` and typed ``Resolved[...]``."""
    data: TomlSource
    """Its policy data file (a path or a package resource): the description, unit and
    dated values of every one of its parameters, and any documents of its own."""
    formerly: tuple[str, ...] = ()
    """Keys the programme had before; a policy file that still uses them is read as
    if it used :attr:`key`."""
    rules: str | None = None
    """The module (or package) that registers the programme's rules when imported:
    ``skillchain.rules.<key>`` for the bundled programmes, which
    :mod:`skillchain.rules` imports when first needed; a user's package imports its
    own."""


REGISTER_FILE: Final = "documents.toml"
"""The bundled document register, loaded before every programme's data file."""


def data_folder() -> Traversable:
    """The folder of the bundled policy files inside the package."""
    return resources.files("skillchain.policy") / "data"


def _bundled(
    key: str, title_zh: str, title_en: str, parameters: type[Any], *formerly: str
) -> Programme:
    return Programme(
        key=key,
        title_zh=title_zh,
        title_en=title_en,
        parameters=parameters,
        data=data_folder() / f"{key}.toml",
        formerly=formerly,
        rules=f"skillchain.rules.{key}",
    )


BUNDLED: Final[tuple[Programme, ...]] = (
    _bundled(
        "apprenticeship",
        "企业新型学徒制",
        "Enterprise new-type apprenticeship",
        ApprenticeshipParameters,
    ),
    _bundled(
        "subsidy",
        "培训补贴年度限制",
        "Limits across training-subsidy kinds",
        SubsidyParameters,
    ),
    _bundled(
        "skill_upgrade",
        "职业技能提升补贴",
        "Skill-upgrade subsidy",
        SkillUpgradeParameters,
    ),
    _bundled(
        "ui_skill",
        "失业保险技能提升补贴",
        "Unemployment-insurance skill-upgrade subsidy",
        UnemploymentSkillParameters,
    ),
    _bundled(
        "institutions",
        "民办职业培训机构",
        "Private vocational training institutions",
        InstitutionParameters,
    ),
    _bundled(
        "experts",
        "技能生态链建设指导专家推荐",
        "Guidance-expert recommendation",
        ExpertParameters,
    ),
    _bundled(
        "carriers",
        "终身职业技能培训载体",
        "Lifelong vocational training carriers",
        CarrierParameters,
    ),
    _bundled("chains", "产教评技能生态链", "Skill chains", ChainsParameters),
    _bundled(
        "competitions", "职业技能竞赛", "Skills competitions", CompetitionParameters
    ),
    _bundled(
        "rewards", "福田英才荟技能人才奖励", "Futian skills rewards", RewardParameters
    ),
    _bundled(
        "craftsman",
        "鹏城工匠与竞赛晋级",
        "鹏城工匠 and competition promotion",
        CraftsmanParameters,
    ),
    _bundled(
        "levels",
        "职业技能等级认定申报",
        "Skill-level application",
        LevelApplicationParameters,
        "level_application",
    ),
    _bundled(
        "public_training",
        "公益性职业技能培训",
        "Public-benefit vocational training",
        PublicTrainingParameters,
    ),
)
"""The programmes bundled with the package, in table order."""

BUNDLED_FILES: Final[tuple[str, ...]] = (
    REGISTER_FILE,
    *(f"{programme.key}.toml" for programme in BUNDLED),
)
"""The files :meth:`Policy.default` loads from ``skillchain/policy/data``, in order:
the document register, then each bundled programme's data file."""

_KEY: Final = re.compile(r"[a-z][a-z0-9_]{0,63}")
"""A programme key or parameter field name: a lower-case word."""
_BUNDLED_KEYS: Final = frozenset(programme.key for programme in BUNDLED)

REGISTRY_LOCK: Final = threading.RLock()
"""Held while the table changes (and while a change is being checked)."""


def specs_of(key: str, cls: type[Any]) -> dict[str, ParameterSpec]:
    """The parameter specs of the programme *key* whose parameter class is *cls*."""
    found: dict[str, ParameterSpec] = {}
    for field in attrs.fields(cls):
        name = f"{key}.{field.name}"
        found[name] = ParameterSpec(
            name=name,
            kind=field.metadata["kind"],
            unit=field.metadata["unit"],
            group=key,
            field=field.name,
        )
    return found


class _Table:
    """The registered programmes and what is derived from them."""

    def __init__(self) -> None:
        self.programmes: dict[str, Programme] = {}
        self.groups: dict[str, type[Any]] = {}
        self.former: dict[str, str] = {}
        self.specs: Mapping[str, ParameterSpec] = MappingProxyType({})
        self.generation = 0
        self.changes = 0

    def rebuild(self) -> None:
        found: dict[str, ParameterSpec] = {}
        for programme in self.programmes.values():
            found.update(specs_of(programme.key, programme.parameters))
        self.specs = MappingProxyType(found)
        self.former = {
            old: programme.key
            for programme in self.programmes.values()
            for old in programme.formerly
        }
        self.changes += 1
        # The bundled table always has generation 0, so whatever is cached for it
        # (the default policy) is found again once user programmes are removed.
        bundled = len(self.programmes) == len(BUNDLED) and all(
            self.programmes.get(p.key) is p for p in BUNDLED
        )
        self.generation = 0 if bundled else self.changes


_TABLE: Final = _Table()
for _programme in BUNDLED:
    _TABLE.programmes[_programme.key] = _programme
    _TABLE.groups[_programme.key] = _programme.parameters
_TABLE.rebuild()

GROUPS: Final[Mapping[str, type[Any]]] = MappingProxyType(_TABLE.groups)
"""Programme key -> the class holding that programme's parameters on one day.

A read-only view of the table: it includes programmes registered later."""


def programmes() -> tuple[Programme, ...]:
    """Every registered programme, in table order: the bundled ones, then the user's.

    Example:
        >>> from skillchain.policy import programmes
        >>> [p.key for p in programmes()][:4]
        ['apprenticeship', 'subsidy', 'skill_upgrade', 'ui_skill']
    """
    return tuple(_TABLE.programmes.values())


def specs() -> Mapping[str, ParameterSpec]:
    """Every parameter the registered programmes declare, by dotted name.

    Example:
        >>> from skillchain.policy import specs
        >>> spec = specs()["levels.standards"]
        >>> spec.group, spec.field, spec.unit
        ('levels', 'standards', 'standards')
    """
    return _TABLE.specs


def generation() -> int:
    """A number that changes whenever the table does (0 for the bundled table)."""
    return _TABLE.generation


def current_name(name: str) -> str:
    """The current name of the parameter a file calls *name*.

    A file written before a programme's key changed still reads: a parameter named
    with a former key (``level_application.standards``) is read under the current
    one (``levels.standards``).
    """
    group, dot, field = name.partition(".")
    renamed = _TABLE.former.get(group)
    return f"{renamed}.{field}" if dot and renamed is not None else name


def _refuse(field: str, problem: str, expected: str) -> InvalidValueError:
    return InvalidValueError(field=field, problem=problem, expected=expected)


def _is_resolved(hint: object) -> bool:
    if isinstance(hint, str):
        return re.match(r"\s*(?:[A-Za-z_]\w*\.)*Resolved\[", hint) is not None
    return typing.get_origin(hint) is Resolved


def _check_class(key: str, cls: object) -> None:
    field = f"programme {key!r} parameters"
    if not isinstance(cls, type) or not attrs.has(cls):
        raise _refuse(
            field,
            f"got {shown(cls)}, not an attrs class",
            "an attrs class (e.g. @attrs.frozen) of parameter fields",
        )
    for programme in _TABLE.programmes.values():
        if programme.parameters is cls:
            raise _refuse(
                field,
                f"{cls.__name__} is already the parameter class of {programme.key!r}",
                "a parameter class of the programme's own",
            )
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError, SyntaxError):
        hints = {}
    declare = 'a field declared as `name: Resolved[T] = parameter(KIND, "unit")`'
    for attribute in attrs.fields(cls):
        where = f"{cls.__name__}.{attribute.name}"
        if not _KEY.fullmatch(attribute.name):
            raise _refuse(
                field,
                f"{where}: the name is not a lower-case word",
                "field names of lower-case letters, digits and _",
            )
        metadata = attribute.metadata
        if not isinstance(metadata.get("kind"), Kind) or not isinstance(
            metadata.get("unit"), str
        ):
            raise _refuse(field, f"{where} is not declared with parameter()", declare)
        if not attribute.init:
            raise _refuse(field, f"{where} is not set by the initialiser", declare)
        if not _is_resolved(hints.get(attribute.name, attribute.type)):
            raise _refuse(field, f"{where} is not typed Resolved[...]", declare)


def _check_key(key: object, what: str) -> None:
    if not isinstance(key, str) or not _KEY.fullmatch(key) or keyword.iskeyword(key):
        raise _refuse(
            what,
            f"got {shown(key)}, not a lower-case word",
            "a lower-case word of letters, digits and _ starting with a letter, "
            'e.g. "housing"',
        )
    if hasattr(PolicySnapshot, key):
        raise _refuse(
            what,
            f"{key!r} is the name of a snapshot attribute",
            "a key that does not hide a PolicySnapshot attribute",
        )
    holder = _TABLE.programmes.get(key)
    if holder is None and key in _TABLE.former:
        holder = _TABLE.programmes[_TABLE.former[key]]
    if holder is not None:
        raise _refuse(
            what,
            f"{key!r} is already the key of a registered programme ({holder.title_en})",
            "a key no registered programme uses (see skillchain.policy.programmes())",
        )


def check_programme(programme: object) -> None:
    """Refuse *programme* unless it can join the table as it stands.

    Checks everything but the data file's content: the key (and former keys), the
    titles and the parameter class.

    Raises:
        InvalidValueError: Why the programme cannot join the table.
    """
    if not isinstance(programme, Programme):
        raise _refuse(
            "programme",
            f"got {shown(programme)}",
            "a skillchain.policy.Programme",
        )
    key = programme.key
    _check_key(key, "programme key")
    formerly: object = programme.formerly  # attrs does not check the type
    if not isinstance(formerly, tuple) or len(set(formerly)) != len(formerly):
        raise _refuse(
            f"programme {key!r} formerly",
            f"got {shown(programme.formerly)}",
            "a tuple of distinct former keys",
        )
    for old in programme.formerly:
        if old == key:
            raise _refuse(
                f"programme {key!r} formerly",
                "the programme's own key is among its former keys",
                "only keys it had before",
            )
        _check_key(old, f"programme {key!r} formerly")
    for title in ("title_zh", "title_en"):
        value = getattr(programme, title)
        if not isinstance(value, str) or not value.strip():
            raise _refuse(
                f"programme {key!r} {title}",
                f"got {shown(value)}",
                "a non-empty title",
            )
    _check_class(key, programme.parameters)
    if not isinstance(programme.data, (str, os.PathLike, Traversable)):
        raise _refuse(
            f"programme {key!r} data",
            f"got {shown(programme.data)}",
            "a path or a package resource (importlib.resources.files(...) / name)",
        )


def install(programme: Programme) -> None:
    """Add *programme* (already checked) at the end of the table."""
    with REGISTRY_LOCK:
        _TABLE.programmes[programme.key] = programme
        _TABLE.groups[programme.key] = programme.parameters
        _TABLE.rebuild()


def uninstall(key: str) -> Programme:
    """Remove the user programme *key* from the table and return it.

    Raises:
        InvalidValueError: *key* is a bundled programme's.
        KeyError: No user programme has that key.
    """
    with REGISTRY_LOCK:
        if key in _BUNDLED_KEYS:
            raise _refuse(
                "programme key",
                f"{key!r} is a bundled programme",
                "the key of a programme registered with register_programme()",
            )
        programme = _TABLE.programmes.get(key)
        if programme is None:
            msg = f"no user programme {shown(key)} is registered"
            raise KeyError(msg)
        del _TABLE.programmes[key]
        del _TABLE.groups[key]
        _TABLE.rebuild()
        return programme
