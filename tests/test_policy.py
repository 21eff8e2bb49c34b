"""Tests for dated, sourced policy parameters: loading, resolving, overlaying, errors."""

import itertools

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    DocumentLevel,
    Policy,
    PolicyFileError,
    Provenance,
    Resolved,
    SkillLevel,
)
from skillchain.policy import (
    BUNDLED_FILES,
    GROUPS,
    ApprenticeshipParameters,
    LevelApplicationParameters,
    programmes,
    specs,
)


DAY = timedelta(days=1)

HEADER = """
[documents.d1]
title = "测试文件"
issuers = ["测试机关"]
level = "district"
provenance = "official"
"""


def months_param(values: str, *, unit: str = "months") -> str:
    """A file defining apprenticeship.contract_min_months with the given value tables."""
    return (
        HEADER
        + f"""
[parameters."apprenticeship.contract_min_months"]
description_zh = "学徒劳动合同最短期限"
description_en = "Shortest labour contract"
unit = "{unit}"
"""
        + values
    )


def value_table(
    since: str, value: str, *, until: str | None = None, extra: str = ""
) -> str:
    """One [[values]] table for apprenticeship.contract_min_months."""
    lines = [
        '[[parameters."apprenticeship.contract_min_months".values]]',
        f"since = {since}",
        f"value = {value}",
        'document = "d1"',
    ]
    if until:
        lines.append(f"until = {until}")
    if extra:
        lines.append(extra)
    return "\n".join(lines) + "\n"


def problems_of(text: str, name: str = "bad.toml") -> list[tuple[str, str, str]]:
    """Load *text* expecting failure; return (file, path, message) of every problem."""
    with pytest.raises(PolicyFileError) as info:
        Policy.loads(text, name=name)
    return [(p.file, p.path, p.message) for p in info.value.problems]


# --- the bundled policy --------------------------------------------------------------


def test_default_policy_is_cached_and_loads_every_bundled_file() -> None:
    """Policy.default() loads documents.toml and apprenticeship.toml once."""
    policy = Policy.default()
    assert policy is Policy.default()
    assert [s.rsplit("/", 1)[-1].split(":")[-1] for s in policy.sources] == list(
        BUNDLED_FILES
    )


def test_every_apprenticeship_parameter_is_described_in_the_bundled_policy() -> None:
    """Each parameter the code declares has zh/en descriptions and a unit in the data."""
    policy = Policy.default()
    assert set(policy.parameters) == set(specs())
    for name, param in policy.parameters.items():
        assert param.description_zh
        assert param.description_en
        assert specs()[name].unit == param.unit


BUNDLED_KEYS = (
    "apprenticeship",
    "subsidy",
    "skill_upgrade",
    "ui_skill",
    "institutions",
    "experts",
    "carriers",
    "chains",
    "competitions",
    "rewards",
    "craftsman",
    "levels",
    "public_training",
)
DATA = Path(__file__).parent.parent / "src" / "skillchain" / "policy" / "data"


def test_the_programme_table_the_data_files_groups_and_specs_agree() -> None:
    """One key per programme: each data file but the register is one programme's, and
    holds every parameter of that programme and no other."""
    table = programmes()
    assert tuple(p.key for p in table) == BUNDLED_KEYS
    assert tuple(GROUPS) == BUNDLED_KEYS
    assert all(GROUPS[p.key] is p.parameters for p in table)
    assert len({p.parameters for p in table}) == len(table)
    assert ("documents.toml", *(f"{key}.toml" for key in BUNDLED_KEYS)) == BUNDLED_FILES
    assert sorted(path.name for path in DATA.glob("*.toml")) == sorted(BUNDLED_FILES)
    assert set(specs()) == {
        f"{p.key}.{field.name}" for p in table for field in attrs.fields(p.parameters)
    }
    register = DATA / "documents.toml"
    assert not Policy.from_files(register).parameters
    for programme in table:
        assert Path(str(programme.data)).name == f"{programme.key}.toml"
        own = Policy.from_files(register, DATA / f"{programme.key}.toml").parameters
        assert set(own) == {n for n, s in specs().items() if s.group == programme.key}


