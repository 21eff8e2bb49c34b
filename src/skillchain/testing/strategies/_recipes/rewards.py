"""Recipes of the rules of the talent rewards for skilled workers (福田英才荟).

Both rewards read their figures on the claim day, so every claim is made on the
evaluation day: the figures a recipe reads are the ones the rule reads.
"""

import functools

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

import attrs

from hypothesis import strategies as st

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._dates import DateRange, add_months
from skillchain._identifiers import CreditCode, ResidentId
from skillchain._levels import SkillLevel
from skillchain.catalog import honours
from skillchain.model import (
    Certificate,
    CertificateKind,
    Employment,
    Enterprise,
    Honour,
    IssuerKind,
    PostType,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    TalentRewardClaim,
    TalentRewardKind,
)
from skillchain.testing.strategies._cases import (
    CaseRecipe,
    Facts,
    Setting,
    at_least,
)
from skillchain.testing.strategies._draws import (
    between,
    latest_start,
    near,
    pick,
    resident_born,
)


__all__ = ["HIGH_SKILL", "OCCUPATIONAL", "RECIPES"]


_DAY: Final = timedelta(days=1)
_EMPLOYER: Final = CreditCode("91350100M000100Y43")
_FIRMS: Final = (
    "深圳市某科技有限公司",
    "深圳市某电子有限公司",
    "深圳市某养老服务有限公司",
)
_SKILLS: Final = ("电工", "养老护理员", "服装制版师", "焊工", "美发师", "育婴员")
_DISTRICTS: Final = ("03", "04", "05", "06", "07", "08", "09", "10", "11")
_SECTORS: Final = ("accounting_firm", "drug_manufacturer", "medical_institution")
_LESSER_HONOUR: Final = "futian-technical-expert"
_EVALUATORS: Final = (
    IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    IssuerKind.EMPLOYER_SELF_EVALUATION,
)
_UNLISTED_LICENCE: Final = "一级注册造价工程师"


# --- shared pieces ------------------------------------------------------------------


def _person(draw: st.DrawFn, on: date, *, youngest: int = 22) -> ResidentId:
    """The identity number of someone aged *youngest* to 58 on *on*."""
    birth = between(
        draw,
        on.replace(year=on.year - 58, day=1),
        on.replace(year=on.year - youngest, day=1),
    )
    return resident_born(birth, serial=between(draw, 0, 999))


def _adult(person: ResidentId) -> date:
    """The day *person* turns 18."""
    return add_months(person.birth_date, 18 * 12)


def _inside(draw: st.DrawFn, region: DivisionCode) -> DivisionCode:
    """A county-level division within *region*."""
    if region.level == "county":
        return region
    if region.level == "prefecture":
        return DivisionCode(region.code[:4] + pick(draw, _DISTRICTS))
    return DivisionCode(region.code[:2] + "03" + pick(draw, _DISTRICTS))


def _outside(draw: st.DrawFn, region: DivisionCode) -> DivisionCode:
    """A county-level division just outside *region* (a neighbour, or far away)."""
    code = region.code
    if region.level == "county":
        near = [code[:4] + part for part in _DISTRICTS if code[:4] + part != code]
    elif region.level == "prefecture":
        near = [
            code[:2] + f"{int(code[2:4]) % 20 + 1:02d}" + part for part in _DISTRICTS
        ]
    else:
        near = []
    far = "110105" if code[:2] != "11" else "440304"
    return DivisionCode(pick(draw, (*near, far)))


def _firm(draw: st.DrawFn, division: DivisionCode) -> Enterprise:
    return Enterprise(
        credit_code=_EMPLOYER,
        name=pick(draw, _FIRMS),
        registered_division=division,
        independent_legal_person=True,
    )


def _job(
    draw: st.DrawFn, day: date, start: date, posts: "frozenset[PostType] | None" = None
) -> Employment:
    """Employment from *start*, still running on *day*."""
    kinds = sorted(posts or (PostType.SKILL, PostType.TECHNICAL), key=str)
    end = (
        None
        if draw(st.booleans())
        else near(draw, day, day + timedelta(days=900), ends="low")
    )
    return Employment(
        employer=_EMPLOYER,
        post=pick(draw, kinds),
        period=DateRange(start, end),
    )


