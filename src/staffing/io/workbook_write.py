"""Write a plan (plain data, as the readers give it) to a workbook in the layout of
`io.layout`, and the blank template an office fills in.

Every enumerated field gets a drop-down list with Chinese labels (the lists live on a
hidden sheet, 选项, which the reader ignores), every cell an input hint, counts a
whole-number validation; required columns are marked *, and what the chosen rule pack
makes mandatory is shaded yellow.  The reader reads back exactly what is written here.
"""

from __future__ import annotations

import datetime as _dt
import io
from dataclasses import dataclass, field
from typing import Any

from staffing.errors import problem
from staffing.io.layout import (
    ENUMS,
    EXAMPLE_PREFIX,
    GUIDE_KEYS,
    SHEETS,
    UNKNOWN,
    WRITE_ORDER,
    Field,
    Form,
    Table,
    blank_is_unknown,
    enum_label,
    enum_labels,
    is_quota,
    zh,
)
from staffing.io.workbook import _SPLIT_NAMES, cell_text, column_letter, takes_unknown
from staffing.messages import render

TABLE_ROWS = 300  # rows of a table sheet that carry drop-downs and hints


@dataclass(frozen=True)
class Mandatory:
    """What a rule pack makes mandatory, as the template marks it (plain data: io/ does
    not read packs)."""

    pack_title: str = ""
    roles: tuple[str, ...] = ()  # role codes of mandatory bodies
    lists: tuple[str, ...] = ()  # list keys required
    duty_admission: bool = False
    elements: tuple[str, ...] = ()  # 1+4 element names (labels)
    grid: bool = False
    command_center: bool = False
    support_center: bool = False
    transfers: bool = False
    extra: tuple[str, ...] = field(default_factory=tuple)


# what to write for an optional part of the plan that is present with nothing in it, so
# that reading it back finds it present (a list entry with only defaults, powers {} …)
_PRESENT = {"xlsx.col.present": True, "xlsx.col.approval_items": 0, "xlsx.col.q.administrative": 0}


BLANK_ROWS = 15  # ruled rows a blank table prints with, to be filled in by hand if need be


class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        line = Side(style="thin", color="808080")
        self.border = Border(left=line, right=line, top=line, bottom=line)
        self.note_font = Font(bold=True, color="9C0006")
        self.note_fill = PatternFill("solid", fgColor="FFC7CE")
        self.header_font = Font(bold=True)
        self.title_font = Font(bold=True, size=14)
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        self.section_fill = PatternFill("solid", fgColor="E2EFDA")
        self.mandatory_fill = PatternFill("solid", fgColor="FFF2CC")
        self.hint_font = Font(color="666666", size=10)  # 8.5 pt once the form is printed as wide as A4
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.number = Alignment(horizontal="right", vertical="top")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)


# The hint under a column, by the kind of value it takes (catalogue keys; a count's and a
# code's, which say whether 未知 is taken, by `_hint`).
_HINTS: dict[str, tuple[str, ...]] = {
    "date": ("xlsx.hint.date",),
    "code": ("xlsx.hint.code",),
    "names": ("xlsx.hint.names",),
    "lines": ("xlsx.hint.lines",),
    "roles": ("xlsx.hint.roles",),
    "pack": ("xlsx.hint.pack",),
    "enum:bool": ("xlsx.hint.bool",),
}


