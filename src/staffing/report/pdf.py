"""The review report as PDF, through WeasyPrint (CSS paged media; fonts found through
fontconfig and embedded, subset, in the file).

WeasyPrint runs in a child process, within REPORT_SECONDS and REPORT_MEMORY of address
space, as `dot` does for a chart: a report it cannot lay out in that time or memory is one
message, never a run that takes the machine.  The child reads the page on stdin and writes
the PDF on stdout; `python -m staffing.report.pdf` is that child."""

from __future__ import annotations

import subprocess
import sys

from staffing.errors import problem

# Bounds on making one PDF (the page is built first, within the report's own bounds on
# plans and bodies: staffing.report.build).  Measured in docs/guarantees.md.
REPORT_SECONDS: float = 300
REPORT_MEMORY = 4 * 2**30  # address space, bytes

_NO_ENGINE = 3  # the child's exit codes
_FAILED = 4


def report_pdf(html: str) -> bytes:
    """PDF bytes of the report page.  Raises InputProblem (one message) when WeasyPrint or
    the Pango library it needs is missing, when it fails, or when it needs more than
    REPORT_SECONDS or REPORT_MEMORY."""
    seconds, memory = REPORT_SECONDS, REPORT_MEMORY
    try:
        done = subprocess.run([sys.executable, "-m", "staffing.report.pdf"], input=html.encode("utf-8"),
                              capture_output=True, timeout=seconds, check=False,
                              preexec_fn=lambda: _bound_memory(memory))
    except subprocess.TimeoutExpired:  # subprocess.run has killed it
        raise problem("<report>", "report.pdf-timeout", seconds=seconds) from None
    except OSError as exc:
        raise problem("<report>", "report.pdf-failed", reason=f"{type(exc).__name__}: {exc}"[:300]) from None
    said = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode == 0 and done.stdout.startswith(b"%PDF"):
        return done.stdout
    if done.returncode == _NO_ENGINE:
        raise problem("<report>", "report.no-pdf-engine", reason=said[-300:])
    if done.returncode < 0 or "MemoryError" in said or "Cannot allocate" in said:
        raise problem("<report>", "report.pdf-too-big", megabytes=memory // 2**20)
    raise problem("<report>", "report.pdf-failed", reason=said.splitlines()[-1][:300] if said else "?")


def _bound_memory(memory: int) -> None:  # pragma: no cover - runs in the child, before exec
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass


def _child() -> int:  # pragma: no cover - runs in the child process
    html = sys.stdin.buffer.read().decode("utf-8")
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango's shared library not found
        print(f"{type(exc).__name__}: {exc}"[:300], file=sys.stderr)
        return _NO_ENGINE
    try:
        # base_url is None: the page refers to nothing outside itself, so nothing is fetched
        data = weasyprint.HTML(string=html, base_url=None).render().write_pdf()
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
    sys.exit(_child())