@functools.cache
def _titles() -> dict[str, str]:
    return {row.key: row.zh for row in honours()}


def _honour(person: ResidentId, key: str, awarded_on: date) -> Honour:
    return Honour(
        holder=person, key=key, title=_titles().get(key, key), awarded_on=awarded_on
    )


def _with_claim(facts: Facts, **changes: Any) -> Facts:
    return {**facts, "claim": attrs.evolve(facts["claim"], **changes)}


def _with_job(facts: Facts, **changes: Any) -> Facts:
    claim: TalentRewardClaim = facts["claim"]
    job: Employment = facts["employment"]
    job = attrs.evolve(job, **changes)
    return {
        **facts,
        "employment": job,
        "claim": attrs.evolve(claim, employed_since=job.period.start),
    }


def _moved_out(draw: st.DrawFn, facts: Facts, region: DivisionCode) -> Facts:
    firm: Enterprise = facts["enterprise"]
    return {
        **facts,
        "enterprise": attrs.evolve(firm, registered_division=_outside(draw, region)),
    }


# --- high-skill reward --------------------------------------------------------------


def _high_skill(draw: st.DrawFn, setting: Setting) -> Facts:
    """A claim made on the day for an honour the amount table pays for.

    The claimant has worked at least the tenure (often exactly) in a listed post of
    an independent legal-person enterprise of the region and is in post; any fraud
    finding is older than the ban; earlier rewards were for other skills.  About a
    third of the claims are same-year top-ups after a lesser reward.
    """
    day = setting.on
    months: int = setting.value("rewards.high_skill_tenure_months")
    amounts: dict[str, Decimal] = setting.value("rewards.high_skill_amounts")
    ban: int = setting.value("rewards.fraud_ban_months")
    person = _person(draw, day)
    latest = latest_start(day, months)
    start = near(
        draw, max(latest - timedelta(days=5000), _adult(person)), latest, ends="high"
    )
    key = pick(draw, sorted(amounts))
    skill = pick(draw, _SKILLS)
    cleared = latest_start(day, ban)
    findings = (
        ()
        if draw(st.booleans())
        else (near(draw, cleared - timedelta(days=3000), cleared, ends="high"),)
    )
    prior: tuple[TalentRewardClaim, ...] = ()
    if draw(st.booleans()):
        other = pick(draw, [s for s in _SKILLS if s != skill])
        paid_on = between(draw, day - timedelta(days=1500), day)
        prior = (
            _reward(
                person,
                key,
                paid_on,
                skill=other,
                paid=amounts[key],
                awarded=between(draw, paid_on - timedelta(days=700), paid_on),
            ),
        )
    claim = TalentRewardClaim(
        person=person,
        kind=TalentRewardKind.HIGH_SKILL,
        basis=_honour(person, key, between(draw, day - timedelta(days=1000), day)),
        claimed_on=day,
        year=day.year,
        employer=pick(draw, (_EMPLOYER, None)),
        employed_since=start,
        skill=skill,
        amount_claimed=amounts[key],
    )
    facts: Facts = {
        "claim": claim,
        "employment": _job(draw, day, start, setting.value("rewards.high_skill_posts")),
        "enterprise": _firm(draw, _inside(draw, setting.value("rewards.region"))),
        "prior_rewards": prior,
        "fraud_findings": findings,
    }
    if between(draw, 0, 2) == 0:
        award = amounts[key]
        shares = sorted({(award * k / 10).quantize(Decimal(1)) for k in range(1, 10)})
        paid = (
            pick(draw, shares)
            if draw(st.booleans())
            else award - near(draw, 1, 100, ends="low")
        )
        paid = max(paid, Decimal(1))
        facts = _top_up(draw, setting, facts, paid)
    return facts


def _reward(
    person: ResidentId,
    key: str,
    claimed_on: date,
    *,
    skill: str,
    paid: Decimal,
    awarded: date,
    year: int | None = None,
) -> TalentRewardClaim:
    """An earlier high-skill reward paid to *person*."""
    return TalentRewardClaim(
        person=person,
        kind=TalentRewardKind.HIGH_SKILL,
        basis=_honour(person, key, awarded),
        claimed_on=claimed_on,
        year=claimed_on.year if year is None else year,
        employer=_EMPLOYER,
        skill=skill,
        amount_claimed=paid,
    )


