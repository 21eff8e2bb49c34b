"""The public Hypothesis strategies and their registration through the entry point."""

import importlib
import sys

from datetime import date
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum.cn import ric, uscc

from skillchain import (
    FUTIAN,
    CreditCode,
    Decision,
    DivisionCode,
    Outcome,
    Policy,
    Provenance,
    ResidentId,
    Sex,
    SkillLevel,
)
from skillchain.catalog import Catalog, Occupation
from skillchain.model import (
    ApprenticeshipProgramme,
    CertificateKind,
    Person,
    TalentRewardClaim,
    TrainingMode,
)
from skillchain.policy import Programme, Resolved, programmes
from skillchain.testing import strategies as sk


MODULES = (
    "skillchain",
    "skillchain.model",
    "skillchain.policy",
    "skillchain.catalog",
    "skillchain.rules",
    "skillchain.serialization",
)


def _public_types() -> list[type]:
    found: dict[str, type] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            obj = getattr(module, attr)
            is_named_tuple = isinstance(obj, type) and issubclass(obj, tuple)
            if isinstance(obj, type) and (attrs.has(obj) or is_named_tuple):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return sorted(found.values(), key=lambda t: t.__qualname__)


PUBLIC_TYPES = _public_types()

_WALK = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def test_the_entry_point_is_installed() -> None:
    """The distribution declares the hook Hypothesis calls when it is imported."""
    from importlib.metadata import entry_points

    hooks = [
        e
        for e in entry_points(group="hypothesis")
        if e.module == "skillchain._hypothesis"
    ]
    assert [e.value for e in hooks] == ["skillchain._hypothesis:register_strategies"]


def test_every_public_type_has_a_strategy() -> None:
    """Every public attrs class and named tuple has a registered strategy."""
    covered = set(sk.REGISTERED_TYPES) | set(sk.GENERIC_TYPES)
    assert [t.__qualname__ for t in PUBLIC_TYPES if t not in covered] == []


@pytest.mark.parametrize("kind", PUBLIC_TYPES, ids=lambda t: t.__qualname__)
def test_from_type_draws_valid_instances(kind: type) -> None:
    """``st.from_type`` resolves every public type and draws instances of it."""

    @_WALK
    @given(st.from_type(kind))
    def drawn(value: object) -> None:
        assert isinstance(value, kind)
        if attrs.has(kind) and kind is not Policy:
            # Rebuilding from the fields re-runs every validator and invariant (a
            # Policy compares its snapshot cache too, so it is only drawn).
            fields = {
                a.alias: getattr(value, a.name) for a in attrs.fields(kind) if a.init
            }
            assert type(value)(**fields) == value

    drawn()


