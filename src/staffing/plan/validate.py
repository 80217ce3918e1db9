"""Every way a file's data does not fit its model, each as one `InputProblem` at its place.

pydantic reports all of a file's mistakes at once; this module turns each into a message
from the catalogue, in the user's language, at the line and column (or sheet and cell) of
the value, and hands them back in document order, so a file with six mistakes takes one
run to see them all.

- a value of the wrong kind, out of range, too long: the field and why (never pydantic's
  English inside a Chinese line);
- a value not among the allowed ones: every allowed value, in the user's language, and the
  nearest one as a suggestion;
- an unknown field: the nearest known field as a suggestion;
- a missing field: at the mapping it belongs in (its key), or, for a top-level section,
  without a line at all (a line would point at whatever key happens to come first);
- the 12-digit division code written unquoted: to quote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from staffing.errors import InputProblem, problem, together
from staffing.io.document import Document
from staffing.messages import CATALOGUE, close_matches, did_you_mean, hint_words, render
from staffing.words import Words

M = TypeVar("M", bound=BaseModel)

Loc = tuple[str | int, ...]


def validate(model: type[M], doc: Document, more: Callable[[Document], list[InputProblem]] | None = None,
             also: Iterable[InputProblem] = ()) -> M:
    """`doc.data` as `model`, or an InputProblem carrying every mistake (with `also`, the
    problems the reader found, and those `more` finds in the raw data) in document order."""
    early = list(doc.problems) + list(also)
    try:
        value = model.model_validate(doc.data)
    except ValidationError as exc:
        problems = early + schema_problems(model, doc, exc)
        if more is not None:
            problems += more(doc)
        raise order(doc, problems) from None
    if early:
        raise order(doc, early)
    return value


def order(doc: Document, problems: list[InputProblem]) -> InputProblem:
    """One InputProblem holding `problems` in document order: in a workbook sheets in plan
    order, then row and column; in a text file line and column; a problem with no line
    (a section the file lacks) after those with one."""
    from staffing.io.layout import sheet_rank  # the workbook's layout: read only for a mistake

    def key(p: InputProblem) -> tuple[int, int, int, int, str]:
        if p.sheet is not None:
            return (0, sheet_rank(p.sheet), p.line or 0, p.column or 0, p.key)
        if p.line is None:
            return (1, 0, 0, 0, p.key)
        return (0, -1, p.line, p.column or 0, p.key)

    return together(sorted(problems, key=key))


def schema_problems(model: type[BaseModel], doc: Document, exc: ValidationError) -> list[InputProblem]:
    """One problem per place pydantic found wrong (the errors a union gives for each of its
    members at one value are one mistake)."""
    grouped: dict[Loc, list[dict[str, Any]]] = {}
    errors = exc.errors(include_url=False)
    # a key written with a full-width colon inside a flow mapping ({name：x}): YAML reads one
    # unknown key "name：x"; said as the colon it is, and the field it meant is not "missing"
    meant = {loc[:-1] + (_before_colon(loc[-1]),) for loc in (
        data_loc(doc.data, tuple(e["loc"])) for e in errors if e["type"] == "extra_forbidden") if loc
        and _before_colon(loc[-1]) in known_fields(model, loc)}
    for err in errors:
        loc = data_loc(doc.data, tuple(err["loc"]), err["type"] == "missing")
        if any(loc[:len(bad)] == bad for bad in doc.problem_locs):  # the reader said what is wrong there
            continue
        if err["type"] == "missing" and loc in meant:
            continue
        if err["type"] == "value_error" and not loc:  # a model's own rule: said by `more`
            continue
        grouped.setdefault(loc, []).append(dict(err))
    return [_problem(model, doc, loc, errs) for loc, errs in grouped.items()]


def data_loc(data: Any, loc: Loc, missing: bool = False) -> Loc:
    """The place in the data an error's `loc` names: pydantic's own parts (the member of a
    union tried, a validator's name) left out; a missing field kept as the last part."""
    from staffing.io.layout import quota_key

    out: list[str | int] = []
    here = data
    for i, part in enumerate(loc):
        inside = _NOWHERE
        if isinstance(here, dict) and isinstance(part, str):
            written = quota_key(here, part)  # 行政编制 for administrative
            inside = here[written] if written is not None else _NOWHERE
        if isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            inside = here[part]
        if inside is not _NOWHERE:
            here = inside
            out.append(part)
        elif missing and i == len(loc) - 1 and isinstance(part, str):
            out.append(part)
    return tuple(out)


_NOWHERE = object()


def _problem(model: type[BaseModel], doc: Document, loc: Loc, errs: list[dict[str, Any]]) -> InputProblem:
    from staffing.io.layout import Table

    err = errs[0]
    kind = err["type"]
    types = {e["type"] for e in errs}
    field = Words(*field_words(doc.data, loc))
    place = doc.locate_cell(loc)
    if place is not None and labelled(doc.data, loc) is None:  # a workbook: no words for it but its column's
        field = Words.same(doc.label(loc) or place[0])
    if kind == "missing":
        sheet = _sheet_for(str(loc[0])) if len(loc) == 1 and loc in doc.cells else None
        if sheet is not None and isinstance(sheet, Table):  # a table with no row: the sheet is empty
            return at(doc, loc, place, "xlsx.missing-sheet", sheet=sheet.name)
        if loc in doc.cells:  # a workbook row or column left empty: that cell, by its label
            return at(doc, loc, place, "input.schema", field=field, reason=Words(*CATALOGUE["schema.missing"]))
        return _missing(doc, loc, place)
    if kind == "extra_forbidden":
        known = known_fields(model, loc)
        if _before_colon(loc[-1]) in known:  # {name：x}: the full-width colon, at its place
            line, col = doc.locate(loc, key=True)
            return problem(doc.path, "input.full-width-colon", line, col + str(loc[-1]).index("："),
                           key=_before_colon(loc[-1]))
        if place is not None:  # a workbook's column that does not apply to its row: by its header
            return at(doc, loc, place, "xlsx.not-applicable", field=field)
        close = close_matches(str(loc[-1]), known, n=1)
        return at(doc, loc, place, "input.unknown-field", at_key=True, field=str(loc[-1]), hint=hint_words(close))
    value = err.get("input")
    if kind == "literal_error":
        return _not_allowed(doc, loc, place, field, value, str((err.get("ctx") or {}).get("expected", "")))
    if loc and loc[-1] == "code" and kind in ("string_type", "string_pattern_mismatch"):
        return _code(doc, loc, place, field, value)
    if types >= {"string_type", "list_type"}:
        reason_key = "schema.str_or_list"
    else:
        reason_key = f"schema.{kind}" if f"schema.{kind}" in CATALOGUE else "schema.other"
    return at(doc, loc, place, "input.schema", field=field, reason=Words(*CATALOGUE[reason_key]))


def at(doc: Document, loc: Loc, place: tuple[str, str] | None, message: str, *, at_key: bool = False,
       **params: object) -> InputProblem:
    """A problem at the value `loc` (or its key): line and column, and a workbook's cell."""
    line, col = doc.locate(loc, key=at_key)
    p = problem(doc.path, message, line, col, **params)
    if place is not None:
        return InputProblem(p.file, p.key, p.params, p.line, p.column, place[0], place[1])
    return p


def _missing(doc: Document, loc: Loc, place: tuple[str, str] | None) -> InputProblem:
    name = str(loc[-1])
    parent = loc[:-1]
    if not parent:  # a top-level section: no line of the file is where it is missing
        return missing_section(doc, name)
    cell = doc.locate_cell(parent)
    line, col = doc.locate(parent, key=isinstance(parent[-1], str))
    words = field_words(doc.data, parent)
    own = _HEADERS.get(tuple("*" if isinstance(x, int) else str(x) for x in loc))
    label = Words.same(f"“{name}”")
    if own and doc.cells:  # a workbook: the column's header alone (its reader never typed the key)
        label = Words(*CATALOGUE[own])
    elif own:  # the column's header, then the key as typed
        label_zh, label_en = CATALOGUE[own]
        label = Words(f"{label_zh}（“{name}”）", f"{label_en} (“{name}”)")
    p = problem(doc.path, "input.missing-field", line, col, field=Words(*words), name=name, label=label)
    if cell is not None:
        return InputProblem(p.file, p.key, p.params, p.line, p.column, cell[0], cell[1])
    return p


def missing_section(doc: Document, name: str) -> InputProblem:
    """A top-level part the plan lacks, with no line (none of the file is where it is
    missing); in a workbook in the form's words: the sheet to fill in, and where to say the
    source does not give it."""
    section = CATALOGUE.get(f"section.{name}")
    sheet = _sheet_for(name) if doc.cells else None
    if sheet is not None:
        said = Words(*(section or CATALOGUE[sheet.key]))
        key = "xlsx.missing-section" if section is not None else "xlsx.missing-sheet"
        # the value to choose in the town sheet's drop-down is its Chinese words, in either language
        return problem(doc.path, key, sheet=sheet.name, section=said, choice=said.zh,
                       town=CATALOGUE["xlsx.sheet.town"][0], header=CATALOGUE["xlsx.col.not_provided"][0])
    if section is not None:
        return problem(doc.path, "input.missing-section", name=name, section=Words(*section))
    return problem(doc.path, "input.missing-top", name=name)


def _sheet_for(name: str) -> Any:
    """The workbook sheet that holds a top-level part of the plan (改革前 for `baseline`)."""
    from staffing.io.layout import SHEETS as LAYOUT
    from staffing.io.layout import Form

    for sheet in LAYOUT:
        bases = [s.base for s in sheet.sections] if isinstance(sheet, Form) else [sheet.path]
        if (name,) in bases:
            return sheet
    return None


def _not_allowed(doc: Document, loc: Loc, place: tuple[str, str] | None, field: Words, value: Any,
                 expected: str) -> InputProblem:
    from staffing.io.layout import ENUMS

    codes = tuple(re.findall(r"'([^']*)'", expected))
    enum = next((name for name, values in ENUMS.items() if set(values) == set(codes)), None)
    labels = [enum_words(enum, c) for c in codes] if enum else [(c, c) for c in codes]
    shown = value if isinstance(value, str) else repr(value) if value is not None else "~"
    close: list[str] = []
    if isinstance(value, str):
        candidates = {c: c for c in codes} | {zh: c for c, (zh, _) in zip(codes, labels, strict=True)}
        close = list(dict.fromkeys(candidates[w] for w in suggest(value, candidates)))
    by_code = dict(zip(codes, labels, strict=True))
    allowed = [Words(zh, f"{c} ({en})" if en != c else c) for c, (zh, en) in zip(codes, labels, strict=True)]
    return at(doc, loc, place, "input.not-allowed", field=field, value=shown, allowed=allowed,
              hint=Words(did_you_mean([by_code[c][0] for c in close], "zh"), did_you_mean(close, "en")))


def _before_colon(key: object) -> str:
    """The field name before a full-width colon in a key ("name：x" → "name"), else ""."""
    text = str(key)
    return text.split("：", 1)[0].strip() if "：" in text else ""


def enum_words(enum: str, code: str) -> tuple[str, str]:
    """(Chinese, English) words for one allowed value."""
    key = f"section.{code}" if enum == "section" else f"xlsx.enum.{enum}.{code}"
    return CATALOGUE.get(key, (code, code))


def _code(doc: Document, loc: Loc, place: tuple[str, str] | None, field: Words, value: Any) -> InputProblem:
    if isinstance(value, int) and not isinstance(value, bool):
        digits = len(str(abs(value)))
        key = "input.code-unquoted" if digits == 12 else "input.code-digits"
        return at(doc, loc, place, key, field=field, value=str(value), digits=digits)
    text = str(value)
    return at(doc, loc, place, "input.code-digits", field=field, value=text, digits=len(text))


def suggest(value: str, words: Iterable[str]) -> list[str]:
    """The words nearest to `value` (difflib), best first: the nearest, and the nearest of
    those that begin with the same word (party_construction: planning_construction, and
    party_building)."""
    words = sorted(set(words))
    value = value.strip()
    found = close_matches(value, words, n=1, cutoff=0.5)
    head = re.split(r"[_\s-]", value, maxsplit=1)[0]
    if head and head != value:
        same = [w for w in words if re.split(r"[_\s-]", w, maxsplit=1)[0] == head and w not in found]
        found += close_matches(value, same, n=1, cutoff=0.0)
    return found


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def known_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names allowed where an unknown one was found (for a 'did you mean')."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", {})
    return sorted(info.alias or name for name, info in fields.items())


