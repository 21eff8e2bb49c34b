"""Tests for the explanation vocabulary: provenance, citations, findings and decisions."""

import enum

from datetime import date
from decimal import Decimal

import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    Citation,
    Decision,
    Document,
    DocumentLevel,
    Finding,
    Message,
    Outcome,
    Provenance,
    SkillLevel,
    message_for,
)
from skillchain._decision import register_messages


DOC = Document(
    id="sz-2019-11",
    title="深圳市推行企业新型学徒制实施办法",
    title_en="Shenzhen apprenticeship measures",
    number="深人社规〔2019〕11号",
    issuers=("深圳市人力资源和社会保障局", "深圳市财政局"),
    level=DocumentLevel.MUNICIPAL,
    provenance=Provenance.SECONDARY,
)
CITE = Citation(document=DOC, article="第二十条")
FINGERPRINT = "f" * 64

register_messages(
    {
        "test.contract_term": Message(
            zh="劳动合同期限 {months} 个月，至少须 {minimum} 个月",
            en="The labour contract runs {months} months; at least {minimum} are required",
        ),
        "test.level": Message(zh="培养目标为{level}", en="The target level is {level}"),
    }
)


def decision(*findings: Finding, amount: Decimal | None = None) -> Decision:
    """A decision derived from *findings* on a fixed day."""
    return Decision.from_findings(
        rule="test.rule",
        version="2024.1",
        on=date(2024, 6, 1),
        findings=findings,
        provenance=Provenance.SECONDARY,
        policy_fingerprint=FINGERPRINT,
        amount=amount,
    )


provenances = st.sampled_from(list(Provenance))


@given(st.lists(provenances))
def test_weakest_provenance_is_the_maximum_rank(items: list[Provenance]) -> None:
    """weakest() is unverified if any is, else secondary if any is, else official."""
    expected = Provenance.OFFICIAL
    if Provenance.SECONDARY in items:
        expected = Provenance.SECONDARY
    if Provenance.UNVERIFIED in items:
        expected = Provenance.UNVERIFIED
    assert expected == Provenance.weakest(items)


@given(provenances, provenances)
def test_provenance_order_is_total(a: Provenance, b: Provenance) -> None:
    """Exactly one of a < b, a == b, a > b holds, consistently with <= and >=."""
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)


def test_provenance_does_not_compare_with_other_types() -> None:
    """Ordering against a non-provenance is a TypeError, not a silent answer."""
    with pytest.raises(TypeError):
        _ = Provenance.OFFICIAL < "official"
    with pytest.raises(TypeError):
        _ = Provenance.OFFICIAL >= 1


def test_labels_in_both_languages() -> None:
    """Outcomes and provenance have Chinese and English labels."""
    assert [o.label("zh") for o in Outcome] == ["符合", "不符合", "待定"]
    assert [o.label("en") for o in Outcome] == [
        "eligible",
        "ineligible",
        "undetermined",
    ]
    assert Provenance.UNVERIFIED.label("zh") == "未核实"
    assert Provenance.UNVERIFIED.label("en") == "unverified"


def test_document_and_citation_labels() -> None:
    """A citation reads as the book-title-marked title, the 文号, then the article."""
    assert (
        CITE.label("zh")
        == "《深圳市推行企业新型学徒制实施办法》（深人社规〔2019〕11号） 第二十条"
    )
    assert (
        CITE.label("en")
        == "Shenzhen apprenticeship measures (深人社规〔2019〕11号) 第二十条"
    )
    faq = Document(
        id="faq",
        title="常见问题",
        issuers=("某区",),
        level=DocumentLevel.DISTRICT,
        provenance=Provenance.OFFICIAL,
        urls=("https://example.invalid/faq",),
    )
    assert faq.label("zh") == "《常见问题》"
    assert faq.label("en") == "《常见问题》"
    assert faq.urls == ("https://example.invalid/faq",)


def test_document_urls_must_be_a_tuple_of_strings() -> None:
    """A bare string for urls is refused rather than split into characters."""
    with pytest.raises(TypeError):
        Document(
            id="x",
            title="x",
            issuers=("x",),
            level=DocumentLevel.DISTRICT,
            provenance=Provenance.OFFICIAL,
            urls="https://example.invalid",  # type: ignore[arg-type]
        )


def test_outcome_follows_from_findings() -> None:
    """Failure beats unknown, unknown beats success; an amount survives only when eligible."""
    ok = Finding(check="a", held=True)
    bad = Finding(check="b", held=False)
    unknown = Finding(check="c", held=None, missing=("contract.end",))
    assert decision(ok, amount=Decimal(5500)).outcome is Outcome.ELIGIBLE
    assert decision(ok, amount=Decimal(5500)).amount == Decimal(5500)
    assert decision(ok, unknown, amount=Decimal(1)).outcome is Outcome.UNDETERMINED
    assert decision(ok, unknown, amount=Decimal(1)).amount is None
    assert decision(unknown, bad).outcome is Outcome.INELIGIBLE
    assert decision().outcome is Outcome.ELIGIBLE


@given(st.lists(st.sampled_from([True, False, None]), max_size=8))
def test_outcome_rule_for_all_combinations(helds: list[bool | None]) -> None:
    """from_findings: any False -> ineligible; else any None -> undetermined; else eligible."""
    result = decision(*(Finding(check=f"c{i}", held=h) for i, h in enumerate(helds)))
    if False in helds:
        assert result.outcome is Outcome.INELIGIBLE
    elif None in helds:
        assert result.outcome is Outcome.UNDETERMINED
    else:
        assert result.outcome is Outcome.ELIGIBLE
    assert len(result.failed) == helds.count(False)
    assert len(result.undecided) == helds.count(None)