def test_every_rule_id_starts_with_a_programme_key() -> None:
    """The rule-id prefix names the programme: each rule's prefix is a key of the table."""
    from skillchain.rules import rules

    keys = {p.key for p in programmes()}
    assert {rule.id.split(".")[0] for rule in rules()} <= keys


def test_parameters_under_the_former_level_application_names_are_read() -> None:
    """An overlay written with level_application.* gives values to levels.*."""
    text = (
        HEADER
        + """
[parameters."level_application.district_standards"]
description_zh = "区加载的职业技能标准申报条件（按职业和标准版本）"
description_en = "Application conditions of the occupational standards the district loads (by occupation and edition)"
unit = "standards"

[[parameters."level_application.district_standards".values]]
since = 2024-01-01
document = "d1"

[[parameters."level_application.district_standards".values.value]]
occupation = "6-31-01-03"
edition = "2018"
document = "d1"
routes = [{ level = "intermediate", years = 3 }]
"""
    )
    policy = Policy.default().overlay(Policy.loads(text, name="old-names.toml"))
    assert "level_application.district_standards" not in policy.parameters
    levels = policy.at(date(2024, 6, 1)).of(LevelApplicationParameters)
    assert levels.district_standards.name == "levels.district_standards"
    standards = levels.district_standards.value
    assert standards is not None
    assert [str(s.occupation) for s in standards] == ["6-31-01-03"]
    assert not policy.at(date(2023, 12, 31)).levels.district_standards.known


def test_a_parameter_under_its_former_and_current_name_is_refused() -> None:
    """One file may not give the same parameter under both names."""
    table = """
[parameters."{name}"]
description_zh = "区加载的职业技能标准申报条件（按职业和标准版本）"
description_en = "Application conditions"
unit = "standards"
"""
    text = table.format(name="levels.district_standards") + table.format(
        name="level_application.district_standards"
    )
    assert problems_of(text) == [
        (
            "bad.toml",
            'parameters."level_application.district_standards"',
            (
                "'levels.district_standards' is given twice, also as "
                'parameters."levels.district_standards"; keep one (under its current name)'
            ),
        )
    ]


def test_bundled_register_cites_known_documents_with_sources() -> None:
    """Every bundled value cites a registered document that has an address or a note."""
    policy = Policy.default()
    for param in policy.parameters.values():
        for value in param.values:
            assert value.citation is not None
            doc = value.citation.document
            assert policy.documents[doc.id] is doc
            assert doc.urls or doc.level is DocumentLevel.INTERNAL


def test_shenzhen_rates_by_level_on_a_2024_day() -> None:
    """深人社规〔2019〕11号 rates as the Longgang FAQ restates them: 5500/7000/8500."""
    rates = Policy.default().at(date(2024, 6, 1)).apprenticeship.annual_subsidy
    assert rates.value == {
        SkillLevel.INTERMEDIATE: Decimal(5500),
        SkillLevel.ADVANCED: Decimal(7000),
        SkillLevel.TECHNICIAN: Decimal(8500),
    }
    # The figures are official; their start date is inferred, so the value is not.
    assert rates.provenance is Provenance.UNVERIFIED
    assert rates.citation is not None
    assert rates.citation.document.id == "lg-apprenticeship-faq"
    assert rates.citation.period_inferred


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 10, 22), None),
        (date(2020, 10, 23), Decimal("0.50")),
        (date(2023, 8, 14), Decimal("0.50")),
        (date(2023, 8, 15), Decimal("0.40")),
        (date(2025, 12, 31), Decimal("0.40")),
        (date(2026, 1, 1), None),
    ],
)
def test_prepayment_share_changes_with_the_2023_provincial_measure(
    day: date, expected: Decimal | None
) -> None:
    """Up to 50 % (2020 FAQ) until 粤人社规〔2023〕13号, then 40 %, then nothing after 2025."""
    assert (
        expected == Policy.default().at(day).apprenticeship.prepayment_share_filed.value
    )