def _inner_model(ann: Any) -> Any:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


# ---- a field in the words of the plan's workbook ------------------------------------------

def _field_headers() -> dict[tuple[str, ...], str]:
    """(path with '*' for list positions) → catalogue key of the words naming the field: the
    workbook's headers and row labels, one definition for both forms of a plan."""
    from staffing.io.layout import SHEETS as LAYOUT
    from staffing.io.layout import Form, Table

    out: dict[tuple[str, ...], str] = {}
    for sheet in LAYOUT:
        if isinstance(sheet, Form):
            for section in sheet.sections:
                for f in section.fields:
                    out.setdefault(tuple(section.base) + tuple(f.path), f.key)
        elif isinstance(sheet, Table) and sheet.target in ("list", "owned"):
            # a table of items owned by a body or an institution (内设科室, 领导职数): under each owner
            owners = [()] if sheet.target == "list" else [(o, "*") for o in _OWNERS]
            for owner in owners:
                for f in sheet.fields:
                    if not f.path[0].startswith("@"):
                        out.setdefault((*owner, *sheet.path, "*", *f.path), f.key)
    return out


_OWNERS = ("bodies", "institutions")
_OWNED = {"subunits": "xlsx.sheet.subunits", "leadership": "xlsx.sheet.leadership"}


