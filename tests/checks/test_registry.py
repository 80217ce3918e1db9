"""The one registry of checks: every code is registered once, validated when registered,
and read by `rules`, `explain`, SARIF, JUnit, waivers, the engine and the README."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from pydantic import Field

from staffing.checks import (
    CHECKS,
    COUNTY_CHECKS,
    PLAN_CHECKS,
    RUN_CHECKS,
    RegistryError,
    lookup,
    register,
    validate,
)
from staffing.checks.base import Check, Doc, Options
from staffing.checks.bodies import BodyCount, MissingMandatoryBody
from staffing.cli.main import main
from staffing.words import Words

from conftest import ROOT

CHECK_SOURCES = sorted((ROOT / "src" / "staffing" / "checks").glob("*.py"))


def test_every_scope_is_registered_once() -> None:
    assert len({c.code for c in CHECKS}) == len({c.slug for c in CHECKS}) == len(CHECKS)
    assert set(CHECKS) == set(PLAN_CHECKS) | set(COUNTY_CHECKS) | set(RUN_CHECKS)
    assert {c.code for c in RUN_CHECKS} == {"ST000", "ST001", "ST002", "ST003"}
    assert {c.code for c in COUNTY_CHECKS} == {"ST951", "ST952", "ST953", "ST954"}
    for check in CHECKS:
        validate(check)
        assert lookup(check.code) is check and lookup(check.slug) is check and lookup(check.code.lower()) is check


def _check(**attrs: object) -> type[Check]:
    """A copy of ST101 with some attributes changed."""
    return type("Typo", (BodyCount,), {"__doc__": BodyCount.__doc__, **attrs})


@pytest.mark.parametrize(("attrs", "why"), [
    ({"messages": {"ST102.over": Words("职能机构{count}个", "{count} bodies")}}, "not its code"),  # another check's key
    ({"messages": {"ST101.over": Words("职能机构{count}个", "{n} bodies")}}, "fills ['count'] in Chinese but ['n']"),
    ({"messages": {"ST101.over": Words("机构{count}个", "{count} bodies")}}, "another text's already"),
    ({"messages": {"ST101.over": Words("", "{count} bodies")}}, "empty in one language"),
    ({"messages": {}}, "declares no messages"),
    ({"messages": ("ST101.over", "ST101.under")}, "dict of key → Words"),
    ({"title": "职能机构数量超出范围"}, "title = Words(zh, en)"),
    ({"doc_zh": Doc("检查内容", "", "示例", "改正")}, "doc_zh = Doc("),
    ({"code": "ST1O1"}, "three digits"),
    ({"slug": "Body_Count"}, "kebab-case"),
    ({"scope": "town"}, "scope"),
    ({"__doc__": "Too many bodies.\n\n## What it checks\nbodies"}, "## Why it matters"),
    ({"run": Check.run}, "run(ctx, opts)"),
])
def test_registration_refuses_a_mistake(attrs: dict[str, object], why: str) -> None:
    with pytest.raises(RegistryError, match=re.escape(why)):
        validate(_check(**attrs))


def test_an_option_without_a_direction_or_a_label_is_refused() -> None:
    class Loose(Options):
        max: int | None = Field(None, json_schema_extra={"label": Words("上限", "maximum")})

    with pytest.raises(RegistryError, match="direction"):
        validate(_check(options=Loose))

    class Unnamed(Options):
        max: int | None = Field(None, json_schema_extra={"direction": "max"})

    with pytest.raises(RegistryError, match="no label"):
        validate(_check(options=Unnamed))


def test_a_checks_words_join_the_catalogue() -> None:
    from staffing.messages import CATALOGUE, render

    assert CATALOGUE["title.ST101"] == BodyCount.title
    assert render("ST101.over", "zh", {"count": 11, "limit": 10, "excess": 1, "names": ["甲", "乙"]}) == \
        "职能机构11个，超过上限10个，多1个：甲、乙"
    assert BodyCount.option_label("max") == Words("上限", "maximum")


def test_a_code_or_slug_twice_is_refused() -> None:
    with pytest.raises(RegistryError, match="ST101 is taken"):
        register(BodyCount, _check(slug="body-count-again"))
    with pytest.raises(RegistryError, match="body-count is taken"):
        register(BodyCount, _check(code="ST102", messages={"ST102": MissingMandatoryBody.messages["ST102"]}))


def _problem_calls() -> list[tuple[Path, str, ast.Call]]:
    """Every Problem(...) call in a check module, with the check class around it."""
    out = []
    for path in CHECK_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem":
                    out.append((path, cls.name, node))
    return out


def test_every_literal_message_key_and_option_is_declared() -> None:
    """A Problem's message key (when written out) is one its check declares, and the option
    it cites is one of the check's options: a typo fails here, not in a user's run."""
    by_name = {c.__name__: c for c in CHECKS}
    calls = _problem_calls()
    assert len(calls) > 40
    for path, cls_name, call in calls:
        check = by_name[cls_name]
        where = f"{path.name}:{call.lineno} ({check.code})"
        key = call.args[0]
        if isinstance(key, ast.Constant):
            assert key.value in check.messages, f"{where}: message key {key.value!r} not declared"
        for kw in call.keywords:
            if kw.arg == "option" and isinstance(kw.value, ast.Constant) and kw.value.value is not None:
                assert kw.value.value in check.options.model_fields, f"{where}: option {kw.value.value!r}"


def test_rules_explain_and_sarif_cover_the_same_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    codes = [c.code for c in CHECKS]
    assert main(["rules", "--lang", "en"]) == 0
    listed = re.findall(r"^  (ST\d{3})  ", capsys.readouterr().out, flags=re.M)
    assert listed == codes
    for code in codes:
        assert main(["explain", code]) == 0
        assert capsys.readouterr().out.startswith(code)
    plan = ROOT / "orgs" / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"
    main(["check", "--format", "sarif", "--no-waivers", "--no-cache", str(plan)])
    sarif = json.loads(capsys.readouterr().out)
    assert sorted(r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]) == sorted(codes)


def test_the_readme_table_of_checks_is_the_registry() -> None:
    """Regenerate with `python -m staffing.reporters.checks_table README.md`."""
    from staffing.reporters.checks_table import replace_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert replace_table(readme) == readme, "README's table of checks differs from the registry"
    for check in CHECKS:
        assert f"| {check.code} | `{check.slug}` |" in readme


# each block of codes has its module, and each module one block
BLOCKS = {"ST0": "runlevel", "ST1": "bodies", "ST2": "quotas", "ST3": "dispatched", "ST4": "support", "ST5": "cadres",
          "ST6": "elements", "ST7": "lists", "ST8": "applicability", "ST90": "consistency", "ST95": "county"}


def test_one_module_per_block_of_codes() -> None:
    """ST1xx in bodies.py, ST2xx in quotas.py, …, ST95x in county.py: a reader finds a code's
    module by its hundred."""
    for check in CHECKS:
        block = next(b for b in sorted(BLOCKS, key=len, reverse=True) if check.code.startswith(b))
        assert check.__module__ == f"staffing.checks.{BLOCKS[block]}", (check.code, check.__module__)
