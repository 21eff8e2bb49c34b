"""Tests for labelled enums: every member of every enum has a Chinese and an English label."""

import enum

import pytest

import skillchain
import skillchain.catalog
import skillchain.model
import skillchain.policy

from skillchain import Outcome, Provenance, SkillLevel
from skillchain._labels import LabelledEnum, set_labels


def all_labelled_enums() -> list[type[LabelledEnum]]:
    """Every LabelledEnum subclass defined by the package (imports load them all)."""
    found: list[type[LabelledEnum]] = []
    pending = list(LabelledEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("skillchain."):
            found.append(cls)
    return found


def public_enums() -> list[type[enum.Enum]]:
    """Every enum exported by a public skillchain module."""
    enums: dict[str, type[enum.Enum]] = {}
    for module in (skillchain, skillchain.model, skillchain.policy, skillchain.catalog):
        for name in module.__all__:
            obj = getattr(module, name)
            if (
                isinstance(obj, type)
                and issubclass(obj, enum.Enum)
                and obj is not LabelledEnum
            ):
                enums[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return list(enums.values())


def test_the_package_defines_labelled_enums() -> None:
    """The walk finds the enums (guards against a vacuous label test)."""
    names = {cls.__name__ for cls in all_labelled_enums()}
    assert {"Outcome", "Provenance", "DocumentLevel", "Sex", "EnterpriseSize"} <= names


@pytest.mark.parametrize("cls", public_enums(), ids=lambda c: c.__name__)
def test_every_public_enum_member_has_zh_and_en_labels(cls: type[enum.Enum]) -> None:
    """zh, en and label(lang) are non-empty for every member, and zh differs from the slug."""
    for member in cls:
        zh = getattr(member, "zh", None)
        en = getattr(member, "en", None)
        assert isinstance(zh, str), member
        assert isinstance(en, str), member
        assert zh.strip(), member
        assert en.strip(), member
        assert member.label("zh")  # type: ignore[attr-defined]
        assert member.label("en")  # type: ignore[attr-defined]
        assert any(ord(ch) > 0x2E80 for ch in zh), (
            f"{member}: zh label {zh!r} has no Chinese"
        )


def test_labels_of_the_core_enums() -> None:
    """Spot checks against the documents' own words."""
    assert (Outcome.UNDETERMINED.zh, Outcome.UNDETERMINED.en) == (
        "待定",
        "undetermined",
    )
    assert Provenance.SECONDARY.label("zh") == "转载来源"
    assert SkillLevel.SENIOR_TECHNICIAN.zh == "高级技师"


class Colour(LabelledEnum):
    """A throwaway enum for set_labels' checks."""

    RED = "red"
    BLUE = "blue"


class Shade(LabelledEnum):
    """Another throwaway enum."""

    DARK = "dark"


def test_set_labels_refuses_an_incomplete_or_foreign_table() -> None:
    """Missing members, members of another enum and empty labels are all refused."""
    with pytest.raises(ValueError, match=r"missing \['BLUE'\]"):
        set_labels(Colour, {Colour.RED: ("红", "red")})
    mixed: dict[LabelledEnum, tuple[str, str]] = {
        Colour.RED: ("红", "red"),
        Colour.BLUE: ("蓝", "blue"),
        Shade.DARK: ("深", "dark"),
    }
    with pytest.raises(ValueError, match="not members"):
        set_labels(Colour, mixed)
    with pytest.raises(ValueError, match=r"empty \['BLUE'\]"):
        set_labels(Colour, {Colour.RED: ("红", "red"), Colour.BLUE: (" ", "blue")})
    set_labels(Colour, {Colour.RED: ("红", "red"), Colour.BLUE: ("蓝", "blue")})
    assert (Colour.BLUE.zh, Colour.BLUE.en, Colour.BLUE.label("en")) == (
        "蓝",
        "blue",
        "blue",
    )
