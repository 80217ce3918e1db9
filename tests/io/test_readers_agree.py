"""The fast reader reads exactly what the reference reader reads, or hands the file over.

A differential fuzz (tests/io/reader_fuzz.py: generated and mutated documents, one fixed
seed, a few seconds at most) and the disagreements it has found, kept as examples."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader_fuzz
from staffing.errors import InputProblem
from staffing.io import fastload
from staffing.io.load import load_text

needs_yaml_rs = pytest.mark.skipif(fastload._yaml_rs is None, reason="yaml-rs is not installed: no fast path")

# Each of these once read differently on the two paths.
FOUND = [
    "actual: _5\n",  # yaml-rs 5, YAML 1.1 the text "_5"
    "actual: -_5\n",
    "actual: 1_E2\n",  # yaml-rs 100.0
    "a: " + "9" * 31 + "\n",  # over the 30-digit limit: refused by the reference
    "a: [" + "1" * 28 + "007, o]\n",
    "a:\n  b: " + "1" * 31 + "\n",
    "a:\n  - : x\n",  # a key left out: yaml-rs null, libyaml refuses
    "a: {: x}\n",
    "a: {:x}\n",
    ": x\n",
    "a: {null: x}\n",  # yaml-rs None, the reference the text "null"
    "a:\n  ~: x\n",
    "a:\n  1: x\n",  # the reference makes every key text
    "a: {e:, l}\n",  # a flow value left out: YAML 1.2 null, libyaml refuses
    "a: {t: :e}\n",  # a plain scalar starting with ":" in flow
    "a:\n  " + "k" * 201 + ": 1\n",  # a key over the 200-character limit
]


@needs_yaml_rs
@pytest.mark.parametrize("text", FOUND)
def test_found_disagreements_are_handed_over(text: str) -> None:
    try:
        ref = load_text("x.yaml", text).data
    except InputProblem:
        ref = None
    data = fastload.fast_data(text)
    assert data is None or reader_fuzz.typed(data) == reader_fuzz.typed(ref)
    assert reader_fuzz.compare(text) is None


@needs_yaml_rs
@pytest.mark.parametrize("text", ["staffed_24h: true\n", "a: x_1_000\n", "name: 中文_1\n"])
def test_underscores_inside_names_keep_the_fast_path(text: str) -> None:
    assert fastload.fast_data(text) == load_text("x.yaml", text).data


@needs_yaml_rs
def test_differential_fuzz_finds_no_disagreement() -> None:
    tally = reader_fuzz.run(seed=20261129, seconds=4.0, iterations=4000)
    assert tally.disagreements == [], [(d.text, d.fast, d.reference) for d in tally.disagreements or []][:5]
    # the fuzz reaches the fast path often enough to mean something
    assert tally.documents >= 200 and tally.fast >= tally.documents // 50


@needs_yaml_rs
def test_the_fuzz_finds_a_reader_that_does_not_hand_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without its scan the fast reader disagrees, and the fuzz says so."""
    monkeypatch.setattr(fastload, "_risky", lambda text: False)
    tally = reader_fuzz.run(seed=20261129, seconds=2.0, iterations=400)
    assert tally.disagreements


SHIPPED_PACKS = sorted((Path(__file__).resolve().parents[2] / "rules").glob("*.yaml"))


@needs_yaml_rs
@pytest.mark.parametrize("pack", SHIPPED_PACKS, ids=lambda p: p.name)
def test_every_shipped_pack_reads_alike_on_both_paths(pack: Path) -> None:
    """The shipped packs are read by yaml-rs whatever they hold (fastload.load_shipped): the
    same data as the reference reader, and every value and key found at the same line and
    column, from the text alone (no second parse: a run that reads shipped packs only never
    imports PyYAML)."""
    fast = fastload.load_shipped(str(pack))
    ref = load_text(str(pack), pack.read_text(encoding="utf-8"))
    assert isinstance(fast, fastload.LazyDocument)
    assert fast.data == ref.data
    assert {loc: fast.locate(loc) for loc in ref.marks} == ref.marks
    assert {loc: fast.locate(loc, key=True) for loc in ref.key_marks} == ref.key_marks
    assert fast._ref is None and fast._marks is None  # each found by walking the text


def test_a_shipped_file_yaml_rs_refuses_is_read_by_the_reference(tmp_path: Path) -> None:
    bad = tmp_path / "pack.yaml"
    bad.write_text("id: x\nid: y\n", encoding="utf-8")  # a repeated key
    with pytest.raises(InputProblem) as exc:
        fastload.load_shipped(str(bad))
    assert exc.value.key == "input.duplicate-key"
