"""Applying for a skill level (职业技能等级认定 申报条件): standards, routes, applications.

Each national occupational standard (国家职业技能标准) states, for every level it
certifies, the conditions a person must meet to apply (申报条件): a list of
alternatives, any one of which is enough ("具备以下条件之一者").  The conditions
differ between occupations and between the template editions the standards were
written to, so they are data: an :class:`ApplicationStandard` holds the
:class:`ApplicationRoute` s of one occupation's standard (or of a template that
many standards share), keyed by occupation and edition.  A
:class:`LevelApplication` is what a person brings: the level and occupation applied
for, their certificates, their work in the occupation, their schooling, titles and
apprenticeship.
"""

import attrs

from skillchain._checks import (
    fail,
    flag,
    frozenset_of,
    is_a,
    maybe,
    text,
    text_repr,
    tuple_of,
    whole,
)
from skillchain._codes import OccupationCode
from skillchain._dates import DateRange
from skillchain._identifiers import ResidentId
from skillchain._labels import LabelledEnum, set_labels
from skillchain._levels import SkillLevel
from skillchain._sources import Provenance
from skillchain.model._recognition import (
    Certificate,
    ProfessionalTitle,
    ProfessionalTitleLevel,
)


__all__ = [
    "ApplicationRoute",
    "ApplicationStandard",
    "LevelApplication",
    "Schooling",
    "YearsCountedFrom",
]


class Schooling(LabelledEnum):
    """A diploma in the applicant's field that a route to a level accepts (毕业证书).

    The standards speak of a diploma "in this or a related speciality" (本专业或相关
    专业), counting a final-year student who has not yet graduated (含尚未取得毕业
    证书的在校应届毕业生); the applicant's facts list only such diplomas.
    """

    SECONDARY_VOCATIONAL = "secondary_vocational"
    """技工学校, or a secondary vocational school whose programme was assessed as
    training for intermediate skills (以中级技能为培养目标的中等及以上职业学校)."""
    ADVANCED_TECHNICAL = "advanced_technical"
    """高级技工学校 or 技师学院 (including a 技工院校 高级工班), or a higher vocational
    school assessed as training for advanced skills (以高级技能为培养目标的高等职业学校)."""
    COLLEGE = "college"
    """大专及以上: a junior-college (专科) or higher degree."""
    PREPARATORY_TECHNICIAN = "preparatory_technician"
    """预备技师证书: a technician college's preparatory-technician certificate."""


set_labels(
    Schooling,
    {
        Schooling.SECONDARY_VOCATIONAL: (
            "技工学校或中等职业学校毕业证书",
            "diploma of a technical or secondary vocational school",
        ),
        Schooling.ADVANCED_TECHNICAL: (
            "高级技工学校、技师学院或高等职业学校毕业证书",
            (
                "diploma of an advanced technical school, technician college or "
                "higher vocational school"
            ),
        ),
        Schooling.COLLEGE: ("大专及以上毕业证书", "junior-college degree or higher"),
        Schooling.PREPARATORY_TECHNICIAN: (
            "预备技师证书",
            "preparatory-technician certificate",
        ),
    },
)


class YearsCountedFrom(LabelledEnum):
    """From when a route counts the years of work in the occupation."""

    START = "start"
    """累计从事本职业: every year of work in the occupation counts."""
    CERTIFICATE = "certificate"
    """取得证书后: only work after the certificate the route requires was obtained."""
    TITLE = "title"
    """取得职称后: only work after the professional title the route requires."""


set_labels(
    YearsCountedFrom,
    {
        YearsCountedFrom.START: ("累计", "in total"),
        YearsCountedFrom.CERTIFICATE: ("取得证书后", "after the certificate"),
        YearsCountedFrom.TITLE: ("取得职称后", "after the professional title"),
    },
)