def test_provincial_band_expires_with_its_measure() -> None:
    """The 5 000-8 500 band is in force only 2023-08-15 to 2025-12-31 (no successor found)."""
    policy = Policy.default()
    before = policy.at(date(2023, 8, 14)).apprenticeship
    during = policy.at(date(2023, 8, 15)).apprenticeship
    last = policy.at(date(2025, 12, 31)).apprenticeship
    after = policy.at(date(2026, 1, 1)).apprenticeship
    assert (before.provincial_rate_min.value, before.provincial_rate_max.value) == (
        None,
        None,
    )
    assert (during.provincial_rate_min.value, during.provincial_rate_max.value) == (
        Decimal(5000),
        Decimal(8500),
    )
    assert last.provincial_rate_max.value == Decimal(8500)
    assert not after.provincial_rate_max.known
    assert after.provincial_rate_max == Resolved(
        name="apprenticeship.provincial_rate_max", value=None
    )


def test_district_quota_is_never_in_force_until_the_district_supplies_it() -> None:
    """Futian's quota is unpublished: unknown on every day, and listed by unknown()."""
    snapshot = Policy.default().at(date(2024, 6, 1))
    assert snapshot.apprenticeship.district_quota.value is None
    assert "apprenticeship.district_quota" in snapshot.unknown()
    assert "apprenticeship.annual_subsidy" not in snapshot.unknown()


def _boundaries() -> list[tuple[str, int]]:
    policy = Policy.default()
    return [
        (name, index)
        for name, param in sorted(policy.parameters.items())
        for index in range(len(param.values))
    ]


@pytest.mark.parametrize(("name", "index"), _boundaries())
def test_every_value_starts_and_ends_on_its_dates(name: str, index: int) -> None:
    """At D-1 the value is not yet in force, at D it is; likewise at its last day and after."""
    policy = Policy.default()
    value = policy.parameter(name).values[index]
    assert value.period is not None
    start, end = value.period.start, value.period.end
    assert policy.at(start).get(name) is value
    assert policy.at(start - DAY).get(name) is not value
    if end is not None:
        assert policy.at(end).get(name) is value
        assert policy.at(end + DAY).get(name) is not value


@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)))
def test_resolution_picks_the_one_value_whose_period_holds_the_day(day: date) -> None:
    """For any day, each parameter resolves to the unique value covering it, or to nothing."""
    policy = Policy.default()
    snapshot = policy.at(day)
    for name, param in policy.parameters.items():
        covering = [v for v in param.values if v.period is not None and day in v.period]
        assert len(covering) <= 1
        resolved = snapshot.get(name)
        if covering:
            assert resolved is covering[0]
        else:
            assert resolved.value is None
            assert resolved.citation is None


def test_snapshot_is_typed_per_programme_and_cached_per_day() -> None:
    """at(day) returns the same frozen snapshot for the same day."""
    policy = Policy.default()
    snap = policy.at(date(2024, 1, 2))
    assert snap is policy.at(date(2024, 1, 2))
    assert isinstance(snap.apprenticeship, ApprenticeshipParameters)
    assert snap.of(ApprenticeshipParameters) is snap.apprenticeship
    assert tuple(snap.groups) == BUNDLED_KEYS
    assert snap.fingerprint == policy.fingerprint
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        snap.on = date(2000, 1, 1)  # type: ignore[misc]


def test_snapshot_get_rejects_unknown_names() -> None:
    """get() with a name the code does not declare raises KeyError."""
    with pytest.raises(KeyError):
        Policy.default().at(date(2024, 1, 1)).get("apprenticeship.nope")


def test_parameter_lookup_names_what_exists() -> None:
    """parameter() for an unknown name lists the names the policy has."""
    with pytest.raises(KeyError, match=r"apprenticeship\.annual_subsidy"):
        Policy.default().parameter("apprenticeship.nope")