def test_missing_lists_each_name_once_in_finding_order() -> None:
    """An undetermined decision says exactly what is missing, without repeats."""
    result = decision(
        Finding(
            check="a",
            held=None,
            missing=("contract.end", "apprenticeship.district_quota"),
        ),
        Finding(check="b", held=None, missing=("contract.end",)),
        Finding(check="c", held=None, missing=("person.birth_date",)),
    )
    assert result.missing == (
        "contract.end",
        "apprenticeship.district_quota",
        "person.birth_date",
    )


def test_finding_reason_uses_the_registered_message_in_each_language() -> None:
    """Registered templates are filled with the finding's values, formatted per language."""
    finding = Finding(
        check="test.contract_term", held=False, values=(("months", 6), ("minimum", 12))
    )
    assert finding.reason("zh") == "劳动合同期限 6 个月，至少须 12 个月"
    assert (
        finding.reason("en")
        == "The labour contract runs 6 months; at least 12 are required"
    )
    level = Finding(
        check="test.level", held=True, values=(("level", SkillLevel.ADVANCED),)
    )
    assert level.reason("zh") == f"培养目标为{SkillLevel.ADVANCED.label('zh')}"
    assert (
        level.reason("en") == f"The target level is {SkillLevel.ADVANCED.label('en')}"
    )


def test_finding_reason_marks_missing_template_fields() -> None:
    """A template field the finding does not supply renders as '?' rather than failing."""
    assert Finding(check="test.contract_term", held=None).reason("en") == (
        "The labour contract runs ? months; at least ? are required"
    )


class Colour(enum.Enum):
    """An enum without labels, to test plain formatting."""

    RED = "red"


def test_unregistered_findings_list_their_values() -> None:
    """Without a message, the reason is the check id and its values, readably formatted."""
    finding = Finding(
        check="test.unregistered",
        held=True,
        values=(
            ("day", date(2024, 1, 31)),
            ("amount", Decimal("5500.00")),
            ("flag", True),
            ("gap", None),
            ("colour", Colour.RED),
        ),
    )
    assert finding.reason("en") == (
        "test.unregistered: day=2024-01-31, amount=5500.00, flag=yes, gap=unknown, colour=red"
    )
    assert finding.reason("zh") == (
        "test.unregistered: day=2024-01-31, amount=5500.00, flag=是, gap=未知, colour=red"
    )
    assert Finding(check="bare", held=False).reason() == "bare"


def test_finding_value_lookup() -> None:
    """value(name) returns a compared value and raises KeyError for others."""
    finding = Finding(check="x", held=True, values=(("months", 12),))
    assert finding.value("months") == 12
    with pytest.raises(KeyError):
        finding.value("years")


def test_registering_a_different_message_for_a_known_check_is_refused() -> None:
    """Two modules cannot silently fight over one check id."""
    register_messages(
        {
            "test.level": Message(
                zh="培养目标为{level}", en="The target level is {level}"
            )
        }
    )
    with pytest.raises(ValueError, match=r"test\.level"):
        register_messages({"test.level": Message(zh="别的", en="other")})
    assert message_for("test.level") == Message(
        zh="培养目标为{level}", en="The target level is {level}"
    )
    assert message_for("test.never") is None


def test_explain_puts_failed_conditions_first_with_their_documents() -> None:
    """The zh explanation: header, provenance, then not met, undetermined, met."""
    result = decision(
        Finding(
            check="test.level", held=True, values=(("level", SkillLevel.ADVANCED),)
        ),
        Finding(
            check="test.contract_term",
            held=False,
            values=(("months", 6), ("minimum", 12)),
            citations=(CITE,),
        ),
        Finding(
            check="test.quota", held=None, missing=("apprenticeship.district_quota",)
        ),
    )
    assert result.explain("zh").splitlines() == [
        "test.rule（版本 2024.1）2024-06-01：不符合",
        "依据可信度：转载来源；政策指纹 ffffffffffff",
        "未满足条件：",
        "  ✗ 劳动合同期限 6 个月，至少须 12 个月",
        "      依据：《深圳市推行企业新型学徒制实施办法》（深人社规〔2019〕11号） 第二十条",
        "无法判断：",
        "  ? test.quota",
        "      缺少：apprenticeship.district_quota",
        "已满足条件：",
        f"  ✓ 培养目标为{SkillLevel.ADVANCED.label('zh')}",
    ]


def test_explain_in_english_shows_the_amount() -> None:
    """An eligible decision's explanation states the amount in yuan."""
    result = decision(
        Finding(
            check="test.contract_term",
            held=True,
            values=(("months", 24), ("minimum", 12)),
            citations=(CITE,),
        ),
        amount=Decimal("7000.00"),
    )
    assert result.explain("en").splitlines() == [
        "test.rule (version 2024.1) on 2024-06-01: eligible",
        "amount: 7000.00 yuan",
        "provenance: secondary; policy ffffffffffff",
        "Met:",
        "  ✓ The labour contract runs 24 months; at least 12 are required",
        "      source: Shenzhen apprenticeship measures (深人社规〔2019〕11号) 第二十条",
    ]
    assert result.explain("zh").splitlines()[1] == "金额：7000.00 元"


def test_decisions_are_immutable_values() -> None:
    """Equal inputs give equal decisions; findings are stored as a tuple."""
    one = decision(Finding(check="a", held=True, values=(("n", 1),)))
    two = decision(Finding(check="a", held=True, values=(("n", 1),)))
    assert one == two
    assert isinstance(one.findings, tuple)
    assert hash(one) == hash(two)
