"""Enums used only by the catalogs (the shared ones live in :mod:`skillchain.model`)."""

from skillchain._labels import LabelledEnum, set_labels


__all__ = ["ClusterKind", "DivisionKind", "OccupationStatus"]


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
