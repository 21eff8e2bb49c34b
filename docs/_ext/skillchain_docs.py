"""Local Sphinx extension for the skillchain docs.

It does seven things:

* **Reference content generated from the bundled policy**, so the docs never drift
  from the data:

  ``skillchain-parameters``
      Every parameter in ``Policy.default()`` as a block of its own: name,
      descriptions, unit and note, then each dated value in plain words (as
      ``skillchain params`` prints it) with its period, source document, provenance
      and note.  Option ``:group:`` keeps only parameters of one programme group.

  ``skillchain-documents``
      The document register, a block per document: id, title (with 文号), issuers
      and dates, issuer level, provenance, addresses, note.  Each block carries the
      anchor and label ``policy-document-<id>``, which the parameter lists and the
      rule pages link to from any page (it lives on ``sources.md``).

  ``skillchain-rule``
      One registered rule's reference, from the registry (argument: the rule id):
      id, version, titles, what it decides (the first paragraph of the rule
      function's docstring) and its in-force span, then three sections with their
      own headings: its Sources; its Conditions, one block each (the zh/en
      sentence, then the check id, the facts and parameters it reads and the
      documents it rests on); and every Parameter it reads with its whole dated
      history.  Prose written after the directive, up to the page's next heading,
      goes under a heading of its own ("About this rule").  :func:`rule_page` builds
      the content as plain data and :func:`render_rule_page` turns it into nodes, so
      both can be tested without a Sphinx build.

  ``skillchain-catalog``
      One edition of a bundled catalog (argument: the catalog's name; option
      ``:edition:``, default the catalog's default edition): the edition's source and
      completeness, a table of its rows (key, Chinese, English, the row type's own
      fields, source document, provenance), the notes on the rows, and the documents
      they cite, each with its title, 文号, issuers, dates and addresses.

* **Chinese marked as Chinese.**  The pages are English (``lang="en"``), so a
  browser would draw Chinese text with whatever CJK font it prefers, often with
  Japanese glyph shapes.  Every run of Chinese outside code is wrapped in an inline
  rendered as ``<span lang="zh-CN">`` (:func:`mark_chinese`), when a page is read
  (so headings are marked in the navigation too) and again once references are
  resolved (link texts are rebuilt then).

* **Attribute docstrings stay prose.**  Napoleon reads the first line of an
  attribute or property docstring as ``type: description`` (numpy/Google inline
  attribute style), so a docstring such as ``The evaluation day: the day whose
  policy was applied.`` would render "The evaluation day" as a type, and as a
  broken cross-reference.  Types come from annotations here, so the colons on that
  first line are hidden from napoleon and restored after it has run.

* **Docstrings of re-exported data.**  autodoc looks for the docstring of a
  module-level name (``FUTIAN``, ``Lang``, ``BUNDLED_FILES``) in the module it is
  documented under, finds none in ``skillchain/__init__.py``, and falls back to the
  docstring of the value's class ("Built-in immutable sequence.").  The handler
  replaces that with the attribute docstring from the private module that defines
  the name, and states what a union type alias stands for.

* **Public names for private modules.**  Type hints name the defining module
  (``skillchain._sources.Provenance``, ``skillchain.catalog._rows.Occupation``), but
  the reference documents the public name (``skillchain.Provenance``,
  ``skillchain.catalog.Occupation``).  A ``missing-reference`` handler retries such
  targets under the public packages that re-export them (``skillchain``,
  ``skillchain.policy``, ``skillchain.model``, ``skillchain.catalog``).

* **Every rule on its page.**  Each registered rule must have exactly one
  ``skillchain-rule`` directive somewhere in the docs (``docs/rules/<id>.md``, dots
  and underscores spelt as hyphens), and a directive must name a registered rule;
  otherwise the build warns (an error under ``-W``).

* **Every public name in the reference.**  When the environment is complete, any
  name in ``skillchain.__all__``, ``skillchain.policy.__all__`` or
  ``skillchain.catalog.__all__`` that no page documents is reported as a warning (so
  ``-W`` fails the build): ``api.rst`` and the catalog pages are ordered by hand, and
  a newly exported name must be added to one of them.
"""

from __future__ import annotations

import contextlib
import enum
import importlib
import inspect
import re
import sys
import types

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective


if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from skillchain import Citation, DateRange, Document, Parameter, Policy, Resolved
    from skillchain.rules import ReadOn, Rule


_LOGGER = logging.getLogger(__name__)


# -- value formatting --------------------------------------------------------------


def _format_period(value: Resolved[object]) -> str:
    """When *value* is in force: ``From 2019-12-19 to 2021-12-31``."""
    period = value.period
    if period is None:
        return "Undated"
    end: date | None = period.end
    if end is None:
        return f"From {period.start.isoformat()}, open-ended"
    return f"From {period.start.isoformat()} to {end.isoformat()}"


# -- node builders -----------------------------------------------------------------