@attrs.frozen(kw_only=True)
class ApplicationRoute:
    """One alternative condition for applying for a level (one numbered item).

    Every requirement the route names must hold: a certificate of this or a related
    occupation at :attr:`certificate` or a higher level, one of the diplomas in
    :attr:`schooling`, a professional title at :attr:`title` or higher, a completed
    apprenticeship, and :attr:`years` whole years of work in this or a related
    occupation counted as :attr:`counted_from` says.  A route that names nothing
    but zero years always holds.

    Checks: years counted from the certificate need a certificate, and from the
    title need a title.

    Example:
        >>> from skillchain import SkillLevel
        >>> from skillchain.model import ApplicationRoute, YearsCountedFrom
        >>> route = ApplicationRoute(level=SkillLevel.INTERMEDIATE,
        ...     certificate=SkillLevel.ELEMENTARY, years=4,
        ...     counted_from=YearsCountedFrom.CERTIFICATE)
        >>> route.years, route.counted_from.zh
        (4, '取得证书后')
    """

    level: SkillLevel = attrs.field(validator=is_a(SkillLevel))
    """The level the route lets a person apply for."""
    certificate: SkillLevel | None = attrs.field(
        default=None, validator=maybe(is_a(SkillLevel))
    )
    """The lowest certificate level the route needs (this or a related occupation);
    ``None`` if it needs none."""
    schooling: frozenset[Schooling] = attrs.field(
        default=frozenset(), validator=frozenset_of(Schooling)
    )
    """The diplomas, any one of which the route needs; empty if it needs none."""
    title: ProfessionalTitleLevel | None = attrs.field(
        default=None, validator=maybe(is_a(ProfessionalTitleLevel))
    )
    """The lowest professional title the route needs; ``None`` if it needs none."""
    apprenticeship: bool = attrs.field(default=False, validator=is_a(bool))
    """Whether the route needs a completed apprenticeship (学徒期满)."""
    years: int = attrs.field(default=0, validator=whole(0))
    """The whole years of work in the occupation the route needs (0: none)."""
    counted_from: YearsCountedFrom = attrs.field(
        default=YearsCountedFrom.START, validator=is_a(YearsCountedFrom)
    )
    """From when the years are counted."""

    def __attrs_post_init__(self) -> None:
        """Check that the years are counted from something the route requires."""
        if (
            self.counted_from is YearsCountedFrom.CERTIFICATE
            and self.certificate is None
        ):
            fail(
                self,
                "counted_from",
                "counts years from a certificate the route does not require",
                "a certificate level when the years are counted from the certificate",
            )
        if self.counted_from is YearsCountedFrom.TITLE and self.title is None:
            fail(
                self,
                "counted_from",
                "counts years from a title the route does not require",
                "a title level when the years are counted from the title",
            )


@attrs.frozen(kw_only=True)
class ApplicationStandard:
    """The application conditions (申报条件) of one standard edition, level by level.

    Keyed by :attr:`occupation` and :attr:`edition`; a template that many
    standards share has no occupation and matches any occupation whose caller names
    its edition.  :attr:`routes` lists the alternatives for every level the
    standard (as loaded) states conditions for; a level with no route is one whose
    conditions were not loaded.  :attr:`document` is the register id of the text the
    conditions were taken from and :attr:`provenance` how far they were checked.

    Example:
        >>> from skillchain import SkillLevel
        >>> from skillchain.model import ApplicationRoute, ApplicationStandard
        >>> standard = ApplicationStandard(edition="template-x", document="demo",
        ...     routes=(ApplicationRoute(level=SkillLevel.ELEMENTARY, years=1),))
        >>> [route.years for route in standard.routes_for(SkillLevel.ELEMENTARY)]
        [1]
    """

    edition: str = attrs.field(validator=text, repr=text_repr)
    """The standard's edition (e.g. ``"2018"``) or a template's name."""
    routes: tuple[ApplicationRoute, ...] = attrs.field(
        validator=tuple_of(ApplicationRoute)
    )
    """The alternatives, for every level the standard states conditions for."""
    document: str = attrs.field(validator=text, repr=text_repr)
    """The register id of the document the conditions were taken from."""
    occupation: OccupationCode | None = attrs.field(
        default=None, validator=maybe(is_a(OccupationCode))
    )
    """The occupation the standard is for; ``None`` for a shared template."""
    provenance: Provenance = attrs.field(
        default=Provenance.UNVERIFIED, validator=is_a(Provenance)
    )
    """How far the conditions were checked against the standard's own text."""
    note: str | None = attrs.field(default=None, validator=maybe(text), repr=text_repr)
    """What is unknown about the conditions (which occupations use a template, …)."""

    def routes_for(self, level: SkillLevel) -> tuple[ApplicationRoute, ...]:
        """The routes to *level*, in the standard's order (empty if not loaded)."""
        return tuple(route for route in self.routes if route.level is level)