@pytest.mark.parametrize(
    "first",
    ["import hypothesis", "import skillchain.testing.strategies"],
    ids=["hypothesis-first", "strategies-first"],
)
def test_from_type_works_in_a_fresh_interpreter(first: str) -> None:
    """A fresh interpreter resolves a type whichever module it imports first."""
    import subprocess

    code = (
        f"{first}\n"
        "from hypothesis import strategies as st\n"
        "from skillchain.model import ApprenticeEnrolment\n"
        "assert isinstance(st.from_type(ApprenticeEnrolment).example(), ApprenticeEnrolment)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@settings(deadline=None)
@given(
    sk.resident_ids(
        sex=st.just(Sex.FEMALE),
        min_birth=date(1990, 1, 1),
        max_birth=date(1990, 12, 31),
    )
)
def test_resident_ids_pin_sex_and_birth(resident: ResidentId) -> None:
    """Drawn numbers carry the check character of GB 11643 and the pinned facts."""
    number = resident.reveal()
    assert number[17] == ric.calc_check_digit(number)
    assert resident.sex is Sex.FEMALE
    assert resident.birth_date.year == 1990


@given(sk.credit_codes(divisions=st.just(FUTIAN)))
def test_credit_codes_are_valid(code: CreditCode) -> None:
    """Drawn codes carry the GB 32100 check character and the pinned division."""
    assert code.code[17] == uscc.calc_check_digit(code.code)
    assert code.code[2:8] == FUTIAN.code


@settings(deadline=None)
@given(sk.persons(hukou=st.just(FUTIAN), ids=st.just(ResidentId("110000199001010013"))))
def test_persons_pin_hukou_and_id(person: Person) -> None:
    """The hukou and ids options pin those facts."""
    assert person.hukou_division == FUTIAN
    assert person.id == ResidentId("110000199001010013")


@settings(deadline=None)
@given(
    sk.programmes(
        levels=st.just(SkillLevel.TECHNICIAN), start=st.just(date(2024, 3, 1))
    )
)
def test_programmes_pin_level_and_start(programme: ApprenticeshipProgramme) -> None:
    """Programmes keep the pinned level and start; dual mentors come in pairs."""
    assert programme.target_level is SkillLevel.TECHNICIAN
    assert programme.start == date(2024, 3, 1)
    if TrainingMode.DUAL_MENTORS in programme.modes:
        assert programme.enterprise_mentor is not None
        assert programme.institution_mentor is not None


@settings(deadline=None)
@given(sk.documents(provenance=st.just(Provenance.UNVERIFIED)))
def test_documents_pin_provenance(document: Any) -> None:
    """The provenance option pins the document's provenance."""
    assert document.provenance is Provenance.UNVERIFIED


@settings(deadline=None)
@given(sk.decisions(outcomes=st.sampled_from(Outcome)))
def test_decisions_agree_with_their_findings(decision: Decision) -> None:
    """A drawn decision's outcome is the one its findings imply."""
    rebuilt = Decision.from_findings(
        rule=decision.rule,
        version=decision.version,
        on=decision.on,
        findings=decision.findings,
        provenance=decision.provenance,
        policy_fingerprint=decision.policy_fingerprint,
        amount=decision.amount,
    )
    assert rebuilt == decision


@settings(deadline=None)
@given(
    sk.certificates(
        kinds=st.just(CertificateKind.SKILL_LEVEL), levels=st.just(SkillLevel.ADVANCED)
    )
)
def test_certificates_pin_kind_and_level(certificate: Any) -> None:
    """A pinned skill-level certificate has the pinned level and an occupation."""
    assert certificate.level is SkillLevel.ADVANCED
    assert certificate.occupation is not None


@settings(deadline=None, max_examples=30)
@given(st.from_type(TalentRewardClaim))
def test_reward_claims_rest_on_the_claimants_basis(claim: TalentRewardClaim) -> None:
    """The basis of a drawn claim belongs to the claimant."""
    holder = getattr(claim.basis, "holder", None) or getattr(
        claim.basis, "person", None
    )
    assert holder == claim.person


@settings(deadline=None, max_examples=20)
@given(st.from_type(Resolved[int]), st.from_type(Catalog[Occupation]))
def test_generic_types_follow_their_argument(
    resolved: Resolved[int], catalog: Catalog[Occupation]
) -> None:
    """``Resolved[int]`` wraps an int (or nothing); ``Catalog[Occupation]`` holds occupations."""
    assert resolved.value is None or isinstance(resolved.value, int)
    assert all(isinstance(row, Occupation) for row in catalog.rows)


@pytest.mark.parametrize(
    "call",
    [
        lambda: sk.persons(ids=ResidentId("110000199001010013")),  # type: ignore[arg-type]
        lambda: sk.programmes(levels=SkillLevel.ADVANCED),  # type: ignore[arg-type]
        lambda: sk.documents(provenance=Provenance.OFFICIAL),  # type: ignore[arg-type]
        lambda: sk.date_ranges(min_value=date(2025, 1, 1), max_value=date(2024, 1, 1)),
        lambda: sk.division_codes(level="street"),
        lambda: sk.amounts(min_value=10, max_value=1),
        lambda: sk.parameter_groups("nothing"),
        lambda: sk.parameter_groups(Person),
        lambda: sk.parameter_groups("levels", on=date(2024, 1, 1)),  # type: ignore[call-overload]
    ],
)
def test_bad_arguments_fail_eagerly(call: Any) -> None:
    """A value where a strategy is wanted, or reversed bounds, fail at the call."""
    with pytest.raises(InvalidArgument):
        call()


def test_hypothesis_output_masks_identity_numbers() -> None:
    """Hypothesis' pretty printer shows an identity number masked, alone or in a record."""
    from hypothesis.vendor.pretty import pretty

    from skillchain.model import Person

    resident = ResidentId("110000199001010013")
    assert pretty(resident) == "ResidentId('110000********0013')"
    assert "19900101" not in pretty(Person(id=resident))


def test_the_module_names_the_extra_when_hypothesis_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without Hypothesis the import fails with the install command."""
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "skillchain.testing.strategies")
    with pytest.raises(ImportError, match=r"pip install skillchain\[testing\]"):
        importlib.import_module("skillchain.testing.strategies")


def test_division_codes_pin_level() -> None:
    """``level="county"`` draws county codes only."""

    @given(sk.division_codes(level="county"))
    def drawn(code: DivisionCode) -> None:
        assert code.code[4:] != "00"

    drawn()


@pytest.mark.parametrize("programme", programmes(), ids=lambda p: p.key)
@settings(max_examples=5, deadline=None)
@given(data=st.data())
def test_parameter_groups_draw_each_programme_as_on_its_day(
    programme: Programme, data: st.DataObject
) -> None:
    """By key or by class, a drawn group is the programme's parameters on the day."""
    day = data.draw(st.dates(date(2019, 1, 1), date(2030, 12, 31)))
    by_class = data.draw(sk.parameter_groups(programme.parameters, on=st.just(day)))
    by_key = data.draw(sk.parameter_groups(programme.key, on=st.just(day)))
    assert isinstance(by_class, programme.parameters)
    assert by_class == by_key == Policy.default().at(day).group(programme.key)


@given(sk.policy_programmes())
def test_policy_programmes_are_table_entries(programme: Programme) -> None:
    """A drawn programme is one of the table's."""
    assert programme in programmes()
