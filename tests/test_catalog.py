"""Tests for the catalogs: sources of every row, look-ups, district files, malformed files."""

import subprocess
import sys
import textwrap

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

import skillchain.catalog

from skillchain import (
    FUTIAN,
    DivisionCode,
    InvalidValueError,
    OccupationCode,
    Policy,
    PolicyFileError,
    Provenance,
    SkillchainError,
    SkillLevel,
)
from skillchain.catalog import (
    CATALOGS,
    Catalog,
    CatalogFileError,
    CatalogKeyError,
    CatalogRow,
    ClusterKind,
    Division,
    DivisionKind,
    Occupation,
    OccupationStatus,
    ThreeProjectEntry,
    carrier_types,
    catalog,
    chain_leaders,
    competition_categories,
    divisions,
    editions,
    events,
    honours,
    industry_clusters,
    occupations,
    reward_scope,
    skill_ladder,
    three_projects,
)
from skillchain.catalog._access import load_all_uncached
from skillchain.model import (
    CarrierType,
    CompetitionClass,
    CompetitionTier,
    ThreeProject,
)


EXAMPLE_SCOPE = (
    Path(__file__).resolve().parents[1]
    / "docs"
    / "catalogs"
    / "reward-scope-example.toml"
)
LETTER = "ft-hr-2024-reply-2024090"


def bundled() -> Iterator[Catalog[CatalogRow]]:
    """Every bundled edition of every catalog."""
    for name in CATALOGS:
        for edition in editions(name):
            yield catalog(name, edition)


def isort_key(name: str) -> tuple[int, str]:
    """Constants first, then classes, then functions (ruff's RUF022 order)."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


# --- every row: document, provenance, labels ------------------------------------------


def test_every_row_cites_a_registered_document_with_provenance_and_labels() -> None:
    """Each row (and each project member) cites the register, has provenance, zh and en."""
    register = Policy.default().documents
    seen = 0
    for cat in bundled():
        assert register[cat.document.id] == cat.document
        assert isinstance(cat.provenance, Provenance)
        assert cat.title.strip()
        assert cat.title_en.strip()
        for row in cat:
            seen += 1
            assert register[row.document.id] == row.document, row.key
            assert isinstance(row.provenance, Provenance), row.key
            assert row.zh.strip(), row.key
            assert row.en.strip(), row.key
            assert any(ord(ch) > 0x2E80 for ch in row.zh), row.key
            if isinstance(row, ThreeProjectEntry):
                for member in row.members:
                    assert register[member.document.id] == member.document
                    assert isinstance(member.provenance, Provenance)
                    assert member.zh.strip()
                    assert member.en.strip()
    assert seen > 100


@pytest.mark.parametrize("cls", [OccupationStatus, DivisionKind, ClusterKind])
def test_catalog_enums_have_zh_and_en_labels(cls: type[Any]) -> None:
    """Every member of the catalog's own enums has non-empty zh and en labels."""
    for member in cls:
        assert member.zh.strip()
        assert member.en.strip()


def test_every_bundled_edition_is_listed_and_readable() -> None:
    """CATALOGS and editions() name exactly the bundled files, all readable."""
    found = {(cat.name, cat.edition) for cat in bundled()}
    assert len(found) == sum(len(editions(name)) for name in CATALOGS)
    assert load_all_uncached() == sum(len(cat) for cat in bundled())


def test_catalog_all_is_sorted_and_resolves() -> None:
    """skillchain.catalog.__all__ is sorted (RUF022 order) and every name resolves."""
    names = list(skillchain.catalog.__all__)
    assert names == sorted(names, key=isort_key)
    assert len(names) == len(set(names))
    for name in names:
        assert getattr(skillchain.catalog, name) is not None


