"""The plan's JSON Schema: generated from the models, committed, and met by every example."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from staffing.cli.main import main
from staffing.io.layout import words_for
from staffing.plan import model
from staffing.plan.names import traditional
from staffing.plan.schema import plan_schema

from conftest import CASES, ORGS, SCHEMA

REGENERATE = "regenerate it with:  .venv/bin/staffing schema > schema/plan.schema.json"


def committed() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_schema_command_equals_committed_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == committed(), f"schema/plan.schema.json is out of date; {REGENERATE}"
    assert out == SCHEMA.read_text(encoding="utf-8"), f"schema/plan.schema.json differs in layout; {REGENERATE}"


def test_committed_schema_is_draft_2020_12() -> None:
    schema = committed()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def _plans() -> list[Path]:
    return sorted(ORGS.rglob("*.yaml")) + sorted(p for p in CASES.glob("ST*/*/*.yaml") if p.parent.name in ("good", "bad"))


@pytest.mark.parametrize("path", _plans(), ids=lambda p: str(p.relative_to(p.parents[3])))
def test_plan_validates_against_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML dates are dates; JSON has strings, which is what an editor validates
    data = json.loads(json.dumps(data, default=str))
    validator = jsonschema.Draft202012Validator(committed(), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, f"{path}: {errors[0].message} at {list(errors[0].path)}"


def test_schema_rejects_what_the_model_rejects() -> None:
    validator = jsonschema.Draft202012Validator(committed())
    data = yaml.safe_load((ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml").read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))
    data["bodies"][0]["quotas"]["administrative"] = -1
    assert list(validator.iter_errors(data))
    data["bodies"][0]["quotas"]["administrative"] = 7
    data["bodies"][0]["colour"] = "red"
    assert list(validator.iter_errors(data))


def _all_models() -> list[type]:
    from pydantic import BaseModel

    return [v for v in vars(model).values()
            if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == model.__name__ and not v.__name__.startswith("_")]


def test_schema_is_generated_from_the_models() -> None:
    schema = plan_schema()
    assert set(schema["properties"]) == {f.alias or name for name, f in model.Plan.model_fields.items()}
    assert set(schema["required"]) == {name for name, f in model.Plan.model_fields.items() if f.is_required()}
    defs = schema["$defs"]
    for cls in _all_models():
        if cls is model.Plan:
            continue
        assert cls.__name__ in defs, cls.__name__
        fields = {f.alias or name for name, f in cls.model_fields.items()}
        if cls is model.Quotas:  # a type may be written by its Chinese name too (行政编制, 行政編制)
            fields |= {w for t in model.QUOTA_TYPES for w in words_for("quota_type", t)}
            fields |= {traditional(w) for t in model.QUOTA_TYPES for w in words_for("quota_type", t)}
        assert set(defs[cls.__name__]["properties"]) == fields, cls.__name__
    assert set(model.QUOTA_TYPES) < set(defs["Quotas"]["properties"])
    assert "from" in defs["Transfer"]["properties"]  # the alias, as plans write it


def test_no_list_left_out_is_made_by_a_builtin() -> None:
    """A list left out is made by a factory of ours: pydantic reads a default factory's
    signature as it builds the validator, and a builtin's (`list`) is parsed from its text by
    the tokenizer, a few milliseconds of every one-plan check.  Every model of the plan."""
    import pydantic

    import staffing.plan.model as model

    builtins_made = [
        f"{cls.__name__}.{name}"
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel) and cls.__module__ == model.__name__
        for name, info in cls.model_fields.items()
        if info.default_factory in (list, dict, set, tuple)
    ]
    assert builtins_made == []
