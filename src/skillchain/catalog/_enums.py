"""Enums used only by the catalogs (the shared ones live in :mod:`skillchain.model`)."""

from skillchain._labels import LabelledEnum, set_labels


__all__ = [
    "ClusterKind",
    "DivisionKind",
    "EventFigureKind",
    "EventKind",
    "EventRole",
    "OccupationStatus",
]


class OccupationStatus(LabelledEnum):
    """How far an occupation row of the catalog is confirmed (代码核实状态).

    No document fixes this list: it records what could and could not be
    confirmed against 《中华人民共和国职业分类大典（2022年版）》, so a rule can tell a
    confirmed code from a name it must not guess a code for.
    """

    CONFIRMED = "confirmed"
    """代码已确认: the code and name were read in the sources (how well: the row's provenance)."""
    UNCONFIRMED = "unconfirmed"
    """代码未确认: the occupation exists, but its 2022 code is not confirmed (the code may be empty)."""
    UNRESOLVED = "unresolved"
    """名称未能对应: a name the programmes use that matches no occupation found; never has a code."""


set_labels(
    OccupationStatus,
    {
        OccupationStatus.CONFIRMED: ("代码已确认", "code confirmed"),
        OccupationStatus.UNCONFIRMED: ("代码未确认", "code unconfirmed"),
        OccupationStatus.UNRESOLVED: ("名称未能对应职业", "unresolved name"),
    },
)


class DivisionKind(LabelledEnum):
    """The kind of administrative or statistical unit a division row describes (区划类型).

    The statistical division codes of 国家统计局 distinguish these units; the two
    Shenzhen units without a code of their own (大鹏新区, 深汕特别合作区) get their own
    kinds.  No policy document fixes this list.
    """

    CITY = "city"
    """市: a prefecture-level city (Shenzhen is a sub-provincial city with a prefecture code)."""
    DISTRICT = "district"
    """市辖区: an administrative district with a county-level code."""
    NEW_AREA = "new_area"
    """新区 (功能区): a functional area without a county-level code of its own (大鹏新区)."""
    COOPERATION_ZONE = "cooperation_zone"
    """特别合作区: an area administered by Shenzhen but coded under another city (深汕)."""
    STREET = "street"
    """街道: a subdistrict, with a nine-digit statistical code."""
    BONDED_ZONE = "bonded_zone"
    """保税区: a bonded zone coded at street level (福田保税区)."""


set_labels(
    DivisionKind,
    {
        DivisionKind.CITY: ("市", "city"),
        DivisionKind.DISTRICT: ("市辖区", "district"),
        DivisionKind.NEW_AREA: ("新区（功能区）", "new area (functional area)"),
        DivisionKind.COOPERATION_ZONE: ("特别合作区", "special cooperation zone"),
        DivisionKind.STREET: ("街道", "subdistrict"),
        DivisionKind.BONDED_ZONE: ("保税区", "bonded zone"),
    },
)


class ClusterKind(LabelledEnum):
    """The kind of entry in an industry-cluster list (产业集群类型).

    The first two are the two halves of Shenzhen's "20+8" (深圳市人民政府, 2022-06-06);
    the third is Futian's "three leading industries" (福田区"十四五"规划纲要, 2021).
    """

    STRATEGIC_EMERGING = "strategic_emerging"
    """战略性新兴产业集群: one of Shenzhen's strategic emerging industry clusters."""
    FUTURE = "future"
    """未来产业: one of Shenzhen's future industries."""
    LEADING = "leading"
    """主导产业: one of a district's leading industries."""


set_labels(
    ClusterKind,
    {
        ClusterKind.STRATEGIC_EMERGING: (
            "战略性新兴产业集群",
            "strategic emerging industry cluster",
        ),
        ClusterKind.FUTURE: ("未来产业", "future industry"),
        ClusterKind.LEADING: ("主导产业", "leading industry"),
    },
)


class EventKind(LabelledEnum):
    """The kind of event an events-catalog row records (活动类型).

    No document fixes this list: it sorts the events the district's reply letter
    of 2024-09-02 reports (§一 and §二).
    """

    COMPETITION = "competition"
    """竞赛: a skills or labour-skill contest, or a series of them."""
    CRAFTSMAN_WEEK_VENUE = "craftsman_week_venue"
    """工匠活动周分会场: a district venue of the Shenzhen craftsman week."""


set_labels(
    EventKind,
    {
        EventKind.COMPETITION: ("竞赛", "competition"),
        EventKind.CRAFTSMAN_WEEK_VENUE: ("工匠活动周分会场", "craftsman-week venue"),
    },
)


class EventRole(LabelledEnum):
    """The district's part in an event, in the letter's own verbs (承办方式).

    The letter says the district co-organised (协办) the 3rd Guangdong skills
    competition, hosted (承办) city contests and the craftsman-week venue, and held
    (举办) its own contests.
    """

    CO_ORGANISED = "co_organised"
    """协办: helped another body run the event."""
    HOSTED = "hosted"
    """承办: ran an event another body organises (主办)."""
    HELD = "held"
    """举办: held the event itself."""


set_labels(
    EventRole,
    {
        EventRole.CO_ORGANISED: ("协办", "co-organised"),
        EventRole.HOSTED: ("承办", "hosted"),
        EventRole.HELD: ("举办", "held"),
    },
)


class EventFigureKind(LabelledEnum):
    """What a figure about an event counts (活动数字类型).

    The figures the sources give: the 3rd Guangdong skills competition's 92 events,
    40 of them in Shenzhen; the 10 streets of the first street-level contests; the
    years an event has run without a break (12, 3).
    """

    TRADES = "trades"
    """赛项数: the number of events (trades) of a competition."""
    TRADES_IN_SHENZHEN = "trades_in_shenzhen"
    """在深圳举办的赛项数: how many of those were held in Shenzhen."""
    STREETS = "streets"
    """联动街道数: the streets (街道) that took part."""
    CONSECUTIVE_YEARS = "consecutive_years"
    """连续举办年数: the years in a row the event has been held or hosted."""


set_labels(
    EventFigureKind,
    {
        EventFigureKind.TRADES: ("赛项数", "events (trades)"),
        EventFigureKind.TRADES_IN_SHENZHEN: (
            "在深圳举办的赛项数",
            "events held in Shenzhen",
        ),
        EventFigureKind.STREETS: ("联动街道数", "streets taking part"),
        EventFigureKind.CONSECUTIVE_YEARS: ("连续举办年数", "consecutive years"),
    },
)