def test_values_default_to_their_documents_provenance() -> None:
    """A value without its own provenance takes its document's."""
    policy = Policy.loads(months_param(value_table("2020-01-01", "12")))
    resolved = policy.at(date(2020, 1, 1)).apprenticeship.contract_min_months
    assert resolved.provenance is Provenance.OFFICIAL
    own = Policy.loads(
        months_param(value_table("2020-01-01", "12", extra='provenance = "unverified"'))
    )
    assert (
        own.at(date(2020, 1, 1)).apprenticeship.contract_min_months.provenance
        is Provenance.UNVERIFIED
    )


# --- several files, overlays, fingerprints -------------------------------------------


def test_from_files_reads_documents_and_parameters_across_files(tmp_path: Path) -> None:
    """A value in one file may cite a document defined in another file loaded with it."""
    docs = tmp_path / "docs.toml"
    docs.write_text(HEADER, encoding="utf-8")
    params = tmp_path / "params.toml"
    params.write_text(
        months_param(value_table("2020-01-01", "18")).replace(HEADER, ""),
        encoding="utf-8",
    )
    policy = Policy.from_files(docs, str(params))
    assert policy.sources == (str(docs), str(params))
    assert policy.at(date(2021, 5, 5)).apprenticeship.contract_min_months.value == 18


def test_overlay_cuts_base_values_only_where_the_overlay_reaches() -> None:
    """A 2027-2028 draft value replaces the base inside its period and nowhere else."""
    base = Policy.default()
    draft = Policy.loads(
        months_param(value_table("2027-01-01", "6", until="2028-12-31")),
        name="draft.toml",
    )
    reform = base.overlay(draft)
    months = "apprenticeship.contract_min_months"
    assert reform.at(date(2026, 12, 31)).get(months).value == 12
    assert reform.at(date(2027, 1, 1)).get(months).value == 6
    assert reform.at(date(2028, 12, 31)).get(months).value == 6
    after = reform.at(date(2029, 1, 1)).get(months)
    assert after.value == 12
    assert after.citation is not None
    assert after.citation.document.id == "mohrss-2021-39"
    assert [
        (v.period.start, v.period.end)
        for v in reform.parameter(months).values
        if v.period
    ] == [
        (date(2021, 6, 8), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2028, 12, 31)),
        (date(2029, 1, 1), None),
    ]
    assert reform.sources == (*base.sources, "draft.toml")
    assert "d1" in reform.documents


def test_overlay_leaves_the_base_untouched() -> None:
    """Overlaying returns a new policy; the base's values and fingerprint are unchanged."""
    base = Policy.default()
    fingerprint = base.fingerprint
    history = base.parameter("apprenticeship.contract_min_months").values
    base.overlay(Policy.loads(months_param(value_table("2027-01-01", "6"))))
    assert base.fingerprint == fingerprint
    assert base.parameter("apprenticeship.contract_min_months").values == history


def test_overlay_supplies_a_district_only_value() -> None:
    """A district overlay gives the quota the bundled policy leaves unknown."""
    quota = (
        HEADER
        + """
[parameters."apprenticeship.district_quota"]
description_zh = "区年度学徒培养名额（人）"
description_en = "The district's annual apprentice quota (persons)"
unit = "persons"
[[parameters."apprenticeship.district_quota".values]]
since = 2024-01-01
until = 2024-12-31
value = 150
document = "d1"
provenance = "unverified"
"""
    )
    policy = Policy.default().overlay(Policy.loads(quota))
    assert policy.at(date(2024, 6, 1)).apprenticeship.district_quota.value == 150
    assert policy.at(date(2025, 1, 1)).apprenticeship.district_quota.value is None


def test_overlay_rejects_a_document_id_redefined_differently() -> None:
    """An overlay may not change a document the base already registers under that id."""
    clash = """
[documents.sz-2019-11]
title = "另一份文件"
issuers = ["某机关"]
level = "municipal"
provenance = "official"
"""
    with pytest.raises(PolicyFileError) as info:
        Policy.default().overlay(Policy.loads(clash, name="clash.toml"))
    (problem,) = info.value.problems
    assert (problem.file, problem.path) == ("clash.toml", "documents.sz-2019-11")
    assert "own id" in problem.message


