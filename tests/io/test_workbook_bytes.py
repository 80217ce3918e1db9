"""A workbook the tool writes (the template, a converted plan, the summary) is the same bytes
every time for the same input: no clock in its properties or its zip."""

from __future__ import annotations

import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ORGS, STAFFING

ZHANGPU = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"


@pytest.mark.parametrize("args", [
    ["template"],
    ["convert", str(ZHANGPU)],
    ["check", str(ORGS), "--output", "xlsx={out}"],
], ids=["template", "convert", "summary"])
def test_the_same_workbook_twice_is_the_same_bytes(args: list[str], tmp_path: Path) -> None:
    made: list[bytes] = []
    for n in range(2):
        out = tmp_path / f"{n}.xlsx"
        argv = [a.format(out=out) for a in args] + ([] if "{out}" in " ".join(args) else ["-o", str(out)])
        done = subprocess.run([str(STAFFING), *argv], capture_output=True, text=True, check=False)
        assert done.returncode in (0, 1), done.stderr
        made.append(out.read_bytes())
        time.sleep(1.1)  # the clock moves on between the two
    assert made[0] == made[1]
    with zipfile.ZipFile(tmp_path / "0.xlsx") as archive:
        assert b"2000-01-01T00:00:00Z" in archive.read("docProps/core.xml")
        assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_source_date_epoch_sets_the_time(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    subprocess.run([str(STAFFING), "template", "-o", str(out)], check=True, capture_output=True,
                   env={"SOURCE_DATE_EPOCH": "1735689600", "PATH": "/usr/bin:/bin"})
    with zipfile.ZipFile(out) as archive:
        assert b"2025-01-01T00:00:00Z" in archive.read("docProps/core.xml")


@pytest.mark.parametrize("epoch", ["4354819200", "99999999999999999999999"])  # past what a zip, then a date, can say
def test_a_source_date_epoch_out_of_range_is_no_internal_error(epoch: str, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    done = subprocess.run([str(STAFFING), "template", "-o", str(out)], capture_output=True, text=True,
                          env={"SOURCE_DATE_EPOCH": epoch, "PATH": "/usr/bin:/bin"}, check=False)
    assert done.returncode == 0 and "内部错误" not in done.stderr, done.stderr
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