def _top_up(draw: st.DrawFn, setting: Setting, facts: Facts, paid: Decimal) -> Facts:
    """The claim as a same-year top-up after a reward of *paid* yuan for its skill.

    The earlier reward was claimed this year (or, for a claim on 1 January, in the
    previous year's round the claim also belongs to) and the claim's honour came
    after it.
    """
    claim: TalentRewardClaim = facts["claim"]
    person, day = claim.person, claim.claimed_on
    first = date(day.year, 1, 1)
    round_year = day.year if day > first else day.year - 1
    previous_on = between(
        draw, first if day > first else date(round_year, 1, 1), day - _DAY
    )
    awarded = near(
        draw,
        previous_on + _DAY,
        min(previous_on + timedelta(days=401), day),
        ends="low",
    )
    amounts: dict[str, Decimal] = setting.value("rewards.high_skill_amounts")
    key = claim.basis.key if isinstance(claim.basis, Honour) else min(amounts)
    lesser = [k for k, v in amounts.items() if v < amounts[key]] or [_LESSER_HONOUR]
    previous = _reward(
        person,
        pick(draw, sorted(lesser)),
        previous_on,
        skill=claim.skill or _SKILLS[0],
        paid=paid,
        awarded=between(draw, previous_on - timedelta(days=300), previous_on),
        year=round_year,
    )
    others = tuple(p for p in facts["prior_rewards"] if p.skill != claim.skill)
    return {
        **facts,
        "prior_rewards": (*others, previous),
        "claim": attrs.evolve(
            claim,
            basis=_honour(person, key, awarded),
            year=round_year,
            top_up=True,
            skill=claim.skill or _SKILLS[0],
            amount_claimed=max(amounts[key] - paid, Decimal(0)),
        ),
    }