_HEADERS: dict[tuple[str, ...], str] = {}
_LISTS = {"bodies": "xlsx.sheet.bodies", "dispatched_units": "xlsx.sheet.dispatched",
          "leadership_team": "xlsx.sheet.team", "transfers": "xlsx.sheet.transfers", "institutions": "xlsx.sheet.institutions",
          "support_institutions": "section.support_institutions"}
# fields the workbook names for a body only, named the same way for the centre and the institutions
_LIKE_A_BODY = ("support_center", "support_institutions", "institutions")


def _like_a_body(pattern: tuple[str, ...]) -> str | None:
    """The workbook's label of the same field of a body (行政编制（名）, 实有人数（人）, 名称 …), for a
    unit the workbook writes elsewhere: the centre, a support institution, an institution."""
    if not pattern or pattern[0] not in _LIKE_A_BODY:
        return None
    tail = pattern[1:] if pattern[0] == "support_center" else pattern[2:]
    return _HEADERS.get(("bodies", "*", *tail)) if tail else None


# a part of the plan the workbook has no column or row of its own for (a group of figures, a
# list): the words that name it (by its key, or its key after its owner's), said after what it
# belongs to unless they name it in full
_PARTS = {"quotas": "label.quotas", "population": "label.population", "leadership": "label.leadership-posts",
          "subunits": "xlsx.sheet.subunits", "bodies": "xlsx.sheet.bodies", "absorbed": "label.absorbed",
          "returned": "xlsx.sheet.returned", "support_center": "label.is-support-center",
          "empowerment": "label.empowerment-list", "power": "label.power-list",
          "responsibility": "label.responsibility-list", "service": "label.service-list",
          "lead_supporting": "label.lead-and-supporting-responsibility-list"}
