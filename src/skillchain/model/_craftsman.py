"""Craftsman titles: an application for 鹏城工匠 (Pengcheng Craftsman).

《深圳市鹏城工匠评选办法》 (深人社规〔2016〕16号, 深圳市人社局, in force to 2026-10-25;
seen through copies) selects at most ten Pengcheng Craftsmen a year.  An
application gathers what the selection asks about a candidate: the front-line
posts held in Shenzhen, the skill level, the honours and competition results of
the last five years, and the review's score.
"""

from datetime import date
from decimal import Decimal

import attrs

from skillchain._checks import (
    day,
    decimal,
    fail,
    flag,
    is_a,
    maybe,
    tuple_of,
    year_from,
)
from skillchain._identifiers import ResidentId
from skillchain.model._people import Employment
from skillchain.model._recognition import Certificate, CompetitionResult, Honour


__all__ = ["CraftsmanApplication"]


@attrs.frozen(kw_only=True)
class CraftsmanApplication:
    """An application in a yearly 鹏城工匠 selection round (鹏城工匠评选申报).

    The facts the selection measure asks about (深人社规〔2016〕16号 as copied; the
    2025 call): at least five years in front-line skill or technical posts in
    Shenzhen; 高级技师 or an equivalent skill level; one listed achievement in the
    five years before the deadline (the 2025 call counts from 1 January 2020 to
    its deadline); no earlier 鹏城工匠 title.  Whether a fact holds is a rule
    (:func:`skillchain.rules.pengcheng_craftsman`); the record only keeps the facts.

    ``frontline_posts``, ``certificates``, ``honours`` and ``results`` are what
    the applicant declares (and the bureau checks); ``None`` for the posts means
    the history was not gathered.  ``equivalent_level`` and ``other_merit`` are
    the review's findings on the two criteria the library cannot judge from
    records: an equivalent skill level without a 高级技师 certificate, and the
    listed achievements that are not titles or results (a science and technology
    award with major benefit, a major technical innovation, a rare craft).

    Checks: everything belongs to the applicant; the deadline lies in the round
    year.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import ResidentId
        >>> from skillchain.model import CraftsmanApplication
        >>> app = CraftsmanApplication(
        ...     person=ResidentId("11010519491231002X"), year=2025,
        ...     deadline=date(2025, 8, 1), review_score=Decimal("91.5"))
        >>> app.person
        ResidentId('110105********002X')
    """

    person: ResidentId = attrs.field(validator=is_a(ResidentId))
    """申报人: the candidate."""
    year: int = attrs.field(validator=year_from(2016))
    """评选年度: the year of the selection round (one round a year)."""
    deadline: date = attrs.field(validator=day)
    """申报截止日期: the round's deadline (2025: 2025-08-01); the five years of
    front-line work and of achievements are counted up to it."""
    frontline_posts: tuple[Employment, ...] | None = attrs.field(
        default=None, validator=maybe(tuple_of(Employment))
    )
    """在深圳生产服务一线技能技术岗位工作经历: the candidate's posts in Shenzhen's
    front line (production and service), or ``None`` if not gathered.  Only posts
    of the kinds the policy lists count (skill and technical posts)."""
    certificates: tuple[Certificate, ...] = attrs.field(
        default=(), validator=tuple_of(Certificate)
    )
    """职业资格/技能等级证书: the candidate's certificates (the highest level counts)."""
    equivalent_level: bool | None = attrs.field(default=None, validator=flag)
    """同等技术技能水平: whether the review found a skill level equivalent to the
    required one without a certificate; ``None`` if not reviewed."""
    honours: tuple[Honour, ...] = attrs.field(default=(), validator=tuple_of(Honour))
    """荣誉称号: every honour the candidate holds (a 鹏城工匠 among them bars a
    second application)."""
    results: tuple[CompetitionResult, ...] = attrs.field(
        default=(), validator=tuple_of(CompetitionResult)
    )
    """竞赛成绩: competition results, as competitor or as coach."""
    other_merit: bool | None = attrs.field(default=None, validator=flag)
    """其他业绩: whether the review found one of the listed achievements that are not
    titles or results (science and technology award with major benefit, major
    technical innovation, rare craft) in the window; ``None`` if not reviewed."""
    review_score: Decimal | None = attrs.field(default=None, validator=maybe(decimal()))
    """评审得分: the review's score, which ranks the round's eligible candidates;
    ``None`` until reviewed."""

    def __attrs_post_init__(self) -> None:
        """Check that the records belong to the candidate and the deadline's year."""
        if self.deadline.year != self.year:
            fail(
                self,
                "deadline",
                f"{self.deadline.isoformat()} is not in the round year {self.year}",
                "a deadline in the round's year",
            )
        for name, records in (
            ("certificates", self.certificates),
            ("honours", self.honours),
        ):
            for record in records:
                if record.holder != self.person:
                    fail(
                        self,
                        name,
                        f"a record belongs to {record.holder.masked}, not to the "
                        f"candidate {self.person.masked}",
                        "only the candidate's own records",
                    )
        for result in self.results:
            if result.person != self.person:
                fail(
                    self,
                    "results",
                    f"a result belongs to {result.person.masked}, not to the "
                    f"candidate {self.person.masked}",
                    "only the candidate's own results",
                )
