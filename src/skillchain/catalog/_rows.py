"""The rows of the catalogs: frozen attrs records, each with its document and provenance."""

import re

from datetime import date
from typing import Any, Final

import attrs

from skillchain._checks import whole
from skillchain._codes import DivisionCode, OccupationCode
from skillchain._identifiers import CreditCode
from skillchain._labels import Lang
from skillchain._levels import SkillLevel
from skillchain._sources import Citation, Document, Provenance
from skillchain.catalog._enums import (
    ClusterKind,
    DivisionKind,
    EventFigureKind,
    EventKind,
    EventRole,
    OccupationStatus,
)
from skillchain.errors import InvalidValueError
from skillchain.model import (
    CarrierType,
    CertificateKind,
    CompetitionClass,
    CompetitionTier,
    ThreeProject,
)


__all__ = [
    "CarrierTypeEntry",
    "CatalogRow",
    "ChainLeaderEntry",
    "CompetitionCategory",
    "Division",
    "EventCategory",
    "EventDating",
    "EventEntry",
    "EventFigure",
    "EventTrade",
    "HonourTitle",
    "IndustryCluster",
    "Occupation",
    "ProjectOccupation",
    "ScopeEntry",
    "SkillLevelEntry",
    "ThreeProjectEntry",
]

_instance_of = attrs.validators.instance_of
_optional = attrs.validators.optional