@attrs.frozen(kw_only=True)
class LevelApplication:
    """A person's application for a skill level in one occupation (申报).

    The facts the routes look at: certificates (those of :attr:`occupation` or of
    one of :attr:`related_occupations` count; a certificate with no occupation or no
    level counts for nothing), periods of work in this or a related occupation,
    relevant diplomas, professional titles and a completed apprenticeship.
    ``None`` means not known; a route that needs an unknown fact is undetermined.

    Checks: every certificate and title is the applicant's.

    Example:
        >>> from datetime import date
        >>> from skillchain import DateRange, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import LevelApplication
        >>> application = LevelApplication(applicant=ResidentId("11010519491231002X"),
        ...     occupation=OccupationCode("4-10-01-06"), edition="template-b",
        ...     target=SkillLevel.ELEMENTARY,
        ...     work=(DateRange(date(2023, 1, 1), date(2024, 6, 30)),))
        >>> application
        LevelApplication(applicant=ResidentId('110105********002X'), ...)
    """

    applicant: ResidentId = attrs.field(validator=is_a(ResidentId))
    """The applicant's resident identity number."""
    occupation: OccupationCode = attrs.field(validator=is_a(OccupationCode))
    """The occupation (职业/工种) applied in."""
    edition: str = attrs.field(validator=text, repr=text_repr)
    """The edition of the occupation's standard the evaluation follows."""
    target: SkillLevel = attrs.field(validator=is_a(SkillLevel))
    """The level applied for."""
    certificates: tuple[Certificate, ...] = attrs.field(
        default=(), validator=tuple_of(Certificate)
    )
    """The applicant's certificates (all of them; the rule picks the relevant ones)."""
    related_occupations: frozenset[OccupationCode] = attrs.field(
        default=frozenset(), validator=frozenset_of(OccupationCode)
    )
    """Occupations the standard treats as related (相关职业)."""
    work: tuple[DateRange, ...] | None = attrs.field(
        default=None, validator=maybe(tuple_of(DateRange))
    )
    """Periods of work in this or a related occupation (overlaps count once);
    ``None`` if not known."""
    schooling: frozenset[Schooling] | None = attrs.field(
        default=None, validator=maybe(frozenset_of(Schooling))
    )
    """The relevant diplomas held (empty: none); ``None`` if not known."""
    titles: tuple[ProfessionalTitle, ...] | None = attrs.field(
        default=None, validator=maybe(tuple_of(ProfessionalTitle))
    )
    """Relevant professional titles (专业对应的职称) held; ``None`` if not known."""
    apprenticeship_completed: bool | None = attrs.field(default=None, validator=flag)
    """Whether the applicant completed an apprenticeship in the occupation
    (学徒期满); ``None`` if not known."""

    def __attrs_post_init__(self) -> None:
        """Check that every certificate and title belongs to the applicant."""
        for index, certificate in enumerate(self.certificates):
            if certificate.holder != self.applicant:
                fail(
                    self,
                    "certificates",
                    f"certificate {index} is held by someone else",
                    "certificates held by the applicant",
                )
        for index, title in enumerate(self.titles or ()):
            if title.holder != self.applicant:
                fail(
                    self,
                    "titles",
                    f"title {index} is held by someone else",
                    "titles held by the applicant",
                )

    def counts(self, certificate: Certificate) -> bool:
        """Whether *certificate* is of the occupation applied in or a related one."""
        occupation = certificate.occupation
        return certificate.level is not None and (
            occupation == self.occupation or occupation in self.related_occupations
        )
