"""A district's own programme: registered, read, resolved, overlaid, listed, removed."""

# Parameter classes declare their fields with parameter(), an attrs.field() helper.
# ruff: noqa: RUF009

import subprocess
import sys
import textwrap

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import given, settings

from skillchain import InvalidValueError, Policy, PolicyFileError
from skillchain.policy import (
    BUNDLED_FILES,
    GROUPS,
    ApprenticeshipParameters,
    PolicySnapshot,
    Programme,
    Resolved,
    parameter,
    programmes,
    register_programme,
    specs,
    unregister_programme,
)
from skillchain.policy.kinds import MONEY, MONTHS
from skillchain.testing.strategies import parameter_groups


@attrs.frozen(kw_only=True)
class HousingParameters:
    """A made-up district housing subsidy for skilled workers."""

    monthly_rate: Resolved[Decimal] = parameter(MONEY, "yuan_per_month")
    """The subsidy per month."""
    max_months: Resolved[int] = parameter(MONTHS, "months")
    """The most months it is paid for."""


DOCUMENT = """
[documents.ft-housing-example]
title = "福田区技能人才住房补贴办法（示例）"
issuers = ["深圳市福田区人力资源局"]
level = "district"
provenance = "unverified"
"""

HOUSING = (
    'format = 1\ntitle = "Housing subsidy (example)"\n'
    + DOCUMENT
    + """
[parameters."housing.monthly_rate"]
description_zh = "住房补贴（每月）"
description_en = "Housing subsidy per month"
unit = "yuan_per_month"

[[parameters."housing.monthly_rate".values]]
since = 2025-01-01
value = "1500"
document = "ft-housing-example"
article = "第三条"

[parameters."housing.max_months"]
description_zh = "住房补贴最长发放月数"
description_en = "Most months the housing subsidy is paid for"
unit = "months"

[[parameters."housing.max_months".values]]
since = 2025-01-01
until = 2027-12-31
value = 36
document = "ft-housing-example"
"""
)

BUNDLED_KEYS = [p.key for p in programmes()]


def housing_programme(data: object, **changes: Any) -> Programme:
    """The housing programme reading *data*, with any field changed."""
    fields: dict[str, Any] = {
        "key": "housing",
        "title_zh": "技能人才住房补贴",
        "title_en": "Skilled-worker housing subsidy",
        "parameters": HousingParameters,
        "data": data,
    }
    fields.update(changes)
    return Programme(**fields)


@pytest.fixture
def bundled() -> Policy:
    """The bundled policy, read straight from its files (not the cached default)."""
    data = resources.files("skillchain.policy") / "data"
    return Policy.from_files(*(data / name for name in BUNDLED_FILES))


@pytest.fixture
def housing_file(tmp_path: Path) -> Path:
    """The housing programme's data file."""
    path = tmp_path / "housing.toml"
    path.write_text(HOUSING, encoding="utf-8")
    return path


@pytest.fixture
def housing(housing_file: Path) -> Iterator[Programme]:
    """The housing programme, registered for one test and removed after it."""
    programme = housing_programme(housing_file)
    register_programme(programme)
    try:
        yield programme
    finally:
        unregister_programme("housing")
    assert [p.key for p in programmes()] == BUNDLED_KEYS


# --- the table -----------------------------------------------------------------------


def test_a_registered_programme_joins_the_table(housing: Programme) -> None:
    """The programme comes after the bundled ones; its parameters are specified."""
    assert programmes()[-1] is housing
    assert [p.key for p in programmes()] == [*BUNDLED_KEYS, "housing"]
    assert GROUPS["housing"] is HousingParameters
    rate = specs()["housing.monthly_rate"]
    assert (rate.group, rate.field, rate.unit, rate.kind) == (
        "housing",
        "monthly_rate",
        "yuan_per_month",
        MONEY,
    )
    assert specs()["housing.max_months"].kind is MONTHS


def test_unregistering_leaves_the_bundled_table(housing_file: Path) -> None:
    """After removal the specs, groups and default policy are the bundled ones again."""
    before = Policy.default()
    names = dict(specs())
    register_programme(housing_programme(housing_file))
    assert Policy.default() is not before
    removed = unregister_programme("housing")
    assert removed.key == "housing"
    assert dict(specs()) == names
    assert "housing" not in GROUPS
    assert Policy.default() is before


def test_bundled_programmes_cannot_be_removed() -> None:
    """unregister_programme refuses a bundled key and names an unknown one."""
    with pytest.raises(InvalidValueError, match="'levels' is a bundled programme"):
        unregister_programme("levels")
    with pytest.raises(KeyError, match="no user programme 'housing'"):
        unregister_programme("housing")
    assert [p.key for p in programmes()] == BUNDLED_KEYS


# --- the default policy and its snapshots --------------------------------------------


