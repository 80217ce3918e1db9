"""The review report as PDF, through WeasyPrint (CSS paged media; fonts found through
fontconfig and embedded, subset, in the file).

WeasyPrint runs in a child process, within REPORT_SECONDS and REPORT_MEMORY of address
space, as `dot` does for a chart (`PdfEngine`: `staffing report` starts it before checking,
so that loading WeasyPrint overlaps the checks): a report it cannot lay out in that time or memory is one
message, never a run that takes the machine.  The child reads the page on stdin and writes
the PDF on stdout; `python -m staffing.report.pdf` is that child."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from staffing.errors import problem

# Bounds on making one PDF (the page is built first, within the report's own bounds on
# plans and bodies: staffing.report.build).  Measured in docs/guarantees.md.
REPORT_SECONDS: float = 300
REPORT_MEMORY = 4 * 2**30  # address space, bytes

_NO_ENGINE = 3  # the child's exit codes
_FAILED = 4


class PdfEngine:
    """The child that makes one PDF, started before the page is ready: it loads WeasyPrint
    and its fonts (about a second) while this process checks the plans and draws the charts,
    on the other core.  REPORT_SECONDS counts from the moment the page is handed over
    (`make`); a child not given a page is stopped when the engine is closed."""

    def __init__(self) -> None:
        memory = REPORT_MEMORY
        self._proc: subprocess.Popen[bytes] | None = None
        try:
            self._proc = subprocess.Popen([sys.executable, "-m", "staffing.report.pdf"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          preexec_fn=lambda: _bound_memory(memory))
        except OSError as exc:
            self._failed = f"{type(exc).__name__}: {exc}"[:300]

    def __enter__(self) -> PdfEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.communicate()

    def make(self, html: str) -> bytes:
        """PDF bytes of the report page.  Raises InputProblem (one message) when WeasyPrint or
        the Pango library it needs is missing, when it fails, or when it needs more than
        REPORT_SECONDS or REPORT_MEMORY."""
        proc, seconds, memory = self._proc, REPORT_SECONDS, REPORT_MEMORY
        if proc is None:
            raise problem("<report>", "report.pdf-failed", reason=getattr(self, "_failed", "?"))
        try:
            out, err = proc.communicate(html.encode("utf-8"), timeout=seconds)
        except subprocess.TimeoutExpired:
            self.close()
            raise problem("<report>", "report.pdf-timeout", seconds=seconds) from None
        finally:
            self._proc = None if proc.poll() is not None else proc
        said = err.decode("utf-8", "replace").strip()
        if proc.returncode == 0 and out.startswith(b"%PDF"):
            return out
        if proc.returncode == _NO_ENGINE:
            raise problem("<report>", "report.no-pdf-engine", reason=said[-300:])
        if proc.returncode < 0 or "MemoryError" in said or "Cannot allocate" in said:
            raise problem("<report>", "report.pdf-too-big", megabytes=memory // 2**20)
        raise problem("<report>", "report.pdf-failed", reason=said.splitlines()[-1][:300] if said else "?")


# The engine the command line started before reading its arguments (`early_engine`), until
# `staffing report` takes it (`report_engine`).
_early: list[PdfEngine] = []


@contextmanager
def early_engine() -> Iterator[None]:
    """Around a command line that asks for a PDF report: its engine started first, before the
    command's own imports and the reading of its arguments (about 0.1 s), since loading
    WeasyPrint in the child takes longer than all the parent does before it has the page.
    Stopped at the end if the report never took it (wrong arguments, --help)."""
    engine = PdfEngine()
    _early.append(engine)
    try:
        yield
    finally:
        if engine in _early:
            _early.remove(engine)
        engine.close()


def report_engine() -> PdfEngine:
    """The engine for `staffing report`: the one started with the command line, else a new one."""
    return _early.pop() if _early else PdfEngine()


def report_pdf(html: str) -> bytes:
    """PDF bytes of the report page, from a child started for it (`PdfEngine.make`)."""
    with PdfEngine() as engine:
        return engine.make(html)


def _bound_memory(memory: int) -> None:  # pragma: no cover - runs in the child, before exec
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass


@contextmanager
def _libraries_from_linker_cache() -> Iterator[None]:
    """Inside: `ctypes.util.find_library` answers from the dynamic linker's cache alone
    (`ldconfig -p`, what it asks first on Linux).  WeasyPrint tries several names for each
    library it loads (Pango, HarfBuzz, fontconfig...), most of them spelt for other systems;
    find_library looks for each name the cache does not know by running gcc and ld, 10-30 ms
    a name, 16 names: 0.2 s of the child's start and 0.1 s of CPU besides, on the cores the
    parent is using.  The names the cache knows are answered as before, and names with a path
    or a version (libpango-1.0.so.0) still go to the dynamic linker as they are."""
    import ctypes.util

    cached = getattr(ctypes.util, "_findSoname_ldconfig", None)  # Linux only
    stock = ctypes.util.find_library
    if cached is not None and sys.platform.startswith("linux"):
        ctypes.util.find_library = cached
    try:
        yield
    finally:
        ctypes.util.find_library = stock


def _load_engine() -> Any:
    """WeasyPrint's fonts (`FontConfiguration`), WeasyPrint and what writing a PDF imports (the
    font subsetter among it) loaded with them; its SVG text drawn a line at a time
    (`svg_text`)."""
    import weasyprint.pdf  # noqa: F401 - loaded now, not while the page waits
    from weasyprint.text.fonts import FontConfiguration

    from staffing.report.svg_text import lay_out_lines_whole

    lay_out_lines_whole()  # a chart's text a line at a time (see there)
    return FontConfiguration()


def _engine() -> Any:
    """`_load_engine`, its libraries found through the linker's cache; where they are not found
    that way (installed out of the cache's sight), the ordinary way."""
    import io
    from contextlib import redirect_stdout

    try:
        # what WeasyPrint prints when a library is missing is not the PDF, which goes to stdout
        with _libraries_from_linker_cache(), redirect_stdout(io.StringIO()):
            return _load_engine()
    except OSError:
        return _load_engine()


def _child() -> int:  # pragma: no cover - runs in the child process
    import gc

    # WeasyPrint and the fonts first, while the parent is still making the page.  Without the
    # cycle collector meanwhile: importing makes objects but no garbage, and the collector
    # walked them over and over (about 0.02 s of CPU); then they are frozen, out of its way.
    gc.disable()
    try:
        fonts = _engine()
        import weasyprint  # loaded by _engine
    except (ImportError, OSError) as exc:  # OSError: Pango's shared library not found
        print(f"{type(exc).__name__}: {exc}"[:300], file=sys.stderr)
        return _NO_ENGINE
    finally:
        gc.freeze()
        gc.enable()
    html = sys.stdin.buffer.read().decode("utf-8")
    if not html:
        return _FAILED  # the parent closed the pipe without a page: nothing to make
    try:
        # base_url is None: the page refers to nothing outside itself, so nothing is fetched
        data = weasyprint.HTML(string=html, base_url=None).render(font_config=fonts).write_pdf()
    except MemoryError:
        print("MemoryError", file=sys.stderr)
        return _FAILED
    except Exception as exc:  # a WeasyPrint failure is one message, not a traceback
        print(f"{type(exc).__name__}: {exc}"[:300], file=sys.stderr)
        return _FAILED
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":  # pragma: no cover
    # Out without the interpreter's teardown (freeing WeasyPrint's boxes, fonts and modules one by
    # one, about 0.08 s): the parent waits for this process to end before it writes the PDF.
    code = _child()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