def test_fingerprint_is_stable_and_ignores_table_order_and_wording() -> None:
    """Same content gives the same fingerprint; reordering or rewording does not matter."""
    early = value_table("2020-01-01", "12", until="2021-12-31")
    late = value_table("2022-01-01", "18")
    first = months_param(early + late)
    reordered = months_param(late + early)
    reworded = first.replace("Shortest labour contract", "Minimum contract length")
    fingerprints = {Policy.loads(t).fingerprint for t in (first, reordered, reworded)}
    assert len(fingerprints) == 1
    (fingerprint,) = fingerprints
    assert len(fingerprint) == 64
    assert int(fingerprint, 16) >= 0


def test_fingerprint_changes_with_any_value_period_source_or_provenance() -> None:
    """Changing what a case would be judged by changes the fingerprint."""
    base = Policy.loads(months_param(value_table("2020-01-01", "12"))).fingerprint
    variants = [
        value_table("2020-01-01", "13"),
        value_table("2020-01-02", "12"),
        value_table("2020-01-01", "12", until="2030-01-01"),
        value_table("2020-01-01", "12", extra='provenance = "secondary"'),
        value_table("2020-01-01", "12", extra='article = "第三条"'),
    ]
    for variant in variants:
        assert Policy.loads(months_param(variant)).fingerprint != base


def test_default_fingerprint_is_reproducible_from_the_package_files() -> None:
    """Loading the bundled files again gives the default policy's fingerprint."""
    from importlib import resources

    data = resources.files("skillchain.policy") / "data"
    again = Policy.from_files(*(data / name for name in BUNDLED_FILES))
    assert again.fingerprint == Policy.default().fingerprint


# --- malformed files: one test per kind ---------------------------------------------


def test_rejects_invalid_toml() -> None:
    """A syntax error is reported against the file."""
    ((file, path, message),) = problems_of("[documents\n")
    assert (file, path) == ("bad.toml", "(file)")
    assert message.startswith("not valid TOML")


def test_rejects_unknown_top_level_key() -> None:
    """Only format, title, documents and parameters may appear at the top."""
    ((_, path, message),) = problems_of('extra = "x"\n' + HEADER)
    assert path == "extra"
    assert "unknown key" in message


def test_rejects_unknown_key_in_a_value() -> None:
    """A misspelt key inside a value table is named with its full path."""
    problems = problems_of(
        months_param(value_table("2020-01-01", "12", extra="untill = 2021-01-01"))
    )
    assert problems == [
        (
            "bad.toml",
            'parameters."apprenticeship.contract_min_months".values[0].untill',
            (
                "unknown key; allowed keys are article, document, note, "
                "period_provenance, provenance, removes, since, until, value"
            ),
        )
    ]


def test_rejects_unknown_parameter() -> None:
    """A parameter the code does not declare is an error, not silently ignored."""
    text = HEADER + '[parameters."apprenticeship.bonus"]\nunit = "yuan"\n'
    ((_, path, message),) = problems_of(text)
    assert path == 'parameters."apprenticeship.bonus"'
    assert message.startswith("unknown parameter")


def test_rejects_a_value_without_a_source() -> None:
    """Every value must name its document."""
    table = value_table("2020-01-01", "12").replace('document = "d1"\n', "")
    ((_, path, message),) = problems_of(months_param(table))
    assert path == 'parameters."apprenticeship.contract_min_months".values[0].document'
    assert message == "required key is missing"


def test_rejects_a_reference_to_an_unknown_document() -> None:
    """A value citing a document no loaded file registers is an error."""
    table = value_table("2020-01-01", "12").replace('"d1"', '"nowhere"')
    ((_, path, message),) = problems_of(months_param(table))
    assert path == 'parameters."apprenticeship.contract_min_months".values[0].document'
    assert "unknown document 'nowhere'" in message


