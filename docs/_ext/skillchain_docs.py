"""Local Sphinx extension for the skillchain docs.

It does two things:

* **Tables generated from the bundled policy**, so the docs never drift from the data:

  ``skillchain-parameters``
      One row per dated value of every parameter in ``Policy.default()``: name,
      value, period in force, source document, provenance; then the notes on the
      values.  Option ``:group:`` keeps only parameters of one programme group.

  ``skillchain-documents``
      The document register: id, title (with 文号), issuer level, provenance,
      addresses, note.  Each row carries the anchor ``policy-document-<id>``, which
      the parameter table links to, so put both on the same page.

* **Public names for private modules.**  Type hints name the defining module
  (``skillchain._sources.Provenance``), but the reference documents the public name
  (``skillchain.Provenance``).  A ``missing-reference`` handler retries such targets
  under the package that re-exports them, and under ``skillchain`` for names that
  ``skillchain.policy`` also re-exports.
"""

from __future__ import annotations

import enum

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective


if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from skillchain import Document, Parameter, Resolved


# -- value formatting --------------------------------------------------------------


def _format_value(value: object) -> str:
    """Render a parameter value for the table (English labels, Chinese in brackets)."""
    if isinstance(value, Mapping):
        return "; ".join(f"{_format_value(k)}: {_format_value(v)}" for k, v in value.items())
    if isinstance(value, enum.Enum):
        zh = getattr(value, "zh", None)
        return f"{value.value} ({zh})" if isinstance(zh, str) else str(value.value)
    if isinstance(value, Decimal):
        return format(value, "f")
    quantum = getattr(value, "quantum", None)
    mode = getattr(value, "mode", None)
    if isinstance(quantum, Decimal) and isinstance(mode, enum.Enum):
        return f"to {format(quantum, 'f')}, {mode.value}"
    return str(value)


def _format_period(value: Resolved[object]) -> str:
    period = value.period
    if period is None:
        return ""
    end: date | None = period.end
    return f"{period.start.isoformat()} – {end.isoformat() if end else 'open'}"


# -- node helpers ------------------------------------------------------------------


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
    return nodes.make_id(f"policy-document-{doc_id}")


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

        for path in _data_files():
            self.env.note_dependency(path)
        policy = Policy.default()
        group = self.options.get("group")
        names = sorted(
            name for name in policy.parameters if group is None or name.startswith(f"{group}.")
        )
        rows: list[nodes.row] = []
        noted: list[Parameter] = []
        for name in names:
            param = policy.parameters[name]
            rows.extend(self._rows(param))
            if param.note or any(v.note for v in param.values):
                noted.append(param)
        table = _table(
            ("Parameter", "Value", "In force", "Source", "Provenance"),
            (30, 22, 18, 20, 10),
            rows,
        )
        result: list[nodes.Node] = [table]
        if noted:
            result.append(_para("Notes on the values, as the policy files record them:"))
            result.append(self._notes(noted))
        return result

    def _rows(self, param: Parameter) -> list[nodes.row]:
        name_cell = nodes.entry()
        name_cell += _para(nodes.literal(text=param.name))
        name_cell += _para(param.description_en, f" ({param.unit})")
        if not param.values:
            row = nodes.row()
            row += name_cell
            row += _cell(nodes.emphasis(text="none bundled"))
            row += _cell("—")
            row += _cell("supplied by the district (see the note)")
            row += _cell("—")
            return [row]
        rows = []
        for index, value in enumerate(param.values):
            row = nodes.row()
            row += name_cell if index == 0 else _cell()
            row += _cell(_format_value(value.value))
            row += _cell(_format_period(value))
            source = nodes.entry()
            if value.citation is not None:
                doc = value.citation.document
                ref = nodes.reference(
                    "", doc.number or doc.title_en or doc.title, internal=True,
                    refid=_document_anchor(doc.id),
                )
                para = _para(ref)
                if value.citation.article:
                    para += nodes.Text(f", {value.citation.article}")
                source += para
            row += source
            row += _cell(value.provenance.value if value.provenance else "—")
            rows.append(row)
        return rows

    def _notes(self, params: list[Parameter]) -> nodes.definition_list:
        dlist = nodes.definition_list()
        for param in params:
            item = nodes.definition_list_item()
            item += nodes.term("", "", nodes.literal(text=param.name))
            definition = nodes.definition()
            if param.note:
                definition += _para(param.note)
            for value in param.values:
                if value.note:
                    definition += _para(
                        nodes.strong(text=f"From {value.period.start.isoformat()}: ")
                        if value.period is not None
                        else "",
                        value.note,
                    )
            item += definition
            dlist += item
        return dlist


class DocumentsDirective(SphinxDirective):
    """``.. skillchain-documents::`` — the bundled document register."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from skillchain import Policy

        for path in _data_files():
            self.env.note_dependency(path)
        policy = Policy.default()
        rows = [self._row(doc) for doc in sorted(policy.documents.values(), key=_doc_order)]
        return [
            _table(
                ("Id", "Document", "Level", "Provenance", "Seen at"),
                (16, 44, 10, 10, 20),
                rows,
            )
        ]

    def _row(self, doc: Document) -> nodes.row:
        row = nodes.row(ids=[_document_anchor(doc.id)])
        row += _cell(nodes.literal(text=doc.id))
        cell = nodes.entry()
        cell += _para(doc.label("zh"))
        if doc.title_en:
            cell += _para(nodes.emphasis(text=doc.title_en))
        facts = [f"{what} {day.isoformat()}" for what, day in (
            ("issued", doc.issued), ("in force from", doc.effective), ("until", doc.expires)
        ) if day is not None]
        issuers = "、".join(doc.issuers)
        cell += _para("; ".join([issuers, *facts]))
        if doc.note:
            cell += _para(nodes.emphasis(text=doc.note))
        row += cell
        row += _cell(doc.level.value)
        row += _cell(doc.provenance.value)
        links = nodes.entry()
        for url in doc.urls:
            links += _para(nodes.reference(url, _short_url(url), refuri=url))
        row += links
        return row


def _doc_order(doc: Document) -> tuple[int, str]:
    from skillchain import DocumentLevel

    order = list(DocumentLevel)
    return order.index(doc.level), doc.id


def _short_url(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


# -- public names for private modules ----------------------------------------------


def _public_target(target: str) -> list[str]:
    """Public spellings of *target* to try, best first."""
    import skillchain
    import skillchain.policy

    parts = target.split(".")
    name = parts[-1]
    candidates: list[str] = []
    if parts[0] != "skillchain":
        return candidates
    private = any(part.startswith("_") for part in parts[:-1])
    if private or target.startswith("skillchain.policy."):
        if name in skillchain.__all__:
            candidates.append(f"skillchain.{name}")
        if name in skillchain.policy.__all__:
            candidates.append(f"skillchain.policy.{name}")
    return [c for c in candidates if c != target]


def _resolve_public(
    app: Sphinx, env: BuildEnvironment, node: Any, contnode: nodes.Element  # noqa: ANN401
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    for candidate in _public_target(node.get("reftarget", "")):
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


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the reference fallback."""
    app.add_directive("skillchain-parameters", ParametersDirective)
    app.add_directive("skillchain-documents", DocumentsDirective)
    app.connect("missing-reference", _resolve_public)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
