"""Documents, citations and provenance: where every figure comes from."""

from collections.abc import Iterable
from datetime import date

import attrs

from skillchain._labels import LabelledEnum, Lang, set_labels


__all__ = [
    "Citation",
    "Document",
    "DocumentLevel",
    "Lang",
    "Provenance",
]


class Provenance(LabelledEnum):
    """How well a figure or document has been checked.

    The order is from strongest to weakest: ``OFFICIAL < SECONDARY < UNVERIFIED``.
    A decision carries the weakest provenance among the parameters it used.

    Example:
        >>> from skillchain import Provenance
        >>> Provenance.weakest([Provenance.OFFICIAL, Provenance.SECONDARY]).value
        'secondary'
        >>> Provenance.OFFICIAL < Provenance.UNVERIFIED
        True
    """

    OFFICIAL = "official"
    """Seen in the issuer's own publication (a government site or service portal)."""
    SECONDARY = "secondary"
    """Seen only in a repost, mirror, news item or local guide."""
    UNVERIFIED = "unverified"
    """A placeholder, an assumption, or a district-supplied value nobody has checked."""

    @property
    def rank(self) -> int:
        """0 for official, 1 for secondary, 2 for unverified."""
        return _PROVENANCE_RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Provenance):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Provenance):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Provenance):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Provenance):
            return NotImplemented
        return self.rank >= other.rank

    @staticmethod
    def weakest(provenances: "Iterable[Provenance]") -> "Provenance":
        """Return the weakest of *provenances* (``OFFICIAL`` for an empty sequence).

        A decision that used no parameter at all rests on nothing weaker than the code.
        """
        return max(provenances, default=Provenance.OFFICIAL, key=_rank)


def _rank(p: Provenance) -> int:
    return _PROVENANCE_RANK[p]


_PROVENANCE_RANK = {
    Provenance.OFFICIAL: 0,
    Provenance.SECONDARY: 1,
    Provenance.UNVERIFIED: 2,
}
set_labels(
    Provenance,
    {
        Provenance.OFFICIAL: ("官方原文", "official"),
        Provenance.SECONDARY: ("转载来源", "secondary"),
        Provenance.UNVERIFIED: ("未核实", "unverified"),
    },
)


class DocumentLevel(LabelledEnum):
    """The level of government (or body) that issued a document."""

    NATIONAL = "national"
    """A national ministry or the State Council."""
    PROVINCIAL = "provincial"
    """The Guangdong provincial government or its departments."""
    MUNICIPAL = "municipal"
    """The Shenzhen city government or its bureaus."""
    DISTRICT = "district"
    """A district of Shenzhen (Futian, Luohu, Longgang, ...)."""
    STANDARD = "standard"
    """A national standard (GB, GB/T)."""
    INTERNAL = "internal"
    """Not a government text: skillchain's own record of an assumption or placeholder."""


set_labels(
    DocumentLevel,
    {
        DocumentLevel.NATIONAL: ("国家级", "national"),
        DocumentLevel.PROVINCIAL: ("省级", "provincial"),
        DocumentLevel.MUNICIPAL: ("市级", "municipal"),
        DocumentLevel.DISTRICT: ("区级", "district"),
        DocumentLevel.STANDARD: ("国家标准", "national standard"),
        DocumentLevel.INTERNAL: ("内部记录", "internal record"),
    },
)


@attrs.frozen
class Document:
    """One entry of the document register: a policy text, notice, FAQ page or standard.

    Every parameter value and every citation points to one of these, so an auditor can
    trace a figure to its source.

    Example:
        >>> from datetime import date
        >>> from skillchain import Document, DocumentLevel, Provenance
        >>> doc = Document(
        ...     id="sz-2019-11",
        ...     title="深圳市推行企业新型学徒制实施办法",
        ...     number="深人社规〔2019〕11号",
        ...     issuers=("深圳市人力资源和社会保障局", "深圳市财政局"),
        ...     level=DocumentLevel.MUNICIPAL,
        ...     issued=date(2019, 12, 19),
        ...     provenance=Provenance.SECONDARY,
        ... )
        >>> doc.label()
        '《深圳市推行企业新型学徒制实施办法》（深人社规〔2019〕11号）'
    """

    id: str
    """The register key, e.g. ``"sz-hrss-2019-11"``; stable across releases."""
    title: str
    """The title in Chinese, without book-title marks."""
    issuers: tuple[str, ...]
    """The issuing bodies, in the order the document names them."""
    level: DocumentLevel
    """National, provincial, municipal, district, or a standard."""
    provenance: Provenance
    """How the document itself was seen (its own site, or a copy)."""
    number: str | None = None
    """The document number (文号), e.g. ``"深人社规〔2019〕11号"``; ``None`` if it has none."""
    title_en: str | None = None
    """An English rendering of the title, for English explanations."""
    issued: date | None = None
    """The date it was signed or issued, where known."""
    effective: date | None = None
    """The first day it is in force, where known."""
    expires: date | None = None
    """The last day it is in force, where known (inclusive)."""
    urls: tuple[str, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(str), attrs.validators.instance_of(tuple)
        ),
    )
    """Addresses where it was seen, the issuer's own first."""
    note: str | None = None
    """What is unknown or assumed about the document."""

    def label(self, lang: Lang = "zh") -> str:
        """A one-line label: title and number, in *lang* where an English title exists."""
        if lang == "en" and self.title_en:
            return f"{self.title_en} ({self.number})" if self.number else self.title_en
        title = f"《{self.title}》"
        return f"{title}（{self.number}）" if self.number else title


@attrs.frozen
class Citation:
    """A pointer to a document in the register, with the article or item where known.

    Example:
        >>> from skillchain import Citation, Document, DocumentLevel, Provenance
        >>> doc = Document(id="gb-11643", title="公民身份号码", number="GB 11643-1999",
        ...                issuers=("国家质量技术监督局",), level=DocumentLevel.STANDARD,
        ...                provenance=Provenance.SECONDARY)
        >>> Citation(document=doc, article="附录A").label()
        '《公民身份号码》（GB 11643-1999） 附录A'
    """

    document: Document
    """The document cited."""
    article: str | None = None
    """The article, item or section, as the document numbers it."""
    period_inferred: bool = False
    """Whether the period the cited value is in force was inferred rather than read
    in the document (the label then says so, and the value is no stronger than
    ``unverified``)."""

    def label(self, lang: Lang = "zh") -> str:
        """The document label followed by the article, if any.

        A citation of a value whose period was inferred ends with a note saying so.
        """
        base = self.document.label(lang)
        text = f"{base} {self.article}" if self.article else base
        if self.period_inferred:
            text += (
                "（施行期间系推断）" if lang == "zh" else " (period in force inferred)"
            )
        return text
