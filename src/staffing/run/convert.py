"""A plan's data written out in the office's formats (YAML, JSON, the workbook), and the
template workbook an office fills in: for `staffing convert` and `staffing template`, and
for the page's downloads (`staffing serve`), which hold the bytes in memory."""

from __future__ import annotations

import datetime as _dt
import json
import os
from typing import Any

from staffing.io.document import Document
from staffing.io.load import load_text
from staffing.io.workbook import is_workbook


def pack_titles() -> dict[str, str]:
    from staffing.packs.load import titles

    return titles()


def pack_roles(ref: object) -> dict[str, str] | None:
    """The roles of a pack by their Chinese labels (the workbook's drop-down), None where
    the pack cannot be found (the roles the shipped packs share are used)."""
    from staffing.errors import InputProblem
    from staffing.packs.load import resolve

    if not isinstance(ref, str):
        return None
    try:
        pack = resolve(ref)
    except InputProblem:
        return None
    return {role: pack.role_label(role, "zh") for role in pack.roles}


def own_data(doc: Document) -> dict[str, Any]:
    """A valid plan's data as written, with a pack a workbook names by its title written
    back as its id."""
    data: dict[str, Any] = doc.data
    if is_workbook(doc.path):
        ids = {title: pid for pid, title in pack_titles().items()}
        if isinstance(data.get("rule_pack"), str) and data["rule_pack"] in ids:
            data["rule_pack"] = ids[data["rule_pack"]]
    return data


def plan_bytes(data: dict[str, Any], suffix: str, path: str) -> bytes:
    """The plan's data written in the format of `suffix`."""
    if suffix == ".xlsx":
        from staffing.io.workbook_write import plan_workbook

        return plan_workbook(data, pack_titles(), path=path, roles=pack_roles(data.get("rule_pack")))
    if suffix == ".json":
        return (json.dumps(data, ensure_ascii=False, indent=2, default=_iso) + "\n").encode("utf-8")
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return text.encode("utf-8")


def _iso(value: Any) -> str:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)


def mandatory_of(pack_ref: str) -> tuple[Any, str, dict[str, str]]:
    """What the pack makes mandatory, for the template; the pack's id; its roles by their
    Chinese labels (the drop-down of 职能类别)."""
    from staffing.checks.elements import ELEMENT_LABELS
    from staffing.io.workbook_write import Mandatory
    from staffing.packs.load import resolve

    pack = resolve(pack_ref)

    def param(slug: str, name: str, default: Any = None) -> Any:
        setting = pack.checks.get(slug)
        if setting is None or not setting.enabled or name not in setting.params:
            return default
        return setting.params[name].value

    elements = tuple(param("missing-element", "elements", ()) or ())
    return Mandatory(
        pack_title=pack.title.get("zh", pack.id),
        roles=tuple(param("missing-mandatory-body", "roles", ()) or ()),
        lists=tuple(param("missing-list", "lists", ()) or ()),
        duty_admission=bool(param("missing-list", "duty_admission", False)),
        elements=tuple(ELEMENT_LABELS[e][0] for e in elements if e in ELEMENT_LABELS),
        grid="grid" in elements,
        command_center="command_center" in elements,
        support_center=bool(param("support-centre-not-merged", "one_centre", False)),
        transfers=(param("transfer-out-of-range", "min", 0) or 0) >= 1,
    ), pack.id, {role: pack.role_label(role, "zh") for role in pack.roles}


def example_plan(pack_id: str | None) -> dict[str, Any]:
    """A filled example: the first plan of the generated corpus that breaks no rule on
    purpose (the generator is deterministic, so the template is too)."""
    from staffing.plan.generate import corpus

    for rel, text in corpus(12, 0):
        if os.path.basename(rel).startswith("_"):
            continue
        data = load_text(rel, text).data
        if pack_id:
            data["rule_pack"] = pack_id
        return data
    raise AssertionError("the generator made no plan")  # pragma: no cover