@pytest.mark.usefixtures("housing")
def test_the_default_policy_reads_the_programme_file(
    housing_file: Path, bundled: Policy
) -> None:
    """Its documents and values are in the default policy, and in the fingerprint."""
    policy = Policy.default()
    assert policy.sources[-1] == str(housing_file)
    assert policy.sources[:-1] == bundled.sources
    assert (
        policy.documents["ft-housing-example"].title
        == "福田区技能人才住房补贴办法（示例）"
    )
    assert policy.fingerprint != bundled.fingerprint
    history = policy.parameter("housing.max_months")
    assert [(str(v.period), v.value) for v in history.values] == [
        ("2025-01-01 to 2027-12-31", 36)
    ]
    # Every bundled parameter resolves as before.
    day = date(2025, 6, 1)
    for name in bundled.parameters:
        assert policy.at(day).get(name) == bundled.at(day).get(name)


def test_snapshots_hold_the_group_by_class_key_and_attribute(
    housing: Programme,
) -> None:
    """of(), group(), get() and the attribute all give the programme's parameters."""
    del housing
    snapshot = Policy.default().at(date(2025, 6, 1))
    params = snapshot.of(HousingParameters)
    assert isinstance(params, HousingParameters)
    assert snapshot.group("housing") is params
    assert snapshot.housing is params
    assert params.monthly_rate.value == Decimal(1500)
    assert params.monthly_rate.citation is not None
    assert params.monthly_rate.citation.article == "第三条"
    assert params.monthly_rate.citation.document.id == "ft-housing-example"
    assert snapshot.get("housing.max_months").value == 36
    assert "housing" in dir(snapshot)
    assert "housing.max_months" not in snapshot.unknown()


@pytest.mark.parametrize(
    ("day", "unknown"),
    [
        (date(2024, 12, 31), {"housing.monthly_rate", "housing.max_months"}),
        (date(2025, 1, 1), set()),
        (date(2027, 12, 31), set()),
        (date(2028, 1, 1), {"housing.max_months"}),
    ],
)
def test_the_programme_values_are_in_force_in_their_periods(
    housing: Programme, day: date, unknown: set[str]
) -> None:
    """A value outside its period is unknown; the snapshot lists it as such."""
    del housing
    snapshot = Policy.default().at(day)
    assert {n for n in snapshot.unknown() if n.startswith("housing.")} == unknown
    assert snapshot.housing.max_months.known is ("housing.max_months" not in unknown)


def test_a_policy_built_before_keeps_its_programmes(housing_file: Path) -> None:
    """A policy read before the registration resolves without the new group."""
    before = Policy.default()
    register_programme(housing_programme(housing_file))
    try:
        snapshot = before.at(date(2025, 6, 1))
        with pytest.raises(KeyError, match="no programme 'housing'"):
            snapshot.group("housing")
        with pytest.raises(KeyError, match="HousingParameters"):
            snapshot.of(HousingParameters)
        with pytest.raises(KeyError, match=r"no parameter 'housing\.monthly_rate'"):
            snapshot.get("housing.monthly_rate")
        assert not hasattr(snapshot, "housing")
        assert Policy.default().at(date(2025, 6, 1)).housing.max_months.value == 36
    finally:
        unregister_programme("housing")


def test_snapshot_lookups_name_what_is_missing() -> None:
    """An unknown key, class or attribute is refused with the programmes listed."""
    snapshot = Policy.default().at(date(2024, 6, 1))
    with pytest.raises(AttributeError, match="its programmes are apprenticeship, "):
        snapshot.nothing  # noqa: B018 - the lookup is the test
    with pytest.raises(KeyError, match="no programme 'nothing'"):
        snapshot.group("nothing")
    with pytest.raises(KeyError, match="no programme with the parameter class 'int'"):
        snapshot.of(int)
    assert snapshot.of(ApprenticeshipParameters) is snapshot.apprenticeship


def test_overlays_may_set_the_programme_parameters(housing: Programme) -> None:
    """A district overlay changes the new programme's figure from its own date."""
    del housing
    overlay = Policy.loads(
        """
[documents.ft-housing-2026]
title = "福田区技能人才住房补贴调整（示例）"
issuers = ["深圳市福田区人力资源局"]
level = "district"
provenance = "unverified"

[parameters."housing.monthly_rate"]
description_zh = "住房补贴（每月）"
description_en = "Housing subsidy per month"
unit = "yuan_per_month"

[[parameters."housing.monthly_rate".values]]
since = 2026-01-01
value = "1800"
document = "ft-housing-2026"
""",
        name="housing-2026.toml",
    )
    policy = Policy.default().overlay(overlay)
    assert policy.at(date(2025, 12, 31)).housing.monthly_rate.value == Decimal(1500)
    assert policy.at(date(2026, 1, 1)).housing.monthly_rate.value == Decimal(1800)
    assert policy.fingerprint != Policy.default().fingerprint


