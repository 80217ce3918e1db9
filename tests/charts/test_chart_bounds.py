"""Charts bounded (issues 17 and 27): dot stopped past its time and memory, each chart
failing alone (a link in the charts folder, a PNG past its pixels), no PNG decoded, and one
chart bounded as a whole.  Images need Graphviz (skipped without it)."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from staffing.cli import main as cli

from conftest import (
    GOOD,
    ORGS,
)

XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"
ZHANGPU = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"


# ---- dot under bounds --------------------------------------------------------------------------


def _chart_dot() -> str:
    from staffing.cli.render import chart_for
    from staffing.run.engine import check_file

    return chart_for(check_file(str(GOOD)), "zh", "sans")


def test_dot_that_runs_too_long_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    from staffing.charts import render as charts

    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(charts, "DOT_SECONDS", 1)
    start = time.monotonic()
    with pytest.raises(charts.RenderError) as exc:
        charts.render(_chart_dot(), tmp_path / "out.svg")
    assert time.monotonic() - start < 10
    assert exc.value.key == "render.dot-timeout" and "1" in exc.value.words.en
    assert not (tmp_path / "out.svg").exists()


def test_dot_runs_with_bounded_memory_and_a_killed_dot_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from staffing.charts import render as charts

    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\ncat > /dev/null\nulimit -v\n", encoding="utf-8")  # prints its own bound (KB)
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    charts.render(_chart_dot(), tmp_path / "limit.svg")
    assert (tmp_path / "limit.svg").read_text().strip() == str(charts.DOT_MEMORY // 1024)
    # killed for memory (as the kernel or the bound ends it): one message, no file
    fake.write_text("#!/bin/sh\ncat > /dev/null\nkill -9 $$\n", encoding="utf-8")
    with pytest.raises(charts.RenderError) as exc:
        charts.render(_chart_dot(), tmp_path / "out.svg")
    assert exc.value.key == "render.dot-too-big"
    assert not (tmp_path / "out.svg").exists()
    # stopped by the bound inside dot's own parser (as a 5,000-body chart is): the same message
    fake.write_text("#!/bin/sh\ncat > /dev/null\necho \"Error: <stdin>: memory exhausted in line 3\" >&2\nexit 1\n",
                    encoding="utf-8")
    with pytest.raises(charts.RenderError) as exc:
        charts.render(_chart_dot(), tmp_path / "out.svg")
    assert exc.value.key == "render.dot-too-big" and "2048 MB" in exc.value.words.en


# ---- charts: each fails alone, none decoded, the whole chart bounded ----------------------------

HAS_DOT = shutil.which("dot") is not None

needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz `dot` is not installed (bash scripts/install.sh)")


def _two_plans(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.yaml").write_bytes(XINQIAO.read_bytes())
    (plans / "b.yaml").write_bytes(ZHANGPU.read_bytes())
    return plans


def _charts(plans: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check", str(plans), "--no-cache", "--jobs", "1", "--charts", str(out)])
    _, err = capsys.readouterr()
    assert "Traceback" not in err and "Warning" not in err and "warnings.warn" not in err
    return code, err


@needs_dot
@pytest.mark.parametrize("pixels", [30_000, 300_000])  # a warning past 1x, an error past 2x
def test_a_png_is_never_decoded_so_no_bomb_stops_the_charts(pixels: int, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", pixels)  # as a 1,000-body chart meets the real bound
    out = tmp_path / "charts"
    code, err = _charts(_two_plans(tmp_path), out, capsys)
    assert code in (0, 1), err
    assert sorted(p.suffix for p in out.iterdir()) == [".png", ".png", ".svg", ".svg"], err
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    with Image.open(next(out.glob("*.png"))) as img:  # a PNG that says its dpi
        img.load()
        assert round(img.info["dpi"][0]) == 150


@needs_dot
def test_a_png_past_its_pixels_is_said_and_the_rest_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.charts import render as charts

    monkeypatch.setattr(charts, "PNG_MAX_PIXELS", 1_000_000)
    out = tmp_path / "charts"
    code, err = _charts(_two_plans(tmp_path), out, capsys)
    assert code == 2
    assert len(re.findall(r"组织图的 PNG 将有\d+×\d+像素，超过上限1000000像素，未生成 PNG；请使用 SVG 文件", err)) == 2
    assert sorted(p.suffix for p in out.iterdir()) == [".svg", ".svg"]


@needs_dot
def test_a_link_in_the_charts_folder_fails_that_chart_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "charts"
    out.mkdir()
    victim = tmp_path / "victim.svg"
    victim.write_text("keep")
    (out / "321282104000-新桥镇.svg").symlink_to(victim)  # outside the folder
    (out / "321282104000-新桥镇.png").symlink_to(out / "inside.png")  # inside it: not followed either
    code, err = _charts(_two_plans(tmp_path), out, capsys)
    assert code == 2
    assert err.count("是符号链接，不予覆盖，本图未生成") == 2
    assert victim.read_text() == "keep" and not (out / "inside.png").exists()
    assert (out / "320583106000-张浦镇.svg").is_file() and (out / "320583106000-张浦镇.png").is_file()


@needs_dot
def test_one_chart_is_bounded_as_a_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.charts import render as charts

    real = shutil.which("dot")
    slow = tmp_path / "bin" / "dot"
    slow.parent.mkdir()
    # each run takes its time: two (a layout, the drawing) take more than the chart may
    slow.write_text(f'#!/bin/sh\nsleep 0.9\nexec "{real}" "$@"\n', encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setenv("PATH", f"{slow.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(charts, "CHART_SECONDS", 1.5)
    out = tmp_path / "chart.svg"
    started = time.monotonic()
    assert cli.main(["render", str(ZHANGPU), "-o", str(out)]) == 2
    _, err = capsys.readouterr()
    assert time.monotonic() - started < 10
    assert "绘制这张组织图（dot 多次排版并生成图片）超过1.5秒，已停止" in err
    assert not out.exists()