def _hint(f: Field, table: bool = False) -> str:
    kind = f.kind
    if is_quota(f) and table:
        text = zh("xlsx.hint.quota")
    elif kind == "count":  # 未知 offered only where the plan format takes it; a blank only where not required
        text = zh({(True, True): "xlsx.hint.count-required", (True, False): "xlsx.hint.count-known",
                   (False, True): "xlsx.hint.count", (False, False): "xlsx.hint.count-optional"}[f.required, f.unknown])
    elif kind in _HINTS:
        text = "".join(zh(key) for key in _HINTS[kind])
        if kind == "code" and f.unknown:
            text += zh("xlsx.hint.unknown-required" if f.required else "xlsx.hint.unknown")
    elif kind.startswith("enums:"):
        text = zh("xlsx.hint.sections") + "、".join(enum_labels(kind[6:]))
    elif kind.startswith("enum:"):
        text = zh("xlsx.hint.choice") + "、".join(enum_labels(kind[5:]))
    elif f.path == ("@owner",):
        text = zh("xlsx.hint.owner")
    else:
        text = zh("xlsx.hint.text")
    return (zh("xlsx.hint.required") if f.required else "") + text


def _header(f: Field) -> str:
    return ("*" if f.required else "") + f.header


class Writer:
    def __init__(self, pack_titles: dict[str, str] | None = None, mandatory: Mandatory | None = None,
                 roles: dict[str, str] | None = None) -> None:
        from openpyxl import Workbook

        # the roles of the pack the workbook is made for, by their labels (the drop-down's
        # list); without a pack, the roles the shipped packs share
        self.roles = roles or {r: enum_label("role", r) for r in ENUMS["role"]}
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.styles = _Styles()
        self.pack_titles = pack_titles or {}
        self.mandatory = mandatory
        self.path = "<workbook>"
        self._choices: dict[str, str] = {}

    # -- the hidden sheet of drop-down lists
    def choices(self, name: str) -> str:
        """The workbook-scoped defined name of a range on the hidden sheet holding the labels
        of one drop-down list: the form every spreadsheet program keeps (WPS and older Excel
        drop a list that points straight at another sheet)."""
        if name in self._choices:
            return self._choices[name]
        sheet_name = zh("xlsx.sheet.choices")
        if sheet_name in self.wb.sheetnames:
            ws = self.wb[sheet_name]
        else:
            ws = self.wb.create_sheet(sheet_name)
            ws.sheet_state = "hidden"
        col = len(self._choices) + 1
        labels = list(self.pack_titles.values()) if name == "pack" else list(self.roles.values()) \
            if name == "role" else enum_labels(name)
        ws.cell(row=1, column=col, value=name)
        for i, label in enumerate(labels, start=2):
            ws.cell(row=i, column=col, value=label)
        from openpyxl.workbook.defined_name import DefinedName

        letter = column_letter(col)
        ref = f"'{sheet_name}'!${letter}$2:${letter}${len(labels) + 1}"
        defined = f"List_{name}"
        self.wb.defined_names[defined] = DefinedName(defined, attr_text=ref)
        self._choices[name] = defined
        return defined

    def validation(self, ws: Any, f: Field, ref: str, table: bool = False) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        prompt = _hint(f, table)[:250]
        kind = f.kind
        if kind.startswith("enum:") or kind == "roles" or (kind == "pack" and self.pack_titles):
            name = "pack" if kind == "pack" else "role" if kind == "roles" else kind[5:]
            # several roles in one cell are allowed: Excel only warns (errorStyle below)
            dv = DataValidation(type="list", formula1=self.choices(name), allow_blank=True)
            dv.error = zh("xlsx.error.choice")
        elif kind == "count":
            # a whole number of 0 or more, or the word for unknown (未知): typing it trips nothing
            top = ref.split(":")[0]
            whole = f"AND(ISNUMBER({top}),{top}>=0,INT({top})={top})"
            dv = DataValidation(type="custom", allow_blank=True,
                                formula1=f'OR({top}="{zh(UNKNOWN)}",{whole})' if f.unknown else whole)
            dv.error = zh("xlsx.error.count" if f.unknown else "xlsx.error.count-known")
        else:
            dv = DataValidation(allow_blank=True)
        dv.errorStyle = "warning"  # the checker says what is wrong; Excel only warns
        dv.errorTitle = zh("xlsx.error.title")
        dv.promptTitle = f.header[:32]
        dv.prompt = prompt
        dv.showInputMessage = True
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(ref)

    # -- cell values
    def cell_value(self, f: Field, value: Any) -> Any:
        kind = f.kind
        if value is None:
            return zh(UNKNOWN) if takes_unknown(kind) else None
        if kind == "roles":
            roles = value if isinstance(value, list) else [value]
            labels = [self.roles.get(str(r)) or (enum_label("role", r) if r in ENUMS["role"] else str(r)) for r in roles]
            for label in labels:
                if _SPLIT_NAMES.search(label):
                    raise problem(self.path, "xlsx.separator", name=label)
            return "、".join(labels)
        if kind.startswith("enums:"):
            items = value if isinstance(value, list) else [value]
            return "、".join(enum_label(kind[6:], v) if v in ENUMS[kind[6:]] else str(v) for v in items)
        if kind.startswith("enum:"):
            name = kind[5:]
            if name == "bool":
                return enum_label("bool", bool(value)) if isinstance(value, bool) else str(value)
            return enum_label(name, value) if value in ENUMS[name] else str(value)
        if kind == "pack":
            return self.pack_titles.get(str(value), str(value))
        if kind in ("names", "lines"):
            items = [str(v) for v in value] if isinstance(value, list) else [str(value)]
            for item in items:
                if (kind == "names" and _SPLIT_NAMES.search(item)) or (kind == "lines" and "\n" in item):
                    raise problem(self.path, "xlsx.separator", name=item)
            return ("、" if kind == "names" else "\n").join(items) or None
        if kind == "count":
            return value
        if kind == "date":
            if isinstance(value, _dt.date):
                return value
            try:
                return _dt.date.fromisoformat(str(value))
            except ValueError:
                return str(value)
        return str(value)

    def put(self, ws: Any, row: int, col: int, f: Field, value: Any) -> None:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        shown = self.cell_value(f, value)
        if isinstance(shown, str) and ILLEGAL_CHARACTERS_RE.search(shown):  # XML cannot hold them
            raise problem(self.path, "xlsx.control-char", name=shown)
        cell = ws.cell(row=row, column=col, value=shown)
        if isinstance(shown, str) and shown.startswith("="):
            cell.data_type = "s"  # a name that looks like a formula stays text
        cell.number_format = number_format(f)
        if f.kind in ("lines", "names") or (f.kind == "text" and isinstance(value, str) and len(value) > 30):
            cell.alignment = self.styles.wrap

    # -- sheets
    def blank(self, ws: Any, row: int, col: int, f: Field) -> None:
        """A cell left for the office to fill: formatted for what it takes, so that a code of
        12 digits typed into it stays text (Excel would show 321282104000 as 3.21282E+11)."""
        cell = ws.cell(row=row, column=col)
        if cell.value is None:
            cell.number_format = number_format(f)

    def note(self, ws: Any, layout: Form | Table, columns: int) -> None:
        """The first row of an example sheet: that it is an example the checker does not read,
        and which sheet to fill in instead (a 说明 row, which the reader passes over)."""
        st = self.styles
        cell = ws.cell(row=1, column=1, value=render("xlsx.example.note", "zh", {"sheet": layout.name}))
        cell.font, cell.fill, cell.alignment = st.note_font, st.note_fill, st.wrap
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
        width = 130 if isinstance(layout, Form) else sum(column_width(f) for f in layout.fields)
        ws.row_dimensions[1].height = 18 * _lines(str(cell.value), width)
        ws.sheet_properties.tabColor = "A6A6A6"

    def form(self, layout: Form, data: dict[str, Any], name: str, fill: bool, example: bool = False) -> None:
        st = self.styles
        ws = self.wb.create_sheet(name)
        top = 2 if example else 1  # the header row
        if example:
            self.note(ws, layout, 3)
        for col, key in enumerate(("xlsx.form.item", "xlsx.form.value", "xlsx.form.hint"), start=1):
            cell = ws.cell(row=top, column=col, value=zh(key))
            cell.font, cell.fill, cell.border = st.header_font, st.header_fill, st.border
        ws.freeze_panes = f"A{top + 1}"
        ws.column_dimensions["A"].width = 30
        ws.column_dimensions["B"].width = 40
        ws.column_dimensions["C"].width = 52
        row = top + 1
        for section in layout.sections:
            cell = ws.cell(row=row, column=1, value=section.title)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
            for col in (1, 2, 3):
                ws.cell(row=row, column=col).border = st.border
            cell.font, cell.fill = st.header_font, st.section_fill
            mandatory = self._mandatory_section(section.key)
            if mandatory:
                cell.fill = st.mandatory_fill
            row += 1
            obj = _get(data, section.base) if fill else None
            written = False
            first_row = row
            zeros = _zeros(section.fields, obj, form=True) if isinstance(obj, dict) else set()
            for f in section.fields:
                label = ws.cell(row=row, column=1, value=_header(f))
                hint = ws.cell(row=row, column=3, value=_hint(f) + (zh("xlsx.hint.mandatory") if mandatory else ""))
                hint.font, hint.alignment = st.hint_font, st.wrap
                if mandatory:
                    label.fill = st.mandatory_fill
                present, value = _has(obj, f.path)
                if present and value != []:
                    self.put(ws, row, 2, f, value)
                    written = True
                elif f.key in zeros:
                    self.put(ws, row, 2, f, 0)
                    written = True
                self.blank(ws, row, 2, f)
                self.validation(ws, f, f"B{row}")
                for col in (1, 2, 3):
                    ws.cell(row=row, column=col).border = st.border
                ws.cell(row=row, column=2).alignment = st.wrap
                row += 1
            if fill and section.optional and isinstance(obj, dict) and not written:
                for n, f in enumerate(section.fields):
                    if f.key in _PRESENT:
                        self.put(ws, first_row + n, 2, f, _PRESENT[f.key])
                        break
        print_setup(ws, top, f"A1:C{row - 1}")

    def table(self, layout: Table, rows: list[dict[str, Any]], name: str, example: bool = False) -> None:
        st = self.styles
        ws = self.wb.create_sheet(name)
        top = 2 if example else 1  # the header row
        if example:
            self.note(ws, layout, len(layout.fields))
        mandatory = self._mandatory_table(layout.key)
        for col, f in enumerate(layout.fields, start=1):
            cell = ws.cell(row=top, column=col, value=_header(f))
            cell.font, cell.alignment, cell.border = st.header_font, st.center, st.border
            cell.fill = st.mandatory_fill if mandatory or self._mandatory_column(f) else st.header_fill
            letter = column_letter(col)
            ws.column_dimensions[letter].width = column_width(f)
            ws.column_dimensions[letter].number_format = number_format(f)  # for the cells typed in later
            self.validation(ws, f, f"{letter}{top + 1}:{letter}{top + max(TABLE_ROWS, len(rows) + 50)}", table=True)
        # headers wrap in narrow columns (行政编制（名） over three lines): a row tall enough for them
        ws.row_dimensions[top].height = 15 * max(_lines(_header(f), column_width(f)) for f in layout.fields) + 4
        ws.freeze_panes = f"A{top + 1}"
        ruled = len(rows) if rows else BLANK_ROWS  # a blank table prints ruled rows to fill in
        for r, item in enumerate(rows, start=top + 1):
            zeros = _zeros(layout.fields, item)
            for col, f in enumerate(layout.fields, start=1):
                present, value = _has(item, f.path)
                if present and value != []:
                    self.put(ws, r, col, f, value)
                elif f.key in zeros:
                    self.put(ws, r, col, f, 0)
        last = column_letter(len(layout.fields))
        for r in range(top + 1, top + ruled + 1):
            tall = 1
            for col, f in enumerate(layout.fields, start=1):
                cell = ws.cell(row=r, column=col)
                cell.border = st.border
                if f.kind == "count":
                    cell.alignment = st.number
                    continue
                cell.alignment = st.wrap
                if isinstance(cell.value, str):
                    tall = max(tall, sum(_lines(line, column_width(f)) for line in cell.value.split("\n")))
            if tall > 1:  # spreadsheet programs do not grow a row for wrapped text they did not lay out
                ws.row_dimensions[r].height = 16 * min(tall, 15)
        ws.auto_filter.ref = f"A{top}:{last}{max(top, top + len(rows))}"
        print_setup(ws, top, f"A1:{last}{top + ruled}")

    def _mandatory_section(self, key: str) -> bool:
        m = self.mandatory
        if m is None:
            return False
        if key.startswith("xlsx.section.list."):
            return key.rsplit(".", 1)[1] in m.lists
        return (key == "xlsx.section.duty" and m.duty_admission) or (key == "xlsx.section.grid" and m.grid) \
            or (key == "xlsx.section.command" and m.command_center)

    def _mandatory_table(self, key: str) -> bool:
        m = self.mandatory
        return m is not None and ((key == "xlsx.sheet.transfers" and m.transfers)
                                  or (key == "xlsx.sheet.institutions" and m.support_center))

    def _mandatory_column(self, f: Field) -> bool:
        return self.mandatory is not None and bool(self.mandatory.roles) and f.key == "xlsx.col.role"

    # -- the whole plan
    def plan(self, data: dict[str, Any], prefix: str = "", fill: bool = True) -> None:
        """The plan's sheets; with a prefix, as examples the checker does not read (each says so
        in its first row and has a grey tab)."""
        for layout in WRITE_ORDER:
            name = prefix + layout.name
            if isinstance(layout, Form):
                self.form(layout, data, name, fill, example=bool(prefix))
            else:
                self.table(layout, rows_of(layout, data) if fill else [], name, example=bool(prefix))

    def guide(self, example: bool) -> None:
        st = self.styles
        ws = self.wb.create_sheet(zh("xlsx.sheet.guide"), 0)
        ws.column_dimensions["A"].width = 22
        ws.column_dimensions["B"].width = 90
        lines: list[tuple[str, str]] = [(zh("xlsx.guide.title"), "")]
        lines += [("", zh("xlsx.guide.intro")), ("", zh("xlsx.guide.check")), ("", zh("xlsx.guide.rows"))]
        m = self.mandatory
        if m is not None:
            lines.append(("", render("xlsx.guide.pack", "zh", {"title": m.pack_title})))
            if m.roles:
                names = [self.roles.get(r) or enum_label("role", r) for r in m.roles]
                lines.append(("", render("xlsx.guide.mandatory-bodies", "zh", {"names": names})))
            if m.lists:
                lines.append(("", render("xlsx.guide.mandatory-lists", "zh",
                                         {"names": [zh(f"xlsx.section.list.{k}") for k in m.lists]})))
            if m.elements:
                lines.append(("", render("xlsx.guide.mandatory-elements", "zh", {"names": list(m.elements)})))
        if example:
            lines.append(("", render("xlsx.guide.example", "zh", {"first": EXAMPLE_PREFIX + WRITE_ORDER[0].name,
                                                                  "last": EXAMPLE_PREFIX + WRITE_ORDER[-1].name})))
        lines.append((zh("xlsx.guide.sheets"), ""))
        lines += [(s.name, zh(GUIDE_KEYS[s.key])) for s in WRITE_ORDER]
        if example:
            lines.append((EXAMPLE_PREFIX + "…", render("xlsx.guide.example-sheets", "zh",
                                                       {"first": EXAMPLE_PREFIX + WRITE_ORDER[0].name,
                                                        "last": EXAMPLE_PREFIX + WRITE_ORDER[-1].name})))
        for r, (a, b) in enumerate(lines, start=1):
            ca = ws.cell(row=r, column=1, value=a or None)
            cb = ws.cell(row=r, column=2, value=b or None)
            cb.alignment = st.wrap
            if b:  # spreadsheet programs do not grow a row for wrapped text they did not lay out
                ws.row_dimensions[r].height = 16 * (1 + len(b) * 2 // 170)
            if r == 1:
                ca.font = st.title_font
                ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
                ws.row_dimensions[1].height = 24
            elif a:
                ca.font = st.header_font
        print_setup(ws, 0, f"A1:B{len(lines)}")

    def bytes(self) -> bytes:
        return workbook_bytes(self.wb)


# A workbook the tool writes is the same bytes each time for the same input: its document
# properties' times and its parts' times in the zip are this moment (or SOURCE_DATE_EPOCH's,
# when set, as reproducible builds set it), not the moment it was written.
FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def workbook_bytes(wb: Any) -> bytes:
    """The .xlsx bytes of the openpyxl workbook `wb`, the same for the same workbook: no
    clock in them (openpyxl stamps the time it was made and saved, and the zip each part's)."""
    import contextlib
    import datetime as _dt
    import os
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    when = _dt.datetime(*FIXED_TIME)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        with contextlib.suppress(OverflowError, ValueError, OSError):  # past what a date can be: the fixed time
            when = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = when
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()  # what openpyxl's save does, without stamping the time
    out = io.BytesIO()
    stamp = min(max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 23, 59, 58))  # what a zip can say
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = zipfile.ZipInfo(info.filename, date_time=stamp)
            part.compress_type = zipfile.ZIP_DEFLATED
            part.external_attr = info.external_attr
            dst.writestr(part, src.read(info.filename))
    return out.getvalue()