def test_files_are_checked_against_the_programme_units(housing: Programme) -> None:
    """A file giving the new parameter another unit is refused like a bundled one."""
    del housing
    with pytest.raises(PolicyFileError) as info:
        Policy.loads(
            '[parameters."housing.max_months"]\ndescription_zh = "x"\n'
            'description_en = "x"\nunit = "years"\n',
            name="draft.toml",
        )
    assert [p.message for p in info.value.problems] == [
        "wrong unit 'years'; housing.max_months is measured in 'months'"
    ]


def test_the_strategies_draw_the_programme_group(housing: Programme) -> None:
    """parameter_groups works with the new programme's key and class."""
    del housing

    @settings(max_examples=10, deadline=None)
    @given(parameter_groups(HousingParameters), parameter_groups("housing"))
    def check(by_class: HousingParameters, by_key: object) -> None:
        assert isinstance(by_class, HousingParameters)
        assert isinstance(by_key, HousingParameters)
        assert by_class.monthly_rate.name == "housing.monthly_rate"

    check()


def test_skillchain_params_shows_the_programme(housing_file: Path) -> None:
    """`skillchain params` run after a registration lists the new parameters."""
    script = textwrap.dedent(
        f"""
        import runpy, sys
        from decimal import Decimal
        import attrs
        from skillchain.policy import Programme, Resolved, parameter, register_programme
        from skillchain.policy.kinds import MONEY, MONTHS

        @attrs.frozen(kw_only=True)
        class HousingParameters:
            monthly_rate: Resolved[Decimal] = parameter(MONEY, "yuan_per_month")
            max_months: Resolved[int] = parameter(MONTHS, "months")

        register_programme(Programme(key="housing", title_zh="住房", title_en="Housing",
                                     parameters=HousingParameters, data={str(housing_file)!r}))
        sys.argv = ["skillchain", "params", "housing", "--on", "2025-06-01", "--lang", "en"]
        runpy.run_module("skillchain", run_name="__main__")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "housing.max_months  Most months the housing subsidy is paid for" in out
    assert "  value: 36 (months)" in out
    assert "housing.monthly_rate  Housing subsidy per month" in out
    assert "福田区技能人才住房补贴办法（示例）" in out
    assert "apprenticeship." not in out


# --- refusals ------------------------------------------------------------------------


class PlainParameters:
    """Not an attrs class."""

    rate: Resolved[Decimal]


@attrs.frozen
class UndeclaredParameters:
    """A field not declared with parameter()."""

    rate: Resolved[Decimal] = attrs.field()


@attrs.frozen
class UntypedParameters:
    """A field not typed Resolved[...]."""

    rate: Decimal = parameter(MONEY, "yuan")


@attrs.frozen
class HiddenParameters:
    """A field the initialiser does not set."""

    rate: Resolved[Decimal] = attrs.field(
        init=False, default=None, metadata={"kind": MONEY, "unit": "yuan"}
    )


MISSING: Any = object()
"""Stands for a data file that does not exist."""
AN_INSTANCE = HousingParameters(
    monthly_rate=Resolved("housing.monthly_rate", None),
    max_months=Resolved("housing.max_months", None),
)
HOUSING_WITHOUT_MAX = HOUSING[: HOUSING.index('[parameters."housing.max_months"]')]

REFUSALS: list[tuple[str, dict[str, Any], str]] = [
    ("key clash", {"key": "apprenticeship"}, "already the key of a registered"),
    ("former key", {"key": "level_application"}, "already the key of a registered"),
    ("capital", {"key": "Housing"}, "not a lower-case word"),
    ("hyphen", {"key": "housing-subsidy"}, "not a lower-case word"),
    ("digit first", {"key": "1housing"}, "not a lower-case word"),
    ("empty key", {"key": ""}, "not a lower-case word"),
    ("keyword", {"key": "class"}, "not a lower-case word"),
    ("snapshot attribute", {"key": "fingerprint"}, "snapshot attribute"),
    ("snapshot method", {"key": "unknown"}, "snapshot attribute"),
    ("former clash", {"formerly": ("levels",)}, "already the key of a registered"),
    ("empty title", {"title_en": " "}, "a non-empty title"),
    ("not attrs", {"parameters": PlainParameters}, "not an attrs class"),
    ("instance", {"parameters": AN_INSTANCE}, "not an attrs class"),
    ("undeclared", {"parameters": UndeclaredParameters}, "not declared with parameter"),
    ("untyped", {"parameters": UntypedParameters}, "not typed Resolved"),
    ("not init", {"parameters": HiddenParameters}, "not set by the initialiser"),
    (
        "class taken",
        {"parameters": ApprenticeshipParameters},
        "already the parameter class of 'apprenticeship'",
    ),
    ("data not a path", {"data": 42}, "a path or a package resource"),
    ("missing file", {"data": MISSING}, "cannot read: No such file or directory"),
    ("not UTF-8", {"data": b"title = '\xe9'"}, "not UTF-8 text"),
    ("not TOML", {"data": "format = = 1"}, "not valid TOML"),
    (
        "wrong unit",
        {"data": HOUSING.replace('unit = "months"', 'unit = "years"')},
        "wrong unit 'years'",
    ),
    (
        "foreign parameter",
        {
            "data": HOUSING
            + '[parameters."apprenticeship.district_quota"]\ndescription_zh = "区年度学徒培养名额（人）"\n'
            'description_en = "The district\'s annual apprentice quota (persons)"\n'
            'unit = "persons"\n'
        },
        "other programmes' parameters: apprenticeship.district_quota",
    ),
    (
        "undescribed",
        {"data": HOUSING_WITHOUT_MAX},
        "does not describe housing.max_months",
    ),
    (
        "unknown document",
        {
            "data": HOUSING.replace(
                'document = "ft-housing-example"\narticle',
                'document = "nowhere"\narticle',
            )
        },
        "unknown document 'nowhere'",
    ),
    (
        "document clash",
        {"data": HOUSING + DOCUMENT.replace("ft-housing-example", "sz-2019-11")},
        "document 'sz-2019-11' is already defined differently",
    ),
]


@pytest.mark.parametrize(
    ("changes", "message"),
    [(changes, message) for _, changes, message in REFUSALS],
    ids=[case for case, _, _ in REFUSALS],
)
def test_refused_programmes_leave_the_table_unchanged(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    """Each refusal is a ValueError saying why; programmes(), specs() and the default
    policy are as they were."""
    path = tmp_path / "housing.toml"
    data = changes.get("data", HOUSING)
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    elif data is MISSING:
        path = tmp_path / "missing.toml"
    else:
        path = data
    changes = {**changes, "data": path}
    before = (programmes(), dict(specs()), dict(GROUPS), Policy.default())
    with pytest.raises(ValueError, match=message) as info:
        register_programme(housing_programme(**changes))
    assert isinstance(info.value, InvalidValueError)
    assert (programmes(), dict(specs()), dict(GROUPS), Policy.default()) == before
    assert Policy.default() is before[3]


def test_a_programme_is_registered_once(housing: Programme) -> None:
    """Registering the same programme again is a key clash."""
    with pytest.raises(InvalidValueError, match="'housing' is already the key"):
        register_programme(housing)
    assert programmes()[-1] is housing


def test_a_refused_programme_is_not_a_programme() -> None:
    """Anything but a Programme is refused before anything else is looked at."""
    with pytest.raises(
        InvalidValueError, match=r"expected a skillchain\.policy\.Programme"
    ):
        register_programme("housing")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "unit", "message"),
    [
        ("money", "yuan", "parameter kind: got 'money'"),
        (MONEY, "Yuan", "parameter unit: got 'Yuan'"),
        (MONEY, "", "parameter unit: got ''"),
        (MONEY, 3, "parameter unit: got 3"),
    ],
)
def test_parameter_refuses_what_is_not_a_kind_and_unit(
    kind: Any, unit: Any, message: str
) -> None:
    """parameter() checks its kind and unit where the class is written."""
    with pytest.raises(InvalidValueError, match=message):
        parameter(kind, unit)


def test_the_snapshot_class_declares_the_bundled_groups_for_type_checkers() -> None:
    """The type-checking declarations of PolicySnapshot match the bundled programmes."""
    import ast
    import inspect

    from skillchain.policy import _schema

    tree = ast.parse(inspect.getsource(_schema))
    snapshot = next(
        node
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name == PolicySnapshot.__name__
    )
    block = next(
        node
        for node in snapshot.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    declared = [
        (node.name, ast.unparse(node.returns) if node.returns else "")
        for node in block.body
        if isinstance(node, ast.FunctionDef)
    ]
    assert declared == [(p.key, p.parameters.__name__) for p in programmes()]


def test_a_snapshot_survives_pickling_with_its_groups(housing: Programme) -> None:
    """A pickled snapshot (and policy) keeps every group, the user's included."""
    import pickle

    del housing
    policy = Policy.default()
    snapshot = policy.at(date(2025, 6, 1))
    again = pickle.loads(pickle.dumps(snapshot))  # noqa: S301 - our own bytes
    assert again == snapshot
    assert again.housing.monthly_rate.value == Decimal(1500)
    assert again.of(HousingParameters) == snapshot.of(HousingParameters)
    copy = pickle.loads(pickle.dumps(policy))  # noqa: S301 - our own bytes
    assert copy.at(date(2025, 6, 1)).get("housing.max_months").value == 36
