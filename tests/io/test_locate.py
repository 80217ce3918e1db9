"""Places read off the text (`io.locate`) are the reference loader's marks, or none at all.

A plan the fast path read gets the line and column of its findings from `block_marks`
instead of a second, full parse; it must give exactly what the reference loader records
for every value and key, or give up (None) and leave it to the reference."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from staffing.io import fastload
from staffing.io.load import load_text
from staffing.io.locate import Places, block_marks
from staffing.plan.generate import write

needs_yaml_rs = pytest.mark.skipif(fastload._yaml_rs is None, reason="yaml-rs is not installed: no fast path")


def same_or_none(text: str) -> bool:
    """True when the locator read the text (and then equal to the reference); False when it
    gave up.  Fails on a wrong place."""
    data = fastload.fast_data(text)
    assert data is not None, "not a fast-path text"
    found = block_marks(text, data)
    if found is None:
        return False
    ref = load_text("x.yaml", text)
    assert found[0] == ref.marks
    assert found[1] == ref.key_marks
    places_agree(text, data, ref)
    return True


def places_agree(text: str, data: object, ref: object) -> None:
    """Walking down to one value (`Places`) gives what the reference's tables give, for
    every value and key of the text and for paths that go past what it holds."""
    places = Places(text, data)
    probes = set(ref.marks) | set(ref.key_marks)  # type: ignore[attr-defined]
    probes |= {loc + ("missing",) for loc in list(probes)[:50]} | {loc + (99,) for loc in list(probes)[:50]}
    for loc in sorted(probes, key=repr):
        for key in (False, True):
            assert places.place(loc, key) == ref.locate(loc, key), (loc, key)  # type: ignore[attr-defined]


@needs_yaml_rs
def test_generated_plans_and_county_files(tmp_path: Path) -> None:
    write(str(tmp_path), 60, 7)
    files = sorted(tmp_path.rglob("*.yaml"))
    read = [same_or_none(f.read_text(encoding="utf-8")) for f in files]
    assert len(files) > 60 and all(read)  # the generator's YAML is all within what it reads


# (text, whether the locator reads it itself)
SNIPPETS = [
    ("a: 1\nb: x\n", True),
    ("a:\n  b: 1\n  c:\n    - x\n    - y\n", True),
    ("a:\n- x\n- y\nb: 2\n", True),  # an indentless sequence, then the next key
    ("a:\n  - b: 1\n    c: 2\n  - b: 3\n", True),  # mappings in a sequence, "- key" compact
    ("a:\n- - x\n  - y\n- z\n", True),  # a sequence in a sequence on one line
    ("a:\nb: 1\n", True),  # an empty value: just after its ":"
    ("a:   \nb:\n", True),
    ("a:\n  -\n  - x\n", True),  # an empty item: just after its "-"
    ("a: x   # comment\n# full line\n  # indented comment\nb: 'y' #c\n", True),
    ("'a b': 1\n\"c\": 2\n'it''s': 3\n", True),  # quoted keys
    ("a: 'x: y, z'\nb: \"p # q\"\n", True),  # quoted values with indicators inside
    ("名称: 张浦镇\n机构:\n  - 名称: 党政办公室\n    编制: {行政: 3, 事业: 2}\n", True),  # columns in characters
    ("a: {b: 1, c: [x, 'y, z', {d: e}], f: \"g\"}\n", True),
    ("a: []\nb: {}\nc: [ ]\n", True),
    ("a: [x, y, ]\n", True),
    ("a: 1\r\nb:\r\n  c: 2\r\n", True),  # CRLF
    ("\n\n# top comment\n\na:\n\n  b: 1\n\n", True),  # blank lines and comments around
    ("a: b c d\n", True),
    ("a: x#y\n", True),  # "#" not after a space is text
    ("a: http://example.org/x\n", True),
    ("a: [a b, c d]\n", True),
    ("- a\n- b\n", False),  # not a mapping at the top: the fast path refuses it first
    ("a: {b: x:y}\n", False),
    ("a: [x #c\n]\n", False),
]


@needs_yaml_rs
@pytest.mark.parametrize(("text", "reads"), SNIPPETS)
def test_snippets(text: str, reads: bool) -> None:
    data = fastload.fast_data(text)
    if data is None:
        assert not reads, "expected to take the fast path"
        return
    assert same_or_none(text) == reads
    ref = load_text("x.yaml", text)
    places = Places(text, data)
    for loc in set(ref.marks) | set(ref.key_marks):  # where the tables give up, walking gives up or agrees
        for key in (False, True):
            assert places.place(loc, key) in (None, ref.locate(loc, key)), (loc, key)


@needs_yaml_rs
def test_a_lazy_document_places_findings_without_the_reference() -> None:
    plan = "town:\n  name: 甲镇\nbodies:\n  - name: 党政办公室\n    quotas: {administrative: 3}\n"
    doc = fastload.LazyDocument("x.yaml", fastload.fast_data(plan), plan, fastload.DEFAULT_LIMITS)
    assert doc.locate(("bodies", 0, "quotas", "administrative")) == (5, 30)
    assert doc.locate(("bodies", 0, "name"), key=True) == (4, 5)
    assert doc._ref is None and doc._marks is None  # no second parse, no table of every place


def test_a_quota_type_written_by_its_chinese_name_is_placed_where_it_stands() -> None:
    """行政编制 in the file is `administrative` to the checks: the walk finds it where the
    reference loader does, not at the mapping above it."""
    text = "town: x\nquotas:\n  行政编制: 5\n  service: 2\n"
    places = Places(text, yaml.safe_load(text))
    ref = load_text("x.yaml", text)
    loc = ("quotas", "administrative")
    assert places.place(loc) == ref.locate(loc) == (3, 9)
    assert places.place(loc, True) == ref.locate(loc, True) == (3, 3)