_IN_FULL = {("town", "population"), ("lists", "empowerment"), ("lists", "power"), ("lists", "responsibility"),
            ("lists", "service"), ("lists", "lead_supporting"), ("powers", "returned")}


def field_words(data: Any, loc: Loc) -> tuple[str, str]:
    """How a message names the field at `loc`: its label in the plan's workbook, after the
    item it belongs to (职能机构“经济发展局”的实有人数（人）); where the workbook has no label
    for it, the words of what it is after those of what it belongs to (职能机构“党政办公室”的
    编制, 职能机构“党政办公室”的领导职数第1项); the dotted path as typed in the file only for a
    part the plan's words do not know."""
    found = labelled(data, loc)
    if found is not None:
        return found
    last = loc[-1] if loc else None
    if isinstance(last, int) and len(loc) > 1:  # an item of a list: by its name, else its place
        whole_zh, whole_en = field_words(data, loc[:-1])
        entry = _at(data, loc)
        texts = [entry.get(k) for k in ("name", "title")] if isinstance(entry, dict) else [entry]
        name = next((t.strip() for t in texts if isinstance(t, str) and t.strip()), None)
        said = (f"“{name}”",) * 2 if name else (render("place.item", "zh", {"n": last + 1}),
                                                  render("place.item", "en", {"n": last + 1}))
        return (render("place.listed", "zh", {"list": whole_zh, "said": said[0]}),
                render("place.listed", "en", {"list": whole_en, "said": said[1]}))
    key = _PARTS.get(str(last))
    if key is None or (str(last) == "support_center" and len(loc) == 1):
        path = dotted(loc)
        return path, path
    zh, en = CATALOGUE[key]
    if len(loc) == 1 or tuple(str(p) for p in loc[-2:]) in _IN_FULL:
        return zh, en
    owner_zh, owner_en = field_words(data, loc[:-1])
    return (render("place.of", "zh", {"owner": owner_zh, "part": zh}),
            render("place.of", "en", {"owner": owner_en, "part": en}))