def test_rejects_overlapping_periods() -> None:
    """Two values of one parameter may not both be in force on a day."""
    text = months_param(
        value_table("2020-01-01", "12", until="2022-06-30")
        + value_table("2022-06-30", "18")
    )
    ((_, path, message),) = problems_of(text)
    assert path == 'parameters."apprenticeship.contract_min_months".values[1]'
    assert "overlaps" in message


def test_rejects_an_open_period_followed_by_another() -> None:
    """An open-ended value overlaps any later one."""
    text = months_param(
        value_table("2020-01-01", "12") + value_table("2023-01-01", "18")
    )
    ((_, _, message),) = problems_of(text)
    assert "overlaps the period from 2020-01-01" in message


def test_rejects_overlaps_across_files(tmp_path: Path) -> None:
    """Periods given for one parameter in two files may not overlap either."""
    one = tmp_path / "one.toml"
    two = tmp_path / "two.toml"
    one.write_text(months_param(value_table("2020-01-01", "12")), encoding="utf-8")
    two.write_text(
        months_param(value_table("2021-01-01", "18")).replace(HEADER, ""),
        encoding="utf-8",
    )
    with pytest.raises(PolicyFileError) as info:
        Policy.from_files(one, two)
    (problem,) = info.value.problems
    assert problem.file == str(two)
    assert "overlaps" in problem.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12.0", "expected a whole number of months from 0 to 1200, got 12.0"),
        ('"12"', "expected a whole number of months from 0 to 1200, got '12'"),
        ("-1", "expected a whole number of months from 0 to 1200, got -1"),
        ("true", "expected a whole number of months from 0 to 1200, got True"),
    ],
)
def test_rejects_a_value_of_the_wrong_type(value: str, expected: str) -> None:
    """A months parameter takes whole numbers only."""
    ((_, path, message),) = problems_of(months_param(value_table("2020-01-01", value)))
    assert path == 'parameters."apprenticeship.contract_min_months".values[0].value'
    assert message == expected


@pytest.mark.parametrize(
    ("name", "unit", "value", "fragment"),
    [
        ("apprenticeship.online_share_max", "ratio", "0.5", "written as a string"),
        ("apprenticeship.online_share_max", "ratio", '"1.5"', "between 0 and 1"),
        (
            "apprenticeship.student_apprentice_rate",
            "yuan_per_person_year",
            '"abc"',
            "amount in yuan",
        ),
        (
            "apprenticeship.student_apprentice_rate",
            "yuan_per_person_year",
            '"-5"',
            "non-negative",
        ),
        ("apprenticeship.target_level_min", "level", '"master"', "master"),
        (
            "apprenticeship.annual_subsidy",
            "yuan_per_person_year",
            '{ wizard = "1" }',
            "wizard",
        ),
        (
            "apprenticeship.annual_subsidy",
            "yuan_per_person_year",
            "{}",
            "table of skill level",
        ),
        (
            "apprenticeship.rounding",
            "rounding",
            '{ quantum = "0.01", mode = "nearest" }',
            "mode",
        ),
        ("apprenticeship.rounding", "rounding", '{ quantum = "0.01" }', "quantum ="),
    ],
)
def test_rejects_values_that_do_not_fit_their_kind(
    name: str, unit: str, value: str, fragment: str
) -> None:
    """Money, ratio, level, table and rounding values are each checked against their kind."""
    text = (
        HEADER
        + f"""
[parameters."{name}"]
description_zh = "x"
description_en = "x"
unit = "{unit}"
[[parameters."{name}".values]]
since = 2020-01-01
value = {value}
document = "d1"
"""
    )
    ((_, path, message),) = problems_of(text)
    assert path == f'parameters."{name}".values[0].value'
    assert fragment in message


def test_rejects_the_wrong_unit() -> None:
    """A file must measure a parameter in the unit the code declares."""
    ((_, path, message),) = problems_of(
        months_param(value_table("2020-01-01", "1"), unit="years")
    )
    assert path == 'parameters."apprenticeship.contract_min_months".unit'
    assert message == (
        "wrong unit 'years'; apprenticeship.contract_min_months is measured in 'months'"
    )