def _field_name(instance: object, attribute: "attrs.Attribute[Any]") -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _text(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        shown = repr(value) if isinstance(value, str) else type(value).__name__
        raise InvalidValueError(
            field=_field_name(instance, attribute),
            problem=f"got {shown}",
            expected="a non-empty string",
        )


def _optional_text(
    instance: object, attribute: "attrs.Attribute[Any]", value: object
) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _texts(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidValueError(
            field=_field_name(instance, attribute),
            problem=f"got a {type(value).__name__}",
            expected="a tuple of non-empty strings",
        )
    for item in value:
        _text(instance, attribute, item)


def _tuple_of(kind: type) -> Any:
    return attrs.validators.deep_iterable(_instance_of(kind), _instance_of(tuple))


def _day(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is not None and (not isinstance(value, date) or hasattr(value, "hour")):
        raise InvalidValueError(
            field=_field_name(instance, attribute),
            problem=f"got a {type(value).__name__}",
            expected="a datetime.date (not a datetime) or None",
        )


def _year(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1949 <= value <= 2100
    ):
        raise InvalidValueError(
            field=_field_name(instance, attribute),
            problem=f"got {value!r}",
            expected="a calendar year as an int (1949-2100)",
        )


def _key_mismatch(cls: str, key: str, expected: str) -> InvalidValueError:
    return InvalidValueError(
        field=f"{cls}.key",
        problem=f"key {key!r} does not match the row",
        expected=f"the key {expected!r}",
    )


@attrs.frozen(kw_only=True)
class CatalogRow:
    """One row of a catalog (目录条目): a key, its Chinese and English labels and its source.

    Every row of every catalog carries these fields; the row types below add what
    their catalog is about.  ``document`` is an entry of the document register and
    ``provenance`` says how well the row itself was checked (it defaults, in the data
    files, to the document's provenance).

    Example:
        >>> from skillchain.catalog import carrier_types
        >>> from skillchain.model import CarrierType
        >>> row = carrier_types()[CarrierType.MASTER_STUDIO]
        >>> row.key, row.zh, row.en
        ('master_studio', '技能大师工作室', 'skill master studio')
        >>> row.document.number, row.provenance.value
        ('深人社规〔2022〕13号', 'secondary')
        >>> row.citation.label()
        '《深圳市终身职业技能培训载体认定和奖补管理办法》（深人社规〔2022〕13号）'
    """

    key: str = attrs.field(validator=_text)
    """The row's key in its catalog: a code, an enum value or a stable slug."""
    zh: str = attrs.field(validator=_text)
    """The Chinese label (the name the documents use)."""
    en: str = attrs.field(validator=_text)
    """The English label; skillchain's own rendering unless the row's note says otherwise."""
    document: Document = attrs.field(validator=_instance_of(Document))
    """The register document the row comes from."""
    provenance: Provenance = attrs.field(validator=_instance_of(Provenance))
    """How well the row was checked: official, secondary or unverified."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """What is unknown, assumed or worth knowing about the row."""

    @property
    def citation(self) -> Citation:
        """A citation of the row's document, for a rule's findings."""
        return Citation(document=self.document)

    def label(self, lang: Lang = "zh") -> str:
        """The label in *lang*."""
        return self.zh if lang == "zh" else self.en


_OCCUPATION_CATEGORY: Final = re.compile(r"[1-8]-00-00-00")


@attrs.frozen(kw_only=True)
class Occupation(CatalogRow):
    """An occupation (职业) or major category (大类) of the 2022 classification.

    From 《中华人民共和国职业分类大典（2022年版）》 (人力资源社会保障部, 2022-09-28).  A
    row with a code is keyed by it (``"4-10-01-05"``; a major category by
    ``"4-00-00-00"``).  An occupation the programmes name but whose code is not
    confirmed (育婴员), or a name that matches no occupation (建筑装饰模型技术员), has
    no code and is keyed by its Chinese name: the catalog never guesses a code.

    The English names are skillchain's own unofficial renderings.

    Example:
        >>> from skillchain.catalog import occupations
        >>> carer = occupations()["4-10-01-05"]
        >>> carer.zh, carer.en, carer.status.value
        ('养老护理员', 'elderly-care worker', 'confirmed')
        >>> occupations().by_name("物业管理员").code
        OccupationCode('4-06-01-01')
    """

    status: OccupationStatus = attrs.field(validator=_instance_of(OccupationStatus))
    """Whether the code is confirmed, unconfirmed, or the name is unresolved."""
    code: OccupationCode | None = attrs.field(
        default=None, validator=_optional(_instance_of(OccupationCode))
    )
    """The 2022 code, or ``None`` where no code is confirmed."""
    digital: bool | None = attrs.field(
        default=None, validator=_optional(_instance_of(bool))
    )
    """Marked "S" (数字职业, digital occupation) in the 2022 edition; ``None`` if not known."""
    green: bool | None = attrs.field(
        default=None, validator=_optional(_instance_of(bool))
    )
    """Marked "L" (绿色职业, green occupation) in the 2022 edition; ``None`` if not known."""
    former_names: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    """Names the occupation had before the 2022 edition (e.g. 物业管理员 for 物业管理师)."""
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    """Other names the programmes' documents use for it (not official titles)."""
    candidates: tuple[OccupationCode, ...] = attrs.field(
        default=(), validator=_tuple_of(OccupationCode)
    )
    """For an unresolved name: the nearest occupations found, for a person to choose from."""

    def __attrs_post_init__(self) -> None:
        """Check that the key, the code and the status agree."""
        if self.code is not None and self.key != self.code.code:
            raise _key_mismatch("Occupation", self.key, self.code.code)
        if self.code is None and self.key != self.zh:
            raise _key_mismatch("Occupation", self.key, self.zh)
        if self.status is OccupationStatus.CONFIRMED and self.code is None:
            raise InvalidValueError(
                field="Occupation.code",
                problem="a confirmed occupation has no code",
                expected="a code, or the status 'unconfirmed' or 'unresolved'",
            )
        if self.status is OccupationStatus.UNRESOLVED and self.code is not None:
            raise InvalidValueError(
                field="Occupation.code",
                problem=f"an unresolved name has the code {self.code.code!r}",
                expected="no code (list the nearest occupations as candidates)",
            )

    @property
    def is_major_category(self) -> bool:
        """Whether the row is one of the eight major categories (大类), ``d-00-00-00``."""
        return self.code is not None and bool(
            _OCCUPATION_CATEGORY.fullmatch(self.code.code)
        )

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the row answers to: the 2022 name, former names, then aliases."""
        return (self.zh, *self.former_names, *self.aliases)


@attrs.frozen(kw_only=True)
class SkillLevelEntry(CatalogRow):
    """One rung of the skill ladder (技能等级) with its source.

    From 《关于健全完善新时代技能人才职业技能等级制度的意见（试行）》 (人社部发〔2022〕14号).
    The ordering and grades live on :class:`~skillchain.SkillLevel`; the row adds the
    document and provenance, and notes (e.g. that no source gives the conditions for
    特级技师).

    Example:
        >>> from skillchain import SkillLevel
        >>> from skillchain.catalog import skill_ladder
        >>> row = skill_ladder()[SkillLevel.TECHNICIAN]
        >>> row.zh, row.national_grade, row.document.number
        ('技师', 2, '人社部发〔2022〕14号')
    """

    level: SkillLevel = attrs.field(validator=_instance_of(SkillLevel))
    """The rung."""

    def __attrs_post_init__(self) -> None:
        """Check that the key is the level's value."""
        if self.key != self.level.value:
            raise _key_mismatch("SkillLevelEntry", self.key, self.level.value)

    @property
    def rank(self) -> int:
        """The position on the ladder, 0 (学徒工) to 7 (首席技师)."""
        return self.level.rank

    @property
    def national_grade(self) -> int | None:
        """The national grade 5 (初级工) to 1 (高级技师), or ``None``."""
        return self.level.national_grade


_STATISTICAL_CODE: Final = re.compile(r"[0-9]{6}|[0-9]{9}")


def _statistical_code(
    instance: object, attribute: "attrs.Attribute[Any]", value: object
) -> None:
    if value is not None and not (
        isinstance(value, str) and _STATISTICAL_CODE.fullmatch(value)
    ):
        raise InvalidValueError(
            field=_field_name(instance, attribute),
            problem=f"got {value!r}",
            expected="6 digits (a county-level or higher code) or 9 digits (a street)",
        )


@attrs.frozen(kw_only=True)
class Division(CatalogRow):
    """An administrative or statistical division of Shenzhen (行政区划) with its dates.

    The codes are 国家统计局's statistical division codes (统计用区划代码): six digits
    for the city and its districts (the same as GB/T 2260), nine for streets.  A unit
    without a code of its own (大鹏新区, 深汕特别合作区) is keyed by a slug and its note
    says where its parts are coded.

    ``valid_from`` and ``valid_until`` are inclusive and ``None`` where the sources do
    not give a date; identity numbers keep the division code of their issue for life,
    so a district system needs old codes too.

    Example:
        >>> from skillchain import FUTIAN
        >>> from skillchain.catalog import divisions
        >>> futian = divisions()[FUTIAN]
        >>> futian.zh, futian.kind.value, futian.parent
        ('福田区', 'district', '440300')
        >>> divisions()["440304011"].zh
        '华强北街道'
    """

    kind: DivisionKind = attrs.field(validator=_instance_of(DivisionKind))
    """City, district, new area, cooperation zone, street or bonded zone."""
    code: str | None = attrs.field(default=None, validator=_statistical_code)
    """The statistical code (6 or 9 digits), or ``None`` for a unit without one."""
    division_code: DivisionCode | None = attrs.field(
        default=None, validator=_optional(_instance_of(DivisionCode))
    )
    """The six-digit code the unit is, or is coded under (a street: its district)."""
    parent: str | None = attrs.field(default=None, validator=_optional_text)
    """The key of the unit it belongs to in this catalog (``None`` for the city)."""
    valid_from: date | None = attrs.field(default=None, validator=_day)
    """The first day the code was in use, where known."""
    valid_until: date | None = attrs.field(default=None, validator=_day)
    """The last day the code was in use (inclusive); ``None`` while it is current."""

    def __attrs_post_init__(self) -> None:
        """Check the key against the code and the order of the dates."""
        if self.code is not None and self.key != self.code:
            raise _key_mismatch("Division", self.key, self.code)
        if (
            self.valid_from is not None
            and self.valid_until is not None
            and self.valid_until < self.valid_from
        ):
            raise InvalidValueError(
                field="Division.valid_until",
                problem=f"{self.valid_until} is before valid_from {self.valid_from}",
                expected="a day on or after valid_from",
            )


@attrs.frozen(kw_only=True)
class IndustryCluster(CatalogRow):
    """An industry cluster or leading industry (产业集群) of one edition of a cluster list.

    Shenzhen's "20+8" (深圳市人民政府, 2022-06-06) and its 2024 adjustment; Futian's
    three leading industries (福田区"十四五"规划纲要).  Keys are stable ASCII slugs, so an
    enterprise's cluster tags can name them.

    Example:
        >>> from skillchain.catalog import industry_clusters
        >>> row = industry_clusters("shenzhen-2022")["semiconductors-ic"]
        >>> row.zh, row.kind.value
        ('半导体与集成电路', 'strategic_emerging')
    """

    kind: ClusterKind = attrs.field(validator=_instance_of(ClusterKind))
    """Strategic emerging cluster, future industry or leading industry."""


@attrs.frozen(kw_only=True)
class ProjectOccupation:
    """One occupation known to belong to one of the three projects, with its own source.

    Membership is sourced one occupation at a time: the district's letter names some
    (育婴员, 养老护理员 for 南粤家政), news reports of the projects' competitions others.
    """

    occupation: Occupation = attrs.field(validator=_instance_of(Occupation))
    """The occupation (a row of the bundled occupations catalog)."""
    document: Document = attrs.field(validator=_instance_of(Document))
    """The document that links the occupation to the project."""
    provenance: Provenance = attrs.field(validator=_instance_of(Provenance))
    """How well the link was checked."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """What is unknown or worth knowing about the link."""

    @property
    def zh(self) -> str:
        """The occupation's Chinese name."""
        return self.occupation.zh

    @property
    def en(self) -> str:
        """The occupation's English name."""
        return self.occupation.en

    @property
    def citation(self) -> Citation:
        """A citation of the document that links the occupation to the project."""
        return Citation(document=self.document)


@attrs.frozen(kw_only=True)
class ThreeProjectEntry(CatalogRow):
    """One of Guangdong's three projects (三项工程) and the occupations known to belong to it.

    No complete occupation list of any project was found, so every entry is
    ``partial``: :meth:`includes` answers ``True`` for a listed occupation and
    ``None`` (not known) otherwise, never ``False``.

    Example:
        >>> from skillchain.catalog import three_projects
        >>> from skillchain.model import ThreeProject
        >>> housekeeping = three_projects()[ThreeProject.SOUTHERN_HOUSEKEEPING]
        >>> [m.zh for m in housekeeping.members][:2]
        ['养老护理员', '育婴员']
        >>> housekeeping.includes("4-10-01-05"), housekeeping.includes("6-31-01-03")
        (True, None)
    """

    project: ThreeProject = attrs.field(validator=_instance_of(ThreeProject))
    """The project."""
    members: tuple[ProjectOccupation, ...] = attrs.field(
        validator=_tuple_of(ProjectOccupation)
    )
    """The occupations known to belong to it, each with its source."""
    partial: bool = attrs.field(default=True, validator=_instance_of(bool))
    """Whether ``members`` may be incomplete (true for every bundled entry)."""

    def __attrs_post_init__(self) -> None:
        """Check that the key is the project's value."""
        if self.key != self.project.value:
            raise _key_mismatch("ThreeProjectEntry", self.key, self.project.value)

    def includes(self, occupation: OccupationCode | str) -> bool | None:
        """Whether *occupation* (a code, a code string or a name) belongs to the project.

        Returns:
            ``True`` if a member matches it by code or by any of its names;
            ``False`` if it does not and the list is complete; ``None`` if it does not
            and the list is partial (membership is then unknown).
        """
        text = occupation.code if isinstance(occupation, OccupationCode) else occupation
        for member in self.members:
            row = member.occupation
            if (row.code is not None and row.code.code == text) or text in row.names:
                return True
        return None if self.partial else False


@attrs.frozen(kw_only=True)
class HonourTitle(CatalogRow):
    """An honour or title (荣誉称号) the programmes count, with its issuer and level.

    From the documents that name it: the 鹏城工匠 selection rules (深人社规〔2016〕16号)
    list the honours that qualify a candidate, the Futian high-skill reward guide lists
    its own, the city's contest notices confer 深圳市技术能手.  Keyed by a stable ASCII
    slug.

    Example:
        >>> from skillchain.catalog import honours
        >>> row = honours()["pengcheng-craftsman"]
        >>> row.zh, row.level.value, row.issuer
        ('鹏城工匠', 'municipal', '深圳市人力资源和社会保障局')
    """

    level: CompetitionTier = attrs.field(validator=_instance_of(CompetitionTier))
    """The level of government that confers it (national, provincial, municipal, district)."""
    issuer: str | None = attrs.field(default=None, validator=_optional_text)
    """The conferring body, or ``None`` where the sources do not name it."""


@attrs.frozen(kw_only=True)
class CompetitionCategory(CatalogRow):
    """A tier and class of skills competition (竞赛级别与类别) as the sources describe it.

    Keyed ``"<tier>-<class>"`` (e.g. ``"municipal-first"`` for 市级一类); look it up with
    the pair of enums.  A tier no source divides into classes (the street tier,
    街道级) is keyed by the tier alone (``"street"``); look it up with the tier.
    Only the tiers and pairs some source describes are rows.

    Example:
        >>> from skillchain.catalog import competition_categories
        >>> from skillchain.model import CompetitionClass, CompetitionTier
        >>> row = competition_categories()[CompetitionTier.MUNICIPAL, CompetitionClass.SECOND]
        >>> row.zh, row.provenance.value
        ('市级二类', 'official')
        >>> street = competition_categories()[CompetitionTier.STREET]
        >>> street.zh, street.competition_class
        ('街道级', None)
    """

    tier: CompetitionTier = attrs.field(validator=_instance_of(CompetitionTier))
    """The tier (国家级, 省级, 市级, 区级, 街道级)."""
    competition_class: CompetitionClass | None = attrs.field(
        default=None, validator=_optional(_instance_of(CompetitionClass))
    )
    """The class within the tier (一类, 二类); ``None`` for a tier without classes."""
    meaning: str | None = attrs.field(default=None, validator=_optional_text)
    """What the category means (who runs it, what standard applies), where a source says."""

    def __attrs_post_init__(self) -> None:
        """Check that the key is ``<tier>-<class>``, or ``<tier>`` without a class."""
        expected = (
            self.tier.value
            if self.competition_class is None
            else f"{self.tier.value}-{self.competition_class.value}"
        )
        if self.key != expected:
            raise _key_mismatch("CompetitionCategory", self.key, expected)


@attrs.frozen(kw_only=True)
class CarrierTypeEntry(CatalogRow):
    """One type of lifelong vocational training carrier (终身职业技能培训载体类型).

    From 《深圳市终身职业技能培训载体认定和奖补管理办法》 (深人社规〔2022〕13号).

    Example:
        >>> from skillchain.catalog import carrier_types
        >>> [row.carrier_type.value for row in carrier_types()]
        ['high_skill_training_base', 'master_studio', 'rural_workstation']
    """

    carrier_type: CarrierType = attrs.field(validator=_instance_of(CarrierType))
    """The carrier type."""

    def __attrs_post_init__(self) -> None:
        """Check that the key is the type's value."""
        if self.key != self.carrier_type.value:
            raise _key_mismatch("CarrierTypeEntry", self.key, self.carrier_type.value)


@attrs.frozen(kw_only=True)
class ChainLeaderEntry(CatalogRow):
    """An enterprise listed as a skills-chain leader (链主企业).

    The district's reply letter of 2024-09-02 reports that the provincial HR
    department has publicised three Futian enterprises on its list of chain leaders.
    ``zh`` is the enterprise's registered name; ``en`` is skillchain's unofficial
    rendering.  No source gives their credit codes, so the bundled rows have none.

    Example:
        >>> from skillchain.catalog import chain_leaders
        >>> [row.zh for row in chain_leaders()][0]
        '深圳嘉立创科技集团股份有限公司'
    """

    year: int = attrs.field(validator=_year)
    """The year the listing is reported for."""
    district: DivisionCode = attrs.field(validator=_instance_of(DivisionCode))
    """The district the enterprise belongs to."""
    listed_by: str | None = attrs.field(default=None, validator=_optional_text)
    """The body that publicised the listing, where known."""
    credit_code: CreditCode | None = attrs.field(
        default=None, validator=_optional(_instance_of(CreditCode))
    )
    """The unified social credit code; ``None`` until a district supplies it."""


@attrs.frozen(kw_only=True)
class ScopeEntry(CatalogRow):
    """One accepted type (受理工种) of the Futian occupational-talent reward scope.

    The lists themselves (31 types in 2023, more than 400 in 2024, by the district's
    reply letter) were not found: the district supplies them in this format.  No
    document fixes the fields beyond the name; a district list records the occupation
    code where there is one and the kind of certificate.
    """

    occupation: OccupationCode | None = attrs.field(
        default=None, validator=_optional(_instance_of(OccupationCode))
    )
    """The occupation's 2022 code, where the type is an occupation."""
    certificate_kind: CertificateKind | None = attrs.field(
        default=None, validator=_optional(_instance_of(CertificateKind))
    )
    """The kind of certificate the type is evidenced by, where the list says."""


# --- events ---------------------------------------------------------------------------


def _sourced_label(text: str, provenance: Provenance) -> str:
    return f"{text} ({provenance.value})"


@attrs.frozen(kw_only=True)
class EventCategory:
    """The tier and class of a recorded competition (竞赛级别与类别), with its source.

    The tier and class are those of :class:`CompetitionCategory`; the street tier
    (街道级) has no class.  A classification worked out rather than stated has
    ``unverified`` provenance and a note saying how.

    Example:
        >>> from skillchain.catalog import events
        >>> category = events()["futian-class-two-contests"].category
        >>> category.label(), category.provenance.value
        ('区级二类', 'official')
    """

    tier: CompetitionTier = attrs.field(validator=_instance_of(CompetitionTier))
    """The tier (国家级, 省级, 市级, 区级, 街道级)."""
    competition_class: CompetitionClass | None = attrs.field(
        default=None, validator=_optional(_instance_of(CompetitionClass))
    )
    """The class within the tier (一类, 二类); ``None`` where no source gives one."""
    document: Document = attrs.field(validator=_instance_of(Document))
    """The register document the classification comes from."""
    provenance: Provenance = attrs.field(validator=_instance_of(Provenance))
    """How well the classification was checked."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """How the classification was worked out, or what is unknown about it."""

    @property
    def citation(self) -> Citation:
        """A citation of the classification's document."""
        return Citation(document=self.document)

    def label(self, lang: Lang = "zh") -> str:
        """The tier and class in *lang*: ``"市级一类"``, ``"municipal, class one"``."""
        tier = self.tier.zh if lang == "zh" else self.tier.en
        if self.competition_class is None:
            return tier
        klass = self.competition_class
        return tier + klass.zh if lang == "zh" else f"{tier}, {klass.en}"

    def __str__(self) -> str:
        """The label and provenance, e.g. ``"区级二类 (official)"``."""
        return _sourced_label(self.label(), self.provenance)


@attrs.frozen(kw_only=True)
class EventTrade:
    """One event (赛项) of a recorded competition: its name and, where it is one, its occupation.

    ``name`` is the event's name as the source gives it.  ``occupation`` is the row
    of the bundled occupations catalog it names, where it names one (室内设计师 is
    an alias of 室内装饰设计师, 4-08-08-07); an event named after no occupation
    (Web3.0金融技术应用) has none, and a code is never guessed.

    Example:
        >>> from skillchain.catalog import events
        >>> [(t.name, t.code) for t in events()["futian-class-two-contests"].trades]
        [('室内设计师', '4-08-08-07'), ('Web3.0金融技术应用', None)]
    """

    name: str = attrs.field(validator=_text)
    """The event's name as the source gives it."""
    document: Document = attrs.field(validator=_instance_of(Document))
    """The register document that names the event."""
    provenance: Provenance = attrs.field(validator=_instance_of(Provenance))
    """How well the event and its occupation were checked."""
    occupation: Occupation | None = attrs.field(
        default=None, validator=_optional(_instance_of(Occupation))
    )
    """The occupation the event is named after, as a row of the occupations catalog."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """What is unknown or worth knowing about the event."""

    @property
    def code(self) -> str | None:
        """The occupation's 2022 code as text, or ``None`` (no occupation, or no code)."""
        if self.occupation is None or self.occupation.code is None:
            return None
        return self.occupation.code.code

    @property
    def citation(self) -> Citation:
        """A citation of the document that names the event."""
        return Citation(document=self.document)

    def __str__(self) -> str:
        """The name, with the occupation it names and its code where there are any."""
        if self.occupation is None:
            return self.name
        parts = [] if self.occupation.zh == self.name else [self.occupation.zh]
        if self.code is not None:
            parts.append(self.code)
        return f"{self.name} ({' '.join(parts)})" if parts else self.name


def _years(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidValueError(
            field=_field_name(instance, attribute),
            problem=f"got {value!r}",
            expected="a non-empty tuple of years in ascending order",
        )
    for item in value:
        _year(instance, attribute, item)
    if list(value) != sorted(set(value)):
        raise InvalidValueError(
            field=_field_name(instance, attribute),
            problem=f"{value!r} is not in ascending order without repeats",
            expected="years in ascending order, each once",
        )


@attrs.frozen(kw_only=True)
class EventDating:
    """When a recorded event took place: its years and, where known, its first and last days.

    ``years`` lists every year the event was held (ascending, each once); a single
    event has one.  ``inferred`` marks dating worked out rather than stated (e.g.
    "12 years running" counted back from the letter's date, 2024-09-02): its
    provenance is then ``unverified`` and its note says how it was worked out.

    Checks: the days fall in the listed years and are in order; inferred dating is
    unverified and has a note.

    Example:
        >>> from skillchain.catalog import events
        >>> dating = events()["futian-class-two-contests"].dating
        >>> dating.years[0], dating.years[-1], dating.inferred, dating.provenance.value
        (2013, 2024, True, 'unverified')
    """

    years: tuple[int, ...] = attrs.field(validator=_years)
    """The years the event was held, in ascending order."""
    document: Document = attrs.field(validator=_instance_of(Document))
    """The register document the dating comes from."""
    provenance: Provenance = attrs.field(validator=_instance_of(Provenance))
    """How well the dating was checked (``unverified`` if inferred)."""
    first_day: date | None = attrs.field(default=None, validator=_day)
    """The first day, where a source gives it."""
    last_day: date | None = attrs.field(default=None, validator=_day)
    """The last day (inclusive), where a source gives it."""
    inferred: bool = attrs.field(default=False, validator=_instance_of(bool))
    """Whether the dating was worked out rather than stated by a source."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """How the dating was worked out, or what is unknown about it."""

    def __attrs_post_init__(self) -> None:
        """Check the days against the years, and that inferred dating says so."""
        for name in ("first_day", "last_day"):
            day = getattr(self, name)
            if day is not None and day.year not in self.years:
                raise InvalidValueError(
                    field=f"EventDating.{name}",
                    problem=f"{day.isoformat()} is not in the years {self.years!r}",
                    expected="a day in one of the listed years",
                )
        if (
            self.first_day is not None
            and self.last_day is not None
            and self.last_day < self.first_day
        ):
            raise InvalidValueError(
                field="EventDating.last_day",
                problem=f"{self.last_day} is before first_day {self.first_day}",
                expected="a day on or after first_day",
            )
        if self.inferred and self.provenance is not Provenance.UNVERIFIED:
            raise InvalidValueError(
                field="EventDating.provenance",
                problem=f"inferred dating has the provenance {self.provenance.value!r}",
                expected="'unverified' for dating worked out rather than stated",
            )
        if self.inferred and self.note is None:
            raise InvalidValueError(
                field="EventDating.note",
                problem="inferred dating has no note",
                expected="a note saying how the dating was worked out",
            )

    @property
    def consecutive(self) -> bool:
        """Whether the years follow one another without a gap."""
        return self.years[-1] - self.years[0] + 1 == len(self.years)

    @property
    def citation(self) -> Citation:
        """A citation of the dating's document."""
        return Citation(document=self.document)

    def __str__(self) -> str:
        """The years (or days), ``inferred`` where it is, and the provenance."""
        first, last = self.first_day, self.last_day
        if first is not None and last is not None and len(self.years) == 1:
            when = first.isoformat() if first == last else f"{first}–{last}"
        elif self.consecutive and len(self.years) > 1:
            when = f"{self.years[0]}–{self.years[-1]}"
        else:
            when = ", ".join(map(str, self.years))
            if last is not None and len(self.years) == 1:
                when += f" (last day {last.isoformat()})"
        inferred = "inferred, " if self.inferred else ""
        return f"{when} ({inferred}{self.provenance.value})"


@attrs.frozen(kw_only=True)
class EventFigure:
    """A figure a source gives about an event (e.g. 92 events, 40 of them in Shenzhen).

    ``at_least`` marks a lower bound: "多个" (several) contests of which the
    letter names two is at least 2.

    Example:
        >>> from skillchain.catalog import EventFigureKind, events
        >>> figure = events()["gd-3rd-skills-competition"].figure(EventFigureKind.TRADES)
        >>> figure.value, figure.provenance.value
        (92, 'secondary')
    """

    kind: EventFigureKind = attrs.field(validator=_instance_of(EventFigureKind))
    """What the figure counts."""
    value: int = attrs.field(validator=whole(0))
    """The figure."""
    document: Document = attrs.field(validator=_instance_of(Document))
    """The register document that gives the figure."""
    provenance: Provenance = attrs.field(validator=_instance_of(Provenance))
    """How well the figure was checked."""
    at_least: bool = attrs.field(default=False, validator=_instance_of(bool))
    """Whether the figure is a lower bound rather than an exact count."""
    note: str | None = attrs.field(default=None, validator=_optional_text)
    """What is unknown or worth knowing about the figure."""

    @property
    def citation(self) -> Citation:
        """A citation of the figure's document."""
        return Citation(document=self.document)

    @property
    def label(self) -> str:
        """The figure for display: ``"92"``, or ``"2+"`` for a lower bound."""
        return f"{self.value}+" if self.at_least else str(self.value)

    def __str__(self) -> str:
        """What it counts, the figure and its provenance, e.g. ``"trades 92 (secondary)"``."""
        return _sourced_label(f"{self.kind.value} {self.label}", self.provenance)


@attrs.frozen(kw_only=True)
class EventEntry(CatalogRow):
    """An event the district took part in (活动记录): a contest, or a craftsman-week venue.

    From the district's reply letter of 2024-09-02 (§一 and §二) and the sources that
    date and count its events.  Every fact carries its own document and
    provenance: the row's own (that the event took place, its kind, the district's
    role, the place), the classification, the dating and each figure and event
    (赛项).  Dating worked out from the letter's date is marked ``inferred``.

    A row records an event as the sources report it, not one contest: the district's
    class-two contests of twelve years are one row, and so are the contests of its
    ten streets.  Rows may overlap: the letter does not say whether the 服装制版师
    contest of 2024-09-01 is one of the city class-one contests it says it hosted.

    Checks: a classification and events (赛项) only for a competition; each figure
    kind at most once.

    Example:
        >>> from skillchain.catalog import events
        >>> from skillchain.model import CompetitionTier
        >>> street = events()["futian-street-contests"]
        >>> street.zh, street.tier is CompetitionTier.STREET, street.years
        ('联动辖区街道劳动技能竞赛', True, (2024,))
        >>> street.weakest_provenance.value
        'unverified'
    """

    kind: EventKind = attrs.field(validator=_instance_of(EventKind))
    """A competition or a craftsman-week venue."""
    role: EventRole = attrs.field(validator=_instance_of(EventRole))
    """The district's part: co-organised (协办), hosted (承办) or held (举办)."""
    place: str | None = attrs.field(default=None, validator=_optional_text)
    """Where it took place, as the sources say; ``None`` if they do not."""
    category: EventCategory | None = attrs.field(
        default=None, validator=_optional(_instance_of(EventCategory))
    )
    """A competition's tier and class, with its source; ``None`` if not known."""
    trades: tuple[EventTrade, ...] = attrs.field(
        default=(), validator=_tuple_of(EventTrade)
    )
    """The events (赛项) the sources name, each with its occupation where it has one."""
    dating: EventDating | None = attrs.field(
        default=None, validator=_optional(_instance_of(EventDating))
    )
    """When it took place; ``None`` if no source dates it."""
    figures: tuple[EventFigure, ...] = attrs.field(
        default=(), validator=_tuple_of(EventFigure)
    )
    """The figures the sources give about it."""

    def __attrs_post_init__(self) -> None:
        """Check that only a competition is classified and has events, one figure a kind."""
        if self.kind is not EventKind.COMPETITION:
            for name in ("category", "trades"):
                if getattr(self, name):
                    raise InvalidValueError(
                        field=f"EventEntry.{name}",
                        problem=f"a {self.kind.value} row has a {name}",
                        expected=f"no {name} (only a competition has one)",
                    )
        kinds = [figure.kind for figure in self.figures]
        if len(kinds) != len(set(kinds)):
            raise InvalidValueError(
                field="EventEntry.figures",
                problem="a kind of figure appears twice",
                expected="each kind of figure at most once",
            )

    @property
    def tier(self) -> CompetitionTier | None:
        """The competition's tier, or ``None`` (not a competition, or not classified)."""
        return None if self.category is None else self.category.tier

    @property
    def years(self) -> tuple[int, ...]:
        """The years it took place (empty if no source dates it)."""
        return () if self.dating is None else self.dating.years

    def held_in(self, year: int) -> bool | None:
        """Whether it took place in *year*; ``None`` if no source dates it."""
        if self.dating is None:
            return None
        return year in self.dating.years

    def figure(self, kind: EventFigureKind) -> EventFigure | None:
        """The figure of *kind*, or ``None`` if no source gives one."""
        for figure in self.figures:
            if figure.kind is kind:
                return figure
        return None

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document behind the row and its facts, each once, the row's first."""
        found: dict[str, Document] = {}
        for document in (
            self.document,
            *((self.category.document,) if self.category else ()),
            *((self.dating.document,) if self.dating else ()),
            *(figure.document for figure in self.figures),
            *(trade.document for trade in self.trades),
        ):
            found.setdefault(document.id, document)
        return tuple(found.values())

    @property
    def weakest_provenance(self) -> Provenance:
        """The weakest provenance of the row and every fact it records."""
        return Provenance.weakest(
            (
                self.provenance,
                *((self.category.provenance,) if self.category else ()),
                *((self.dating.provenance,) if self.dating else ()),
                *(figure.provenance for figure in self.figures),
                *(trade.provenance for trade in self.trades),
            )
        )
