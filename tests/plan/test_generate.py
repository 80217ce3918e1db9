"""The generator: deterministic for a seed, and what it writes is valid plans."""

from __future__ import annotations

import hashlib
from pathlib import Path

from staffing.cli.main import main
from staffing.plan.generate import corpus, write
from staffing.run.engine import check_file


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(root.rglob("*.yaml")):
        h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    write(str(tmp_path / "a"), 40, 7)
    write(str(tmp_path / "b"), 40, 7)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    write(str(tmp_path / "c"), 40, 8)
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_layout_and_size() -> None:
    files = corpus(60, 1)
    plans = [(p, t) for p, t in files if not p.endswith("_county.yaml")]
    counties = [p for p, _ in files if p.endswith("_county.yaml")]
    assert len(plans) == 60 and counties
    for path, text in plans:
        parts = path.split("/")
        assert parts[0] == "orgs" and len(parts) == 5 and path.endswith(".yaml")
        assert 5_000 < len(text.encode()) < 14_000
    assert len({p for p, _ in plans}) == 60


def test_generated_plans_load_and_validate(tmp_path: Path) -> None:
    write(str(tmp_path), 60, 3)
    statuses = []
    for f in sorted((tmp_path / "orgs").rglob("*.yaml")):
        if f.name.startswith("_"):
            continue
        r = check_file(str(f))
        assert r.error is None, (f, r.error)
        assert r.plan is not None and 7 <= len(r.plan.bodies) <= 11
        statuses.append(bool(r.findings))
    # a realistic share of plans has something to find, most pass
    assert 0.05 <= sum(statuses) / len(statuses) <= 0.5


def test_generate_command(tmp_path: Path) -> None:
    assert main(["generate", "--towns", "12", "--seed", "2", str(tmp_path)]) == 0
    assert len([f for f in (tmp_path / "orgs").rglob("*.yaml") if not f.name.startswith("_")]) == 12