def test_rejects_until_before_since_and_a_quoted_date() -> None:
    """Periods run forward, and dates are TOML dates, not strings."""
    problems = problems_of(
        months_param(value_table("2020-01-01", "12", until="2019-01-01"))
        + value_table('"2024-01-01"', "12")
    )
    messages = {path.rsplit(".", 1)[-1]: message for _, path, message in problems}
    assert messages["until"] == "until 2019-01-01 is before since 2020-01-01"
    assert messages["since"].startswith("expected a TOML date")


def test_rejects_bad_provenance_and_document_fields() -> None:
    """A document needs a title and a known level; provenance has three values."""
    text = """
[documents.d1]
issuers = []
level = "galactic"
provenance = "hearsay"
"""
    problems = problems_of(text)
    paths = {path: message for _, path, message in problems}
    assert paths["documents.d1.title"] == "required key is missing"
    assert paths["documents.d1.issuers"] == "expected at least one issuer"
    assert "galactic" in paths["documents.d1.level"]
    assert paths["documents.d1.provenance"].startswith(
        "expected one of official, secondary, unverified"
    )


def test_rejects_a_document_defined_differently_in_two_files(tmp_path: Path) -> None:
    """Two files loaded together may not disagree about one document id."""
    one = tmp_path / "one.toml"
    two = tmp_path / "two.toml"
    one.write_text(HEADER, encoding="utf-8")
    two.write_text(HEADER.replace("测试机关", "别的机关"), encoding="utf-8")
    with pytest.raises(PolicyFileError) as info:
        Policy.from_files(one, two)
    (problem,) = info.value.problems
    assert (problem.file, problem.path) == (str(two), "documents.d1")


def test_rejects_an_unreadable_file(tmp_path: Path) -> None:
    """A missing file is a policy error naming the file, not a bare OSError."""
    missing = tmp_path / "missing.toml"
    with pytest.raises(PolicyFileError) as info:
        Policy.from_files(missing)
    (problem,) = info.value.problems
    assert problem.file == str(missing)
    assert problem.message.startswith("cannot read")


def test_reports_every_problem_at_once() -> None:
    """All problems of a load come in one error, and its message lists each."""
    text = months_param(value_table("2020-01-01", "-3"), unit="days") + "oops = 1\n"
    with pytest.raises(PolicyFileError) as info:
        Policy.loads(text, name="many.toml")
    assert len(info.value.problems) == 3
    rendered = str(info.value)
    assert rendered.startswith("policy files are malformed (3 problems):")
    for problem in info.value.problems:
        assert str(problem) in rendered


def test_rejects_sections_that_are_not_tables() -> None:
    """documents and parameters must be tables of tables."""
    problems = problems_of('documents = 3\nparameters = "x"\n')
    assert [(p, m) for _, p, m in problems] == [
        ("documents", "expected a table, got int"),
        ("parameters", "expected a table, got str"),
    ]


def test_rejects_unsupported_format_version() -> None:
    """A file written for another format version is refused."""
    ((_, path, message),) = problems_of("format = 2\n")
    assert (path, message) == ("format", "unsupported format 2; expected 1")


# --- overlay, as a property ---------------------------------------------------------


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[date, date | None, int]]:
    """Non-overlapping (since, until, months) values, possibly with gaps, last maybe open."""
    count = draw(st.integers(min_value=0, max_value=4))
    cuts = sorted(
        draw(
            st.lists(
                st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)),
                min_size=2 * count,
                max_size=2 * count,
                unique=True,
            )
        )
    )
    values: list[tuple[date, date | None, int]] = []
    for index in range(count):
        since, until = cuts[2 * index], cuts[2 * index + 1]
        open_end = index == count - 1 and draw(st.booleans())
        values.append((since, None if open_end else until, draw(st.integers(0, 60))))
    return values


def as_policy(values: list[tuple[date, date | None, int]]) -> Policy:
    """A one-parameter policy with the given history of contract_min_months."""
    tables = "".join(
        value_table(
            since.isoformat(), str(months), until=until.isoformat() if until else None
        )
        for since, until, months in values
    )
    return Policy.loads(months_param(tables))