def test_catalogs_are_read_lazily_and_cached() -> None:
    """Importing reads no TOML file; the first access reads its file once, then caches."""
    script = textwrap.dedent(
        """
        import sys
        opened = []
        def hook(event, args):
            if event == "open" and str(args[0]).endswith(".toml"):
                opened.append(str(args[0]).rsplit("/", 1)[-1])
        sys.addaudithook(hook)
        import skillchain.catalog as c
        assert opened == [], opened
        first = c.occupations()
        assert sorted(opened) == ["documents.toml", "occupations-2022.toml"], opened
        assert c.occupations() is first
        c.three_projects()
        print(len(opened))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "3"


# --- look-ups and the unknown-key error -----------------------------------------------


def test_unknown_key_error_names_catalog_edition_and_closest_keys() -> None:
    """A typo'd key names the catalog, the edition and its own correction first."""
    with pytest.raises(CatalogKeyError) as info:
        honours()["pengcheng-craftman"]
    err = info.value
    assert isinstance(err, KeyError)
    assert isinstance(err, SkillchainError)
    assert (err.catalog, err.edition, err.key) == (
        "honours",
        "2024",
        "pengcheng-craftman",
    )
    assert err.close[0] == "pengcheng-craftsman"
    assert str(err).startswith(
        "honours (edition 2024) has no row 'pengcheng-craftman'; "
        "closest keys: 'pengcheng-craftsman'"
    )


def test_the_gap_in_the_occupation_codes_is_not_a_row() -> None:
    """4-10-01-02 (育婴员's likely code) is not invented; the error offers real codes."""
    with pytest.raises(CatalogKeyError) as info:
        occupations()["4-10-01-02"]
    assert info.value.edition == "2022"
    assert len(info.value.close) == 3
    assert all(key in occupations() for key in info.value.close)


def test_unknown_name_error_offers_the_closest_names() -> None:
    """by_name names the closest 2022 names, former names and aliases."""
    with pytest.raises(CatalogKeyError, match="has no row named '物业管理'") as info:
        occupations().by_name("物业管理")
    assert set(info.value.close[:2]) == {"物业管理师", "物业管理员"}


def test_empty_edition_says_its_list_is_district_supplied() -> None:
    """A look-up in a bundled reward-scope edition explains why it has no rows."""
    with pytest.raises(CatalogKeyError, match="supplied by the district"):
        reward_scope("2024")["4-10-01-05"]


def test_unknown_edition_and_unknown_catalog_name_their_closest_matches() -> None:
    """Editions and catalog names get the same treatment as keys."""
    with pytest.raises(CatalogKeyError, match="closest editions: 'shenzhen-2024'"):
        industry_clusters("shenzhen-2025")
    with pytest.raises(CatalogKeyError, match="closest catalogs: 'occupations'"):
        catalog("occupation")
    with pytest.raises(CatalogKeyError, match="no catalog 'x'"):
        editions("x")


def test_edition_and_source_together_is_an_error() -> None:
    """A bundled edition and a user file cannot both be asked for."""
    with pytest.raises(ValueError, match="not both"):
        reward_scope("2024", source=EXAMPLE_SCOPE)


def test_lookups_accept_enums_codes_and_pairs() -> None:
    """Enums stand for their values, codes for their digits, pairs for 'a-b'."""
    assert skill_ladder()[SkillLevel.TECHNICIAN] is skill_ladder()["technician"]
    assert divisions()[FUTIAN] is divisions()["440304"]
    assert occupations()[OccupationCode("4-10-01-05")].zh == "养老护理员"
    pair = (CompetitionTier.MUNICIPAL, CompetitionClass.FIRST)
    assert competition_categories()[pair].zh == "市级一类"
    assert carrier_types()[CarrierType.RURAL_WORKSTATION].zh == "乡村振兴技能工作站"
    assert divisions().get("999999") is None
    assert DivisionCode("440311") in divisions()
    assert 440304 not in divisions()


def test_lookup_with_an_unsupported_key_type_is_a_type_error() -> None:
    """An int is not a key (codes are strings)."""
    with pytest.raises(TypeError, match="not int"):
        divisions()[440304]  # type: ignore[index]


@given(data=st.data())
def test_every_row_is_found_under_its_key_in_file_order(data: st.DataObject) -> None:
    """catalog[row.key] is the row, and keys() is the iteration order."""
    cat = data.draw(st.sampled_from(list(bundled())))
    assert cat.keys() == tuple(row.key for row in cat)
    for row in cat:
        assert cat[row.key] is row


@given(
    cat=st.sampled_from([c for c in bundled() if len(c)]),
    text=st.text(min_size=1, max_size=12),
)
def test_closest_keys_are_always_real_keys(cat: Catalog[CatalogRow], text: str) -> None:
    """For any missing key, the error offers up to three keys the catalog has."""
    if text in cat:
        return
    with pytest.raises(CatalogKeyError) as info:
        cat[text]
    assert 1 <= len(info.value.close) <= 3
    assert all(key in cat for key in info.value.close)


# --- what the bundled data says -------------------------------------------------------


def test_the_eight_major_categories_of_the_2022_classification() -> None:
    """§5.2: eight 大类, 1 to 8, with their 2022 names."""
    majors = occupations().major_categories
    assert [row.key for row in majors] == [f"{n}-00-00-00" for n in range(1, 9)]
    assert majors[3].zh == "社会生产服务和生活服务人员"
    assert majors[6].zh == "军队人员"
    carer = occupations()["4-10-01-05"]
    assert occupations().major_category_of(carer) is majors[3]
    assert occupations().major_category_of(occupations()["育婴员"]) is None


def test_every_apprenticeship_occupation_of_the_letter_resolves_by_name() -> None:
    """The letter's seven apprenticeship occupations, in its own (partly old) words."""
    expected = {
        "电工": "6-31-01-03",
        "智能楼宇管理员": "4-06-01-04",
        "汽车维修工": "4-12-01-01",
        "物业管理员": "4-06-01-01",
        "中式烹调师": "4-03-02-01",
        "室内装饰设计员": "4-08-08-07",
        "半导体芯片制造工": "6-25-02-05",
    }
    for name, code in expected.items():
        row = occupations().by_name(name)
        assert row.code == OccupationCode(code), name
        assert row.status is OccupationStatus.CONFIRMED
        assert row.provenance is Provenance.SECONDARY
    assert occupations().by_name("物业管理员").zh == "物业管理师"
    assert occupations().by_name("室内设计师").former_names == ("室内装饰设计员",)


def test_names_without_a_confirmed_code_get_no_code() -> None:
    """育婴员 is live but uncoded; 建筑装饰模型技术员 is unresolved with real candidates."""
    infant = occupations()["育婴员"]
    assert infant.code is None
    assert infant.status is OccupationStatus.UNCONFIRMED
    assert infant.provenance is Provenance.UNVERIFIED
    assert "4-10-01-02" in (infant.note or "")
    model = occupations().by_name("建筑装饰模型技术员")
    assert model.status is OccupationStatus.UNRESOLVED
    assert model.code is None
    assert [occupations()[c].zh for c in model.candidates] == [
        "建筑信息模型技术员",
        "模型制作工",
        "装饰装修工",
    ]


def test_digital_and_green_flags() -> None:
    """S/L flags where the datasets show them; unknown stays None."""
    assert occupations()["4-04-05-07"].digital is True
    bim = occupations()["4-08-08-23"]
    assert (bim.digital, bim.green) == (True, True)
    assert occupations()["6-31-01-03"].digital is False
    assert occupations()["4-10-01-03"].digital is None
    assert occupations()["1-00-00-00"].digital is None


def test_skill_ladder_rows_agree_with_the_skill_level_enum() -> None:
    """Eight rungs in ladder order, same Chinese names and grades as SkillLevel."""
    rows = list(skill_ladder())
    assert [row.level for row in rows] == list(SkillLevel)
    for row in rows:
        assert row.zh == row.level.zh
        assert row.en == row.level.en
        assert row.rank == row.level.rank
        assert row.national_grade == row.level.national_grade
        assert row.document.number == "人社部发〔2022〕14号"
    assert skill_ladder().complete


def test_shenzhen_districts_and_futians_ten_streets() -> None:
    """§6.3: nine districts, the two areas without codes, Futian's ten streets."""
    rows = list(divisions())
    districts = [r.key for r in rows if r.kind is DivisionKind.DISTRICT]
    assert districts == [f"4403{n:02d}" for n in (3, 4, 5, 6, 7, 8, 9, 10, 11)]
    streets = [r for r in rows if r.kind is DivisionKind.STREET]
    assert len(streets) == 10  # the letter: 辖区10个街道
    assert all(r.parent == "440304" and r.division_code == FUTIAN for r in streets)
    assert divisions()["440304400"].kind is DivisionKind.BONDED_ZONE
    assert divisions()["dapeng"].division_code == DivisionCode("440307")
    assert divisions()["shenshan"].division_code == DivisionCode("441521")
    assert divisions()["shenshan"].code is None


def test_late_districts_have_no_invented_start_dates() -> None:
    """龙华, 坪山, 光明: dates uncertain, so valid_from is None and a note says why."""
    for code in ("440309", "440310", "440311"):
        row = divisions()[code]
        assert row.valid_from is None
        assert row.note
    assert all(row.valid_until is None for row in divisions())


def test_shenzhen_20_plus_8_and_its_2024_adjustment() -> None:
    """2022: 20 clusters + 8 future industries; 2024: partial, one known addition."""
    sz = industry_clusters("shenzhen-2022")
    kinds = [row.kind for row in sz]
    assert kinds.count(ClusterKind.STRATEGIC_EMERGING) == 20
    assert kinds.count(ClusterKind.FUTURE) == 8
    assert sz.complete
    assert sz.year == 2022
    assert sum(row.provenance is Provenance.UNVERIFIED for row in sz) == 6
    later = industry_clusters("shenzhen-2024")
    assert not later.complete
    assert later.keys() == ("low-altitude-aerospace",)
    row = later["low-altitude-aerospace"]
    # The name is the title of the city's action plan for the cluster, seen in a repost.
    assert row.provenance is Provenance.SECONDARY
    assert row.zh == "低空经济与空天"


def test_futians_three_leading_industries_and_no_invented_8_plus_3() -> None:
    """Futian: 金融、科创、时尚; the '8+3' list is not in the package."""
    futian = industry_clusters("futian-2021")
    assert [row.zh for row in futian] == ["金融", "科创", "时尚"]
    assert {row.kind for row in futian} == {ClusterKind.LEADING}
    assert "8+3" in (futian.note or "")
    assert all("8" not in edition for edition in editions("industry-clusters")[2:])


def test_three_projects_are_partial_and_answer_unknown_for_unlisted() -> None:
    """A listed occupation belongs; an unlisted one is unknown, never excluded."""
    projects = three_projects()
    assert [row.project for row in projects] == list(ThreeProject)
    housekeeping = projects[ThreeProject.SOUTHERN_HOUSEKEEPING]
    assert housekeeping.partial
    assert housekeeping.includes("育婴员") is True
    assert housekeeping.includes(OccupationCode("4-10-01-06")) is True
    assert housekeeping.includes("电工") is None
    carer = housekeeping.members[0]
    assert (carer.zh, carer.document.id, carer.provenance) == (
        "养老护理员",
        LETTER,
        Provenance.OFFICIAL,
    )
    technician = projects[ThreeProject.GUANGDONG_TECHNICIAN]
    assert technician.includes("建筑装饰模型技术员") is True
    assert not projects.complete


def test_a_complete_project_list_excludes_what_it_does_not_list() -> None:
    """includes() answers False only when the list is complete."""
    entry = three_projects()[ThreeProject.CANTONESE_CHEF]
    complete = attrs.evolve(entry, partial=False)
    assert complete.includes("4-03-02-01") is True
    assert complete.includes("6-31-01-03") is False


def test_honours_have_levels_and_named_issuers_only_where_known() -> None:
    """鹏城工匠 and 深圳市技术能手 name the city HR bureau; the rest leave the issuer out."""
    rows = honours()
    assert rows["pengcheng-craftsman"].issuer == "深圳市人力资源和社会保障局"
    expert = rows["shenzhen-technical-expert"]
    assert (expert.level, expert.provenance) == (
        CompetitionTier.MUNICIPAL,
        Provenance.OFFICIAL,
    )
    assert rows["futian-technical-expert"].level is CompetitionTier.DISTRICT
    assert rows["futian-technical-expert"].issuer is None
    assert rows["shenzhen-craftsman"].provenance is Provenance.UNVERIFIED
    assert all(row.key.isascii() for row in rows)
    # Every tier but the street tier, which no honour is conferred at in the sources.
    assert {r.level for r in rows} == set(CompetitionTier) - {CompetitionTier.STREET}


def test_competition_categories_as_the_sources_describe_them() -> None:
    """Seven described pairs and the street tier; no 区级一类; the letter is the source
    of 区二类 and of the street tier."""
    cats = competition_categories()
    assert len(cats) == 8
    assert (CompetitionTier.DISTRICT, CompetitionClass.FIRST) not in cats
    district = cats[CompetitionTier.DISTRICT, CompetitionClass.SECOND]
    assert (district.document.id, district.provenance) == (LETTER, Provenance.OFFICIAL)
    assert cats["national-first"].meaning is None
    assert cats["municipal-second"].meaning


def test_carrier_types_match_the_shared_enum() -> None:
    """One row per CarrierType, labelled as the enum is, from 深人社规〔2022〕13号."""
    rows = carrier_types()
    assert [row.carrier_type for row in rows] == list(CarrierType)
    for row in rows:
        assert (row.zh, row.en) == (row.carrier_type.zh, row.carrier_type.en)
        assert row.document.number == "深人社规〔2022〕13号"


def test_the_three_chain_leaders_of_the_letter_have_no_invented_codes() -> None:
    """The letter's three enterprises, 2024, Futian; no credit code anywhere."""
    leaders = chain_leaders()
    assert [row.zh for row in leaders] == [
        "深圳嘉立创科技集团股份有限公司",
        "深圳市特区建工集团有限公司",
        "深圳影儿时尚集团有限公司",
    ]
    for row in leaders:
        assert (row.year, row.district, row.credit_code) == (2024, FUTIAN, None)
        assert row.document.id == LETTER
        assert row.provenance is Provenance.OFFICIAL


def test_reward_scope_editions_carry_the_sizes_of_the_letter_only() -> None:
    """2023: 31 types; 2024: more than 400; neither has rows."""
    before, after = reward_scope("2023"), reward_scope("2024")
    assert (before.stated_size, before.stated_size_is_minimum) == (31, False)
    assert (after.stated_size, after.stated_size_is_minimum) == (400, True)
    assert (before.stated_size_label, after.stated_size_label) == ("31", "400+")
    assert len(before) == len(after) == 0
    assert not before.complete
    assert not after.complete
    assert after.provenance is Provenance.OFFICIAL
    assert reward_scope() is after


# --- files supplied by a district -----------------------------------------------------


def header(name: str, *, extra: str = "") -> str:
    """The header of a small test catalog file citing the reply letter."""
    return (
        textwrap.dedent(
            f"""
            format = 1
            catalog = "{name}"
            edition = "test"
            title = "测试目录"
            title_en = "test catalog"
            document = "{LETTER}"
            complete = false
            """
        )
        + extra
    )


def write(tmp_path: Path, text: str) -> Path:
    """Write *text* to a TOML file under *tmp_path*."""
    path = tmp_path / "catalog.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_illustrative_district_scope_list_loads() -> None:
    """docs/catalogs/reward-scope-example.toml: three entries and its own document."""
    scope = reward_scope(source=EXAMPLE_SCOPE)
    assert scope.edition == "example-2025"
    assert scope.keys() == ("4-10-01-05", "6-31-01-03", "certified-public-accountant")
    assert scope["4-10-01-05"].occupation == OccupationCode("4-10-01-05")
    assert scope["certified-public-accountant"].occupation is None
    assert scope.document.id == "example-futian-scope-2025"
    assert scope.provenance is Provenance.UNVERIFIED
    assert scope.source == str(EXAMPLE_SCOPE)
    assert len(reward_scope("2024")) == 0


def test_a_complete_occupations_edition_replaces_the_bundled_one(
    tmp_path: Path,
) -> None:
    """occupations(source=...) reads a full edition; the bundled one is untouched."""
    text = header("occupations").replace("complete = false", "complete = true")
    text += textwrap.dedent(
        """
        [rows."4-10-01-02"]
        zh = "育婴员"
        en = "infant-care worker"
        status = "confirmed"

        [rows."4-10-01-05"]
        zh = "养老护理员"
        en = "elderly-care worker"
        status = "confirmed"
        former_names = ["养老护理"]
        """
    )
    full = occupations(source=write(tmp_path, text))
    assert full.complete
    assert full.keys() == ("4-10-01-02", "4-10-01-05")
    assert full.by_name("育婴员").code == OccupationCode("4-10-01-02")
    assert full["4-10-01-05"].provenance is Provenance.OFFICIAL
    assert occupations()["育婴员"].code is None


def test_a_district_cluster_list_for_a_new_year(tmp_path: Path) -> None:
    """industry_clusters(source=...) reads a list in the bundled format."""
    text = header("industry-clusters", extra="year = 2025\n")
    text += '[rows.finance]\nzh = "金融"\nen = "finance"\nkind = "leading"\n'
    clusters = industry_clusters(source=write(tmp_path, text))
    assert (clusters.year, clusters["finance"].kind) == (2025, ClusterKind.LEADING)


# --- malformed files: one case per kind of problem -----------------------------------

OCCUPATION_ROW = (
    '[rows."4-10-01-05"]\nzh = "养老护理员"\nen = "carer"\nstatus = "confirmed"\n'
)
SCOPE = "reward-scope"


MALFORMED: list[tuple[str, str, str, str, str]] = [
    # (id, catalog, file text, TOML path of the problem, words in its message)
    ("not-toml", SCOPE, "catalog = ", "(file)", "not valid TOML"),
    (
        "unknown-top-key",
        SCOPE,
        header(SCOPE, extra="colour = 1\n"),
        "colour",
        "unknown key",
    ),
    (
        "missing-header-key",
        SCOPE,
        header(SCOPE).replace('title_en = "test catalog"\n', ""),
        "title_en",
        "required key is missing",
    ),
    (
        "other-catalog",
        SCOPE,
        header("occupations"),
        "catalog",
        "expected a 'reward-scope' file",
    ),
    (
        "format",
        SCOPE,
        header(SCOPE).replace("format = 1", "format = 2"),
        "format",
        "unsupported format 2",
    ),
    (
        "edition-not-text",
        SCOPE,
        header(SCOPE).replace('edition = "test"', "edition = 2025"),
        "edition",
        "non-empty string",
    ),
    (
        "complete-not-bool",
        SCOPE,
        header(SCOPE).replace("complete = false", 'complete = "no"'),
        "complete",
        "true or false",
    ),
    (
        "size-not-count",
        SCOPE,
        header(SCOPE, extra="stated_size = -1\n"),
        "stated_size",
        "whole number from 0 to",
    ),
    (
        "rows-not-table",
        SCOPE,
        header(SCOPE, extra="rows = [1]\n"),
        "rows",
        "expected a table",
    ),
    (
        "row-not-table",
        SCOPE,
        header(SCOPE, extra="[rows]\na = 1\n"),
        "rows.a",
        "expected a table",
    ),
    (
        "row-missing-zh",
        SCOPE,
        header(SCOPE, extra='[rows.a]\nen = "a"\n'),
        "rows.a.zh",
        "required key is missing",
    ),
    (
        "row-empty-en",
        SCOPE,
        header(SCOPE, extra='[rows.a]\nzh = "甲"\nen = " "\n'),
        "rows.a.en",
        "non-empty string",
    ),
    (
        "row-unknown-key",
        SCOPE,
        header(SCOPE, extra='[rows.a]\nzh = "甲"\nen = "a"\nlevel = 3\n'),
        "rows.a.level",
        "unknown key",
    ),
    (
        "unknown-document",
        SCOPE,
        header(SCOPE, extra='[rows.a]\nzh = "甲"\nen = "a"\ndocument = "sz-2016-61"\n'),
        "rows.a.document",
        "unknown document 'sz-2016-61' (closest: 'sz-2016-16'",
    ),
    (
        "unknown-edition-document",
        SCOPE,
        header(SCOPE).replace(LETTER, "no-such-letter"),
        "document",
        "unknown document 'no-such-letter'",
    ),
    (
        "bad-provenance",
        SCOPE,
        header(SCOPE, extra='[rows.a]\nzh = "甲"\nen = "a"\nprovenance = "hearsay"\n'),
        "rows.a.provenance",
        "expected one of official, secondary, unverified",
    ),
    (
        "bad-own-document",
        SCOPE,
        header(
            SCOPE,
            extra='[documents.mine]\ntitle = "自有文件"\nissuers = ["区"]\nprovenance = "official"\n',
        ),
        "documents.mine.level",
        "required key is missing",
    ),
    (
        "register-id-redefined",
        SCOPE,
        header(
            SCOPE,
            extra=f'[documents.{LETTER}]\ntitle = "另一文件"\nissuers = ["区"]\nlevel = "district"\nprovenance = "official"\n',
        ),
        f"documents.{LETTER}",
        "give this document its own id",
    ),
    (
        "bad-occupation-code",
        SCOPE,
        header(SCOPE, extra='[rows.a]\nzh = "甲"\nen = "a"\noccupation = "4-10-1-5"\n'),
        "rows.a.occupation",
        "OccupationCode: '4-10-1-5' is not of the form d-dd-dd-dd",
    ),
    (
        "bad-enum-value",
        SCOPE,
        header(
            SCOPE, extra='[rows.a]\nzh = "甲"\nen = "a"\ncertificate_kind = "diploma"\n'
        ),
        "rows.a.certificate_kind",
        "the value must be one of vocational_qualification",
    ),
    (
        "bad-code-as-key",
        "occupations",
        header(
            "occupations",
            extra='[rows."4-1-01-05"]\nzh = "甲"\nen = "a"\nstatus = "confirmed"\n',
        ),
        "rows.4-1-01-05",
        "is not of the form d-dd-dd-dd",
    ),
    (
        "confirmed-without-code",
        "occupations",
        header(
            "occupations",
            extra='[rows."甲"]\nzh = "甲"\nen = "a"\nstatus = "confirmed"\n',
        ),
        'rows."甲"',
        "a confirmed occupation has no code",
    ),
    (
        "name-key-not-the-name",
        "occupations",
        header(
            "occupations",
            extra='[rows."甲"]\nzh = "乙"\nen = "a"\nstatus = "unconfirmed"\n',
        ),
        'rows."甲"',
        "Occupation.key: key '甲' does not match the row",
    ),
    (
        "bad-candidate",
        "occupations",
        header(
            "occupations",
            extra='[rows."甲"]\nzh = "甲"\nen = "a"\nstatus = "unresolved"\ncandidates = ["9-00-00-00"]\n',
        ),
        'rows."甲".candidates[0]',
        "OccupationCode",
    ),
    (
        "list-of-names-not-strings",
        "occupations",
        header("occupations", extra=OCCUPATION_ROW + "former_names = [1]\n"),
        "rows.4-10-01-05.former_names",
        "list of non-empty strings",
    ),
    (
        "key-not-a-member",
        "skill-ladder",
        header(
            "skill-ladder",
            extra='[rows.grandmaster]\nzh = "大师"\nen = "grandmaster"\n',
        ),
        "rows.grandmaster",
        "the key must be one of apprentice, elementary",
    ),
    (
        "bad-pair-key",
        "competition-categories",
        header(
            "competition-categories",
            extra='[rows.city-first]\nzh = "市一类"\nen = "city"\n',
        ),
        "rows.city-first",
        "the tier in the key must be one of national",
    ),
    (
        "bad-class-in-key",
        "competition-categories",
        header(
            "competition-categories",
            extra='[rows.street-third]\nzh = "街道级三类"\nen = "street"\n',
        ),
        "rows.street-third",
        "the class in the key must be one of first, second",
    ),
    (
        "date-as-text",
        "divisions",
        header(
            "divisions",
            extra='[rows."440304"]\nzh = "福田区"\nen = "Futian"\nkind = "district"\nvalid_from = "1990-01-01"\n',
        ),
        "rows.440304.valid_from",
        "expected a TOML date",
    ),
    (
        "dates-reversed",
        "divisions",
        header(
            "divisions",
            extra='[rows."440304"]\nzh = "福田区"\nen = "Futian"\nkind = "district"\nvalid_from = 2020-01-01\nvalid_until = 2019-12-31\n',
        ),
        "rows.440304",
        "2019-12-31 is before valid_from 2020-01-01",
    ),
    (
        "unknown-parent",
        "divisions",
        header(
            "divisions",
            extra='[rows."440304"]\nzh = "福田区"\nen = "Futian"\nkind = "district"\nparent = "440300"\n',
        ),
        "rows.440304.parent",
        "no row '440300' in this file",
    ),
    (
        "bad-division-code",
        "chain-leaders",
        header(
            "chain-leaders",
            extra='[rows.a]\nzh = "甲公司"\nen = "A"\nyear = 2024\ndistrict = "990304"\n',
        ),
        "rows.a.district",
        "DivisionCode: '990304' has no province prefix",
    ),
    (
        "bad-credit-code",
        "chain-leaders",
        header(
            "chain-leaders",
            extra='[rows.a]\nzh = "甲公司"\nen = "A"\nyear = 2024\ndistrict = "440304"\ncredit_code = "91350100M000100Y4Z"\n',
        ),
        "rows.a.credit_code",
        "CreditCode",
    ),
    (
        "year-out-of-range",
        "chain-leaders",
        header(
            "chain-leaders",
            extra='[rows.a]\nzh = "甲公司"\nen = "A"\nyear = 24\ndistrict = "440304"\n',
        ),
        "rows.a",
        "ChainLeaderEntry.year: got 24",
    ),
    (
        "unknown-project-occupation",
        "three-projects",
        header(
            "three-projects",
            extra='[rows.cantonese_chef]\nzh = "粤菜师傅"\nen = "chef"\n[[rows.cantonese_chef.occupations]]\noccupation = "4-03-02-09"\n',
        ),
        "rows.cantonese_chef.occupations[0].occupation",
        "occupations (edition 2022) has no row '4-03-02-09'; closest keys: '4-03-02-01'",
    ),
    (
        "project-occupations-not-array",
        "three-projects",
        header(
            "three-projects",
            extra='[rows.cantonese_chef]\nzh = "粤菜师傅"\nen = "chef"\noccupations = "中式烹调师"\n',
        ),
        "rows.cantonese_chef.occupations",
        "expected an array of tables",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "path", "words"),
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
def test_a_malformed_file_names_file_path_and_reason(
    tmp_path: Path, name: str, text: str, path: str, words: str
) -> None:
    """Each kind of problem is reported at its TOML path, with the file named."""
    source = write(tmp_path, text)
    with pytest.raises(CatalogFileError) as info:
        catalog(name, source=source)
    found = [p for p in info.value.problems if p.path == path]
    assert found, [str(p) for p in info.value.problems]
    assert any(words in p.message for p in found), [str(p) for p in found]
    assert all(p.file == str(source) for p in info.value.problems)


def test_an_unreadable_file_is_a_catalog_file_error(tmp_path: Path) -> None:
    """A missing file is reported like any other problem, not as a bare OSError."""
    with pytest.raises(CatalogFileError, match="cannot read") as info:
        reward_scope(source=tmp_path / "missing.toml")
    assert info.value.problems[0].path == "(file)"


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    """Three mistakes in one file: one error, three problems, in file order."""
    text = header(SCOPE, extra="colour = 1\n").replace(
        'edition = "test"', "edition = 1"
    )
    text += '[rows.a]\nzh = "甲"\nen = "a"\ndocument = "nowhere"\n'
    with pytest.raises(CatalogFileError) as info:
        reward_scope(source=write(tmp_path, text))
    err = info.value
    assert [p.path for p in err.problems] == ["colour", "edition", "rows.a.document"]
    assert isinstance(err, PolicyFileError)
    assert str(err).startswith("catalog files are malformed (3 problems):")


# --- the row types themselves ---------------------------------------------------------


def some_row(**changes: Any) -> Occupation:
    """A valid occupation row, with *changes* applied."""
    base = occupations()["4-10-01-05"]
    return attrs.evolve(base, **changes)


def test_rows_are_frozen() -> None:
    """Rows cannot be changed after they are built."""
    row = occupations()["4-10-01-05"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.zh = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"zh": ""}, "Occupation.zh"),
        ({"key": "4-10-01-06"}, "Occupation.key"),
        ({"code": None, "key": "养老护理员"}, "Occupation.code"),
        ({"status": OccupationStatus.UNRESOLVED}, "Occupation.code"),
        ({"former_names": ["list"]}, "Occupation.former_names"),
    ],
)
def test_invalid_rows_raise_invalid_value_error(
    changes: dict[str, Any], field: str
) -> None:
    """Row invariants hold however a row is built (key, code and status agree)."""
    with pytest.raises(InvalidValueError) as info:
        some_row(**changes)
    assert info.value.field == field


def test_division_dates_must_be_in_order() -> None:
    """valid_until may not be before valid_from."""
    futian = divisions()[FUTIAN]
    with pytest.raises(InvalidValueError, match=r"Division\.valid_until"):
        attrs.evolve(futian, valid_from=date(2020, 1, 1), valid_until=date(2019, 1, 1))
    assert isinstance(futian, Division)


def test_a_catalog_may_not_hold_a_key_twice() -> None:
    """Building a catalog with duplicate keys is an error."""
    cat = carrier_types()
    with pytest.raises(InvalidValueError, match="appears twice"):
        attrs.evolve(cat, rows=(*cat.rows, cat.rows[0]))


def test_catalog_accessors_have_one_signature() -> None:
    """Every accessor takes an optional edition and a keyword-only source."""
    accessors: list[Callable[..., Catalog[Any]]] = [
        occupations,
        skill_ladder,
        divisions,
        industry_clusters,
        three_projects,
        honours,
        competition_categories,
        carrier_types,
        chain_leaders,
        reward_scope,
        events,
    ]
    for accessor, name in zip(accessors, CATALOGS, strict=True):
        assert accessor() is catalog(name)
        assert accessor(editions(name)[0]) is accessor()