def _high_outside(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Registered outside the region, or not an independent legal person."""
    if draw(st.booleans()):
        firm: Enterprise = facts["enterprise"]
        return {
            **facts,
            "enterprise": attrs.evolve(firm, independent_legal_person=False),
        }
    return _moved_out(draw, facts, setting.value("rewards.region"))


def _wrong_post(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    posts: frozenset[PostType] = setting.value("rewards.high_skill_posts")
    others = [post for post in PostType if post not in posts]
    if not others:
        return facts
    return _with_job(facts, post=pick(draw, others))


def _left(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """The employment ended before the claim day (its start, and tenure, kept)."""
    job: Employment = facts["employment"]
    last = setting.on - _DAY
    end = near(
        draw, max(last - timedelta(days=3000), job.period.start), last, ends="high"
    )
    return _with_job(facts, period=DateRange(job.period.start, end))


def _short_tenure(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Employed from a day or more after the latest start that reaches the tenure."""
    months: int = setting.value("rewards.high_skill_tenure_months")
    job: Employment = facts["employment"]
    first = latest_start(setting.on, months) + _DAY
    start = near(draw, first, min(first + timedelta(days=3000), setting.on), ends="low")
    return _with_job(facts, period=DateRange(start, job.period.end))


def _unlisted(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """An honour neither the list nor the amount table names, or a certificate or
    title, which the reward is not paid for."""
    claim: TalentRewardClaim = facts["claim"]
    person, day = claim.person, claim.claimed_on
    listed: frozenset[str] | None = setting.value("rewards.high_skill_honours")
    amounts: dict[str, Decimal] = setting.value("rewards.high_skill_amounts")
    if listed is not None:
        keys = [k for k in _titles() if k not in listed and k not in amounts]
        if keys and (claim.top_up or draw(st.booleans())):
            awarded = claim.basis.awarded_on if isinstance(claim.basis, Honour) else day
            return _with_claim(facts, basis=_honour(person, pick(draw, keys), awarded))
    obtained = between(draw, day - timedelta(days=2000), day)
    basis: Certificate | ProfessionalTitle
    if draw(st.booleans()):
        basis = ProfessionalTitle(
            holder=person,
            level=ProfessionalTitleLevel.FULL_SENIOR,
            name="正高级工程师",
            conferred_on=obtained,
        )
    else:
        basis = Certificate(
            holder=person,
            kind=CertificateKind.SKILL_LEVEL,
            occupation=OccupationCode("6-31-01-03"),
            level=SkillLevel.SENIOR_TECHNICIAN,
            issued_on=obtained,
            issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
        )
    return _with_claim(facts, basis=basis)


def _banned(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Fraud found less than the ban before the claim."""
    ban: int = setting.value("rewards.fraud_ban_months")
    first = latest_start(setting.on, ban) + _DAY
    found = near(draw, first, min(first + timedelta(days=3000), setting.on), ends="low")
    return {**facts, "fraud_findings": (*facts["fraud_findings"], found)}


def _second_reward(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Not a top-up, and the skill was rewarded before."""
    claim: TalentRewardClaim = facts["claim"]
    if claim.top_up:
        return _with_claim(facts, top_up=False, year=claim.claimed_on.year)
    amounts: dict[str, Decimal] = setting.value("rewards.high_skill_amounts")
    paid_on = between(draw, claim.claimed_on - timedelta(days=1500), claim.claimed_on)
    key = pick(draw, sorted(amounts))
    earlier = _reward(
        claim.person,
        key,
        paid_on,
        skill=claim.skill or _SKILLS[0],
        paid=amounts[key],
        awarded=between(draw, paid_on - timedelta(days=700), paid_on),
    )
    return {
        **_with_claim(facts, skill=claim.skill or _SKILLS[0]),
        "prior_rewards": (*facts["prior_rewards"], earlier),
    }


def _nothing_to_top_up(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A top-up whose honour came on the day of the earlier claim, or with no reward
    for the skill in the round."""
    del setting
    claim: TalentRewardClaim = facts["claim"]
    if not claim.top_up:
        return _with_claim(facts, top_up=True)  # the earlier rewards are other skills'
    assert isinstance(claim.basis, Honour)  # noqa: S101 - a top-up's basis
    prior: tuple[TalentRewardClaim, ...] = facts["prior_rewards"]
    previous = prior[-1]
    moved = attrs.evolve(previous, claimed_on=claim.basis.awarded_on)
    if draw(st.booleans()):
        moved = attrs.evolve(previous, year=claim.year - 1)
    return {**facts, "prior_rewards": (*prior[:-1], moved)}


def _paid_in_full(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A top-up after a reward that paid the honour's whole amount or more."""
    claim: TalentRewardClaim = facts["claim"]
    amounts: dict[str, Decimal] = setting.value("rewards.high_skill_amounts")
    assert isinstance(claim.basis, Honour)  # noqa: S101 - the drawn claims' basis
    award = amounts[claim.basis.key]
    paid = draw(at_least(award, most=award * 2))
    if not claim.top_up:
        return _top_up(draw, setting, facts, paid)
    prior: tuple[TalentRewardClaim, ...] = facts["prior_rewards"]
    previous = attrs.evolve(prior[-1], amount_claimed=paid)
    return {
        **_with_claim(facts, amount_claimed=Decimal(0)),
        "prior_rewards": (*prior[:-1], previous),
    }


HIGH_SKILL = CaseRecipe(
    rule="rewards.high_skill",
    eligible=_high_skill,
    breaks={
        "rewards.high_skill.enterprise": _high_outside,
        "rewards.high_skill.post": _wrong_post,
        "rewards.high_skill.in_post": _left,
        "rewards.high_skill.tenure": _short_tenure,
        "rewards.high_skill.honour": _unlisted,
        "rewards.high_skill.fraud_ban": _banned,
        "rewards.high_skill.one_per_skill": _second_reward,
        "rewards.high_skill.top_up": _nothing_to_top_up,
        "rewards.high_skill.amount": _paid_in_full,
    },
    # An honour the amount table pays for needs no list of honours.
    needs=(
        "rewards.fraud_ban_months",
        "rewards.high_skill_amounts",
        "rewards.high_skill_posts",
        "rewards.high_skill_tenure_months",
        "rewards.region",
    ),
)
"""High-skill reward: a listed honour, a year in a skill post of a district firm."""


# --- occupational reward ------------------------------------------------------------

_Route = Callable[[st.DrawFn, Setting, ResidentId, date], "tuple[Any, Facts]"]
"""Draws a basis obtained by the day given, and the claim fields that go with it."""


def _is_code(key: str) -> bool:
    try:
        OccupationCode(key)
    except ValueError:
        return False
    return True


def _skill_keys(setting: Setting) -> list[str]:
    """Scope keys a skills certificate can be drawn for (the top level known)."""
    scope: frozenset[str] | None = setting.value("rewards.occupational_scope")
    tops: dict[str, SkillLevel] | None = setting.value(
        "rewards.occupational_top_levels"
    )
    needed = (
        "rewards.occupational_certificate_amount",
        "rewards.occupational_qualification_issuer_region",
        "rewards.occupational_evaluator_region",
    )
    if scope is None or tops is None or any(setting.value(n) is None for n in needed):
        return []
    return sorted(key for key in scope if key in tops)


def _licence_keys(setting: Setting) -> list[str]:
    """Scope keys naming licences (not occupations, no top level), if drawable."""
    scope: frozenset[str] | None = setting.value("rewards.occupational_scope")
    tops: dict[str, SkillLevel] = setting.value("rewards.occupational_top_levels") or {}
    needed = (
        "rewards.occupational_certificate_amount",
        "rewards.occupational_licence_floor",
        "rewards.occupational_licence_sectors",
    )
    if scope is None or any(setting.value(n) is None for n in needed):
        return []
    return sorted(k for k in scope if not _is_code(k) and k not in tops)


def _title_route(
    draw: st.DrawFn, setting: Setting, person: ResidentId, latest: date
) -> tuple[Any, Facts]:
    floor: date = setting.value("rewards.occupational_title_floor")
    title = ProfessionalTitle(
        holder=person,
        level=setting.value("rewards.occupational_title_level"),
        name=pick(draw, ("正高级工程师", "正高级经济师", "正高级会计师")),
        conferred_on=near(draw, floor, max(floor, latest)),
    )
    return title, {"employer_sector": None, "licence_valid_on_claim": None}


def _skills_route(
    draw: st.DrawFn, setting: Setting, person: ResidentId, latest: date
) -> tuple[Any, Facts]:
    key = pick(draw, _skill_keys(setting))
    top: SkillLevel = setting.value("rewards.occupational_top_levels")[key]
    ceiling = max(top, SkillLevel.SENIOR_TECHNICIAN)
    level = pick(draw, [lv for lv in SkillLevel if top <= lv <= ceiling])
    return _skills_certificate(draw, setting, person, latest, key=key, level=level), {
        "employer_sector": None,
        "licence_valid_on_claim": None,
    }


def _skills_certificate(
    draw: st.DrawFn,
    setting: Setting,
    person: ResidentId,
    latest: date,
    *,
    key: str,
    level: SkillLevel,
) -> Certificate:
    """A skills certificate for *key* at *level*, from an issuer the reward accepts."""
    issued = between(draw, latest - timedelta(days=3000), latest)
    if _is_code(key) and draw(st.booleans()):
        return Certificate(
            holder=person,
            kind=CertificateKind.SKILL_LEVEL,
            occupation=OccupationCode(key),
            level=level,
            issued_on=issued,
            issuer_kind=pick(draw, _EVALUATORS),
            evaluator_filed_with=_inside(
                draw, setting.value("rewards.occupational_evaluator_region")
            ),
        )
    code = OccupationCode(key) if _is_code(key) else None
    return Certificate(
        holder=person,
        kind=CertificateKind.VOCATIONAL_QUALIFICATION,
        occupation=code,
        qualification=None if code is not None else key,
        level=level,
        issued_on=issued,
        issuer_kind=pick(draw, (IssuerKind.HR_DEPARTMENT, IssuerKind.COMPETITION)),
        issuer_division=_inside(
            draw, setting.value("rewards.occupational_qualification_issuer_region")
        ),
        in_national_query_system=True,
    )


def _licence_route(
    draw: st.DrawFn, setting: Setting, person: ResidentId, latest: date
) -> tuple[Any, Facts]:
    name = pick(draw, _licence_keys(setting))
    return _licence(draw, setting, person, latest, name), {
        "employer_sector": _sector(draw, setting, name),
        "licence_valid_on_claim": True,
    }


def _licence(
    draw: st.DrawFn, setting: Setting, person: ResidentId, latest: date, name: str
) -> Certificate:
    floor: date = setting.value("rewards.occupational_licence_floor")
    issued = near(draw, floor, max(floor, latest))
    until = (
        None
        if draw(st.booleans())
        else near(draw, setting.on, setting.on + timedelta(days=2000), ends="low")
    )
    return Certificate(
        holder=person,
        kind=CertificateKind.PRACTISING_QUALIFICATION,
        qualification=name,
        issued_on=issued,
        issuer_kind=IssuerKind.OTHER_AUTHORITY,
        valid_until=None if until is None else max(until, issued),
    )


def _sector(draw: st.DrawFn, setting: Setting, name: str) -> str | None:
    table: dict[str, frozenset[str]] = (
        setting.value("rewards.occupational_licence_sectors") or {}
    )
    allowed = table.get(name)
    if allowed is None:
        return pick(draw, (None, *_SECTORS))
    return pick(draw, sorted(allowed))


def _routes(setting: Setting) -> list[_Route]:
    routes: list[_Route] = [_title_route]
    if _skill_keys(setting):
        routes.append(_skills_route)
    if _licence_keys(setting):
        routes.append(_licence_route)
    return routes


def _occupational(draw: st.DrawFn, setting: Setting) -> Facts:
    """A claim made on the day for a 正高 title, the top level of a listed skills
    certificate or a listed licence (whichever the lists in force allow).

    The employer is registered and pays tax in the region; the claimant has been
    employed there, in the matching post, for the tenure since obtaining the basis
    (often exactly) and still is.
    """
    day = setting.on
    months: int = setting.value("rewards.occupational_tenure_months")
    latest = latest_start(day, months)
    person = _person(draw, day, youngest=38)
    route = pick(draw, _routes(setting))
    start = near(
        draw, max(latest - timedelta(days=4000), _adult(person)), latest, ends="high"
    )
    basis, fields = route(draw, setting, person, latest)
    claim = TalentRewardClaim(
        person=person,
        kind=TalentRewardKind.OCCUPATIONAL,
        basis=basis,
        claimed_on=day,
        year=day.year,
        employer=_EMPLOYER,
        employed_since=start,
        employer_taxed_in_district=True,
        post_matches_basis=True,
        **fields,
    )
    return {
        "claim": claim,
        "employment": _job(draw, day, start),
        "enterprise": _firm(
            draw, _inside(draw, setting.value("rewards.occupational_region"))
        ),
    }


def _occ_latest(setting: Setting) -> date:
    return latest_start(setting.on, setting.value("rewards.occupational_tenure_months"))


def _occ_outside(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    return _moved_out(draw, facts, setting.value("rewards.occupational_region"))


def _untaxed(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw, setting
    return _with_claim(facts, employer_taxed_in_district=False)


def _not_rewarded(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """An honour, or a certificate of a kind the reward is not paid for."""
    claim: TalentRewardClaim = facts["claim"]
    obtained = between(draw, _occ_latest(setting) - timedelta(days=2000), setting.on)
    basis: Honour | Certificate
    if draw(st.booleans()):
        basis = _honour(claim.person, "shenzhen-technical-expert", obtained)
    else:
        basis = Certificate(
            holder=claim.person,
            kind=pick(
                draw,
                (
                    CertificateKind.SPECIAL_ABILITY,
                    CertificateKind.TRAINING_COMPLETION,
                    CertificateKind.SPECIAL_OPERATION,
                ),
            ),
            qualification=pick(draw, ("低压电工作业", "母婴护理", "茶艺")),
            issued_on=obtained,
            issuer_kind=IssuerKind.OTHER_AUTHORITY,
        )
    return _with_claim(facts, basis=basis)


def _out_of_scope(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A licence the accepted types do not name (issued after the floor)."""
    scope: frozenset[str] | None = setting.value("rewards.occupational_scope")
    floor: date | None = setting.value("rewards.occupational_licence_floor")
    if scope is None or floor is None:
        return facts
    claim: TalentRewardClaim = facts["claim"]
    name = _UNLISTED_LICENCE if _UNLISTED_LICENCE not in scope else "某执业资格"
    return _with_claim(
        facts,
        basis=_licence(draw, setting, claim.person, _occ_latest(setting), name),
        employer_sector=None,
        licence_valid_on_claim=True,
    )


def _skills_basis(facts: Facts) -> Certificate | None:
    basis = facts["claim"].basis
    if isinstance(basis, Certificate) and basis.kind in (
        CertificateKind.SKILL_LEVEL,
        CertificateKind.VOCATIONAL_QUALIFICATION,
    ):
        return basis
    return None


def _with_skills(
    draw: st.DrawFn, setting: Setting, facts: Facts, *, lower: bool
) -> tuple[Certificate, Facts] | None:
    """The claim's skills certificate (drawn anew if it has none), one level below the
    top level when *lower*; ``None`` if no skills certificate can be drawn."""
    keys = _skill_keys(setting)
    if not keys:
        return None
    claim: TalentRewardClaim = facts["claim"]
    certificate = _skills_basis(facts)
    tops: dict[str, SkillLevel] = setting.value("rewards.occupational_top_levels")
    if certificate is None or lower:
        key = pick(draw, keys)
        top = tops[key]
        levels = [lv for lv in SkillLevel if lv >= top]
        if lower:
            levels = [lv for lv in SkillLevel if SkillLevel.ELEMENTARY <= lv < top]
            if not levels:
                return None
            levels.reverse()  # one level below first
        certificate = _skills_certificate(
            draw,
            setting,
            claim.person,
            _occ_latest(setting),
            key=key,
            level=pick(draw, levels),
        )
    changed = _with_claim(
        facts, basis=certificate, employer_sector=None, licence_valid_on_claim=None
    )
    return certificate, changed


def _below_top(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A skills certificate below the top level of its occupation."""
    found = _with_skills(draw, setting, facts, lower=True)
    return facts if found is None else found[1]


def _wrong_issuer(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A skills certificate from an evaluator filed elsewhere, an issuer of the wrong
    kind, or (a qualification) outside the national query system or the region."""
    found = _with_skills(draw, setting, facts, lower=False)
    if found is None:
        return facts
    certificate, changed = found
    way = between(draw, 0, 1)
    if certificate.kind is CertificateKind.SKILL_LEVEL:
        region = setting.value("rewards.occupational_evaluator_region")
        certificate = (
            attrs.evolve(certificate, evaluator_filed_with=_outside(draw, region))
            if way
            else attrs.evolve(
                certificate,
                issuer_kind=IssuerKind.HR_DEPARTMENT,
                evaluator_filed_with=None,
            )
        )
    else:
        region = setting.value("rewards.occupational_qualification_issuer_region")
        certificate = (
            attrs.evolve(certificate, issuer_division=_outside(draw, region))
            if way
            else attrs.evolve(certificate, in_national_query_system=False)
        )
    return _with_claim(changed, basis=certificate)


def _lower_title(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A title below (or other than) the rewarded level, conferred after the floor."""
    claim: TalentRewardClaim = facts["claim"]
    required = setting.value("rewards.occupational_title_level")
    title, fields = _title_route(draw, setting, claim.person, _occ_latest(setting))
    level = pick(draw, [lv for lv in ProfessionalTitleLevel if lv != required])
    return _with_claim(facts, basis=attrs.evolve(title, level=level), **fields)


def _too_early(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A title or licence obtained a day or more before its floor."""
    claim: TalentRewardClaim = facts["claim"]
    basis = claim.basis
    if (
        isinstance(basis, Certificate)
        and basis.kind is CertificateKind.PRACTISING_QUALIFICATION
    ):
        floor: date = setting.value("rewards.occupational_licence_floor")
        issued = near(draw, floor - timedelta(days=3001), floor - _DAY, ends="high")
        until = basis.valid_until
        return _with_claim(
            facts,
            basis=attrs.evolve(
                basis,
                issued_on=issued,
                valid_until=None if until is None else max(until, issued),
            ),
        )
    floor = setting.value("rewards.occupational_title_floor")
    if not isinstance(basis, ProfessionalTitle):
        basis, fields = _title_route(draw, setting, claim.person, _occ_latest(setting))
        facts = _with_claim(facts, **fields)
    conferred = near(draw, floor - timedelta(days=3001), floor - _DAY, ends="high")
    return _with_claim(facts, basis=attrs.evolve(basis, conferred_on=conferred))


def _wrong_sector(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A sector-limited licence held outside its sectors."""
    table: dict[str, frozenset[str]] | None = setting.value(
        "rewards.occupational_licence_sectors"
    )
    limited = [k for k in _licence_keys(setting) if table and k in table]
    if not limited or table is None:
        return facts
    claim: TalentRewardClaim = facts["claim"]
    basis = claim.basis
    if not (isinstance(basis, Certificate) and basis.qualification in limited):
        name = pick(draw, limited)
        basis = _licence(draw, setting, claim.person, _occ_latest(setting), name)
    assert isinstance(basis, Certificate)  # noqa: S101 - a licence
    allowed = table[basis.qualification or ""]
    others = [s for s in (*_SECTORS, "other_enterprise") if s not in allowed]
    return _with_claim(
        facts,
        basis=basis,
        employer_sector=pick(draw, others),
        licence_valid_on_claim=True,
    )


def _lapsed(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """A licence whose registration is not valid on the claim day (said so, or
    expired by its date)."""
    claim: TalentRewardClaim = facts["claim"]
    basis = claim.basis
    if not (
        isinstance(basis, Certificate)
        and basis.kind is CertificateKind.PRACTISING_QUALIFICATION
    ):
        keys = _licence_keys(setting)
        if not keys:
            return facts
        basis, fields = _licence_route(
            draw, setting, claim.person, _occ_latest(setting)
        )
        facts = _with_claim(facts, basis=basis, **fields)
    assert isinstance(basis, Certificate)  # noqa: S101 - a licence
    if draw(st.booleans()):
        return _with_claim(facts, licence_valid_on_claim=False)
    last = setting.on - _DAY
    until = near(
        draw, max(last - timedelta(days=3000), basis.issued_on), last, ends="high"
    )
    return _with_claim(facts, basis=attrs.evolve(basis, valid_until=until))


def _other_post(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw, setting
    return _with_claim(facts, post_matches_basis=False)


def _occ_short(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Short of the tenure since the basis: a later start, or no longer in post."""
    job: Employment = facts["employment"]
    latest = _occ_latest(setting)
    if draw(st.booleans()):
        last = setting.on - _DAY
        end = near(
            draw, max(last - timedelta(days=3000), job.period.start), last, ends="high"
        )
        return _with_job(facts, period=DateRange(job.period.start, end))
    first = latest + _DAY
    start = near(draw, first, min(first + timedelta(days=3000), setting.on), ends="low")
    return _with_job(facts, period=DateRange(start, job.period.end))


OCCUPATIONAL = CaseRecipe(
    rule="rewards.occupational",
    eligible=_occupational,
    breaks={
        "rewards.occupational.enterprise": _occ_outside,
        "rewards.occupational.taxpayer": _untaxed,
        "rewards.occupational.basis": _not_rewarded,
        "rewards.occupational.scope": _out_of_scope,
        "rewards.occupational.top_level": _below_top,
        "rewards.occupational.issuer": _wrong_issuer,
        "rewards.occupational.title": _lower_title,
        "rewards.occupational.date_floor": _too_early,
        "rewards.occupational.sector": _wrong_sector,
        "rewards.occupational.licence_valid": _lapsed,
        "rewards.occupational.matching_post": _other_post,
        "rewards.occupational.tenure": _occ_short,
    },
    # A title claim reads no district list: certificates and licences are drawn on
    # the days the lists they need are in force.
    needs=(
        "rewards.occupational_region",
        "rewards.occupational_tenure_months",
        "rewards.occupational_title_amount",
        "rewards.occupational_title_floor",
        "rewards.occupational_title_level",
    ),
)
"""Occupational reward: a 正高 title, a top-level certificate or a listed licence."""

RECIPES: tuple[CaseRecipe, ...] = (HIGH_SKILL, OCCUPATIONAL)
"""The recipes of the programme's rules."""