def value_on(values: list[tuple[date, date | None, int]], day: date) -> int | None:
    """The value in force on *day* in a history, or None."""
    for since, until, months in values:
        if since <= day and (until is None or day <= until):
            return months
    return None


@given(
    histories(),
    histories(),
    st.lists(st.dates(date(2017, 1, 1), date(2032, 1, 1)), max_size=20),
)
def test_overlay_takes_the_overlay_value_where_it_reaches_and_the_base_elsewhere(
    base: list[tuple[date, date | None, int]],
    top: list[tuple[date, date | None, int]],
    days: list[date],
) -> None:
    """For every day: the overlay's value if it has one, else the base's; never an overlap."""
    reform = as_policy(base).overlay(as_policy(top))
    name = "apprenticeship.contract_min_months"
    for day in days:
        expected = value_on(top, day)
        if expected is None:
            expected = value_on(base, day)
        assert expected == reform.at(day).get(name).value
    periods = [v.period for v in reform.parameter(name).values if v.period]
    for earlier, later in itertools.pairwise(periods):
        assert earlier.end is not None
        assert earlier.end < later.start


# --- values whose period in force is inferred ----------------------------------------


def test_an_inferred_period_makes_the_value_unverified_and_says_so() -> None:
    """An official figure with an inferred period is no stronger than the inference."""
    text = months_param(
        value_table("2021-09-01", "12", until="2024-12-31")
        + 'period_provenance = "unverified"\n'
    )
    resolved = (
        Policy.loads(text).at(date(2023, 1, 1)).apprenticeship.contract_min_months
    )
    assert resolved.citation is not None
    assert resolved.citation.document.provenance is Provenance.OFFICIAL
    assert resolved.provenance is Provenance.UNVERIFIED
    assert resolved.citation.period_inferred
    assert resolved.citation.label("en").endswith("(period in force inferred)")
    assert resolved.citation.label("zh").endswith("（施行期间系推断）")


def test_a_period_as_well_known_as_its_value_changes_nothing() -> None:
    text = months_param(
        value_table("2021-09-01", "12", extra='provenance = "secondary"')
        + 'period_provenance = "official"\n'
    )
    resolved = (
        Policy.loads(text).at(date(2023, 1, 1)).apprenticeship.contract_min_months
    )
    assert resolved.provenance is Provenance.SECONDARY
    assert resolved.citation is not None
    assert not resolved.citation.period_inferred
    assert "inferred" not in resolved.citation.label("en")


def test_rejects_an_unknown_period_provenance() -> None:
    text = months_param(
        value_table("2021-09-01", "12", extra='period_provenance = "guess"')
    )
    ((_, path, message),) = problems_of(text)
    assert (
        path
        == 'parameters."apprenticeship.contract_min_months".values[0].period_provenance'
    )
    assert message.startswith("expected one of official, secondary, unverified")


def test_a_decision_that_used_no_figure_in_force_claims_no_provenance() -> None:
    """Rank starts at 'nothing used'; the first value in force sets it."""
    from skillchain.rules import UI_SKILL_RULE, Condition, Judge

    months = Condition(
        "demo.months",
        zh="{m}",
        en="{m}",
        parameters=("apprenticeship.contract_min_months",),
    )

    policy = Policy.loads(
        months_param(value_table("2021-09-01", "12", until="2024-12-31"))
    )
    later = Judge(policy, date(2025, 1, 1))
    assert later.value(months) is None
    later.record(months, None)
    assert later.provenance is None
    decision = later.decide(UI_SKILL_RULE)
    assert decision.provenance is None
    assert "provenance: none (no figure in force used)" in decision.explain("en")
    assert "依据可信度：无（未使用任何有效参数）" in decision.explain("zh")
    during = Judge(policy, date(2022, 1, 1))
    assert during.value(months) == 12
    during.record(months, True)
    assert during.provenance is Provenance.OFFICIAL
    assert during.decide(UI_SKILL_RULE).provenance is Provenance.OFFICIAL