def labelled(data: Any, loc: Loc) -> tuple[str, str] | None:
    """The words of the plan's workbook for the field at `loc` (a section, an item of a list,
    a column or row with the item it belongs to), or None where it has none."""
    if not _HEADERS:
        _HEADERS.update(_field_headers())
    pattern = tuple("*" if isinstance(p, int) else str(p) for p in loc)
    key = _HEADERS.get(pattern)
    if len(loc) == 1:  # a section of the plan
        words = CATALOGUE.get("xlsx.sheet.town" if loc[0] == "town" else f"section.{loc[0]}")
        if words is not None:
            return words
    if len(loc) == 2 and isinstance(loc[1], int) and str(loc[0]) in _LISTS:  # an item of a list
        return _item(data, loc, "", "")
    if key is None and (key := _like_a_body(pattern)) is not None and pattern[0] == "support_center":
        zh, en = CATALOGUE[key]
        owner = CATALOGUE["section.support_center"]
        return (render("place.of", "zh", {"owner": owner[0], "part": zh}), render("place.of", "en", {"owner": owner[1], "part": en}))
    if key is None:
        return None
    zh, en = CATALOGUE[key]
    if len(loc) >= 5 and isinstance(loc[1], int) and str(loc[2]) in _OWNED and isinstance(loc[3], int):
        # 职能机构“经济发展局”的领导职数“副局长”的核定职数
        owner_zh, owner_en = _item(data, loc, "", "")
        items = _at(data, loc[:3])
        entry = items[loc[3]] if isinstance(items, list) and loc[3] < len(items) else None
        texts = [entry.get(k) for k in ("name", "title")] if isinstance(entry, dict) else []
        name = next((t for t in texts if isinstance(t, str) and t.strip()), None)
        part_zh, part_en = CATALOGUE[_OWNED[str(loc[2])]]
        said = f"“{name.strip()}”" if isinstance(name, str) else render("place.item", "zh", {"n": loc[3] + 1})
        said_en = f"“{name.strip()}”" if isinstance(name, str) else render("place.item", "en", {"n": loc[3] + 1})
        return (render("place.owned-field", "zh", {"owner": owner_zh, "part": part_zh, "said": said, "field": zh}),
                render("place.owned-field", "en", {"owner": owner_en, "part": part_en, "said": said_en, "field": en}))
    if len(loc) >= 3 and isinstance(loc[1], int) and str(loc[0]) in _LISTS:
        return _item(data, loc, zh, en)
    return zh, en


def _at(data: Any, loc: Loc) -> Any:
    here = data
    for part in loc:
        if isinstance(here, dict) and isinstance(part, str):
            here = here.get(part)
        elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            here = here[part]
        else:
            return None
    return here


def _item(data: Any, loc: Loc, zh: str, en: str) -> tuple[str, str]:
    """职能机构“经济发展局”(的…): an item of a list by its name, or by its place in the list."""
    index = int(loc[1])
    items = data.get(loc[0]) if isinstance(data, dict) else None
    entry = items[index] if isinstance(items, list) and index < len(items) else None
    name = entry.get("name") if isinstance(entry, dict) else None
    list_zh, list_en = CATALOGUE[_LISTS[str(loc[0])]]
    named = isinstance(name, str) and bool(name.strip())
    said_zh, said_en = ((f"“{name.strip()}”",) * 2 if named and isinstance(name, str)
                        else (render("place.item", "zh", {"n": index + 1}), render("place.item", "en", {"n": index + 1})))
    if zh:
        return (render("place.listed-field", "zh", {"list": list_zh, "said": said_zh, "field": zh}),
                render("place.listed-field", "en", {"list": list_en, "said": said_en, "field": en}))
    return (render("place.listed", "zh", {"list": list_zh, "said": said_zh}),
            render("place.listed", "en", {"list": list_en, "said": said_en}))
