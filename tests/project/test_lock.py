"""The lock files agree with pyproject.toml: every range there is pinned here by a version
it allows, every pin has hashes, and the test lock keeps the run lock's pins.  When one of
these fails, refresh the lock on purpose: `bash scripts/lock.sh` (see the README)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def read_lock(name: str) -> dict[str, list[tuple[str, str | None, int, list[str]]]]:
    """name -> [(version, marker, number of hashes, via)] (a package can be pinned per marker)."""
    pins: dict[str, list[tuple[str, str | None, int, list[str]]]] = {}
    current: list | None = None
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    for line in lines:
        m = PIN.match(line)
        if m:
            entry = [m.group(2), m.group(3), 0, []]
            pins.setdefault(canonicalize_name(m.group(1)), []).append(entry)  # type: ignore[arg-type]
            current = entry
        elif current is not None and line.strip().startswith("--hash=sha256:"):
            current[2] += 1
        elif current is not None and line.strip().startswith("#"):
            via = line.strip().lstrip("#").strip()
            via = via.removeprefix("via").strip()
            if via:
                current[3].append(via)
    return {k: [tuple(e) for e in v] for k, v in pins.items()}  # type: ignore[misc]


RUN = read_lock("requirements.lock")
TEST = read_lock("requirements-test.lock")


def applies(marker: str | None, python: str) -> bool:
    if marker is None:
        return True
    return Marker(marker).evaluate({"python_full_version": python, "python_version": python.rsplit(".", 1)[0],
                                    "sys_platform": "linux", "platform_system": "Linux",
                                    "platform_python_implementation": "CPython",
                                    "implementation_name": "cpython"})


def build_requirements() -> list[str]:
    text = (ROOT / "requirements-build.in").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def test_build_input_names_the_build_backend() -> None:
    assert set(PYPROJECT["build-system"]["requires"]) <= set(build_requirements())


@pytest.mark.parametrize(("lock", "requirements"), [
    ("requirements.lock", PYPROJECT["project"]["dependencies"] + build_requirements()),
    ("requirements-test.lock", PYPROJECT["project"]["dependencies"] + build_requirements()
     + PYPROJECT["project"]["optional-dependencies"]["test"]
     + PYPROJECT["project"]["optional-dependencies"]["bench"]),
])
@pytest.mark.parametrize("python", ["3.11.7", "3.12.3", "3.13.1"])
def test_every_range_is_pinned_by_an_allowed_version(lock: str, requirements: list[str], python: str) -> None:
    pins = read_lock(lock)
    for text in requirements:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in {lock}: run bash scripts/lock.sh"
        versions = [v for v, marker, _, _ in pins[name] if applies(marker, python)]
        assert versions, f"{lock} pins {req.name} for no Python {python}"
        for v in versions:
            assert req.specifier.contains(v, prereleases=True), \
                f"{lock} pins {req.name}=={v}, outside {req.specifier} in pyproject.toml: run bash scripts/lock.sh"


def test_test_tools_only_in_the_test_lock() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    for text in extras["test"] + extras["bench"]:
        name = canonicalize_name(Requirement(text).name)
        if name not in {canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]["dependencies"]}:
            assert name not in RUN, f"{name} is a test tool but requirements.lock installs it"


def test_test_lock_keeps_the_run_pins() -> None:
    for name, entries in RUN.items():
        assert name in TEST, f"{name} is in requirements.lock but not in requirements-test.lock"
        assert {e[:2] for e in entries} == {e[:2] for e in TEST[name]}, name


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-test.lock"])
def test_every_pin_has_hashes_and_a_reason(lock: str) -> None:
    pins = read_lock(lock)
    names = set(pins)
    for name, entries in pins.items():
        for version, _, hashes, via in entries:
            assert hashes >= 1, f"{name}=={version} in {lock} has no hash"
            assert via, f"{name}=={version} in {lock} says nothing of why it is there"
            # A package kept only for one that left the lock is stale.
            parents = {canonicalize_name(v.split()[0]) for v in via if not v.startswith("-")
                       and "pyproject.toml" not in v}
            assert not parents or parents & names, f"{name} in {lock} is there only for {parents}"


def test_install_script_installs_from_the_locks() -> None:
    script = (ROOT / "scripts" / "install.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in script and "requirements.lock" in script and "requirements-test.lock" in script
    assert "-e '.[test]'" not in script