def _para(*children: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _cell(*content: nodes.Node | str) -> nodes.entry:
    entry = nodes.entry()
    if content:
        entry += _para(*content)
    return entry


def _table(
    headers: Iterable[str], widths: Iterable[int], rows: Iterable[nodes.row]
) -> nodes.table:
    headers = tuple(headers)
    table = nodes.table(classes=["skillchain-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    header_row = nodes.row()
    for title in headers:
        header_row += _cell(title)
    head += header_row
    group += head
    body = nodes.tbody()
    for row in rows:
        body += row
    group += body
    return table


def _document_anchor(doc_id: str) -> str:
    return str(nodes.make_id(f"policy-document-{doc_id}"))


def _document_ref(
    doc: Document, article: str | None = None, text: str | None = None
) -> nodes.paragraph:
    """A paragraph linking *doc* to its row of the sources page, with *article*.

    The link text is *text*, by default the 文号 or else the title.  The link is a
    ``std:ref`` to the row's label, so it resolves from any page, and a document
    missing from the register page is a nitpicky warning.
    """
    if text is None:
        text = doc.number or doc.title_en or doc.title
    if doc.id in _UNLISTED:
        # A document of another package's programme has no row on the sources page.
        para = _para(text)
        if article:
            para += nodes.Text(f", {article}")
        return para
    ref = addnodes.pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="std",
        reftype="ref",
        reftarget=_document_anchor(doc.id),
        refexplicit=True,
        refwarn=True,
    )
    para = _para(ref)
    if article:
        para += nodes.Text(f", {article}")
    return para


def _data_files() -> list[str]:
    """The bundled policy files, so a change to them rebuilds the pages using them."""
    from skillchain.policy import BUNDLED_FILES

    data = resources.files("skillchain.policy") / "data"
    return [str(data / name) for name in BUNDLED_FILES]


# -- directives --------------------------------------------------------------------


class ParametersDirective(SphinxDirective):
    """``.. skillchain-parameters::`` — the bundled parameters and their dated values."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"group": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        from skillchain import Policy
        from skillchain.policy import specs

        for path in _data_files():
            self.env.note_dependency(path)
        policy = Policy.default()
        group = self.options.get("group")
        # In the order the snapshot classes declare them: related parameters together.
        params = [
            policy.parameters[name]
            for name in specs()
            if name in policy.parameters
            and (group is None or name.startswith(f"{group}."))
        ]
        return [_parameter_list(params)]


def _parameter_list(params: Iterable[Parameter]) -> nodes.definition_list:
    """Each parameter in turn: its name, what it is, then each dated value."""
    dlist = nodes.definition_list(classes=["skillchain-parameters"])
    for param in params:
        item = nodes.definition_list_item()
        item += nodes.term("", "", nodes.literal(text=param.name))
        definition = nodes.definition()
        if param.description_en:
            definition += _para(param.description_en)
        if param.description_zh:
            definition += _para(param.description_zh)
        definition += _para("Unit: ", nodes.literal(text=param.unit))
        if param.note:
            definition += _para(nodes.emphasis(text="Note: "), param.note)
        values = nodes.bullet_list(classes=["skillchain-values"])
        values.extend(_value_items(param))
        definition += values
        item += definition
        dlist += item
    return dlist


def _value_items(param: Parameter) -> list[nodes.list_item]:
    """One item per dated value of *param* (one saying so when it has none).

    The value is in plain words (:func:`skillchain.cli._params.format_parameter`,
    as ``skillchain params`` prints it), after the period it is in force; its source
    and provenance follow, then its note.
    """
    from skillchain.cli._params import format_parameter

    if not param.values:
        item = nodes.list_item()
        item += _para(
            nodes.strong(text="None bundled"),
            ": the district supplies it (see the note).",
        )
        return [item]
    items = []
    for value in param.values:
        item = nodes.list_item()
        period = nodes.strong(text=_format_period(value))
        if isinstance(value.value, Mapping) and value.value:
            item += _para(period, ":")
            entries = nodes.bullet_list()
            for key, entry in value.value.items():
                line = nodes.list_item()
                line += _para(
                    f"{format_parameter(key, 'en')}: {format_parameter(entry, 'en')}"
                )
                entries += line
            item += entries
        else:
            item += _para(period, ": ", format_parameter(value.value, "en"))
        source = _para("Source: ")
        if value.citation is not None:
            source.extend(
                _document_ref(value.citation.document, value.citation.article).children
            )
        else:
            source += nodes.Text("none recorded")
        if value.provenance is not None:
            source += nodes.Text(f"; provenance: {value.provenance.value}")
        source += nodes.Text(".")
        item += source
        if value.note:
            item += _para(nodes.emphasis(text="Note: "), value.note)
        items.append(item)
    return items


class DocumentsDirective(SphinxDirective):
    """``.. skillchain-documents::`` — the bundled document register."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from skillchain import Policy

        for path in _data_files():
            self.env.note_dependency(path)
        policy = Policy.default()
        register = nodes.definition_list(classes=["skillchain-documents"])
        for doc in sorted(policy.documents.values(), key=_doc_order):
            item = self._item(doc)
            # A label per document, so rule pages and parameter lists link here; on
            # the term, as the item itself has no HTML element to carry an anchor.
            term = item[0]
            self.state.document.note_explicit_target(term, term)
            register += item
        return [register]

    def _item(self, doc: Document) -> nodes.definition_list_item:
        """The document's id and title, then what is known of it, one line each."""
        anchor = _document_anchor(doc.id)
        item = nodes.definition_list_item()
        item += nodes.term(
            "",
            "",
            nodes.literal(text=doc.id),
            nodes.Text(f" {doc.label('zh')}"),
            ids=[anchor],
            names=[anchor],
        )
        definition = nodes.definition()
        if doc.title_en:
            definition += _para(nodes.emphasis(text=doc.title_en))
        facts = [
            f"{what} {day.isoformat()}"
            for what, day in (
                ("issued", doc.issued),
                ("in force from", doc.effective),
                ("until", doc.expires),
            )
            if day is not None
        ]
        definition += _para("; ".join(["、".join(doc.issuers), *facts]))
        definition += _para(
            f"Level: {doc.level.value}; provenance: {doc.provenance.value}."
        )
        if doc.urls:
            links = _para("Seen at: ")
            links.extend(
                _joined(
                    (
                        nodes.reference(url, _short_url(url), refuri=url)
                        for url in doc.urls
                    ),
                    " · ",
                )
            )
            definition += links
        if doc.note:
            definition += _para(nodes.emphasis(text=doc.note))
        item += definition
        return item


def _doc_order(doc: Document) -> tuple[int, str]:
    from skillchain import DocumentLevel

    order = list(DocumentLevel)
    return order.index(doc.level), doc.id


def _short_url(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


# -- catalogs ----------------------------------------------------------------------

# Fields every catalog row has; the table shows them in their own columns.
_ROW_BASE_FIELDS = frozenset({"key", "zh", "en", "document", "provenance", "note"})


def _catalog_anchor(catalog: str, edition: str, doc_id: str) -> str:
    return str(nodes.make_id(f"catalog-{catalog}-{edition}-document-{doc_id}"))


def _format_detail(value: object) -> str | None:
    """A row field for the details cell; ``None`` for nothing worth showing."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        parts = [part for part in map(_format_detail, value) if part]
        return ", ".join(parts) if parts else None
    if isinstance(value, enum.Enum):
        zh = getattr(value, "zh", None)
        return f"{value.value} ({zh})" if isinstance(zh, str) else str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class CatalogDirective(SphinxDirective):
    """``.. skillchain-catalog:: <name>`` — one edition of a bundled catalog."""

    has_content = False
    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"edition": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        from skillchain.catalog import catalog

        for path in (*_data_files(), *_catalog_files()):
            self.env.note_dependency(path)
        cat = catalog(self.arguments[0], self.options.get("edition"))
        self._docs: dict[str, Document] = {cat.document.id: cat.document}
        result: list[nodes.Node] = [self._summary(cat)]
        if cat.note:
            result.append(_para(nodes.emphasis(text=cat.note)))
        if len(cat):
            rows = [self._row(cat, row) for row in cat]
            result.append(
                _table(
                    ("Key", "中文", "English", "Details", "Source", "Provenance"),
                    (14, 16, 18, 28, 14, 10),
                    rows,
                )
            )
        else:
            result.append(
                _para(
                    nodes.strong(text="No rows are bundled: "),
                    "the list is supplied by the district in the same format.",
                )
            )
        notes = self._notes(cat)
        if notes is not None:
            result.append(_para("Notes on the rows:"))
            result.append(notes)
        result.append(_para(f"Documents cited by this edition ({len(self._docs)}):"))
        result.append(self._sources(cat))
        return result

    def _summary(self, cat: Any) -> nodes.paragraph:
        para = _para(
            nodes.strong(text=f"Edition {cat.edition}"),
            f": {cat.title} — {cat.title_en}. Source: ",
            self._source_ref(cat, cat.document),
            f" ({cat.provenance.value}). ",
            "Complete list."
            if cat.complete
            else "Partial: only what the sources show.",
        )
        stated = getattr(cat, "stated_size_label", None)
        if stated:
            para += nodes.Text(f" Stated size: {stated} types.")
        return para

    def _source_ref(self, cat: Any, doc: Document) -> nodes.reference:
        self._docs.setdefault(doc.id, doc)
        return nodes.reference(
            "",
            doc.number or doc.id,
            internal=True,
            refid=_catalog_anchor(cat.name, cat.edition, doc.id),
        )

    def _row(self, cat: Any, row: Any) -> nodes.row:
        out = nodes.row()
        out += _cell(nodes.literal(text=row.key))
        out += _cell(row.zh)
        out += _cell(row.en)
        details = nodes.entry()
        for field in attrs.fields(type(row)):
            if field.name in _ROW_BASE_FIELDS:
                continue
            value = getattr(row, field.name)
            if isinstance(value, enum.Enum) and value.value == row.key:
                continue  # the enum member the row is keyed by
            if field.name == "members":
                for member in value:
                    details += self._member(cat, member)
                continue
            text = _format_detail(value)
            if text:
                details += _para(
                    nodes.strong(text=field.name.replace("_", " ")), f": {text}"
                )
        out += details
        out += _cell(self._source_ref(cat, row.document))
        out += _cell(row.provenance.value)
        return out

    def _member(self, cat: Any, member: Any) -> nodes.paragraph:
        occupation = member.occupation
        code = str(occupation.code) if occupation.code else "no code"
        para = _para(
            nodes.strong(text=occupation.zh),
            f" ({code}; {member.provenance.value}; ",
            self._source_ref(cat, member.document),
            ")",
        )
        if member.note:
            para += nodes.Text(" ")
            para += nodes.emphasis(text=member.note)
        return para

    def _notes(self, cat: Any) -> nodes.definition_list | None:
        dlist = nodes.definition_list()
        for row in cat:
            if not row.note:
                continue
            item = nodes.definition_list_item()
            item += nodes.term(
                "", "", nodes.literal(text=row.key), nodes.Text(f" {row.zh}")
            )
            definition = nodes.definition()
            definition += _para(row.note)
            item += definition
            dlist += item
        return dlist if len(dlist) else None

    def _sources(self, cat: Any) -> nodes.bullet_list:
        blist = nodes.bullet_list()
        for doc in sorted(self._docs.values(), key=_doc_order):
            item = nodes.list_item(ids=[_catalog_anchor(cat.name, cat.edition, doc.id)])
            para = _para(nodes.literal(text=doc.id), " ", doc.label("zh"))
            if doc.title_en:
                para += nodes.Text(" — ")
                para += nodes.emphasis(text=doc.title_en)
            item += para
            facts = [
                f"{what} {day.isoformat()}"
                for what, day in (
                    ("issued", doc.issued),
                    ("in force from", doc.effective),
                    ("until", doc.expires),
                )
                if day is not None
            ]
            item += _para(
                "; ".join(
                    [
                        "、".join(doc.issuers),
                        doc.level.value,
                        doc.provenance.value,
                        *facts,
                    ]
                )
            )
            if doc.urls:
                links = _para()
                for index, url in enumerate(doc.urls):
                    if index:
                        links += nodes.Text(" · ")
                    links += nodes.reference(url, _short_url(url), refuri=url)
                item += links
            if doc.note:
                item += _para(nodes.emphasis(text=doc.note))
            blist += item
        return blist


def _catalog_files() -> list[str]:
    """The bundled catalog files, so a change to them rebuilds the pages using them."""
    from skillchain.catalog._access import bundled_files

    return [str(path) for path in bundled_files()]


# -- rule pages --------------------------------------------------------------------


@attrs.frozen
class ConditionEntry:
    """One condition of a rule page."""

    check: str
    """The check id."""
    zh: str
    """The Chinese message template (``{…}`` fields are the finding's values)."""
    en: str
    """The English message template."""
    parameters: tuple[str, ...]
    """The parameters the check reads."""
    citations: tuple[Citation, ...]
    """The documents (with article) it rests on: :meth:`Rule.citations_for`."""
    read_on: ReadOn | None = None
    """The day its parameters are read on, when not the evaluation day."""
    advisory: bool = False
    """Whether the condition is advisory (priority only, never a refusal)."""
    facts: tuple[str, ...] = ()
    """The facts the check reads, as dotted paths of the rule's arguments."""
    remedy: str = ""
    """What would repair a failed finding, from the condition's declaration."""


@attrs.frozen
class RulePage:
    """Everything a rule's reference page shows, as plain data."""

    rule: Rule
    """The registered rule."""
    summary: str
    """What it decides: the first paragraph of its function's docstring."""
    in_force: DateRange | None
    """:meth:`Rule.in_force` under the page's policy."""
    sources: tuple[Citation, ...]
    """The documents the rule as a whole rests on."""
    conditions: tuple[ConditionEntry, ...]
    """One entry per check, in the order the rule emits them."""
    parameters: tuple[Parameter, ...]
    """Every parameter the rule reads, with its whole dated history, in the rule's
    order (one with no values where the policy has none)."""


def rule_page_name(rule_id: str) -> str:
    """The page a rule is documented on: ``apprenticeship.apprentice`` ->
    ``apprenticeship-apprentice`` (dots and underscores become hyphens)."""
    return rule_id.replace(".", "-").replace("_", "-")


def rule_summary(rule: Rule) -> str:
    """The first paragraph of the rule function's docstring (else its module's)."""
    doc = inspect.getdoc(rule.function) or inspect.getdoc(
        inspect.getmodule(rule.function)
    )
    if not doc:
        return ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def rule_page(rule: Rule, policy: Policy) -> RulePage:
    """Build the content of *rule*'s reference page under *policy*."""
    from skillchain import Parameter
    from skillchain._decision import message_for
    from skillchain._remedies import declaration_text
    from skillchain.policy import specs

    conditions = []
    for condition in rule.conditions:
        message = message_for(condition.check)
        conditions.append(
            ConditionEntry(
                check=condition.check,
                zh=message.zh if message else "",
                en=message.en if message else "",
                parameters=condition.parameters,
                citations=rule.citations_for(condition.check, policy),
                read_on=condition.read_on,
                advisory=condition.advisory,
                facts=condition.facts,
                remedy=""
                if condition.remedy is None or condition.advisory
                else declaration_text(condition.remedy, "en"),
            )
        )
    parameters = []
    for name in rule.parameters:
        param = policy.parameters.get(name)
        if param is None:
            param = Parameter(
                name=name,
                description_zh="",
                description_en="",
                unit=specs()[name].unit,
                values=(),
                note="This policy has no values for this parameter.",
            )
        parameters.append(param)
    return RulePage(
        rule=rule,
        summary=rule_summary(rule),
        in_force=rule.in_force(policy),
        sources=rule.citations(policy),
        conditions=tuple(conditions),
        parameters=tuple(parameters),
    )


_INLINE_MARKUP = re.compile(r"``(.+?)``|\*(.+?)\*")


def _inline(text: str) -> list[nodes.Node]:
    """*text* with its reST ``literal`` and *emphasis* markup as nodes."""
    out: list[nodes.Node] = []
    position = 0
    for match in _INLINE_MARKUP.finditer(text):
        if match.start() > position:
            out.append(nodes.Text(text[position : match.start()]))
        literal, emphasis = match.groups()
        if literal is not None:
            out.append(nodes.literal(text=literal))
        else:
            out.append(nodes.emphasis(text=emphasis))
        position = match.end()
    if position < len(text):
        out.append(nodes.Text(text[position:]))
    return out


def _format_in_force(span: DateRange | None) -> str:
    if span is None:
        return "no parameter it reads has a value in the bundled policy"
    start = span.start.isoformat()
    if span.end is None:
        return f"from {start}, open-ended"
    return f"from {start} to {span.end.isoformat()}"


def _field(name: str, *body: nodes.Node | str) -> nodes.field:
    field = nodes.field()
    field += nodes.field_name(name, name)
    field_body = nodes.field_body()
    field_body += _para(*body)
    field += field_body
    return field


def _joined(items: Iterable[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    """*items* with *separator* between them."""
    out: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            out.append(nodes.Text(separator))
        out.append(item)
    return out


def _conditions_list(page: RulePage) -> nodes.definition_list:
    """One block per condition: its sentence (zh, then en), then the check id, the
    facts and parameters it reads (and on which day) and the documents behind it."""
    dlist = nodes.definition_list(classes=["skillchain-conditions"])
    for entry in page.conditions:
        item = nodes.definition_list_item()
        item += nodes.term("", entry.zh or entry.check)
        definition = nodes.definition()
        if entry.en:
            definition += _para(nodes.emphasis(text=entry.en))
        fields = nodes.field_list()
        check: list[nodes.Node] = [nodes.literal(text=entry.check)]
        if entry.advisory:
            check.append(
                nodes.emphasis(text=" (advisory: priority only, never a refusal)")
            )
        fields += _field("Check", *check)
        if entry.facts:
            fields += _field(
                "Facts", *_joined(nodes.literal(text=fact) for fact in entry.facts)
            )
        if entry.parameters:
            reads = _joined(nodes.literal(text=name) for name in entry.parameters)
            if entry.read_on is not None:
                reads += [
                    nodes.Text("; "),
                    nodes.emphasis(text="read on "),
                    nodes.literal(text=entry.read_on.day),
                    nodes.emphasis(text=f": {entry.read_on.why}"),
                ]
            else:
                reads += [
                    nodes.Text("; "),
                    nodes.emphasis(text="read on the evaluation day"),
                ]
            fields += _field("Parameters", *reads)
        if entry.citations:
            refs: list[nodes.Node] = []
            for index, citation in enumerate(entry.citations):
                if index:
                    refs.append(nodes.Text("; "))
                refs.extend(_document_ref(citation.document, citation.article).children)
            fields += _field("Documents", *refs)
        else:
            fields += _field(
                "Documents",
                nodes.emphasis(text="none bundled: from the supplied parameter"),
            )
        if entry.remedy:
            fields += _field("If it fails", nodes.Text(entry.remedy))
        definition += fields
        item += definition
        dlist += item
    return dlist


def _section(title: str, *body: nodes.Node) -> nodes.section:
    """A section of the rule's reference, with its own heading."""
    section = nodes.section(
        names=[nodes.fully_normalize_name(title)], classes=["skillchain-rule-part"]
    )
    section += nodes.title(title, title)
    section.extend(body)
    return section


def render_rule_page(page: RulePage) -> list[nodes.Node]:
    """The nodes of a rule page: the rule's facts, then its sources, conditions and
    parameters, each a section with its own heading."""
    rule = page.rule
    facts = nodes.field_list(classes=["skillchain-rule"])
    facts += _field("Rule", nodes.literal(text=rule.id), f", version {rule.version}")
    facts += _field("Title", f"{rule.title_zh} — {rule.title_en}")
    facts += _field("What it decides", *_inline(page.summary))
    facts += _field(
        "In force",
        _format_in_force(page.in_force),
        " (the span of the dated values of the parameters it reads; see below)"
        if page.in_force is not None
        else "",
    )

    sources = nodes.bullet_list()
    for citation in page.sources:
        item = nodes.list_item()
        doc = citation.document
        para = _document_ref(doc, citation.article, doc.label("zh"))
        if doc.title_en:
            para += nodes.Text(" — ")
            para += nodes.emphasis(text=doc.title_en)
        item += para
        sources += item

    parameters = [
        _para(
            f"The {len(page.parameters)} parameters the rule reads, with every "
            "dated value in the bundled policy, its source and provenance:"
        )
        if page.parameters
        else _para("The rule reads no parameter.")
    ]
    if page.parameters:
        parameters.append(_parameter_list(page.parameters))
    last = _section("Parameters", *parameters)
    last["classes"].append(_RULE_END)
    return [
        facts,
        _section("Sources", _para("The rule as a whole rests on:"), sources),
        _section(
            "Conditions",
            _para(
                "One finding per condition, in the order the rule records them; "
                "the {fields} of each sentence are the values the finding compares."
            ),
            _conditions_list(page),
        ),
        last,
    ]


# The class of a rule reference's last section: what follows it on the page, up to
# the next heading, is put in a section of its own (see _RuleTail).
_RULE_END = "skillchain-rule-end"
_RULE_TAIL_TITLE = "About this rule"


class _RuleTail(SphinxTransform):
    """Give the text that follows a rule's reference on its page a heading.

    The reference ends with its Parameters section; prose written after the
    directive would otherwise read as part of it.
    """

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        del kwargs
        for last in list(self.document.findall(nodes.section)):
            if _RULE_END not in last["classes"] or last.parent is None:
                continue
            parent = last.parent
            start = parent.index(last) + 1
            tail: list[nodes.Node] = []
            for sibling in parent.children[start:]:
                if isinstance(sibling, nodes.section):
                    break
                tail.append(sibling)
            if all(isinstance(node, _SILENT) for node in tail):
                continue
            section = _section(_RULE_TAIL_TITLE)
            for node in tail:
                parent.remove(node)
                section += node
            parent.insert(start, section)
            self.document.note_implicit_target(section, section)


_SILENT = (nodes.target, nodes.comment, nodes.substitution_definition)


# Documents of a plugin's programme, rendered without a link to the sources page
# (which lists the library's own register).
_UNLISTED: set[str] = set()


@contextlib.contextmanager
def _plugin(module: str | None) -> Iterator[None]:
    """Import *module* (a package registering its own programme) for one page only.

    What it registers is removed afterwards, and the module forgotten, so the rest
    of the build sees the library's own programmes alone.
    """
    if module is None:
        yield
        return
    from skillchain import Policy
    from skillchain.policy import programmes, unregister_programme
    from skillchain.rules import rules, unregister

    rule_ids = {rule.id for rule in rules()}
    keys = {programme.key for programme in programmes()}
    loaded = set(sys.modules)
    bundled = set(Policy.default().documents)
    importlib.import_module(module)
    _UNLISTED.update(set(Policy.default().documents) - bundled)
    try:
        yield
    finally:
        _UNLISTED.clear()
        for rule in rules():
            if rule.id not in rule_ids:
                unregister(rule.id)
        for programme in programmes():
            if programme.key not in keys:
                unregister_programme(programme.key)
        for name in set(sys.modules) - loaded:
            del sys.modules[name]


class RuleDirective(SphinxDirective):
    """``.. skillchain-rule:: <rule id>`` — one registered rule's reference.

    With ``:plugin: <module>``, the module (another package's programme) is imported
    first, and what it registers is removed again once the page is rendered.
    """

    has_content = False
    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"plugin": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        with _plugin(self.options.get("plugin")):
            return self._render()

    def _render(self) -> list[nodes.Node]:
        from skillchain import Policy
        from skillchain.rules import get_rule

        rule_id = self.arguments[0].strip()
        try:
            rule = get_rule(rule_id)
        except KeyError as error:
            _LOGGER.warning(
                "skillchain-rule: %s",
                str(error),
                location=self.get_location(),
                type="skillchain",
                subtype="rule",
            )
            return []
        for path in _data_files():
            self.env.note_dependency(path)
        source = inspect.getsourcefile(rule.function)
        if source:
            self.env.note_dependency(source)
        pages = _rule_pages(self.env)
        pages.setdefault(rule.id, set()).add(self.env.docname)
        rendered = render_rule_page(rule_page(rule, Policy.default()))
        for node in rendered:
            if isinstance(node, nodes.section):
                # Ids for the headings, unique on the page, so the sidebar links them.
                self.state.document.note_implicit_target(node, node)
        return rendered


def _rule_pages(env: BuildEnvironment) -> dict[str, set[str]]:
    """Rule id -> the documents holding its directive (kept in the environment)."""
    pages: dict[str, set[str]] | None = getattr(env, "skillchain_rule_pages", None)
    if pages is None:
        pages = {}
        env.skillchain_rule_pages = pages  # type: ignore[attr-defined]
    return pages


def _purge_rule_pages(_app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    for docnames in _rule_pages(env).values():
        docnames.discard(docname)


def _merge_rule_pages(
    _app: Sphinx,
    env: BuildEnvironment,
    docnames: Iterable[str],
    other: BuildEnvironment,
) -> None:
    del docnames
    pages = _rule_pages(env)
    for rule_id, found in _rule_pages(other).items():
        pages.setdefault(rule_id, set()).update(found)


def _check_rule_pages(_app: Sphinx, env: BuildEnvironment) -> None:
    """Warn (an error under ``-W``) for a rule with no page, or with several."""
    from skillchain.rules import rules

    pages = _rule_pages(env)
    for rule in rules():
        found = sorted(pages.get(rule.id, ()))
        if not found:
            _LOGGER.warning(
                "rule %s has no page: add a page rules/%s.md holding "
                "```{skillchain-rule} %s```",
                rule.id,
                rule_page_name(rule.id),
                rule.id,
                type="skillchain",
                subtype="rule",
            )
        elif len(found) > 1:
            _LOGGER.warning(
                "rule %s has a skillchain-rule directive on several pages (%s); "
                "expected one",
                rule.id,
                ", ".join(found),
                type="skillchain",
                subtype="rule",
            )


# -- Chinese marked as Chinese ------------------------------------------------------

# Han ideographs, CJK punctuation and full-width forms.  A run may hold digits (深人社规
# 〔2019〕11号) but starts and ends with one of these.
_CJK = (
    "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
)
CJK_RUN = re.compile(f"[{_CJK}](?:[{_CJK}0-9]*[{_CJK}])?")
"""A run of Chinese text, as :class:`MarkChinese` wraps it."""
ZH_CLASS = "language-zh-CN"
"""The class docutils' HTML writer renders as ``lang="zh-CN"``."""
# Text under these stays as it is: code is highlighted from its source text and a
# signature is Python.
_KEEP = (nodes.FixedTextElement, nodes.raw, addnodes.desc_signature)


def mark_chinese(root: nodes.Node) -> int:
    """Wrap each run of Chinese in *root*'s text in an inline marked ``zh-CN``.

    Returns the number of runs wrapped.  Text inside code blocks, raw output,
    signatures and already marked inlines is left alone.
    """
    count = 0
    for text in list(root.findall(nodes.Text)):
        parent = text.parent
        if parent is None or not CJK_RUN.findall(text.astext()):
            continue
        # A cross-reference's text becomes the link with the cross-reference's
        # first child only: leave text directly under one whole.
        if isinstance(parent, addnodes.pending_xref) or _kept(parent):
            continue
        source = text.astext()
        pieces: list[nodes.Node] = []
        position = 0
        for match in CJK_RUN.finditer(source):
            if match.start() > position:
                pieces.append(nodes.Text(source[position : match.start()]))
            pieces.append(
                nodes.inline(match.group(), match.group(), classes=[ZH_CLASS])
            )
            position = match.end()
            count += 1
        if position < len(source):
            pieces.append(nodes.Text(source[position:]))
        index = parent.index(text)
        parent[index : index + 1] = pieces
    return count


def _kept(node: nodes.Node) -> bool:
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, _KEEP):
            return True
        if isinstance(current, nodes.Element) and any(
            cls.startswith("language-") for cls in current["classes"]
        ):
            return True
        current = current.parent
    return False


class MarkChinese(SphinxTransform):
    """Mark Chinese runs ``lang="zh-CN"`` in the HTML, so browsers draw them with
    Chinese glyph shapes (the pages themselves are English).

    It runs after smart quotes and before the titles are collected for the
    navigation, so headings are marked there too.
    """

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        del kwargs
        mark_chinese(self.document)


class MarkResolvedChinese(SphinxPostTransform):
    """Mark the Chinese in links made when references are resolved.

    A reference's text is rebuilt then (a page's title, a label's caption), without
    the marks :class:`MarkChinese` put on it.
    """

    default_priority = 100  # after the references are resolved (10)

    def run(self, **kwargs: Any) -> None:
        del kwargs
        mark_chinese(self.document)


# -- attribute docstrings stay prose ----------------------------------------------

_COLON_STANDIN = "\ue000"  # a private-use character no docstring contains
_INLINE_TYPED = frozenset({"attribute", "property", "data"})
_SINGLE_COLON = re.compile(r"(?<!:):(?!:)")
_CODE_OR_ROLE = re.compile(r"(``.+?``|:[\w:+.-]+:`.+?`)")


def _hide_inline_type(
    _app: Sphinx,
    what: str,
    _name: str,
    _obj: object,
    _options: object,
    lines: list[str],
) -> None:
    if what not in _INLINE_TYPED:
        return
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        parts = _CODE_OR_ROLE.split(line)
        parts[::2] = [_SINGLE_COLON.sub(_COLON_STANDIN, part) for part in parts[::2]]
        lines[index] = "".join(parts)
        return


def _restore_colons(
    _app: Sphinx,
    what: str,
    _name: str,
    _obj: object,
    _options: object,
    lines: list[str],
) -> None:
    if what not in _INLINE_TYPED:
        return
    lines[:] = [line.replace(_COLON_STANDIN, ":") for line in lines]


# -- docstrings of re-exported data -----------------------------------------------

_PUBLIC_PACKAGES = ("skillchain", "skillchain.policy", "skillchain.catalog")


@cache
def _private_attribute_docs() -> dict[tuple[str, str], list[str]]:
    """``(package, name) -> docstring lines`` for data defined in private modules."""
    import importlib
    import pkgutil

    from sphinx.pycode import ModuleAnalyzer

    found: dict[tuple[str, str], list[str]] = {}
    for package_name in _PUBLIC_PACKAGES:
        package = importlib.import_module(package_name)
        exported = set(getattr(package, "__all__", ()))
        for info in pkgutil.iter_modules(package.__path__, f"{package_name}."):
            if not info.name.rsplit(".", 1)[-1].startswith("_"):
                continue
            analyzer = ModuleAnalyzer.for_module(info.name)
            for (scope, name), lines in analyzer.find_attr_docs().items():
                if scope == "" and name in exported:
                    found.setdefault((package_name, name), list(lines))
    return found


def _data_docstring(
    _app: Sphinx, what: str, name: str, obj: object, _options: object, lines: list[str]
) -> None:
    if what != "data":
        return
    package, _, attr = name.rpartition(".")
    doc = _private_attribute_docs().get((package, attr))
    if doc is None:
        return
    lines[:] = [*doc]
    if isinstance(obj, types.UnionType):
        from sphinx.util.typing import restify

        lines += ["", f"Alias of {restify(obj, 'smart')}", ""]


# -- public names for private modules ----------------------------------------------


_SUBPACKAGES = frozenset({"policy", "model", "catalog"})


def _public_targets(target: str, module: str | None) -> list[str]:
    """Public spellings of *target*, referenced from *module*, to try in turn.

    ``skillchain._sources.Provenance`` -> ``skillchain.Provenance``;
    ``skillchain.policy.Policy.at`` -> ``skillchain.Policy.at``; ``Policy.default``
    written in ``skillchain.policy`` -> ``skillchain.Policy.default``; and
    ``skillchain.catalog._rows.Occupation`` -> ``skillchain.catalog.Occupation``
    (likewise for ``skillchain.model``).
    """
    import skillchain
    import skillchain.cases
    import skillchain.catalog
    import skillchain.model
    import skillchain.policy
    import skillchain.rules
    import skillchain.serialization
    import skillchain.simulation
    import skillchain.testing

    packages = (
        skillchain,
        skillchain.policy,
        skillchain.model,
        skillchain.catalog,
        skillchain.rules,
        skillchain.serialization,
        skillchain.cases,
        skillchain.simulation,
        skillchain.testing,
    )

    if not target.startswith("skillchain."):
        if not (module or "").startswith("skillchain"):
            return []
        target = f"skillchain.{target}"
    parts = target.split(".")
    for index in range(1, len(parts)):
        name, rest = parts[index], parts[index + 1 :]
        candidates = [
            ".".join([package.__name__, name, *rest])
            for package in packages
            if name in package.__all__
        ]
        if candidates:
            return candidates
        if not (name.startswith("_") or name in _SUBPACKAGES):
            break
    return []


def _resolve_public(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.Element
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    target = node.get("reftarget", "")
    for candidate in _public_targets(target, node.get("py:module")):
        if candidate == target:
            continue
        resolved = domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], candidate, node, contnode
        )
        if resolved is not None:
            return resolved
        # A class named where a data/attribute is expected (or vice versa).
        resolved = domain.resolve_xref(
            env, node["refdoc"], app.builder, "obj", candidate, node, contnode
        )
        if resolved is not None:
            return resolved
    return None


# -- every public name is in the reference -----------------------------------------


def _check_reference_complete(_app: Sphinx, env: BuildEnvironment) -> None:
    """Warn (an error under ``-W``) for any exported name no page documents."""
    import skillchain
    import skillchain.cases
    import skillchain.catalog
    import skillchain.model
    import skillchain.policy
    import skillchain.rules
    import skillchain.serialization
    import skillchain.simulation
    import skillchain.testing

    documented = {entry[0] for entry in env.get_domain("py").get_objects()}
    packages = (
        skillchain,
        skillchain.policy,
        skillchain.model,
        skillchain.catalog,
        skillchain.rules,
        skillchain.serialization,
        skillchain.cases,
        skillchain.simulation,
        skillchain.testing,
    )
    for package in packages:
        for name in package.__all__:
            homes = {f"{package.__name__}.{name}", f"skillchain.{name}"}
            # A name re-exported from a public module (skillchain.simulate) is
            # documented where it is defined (skillchain.simulation.simulate).
            defined_in = getattr(getattr(package, name), "__module__", None)
            if isinstance(defined_in, str):
                homes.add(f"{defined_in}.{name}")
            if documented.isdisjoint(homes):
                _LOGGER.warning(
                    "%s.%s is exported but not documented; add it to docs/api.rst "
                    "(or to its programme or catalog page)",
                    package.__name__,
                    name,
                    type="skillchain",
                    subtype="undocumented",
                )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the reference fallback."""
    app.add_directive("skillchain-parameters", ParametersDirective)
    app.add_directive("skillchain-documents", DocumentsDirective)
    app.add_directive("skillchain-catalog", CatalogDirective)
    app.add_directive("skillchain-rule", RuleDirective)
    app.setup_extension("sphinx.ext.autodoc")
    # Napoleon processes docstrings at the default priority, 500.
    app.connect("autodoc-process-docstring", _hide_inline_type, priority=400)
    app.connect("autodoc-process-docstring", _restore_colons, priority=600)
    app.connect("autodoc-process-docstring", _data_docstring, priority=300)
    app.connect("missing-reference", _resolve_public)
    app.connect("env-check-consistency", _check_reference_complete)
    app.connect("env-purge-doc", _purge_rule_pages)
    app.connect("env-merge-info", _merge_rule_pages)
    app.connect("env-check-consistency", _check_rule_pages)
    app.add_transform(_RuleTail)
    app.add_transform(MarkChinese)
    app.add_post_transform(MarkResolvedChinese)
    return {
        "version": "2",
        # Pages read by an older version of this extension are read again.
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
