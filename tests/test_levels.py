"""Tests for SkillLevel, the eight-rung ladder of 人社部发〔2022〕14号."""

import itertools

import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import InvalidValueError, SkillLevel


#: The ladder as the document lists it, bottom to top, with its grades.
DOCUMENT_ORDER = [
    ("学徒工", None, None),
    ("初级工", 5, "五级"),
    ("中级工", 4, "四级"),
    ("高级工", 3, "三级"),
    ("技师", 2, "二级"),
    ("高级技师", 1, "一级"),
    ("特级技师", None, None),
    ("首席技师", None, None),
]


def test_levels_follow_the_documents_order() -> None:
    """Enumeration order, rank, names and grades match the document's ladder."""
    actual = [(level.zh, level.national_grade, level.grade_zh) for level in SkillLevel]
    assert actual == DOCUMENT_ORDER
    assert list(range(8)) == [level.rank for level in SkillLevel]
    assert list(SkillLevel) == sorted(SkillLevel, key=lambda level: level.rank)


def test_ordering_is_total_and_by_rank() -> None:
    """Every pair compares consistently with their ranks under < <= > >=."""
    for a, b in itertools.product(SkillLevel, repeat=2):
        assert (a.rank < b.rank) == (a < b)
        assert (a.rank <= b.rank) == (a <= b)
        assert (a.rank > b.rank) == (a > b)
        assert (a.rank >= b.rank) == (a >= b)
        assert sum([a < b, a == b, a > b]) == 1


def test_sorting_and_max() -> None:
    """Sorting a shuffled ladder restores it; max is the chief technician."""
    shuffled = [
        SkillLevel.TECHNICIAN,
        SkillLevel.APPRENTICE,
        SkillLevel.CHIEF_TECHNICIAN,
    ]
    assert sorted(shuffled) == [
        SkillLevel.APPRENTICE,
        SkillLevel.TECHNICIAN,
        SkillLevel.CHIEF_TECHNICIAN,
    ]
    assert SkillLevel.CHIEF_TECHNICIAN is max(SkillLevel)
    assert SkillLevel.APPRENTICE is min(SkillLevel)


def test_comparison_with_other_types_is_a_type_error() -> None:
    """Ordering a level against a non-level raises TypeError (NotImplemented)."""
    with pytest.raises(TypeError):
        _ = SkillLevel.TECHNICIAN < 3  # type: ignore[operator]
    slug: object = "technician"
    assert slug != SkillLevel.TECHNICIAN


@pytest.mark.parametrize(
    ("level", "zh", "en"),
    [
        (SkillLevel.APPRENTICE, "学徒工", "apprentice"),
        (SkillLevel.ELEMENTARY, "初级工（五级）", "elementary worker (grade 5)"),
        (SkillLevel.INTERMEDIATE, "中级工（四级）", "intermediate worker (grade 4)"),
        (SkillLevel.ADVANCED, "高级工（三级）", "advanced worker (grade 3)"),
        (SkillLevel.TECHNICIAN, "技师（二级）", "technician (grade 2)"),
        (
            SkillLevel.SENIOR_TECHNICIAN,
            "高级技师（一级）",
            "senior technician (grade 1)",
        ),
        (SkillLevel.SPECIAL_TECHNICIAN, "特级技师", "special-grade technician"),
        (SkillLevel.CHIEF_TECHNICIAN, "首席技师", "chief technician"),
    ],
)
def test_labels(level: SkillLevel, zh: str, en: str) -> None:
    """Each level has the expected Chinese and English labels."""
    assert zh == level.label("zh")
    assert en == level.label("en")
    assert en == level.en


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("intermediate", SkillLevel.INTERMEDIATE),
        ("中级工", SkillLevel.INTERMEDIATE),
        ("四级", SkillLevel.INTERMEDIATE),
        ("L4", SkillLevel.INTERMEDIATE),
        ("l4", SkillLevel.INTERMEDIATE),
        (" Intermediate ", SkillLevel.INTERMEDIATE),
        ("L5", SkillLevel.ELEMENTARY),
        ("五级", SkillLevel.ELEMENTARY),
        ("L1", SkillLevel.SENIOR_TECHNICIAN),
        ("一级", SkillLevel.SENIOR_TECHNICIAN),
        ("学徒工", SkillLevel.APPRENTICE),
        ("special_technician", SkillLevel.SPECIAL_TECHNICIAN),
        ("首席技师", SkillLevel.CHIEF_TECHNICIAN),
    ],
)
def test_parse_accepts_slugs_names_and_grades(text: str, level: SkillLevel) -> None:
    """parse reads slugs, Chinese names, Chinese grades and L5-L1."""
    assert level is SkillLevel.parse(text)


def accepted_texts(level: SkillLevel) -> list[str]:
    """Return every text the documentation says parse accepts for a level."""
    texts = [level.value, level.zh, level.en, level.label("zh"), level.label("en")]
    if level.grade_zh is not None:
        texts += [level.grade_zh, f"L{level.national_grade}"]
    return texts


@pytest.mark.parametrize("level", list(SkillLevel))
def test_parse_round_trips_every_label(level: SkillLevel) -> None:
    """parse gives back the level from its slug, names, grade and both labels."""
    for text in accepted_texts(level):
        assert level is SkillLevel.parse(text)


@pytest.mark.parametrize("text", ["", "L6", "L0", "六级", "master", "中级", "技工"])
def test_parse_rejects_unknown_text_listing_the_accepted_forms(text: str) -> None:
    """Unknown text raises InvalidValueError whose message lists what is accepted."""
    with pytest.raises(InvalidValueError, match=r"^SkillLevel: ") as info:
        SkillLevel.parse(text)
    assert f"{text!r} is not a skill level" == info.value.problem
    for accepted in ("intermediate", "中级工", "四级", "L5-L1"):
        assert accepted in info.value.expected


@given(st.text(max_size=12))
def test_parse_accepts_nothing_else(text: str) -> None:
    """parse either raises InvalidValueError or was given an accepted text."""
    try:
        level = SkillLevel.parse(text)
    except InvalidValueError:
        return
    accepted = {t.casefold() for t in accepted_texts(level)}
    assert text.strip().casefold() in accepted