def number_format(f: Field) -> str:
    """How a cell of the field shows what is typed into it: text stays text (a 12-digit code
    is not a number), a date is a date."""
    if f.kind in ("text", "code", "pack", "names", "lines", "roles") or f.kind.startswith(("enum:", "enums:")):
        return "@"
    return "yyyy-mm-dd" if f.kind == "date" else "General"


def column_width(f: Field) -> float:
    """A table column's width (in characters): as narrow as its values allow, so that a sheet
    printed on A4 landscape, as wide as the page, keeps its text legible; headers wrap."""
    if f.kind == "lines":
        return 18
    if f.kind in ("names", "roles") or f.key.endswith(("name", "basis", "department", "subunit", "title", "owner")) \
            or f.path[0] in ("name", "parent", "from", "to", "area"):
        return 11
    if f.kind == "count":
        return 6
    if f.kind in ("code", "date") or f.key.endswith("document"):
        return 10
    return 8


def _lines(text: str, width: float) -> int:
    """Lines a text takes in a column `width` characters wide (a CJK character counts two)."""
    used = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return max(1, -(-used // max(1, int(width) - 2)))


def print_setup(ws: Any, title_row: int = 1, area: str | None = None) -> None:
    """Printed (or turned into a PDF): A4 landscape, as wide as one page, the header row
    repeated on every page, the area with content (a blank table's ruled rows) centred."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.3
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if area is not None:
        ws.print_area = area
    if title_row and ws.max_row > title_row:
        ws.print_title_rows = f"{title_row}:{title_row}"


def rows_of(layout: Table, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a table sheet, from the plan's data."""
    if layout.target == "list":
        items = _get(data, layout.path)
        if layout.key == "xlsx.sheet.transfers" and isinstance(items, list):
            return [{("from" if k == "from_" else k): v for k, v in t.items()} for t in items]
        return list(items) if isinstance(items, list) else []
    if layout.target == "institutions":
        out = []
        if isinstance(data.get("support_center"), dict):
            out.append({**data["support_center"], "@category": "centre"})
        for inst in data.get("support_institutions") or []:
            out.append({**inst, "@category": "outside"})
        for inst in data.get("institutions") or []:
            out.append({**inst, "@category": "institution"})
        return out
    out = []
    bodies = zh("xlsx.sheet.bodies")
    institutions = zh("xlsx.sheet.institutions")
    owners = [(bodies, n + 2, b) for n, b in enumerate(data.get("bodies") or [])]
    centre = data.get("support_center")
    if isinstance(centre, dict):
        owners.append((institutions, 2, centre))
    first = 3 if isinstance(centre, dict) else 2
    outside = list(data.get("support_institutions") or []) + list(data.get("institutions") or [])
    owners += [(institutions, first + n, c) for n, c in enumerate(outside)]
    count: dict[object, int] = {}
    for _, _, owner in owners:  # names as the reader reads them back: "党建办 " is "党建办"
        key = cell_text(owner.get("name"))
        count[key] = count.get(key, 0) + 1
    for sheet, row, owner in owners:
        name = owner.get("name")
        if count[cell_text(name)] > 1:  # the name alone is ambiguous: say which row
            name = render("xlsx.owner-row", "zh", {"name": name, "sheet": sheet, "row": row})
        for item in owner.get(layout.path[0]) or []:
            out.append({"@owner": name, **item})
    return out


def _zeros(fields: tuple[Field, ...], obj: dict[str, Any], form: bool = False) -> set[str]:
    """The cells to write 0 in, where the plan leaves out a figure it counts as 0, since a
    blank cell is read as unknown (layout.ZERO_WHEN_OMITTED): every quota type left out on a
    form, the first quota column of a table row that gives no type (its quotas are none),
    and the figures the plan format counts as 0 when left out."""
    out = {f.key for f in fields if blank_is_unknown(f) and not _has(obj, f.path)[0]}
    quotas = [f for f in fields if is_quota(f)]
    if form:
        out |= {f.key for f in quotas if not _has(obj, f.path)[0]}
    elif quotas and not any(_has(obj, f.path)[0] for f in quotas):
        out.add(quotas[0].key)
    return out


def _has(obj: Any, path: tuple[str, ...]) -> tuple[bool, Any]:
    """Whether the plan gives the value at `path` (null, unknown, counts as given), and it.
    `quotas: ~` gives every type as unknown."""
    for n, part in enumerate(path):
        if obj is None and n > 0 and path[n - 1] == "quotas":
            return True, None
        if not isinstance(obj, dict) or part not in obj:
            return False, None
        obj = obj[part]
    return True, obj


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def plan_workbook(data: dict[str, Any], pack_titles: dict[str, str] | None = None, path: str = "<workbook>",
                  roles: dict[str, str] | None = None) -> bytes:
    """A plan as a workbook (for `staffing convert`): the instructions sheet and the plan;
    `roles`: its pack's roles by their labels."""
    writer = Writer(pack_titles, roles=roles)
    writer.path = path
    writer.plan(data)
    writer.guide(example=False)
    return writer.bytes()


def template_workbook(example: dict[str, Any] | None, pack_titles: dict[str, str],
                      mandatory: Mandatory | None, pack_id: str | None = None,
                      roles: dict[str, str] | None = None) -> bytes:
    """The blank template: instructions, empty plan sheets (the pack filled in when one is
    chosen) and, when given, a filled example on sheets named 示例-… (which the reader
    ignores: only the plan sheets are read)."""
    writer = Writer(pack_titles, mandatory, roles)
    blank: dict[str, Any] = {"rule_pack": pack_id} if pack_id else {}
    for layout in WRITE_ORDER:
        if isinstance(layout, Form):
            writer.form(layout, blank, layout.name, fill=True)
        else:
            writer.table(layout, [], layout.name)
    if example is not None:
        writer.plan(example, prefix=EXAMPLE_PREFIX)
    writer.guide(example=example is not None)
    return writer.bytes()


__all__ = ["SHEETS", "Mandatory", "plan_workbook", "template_workbook"]
