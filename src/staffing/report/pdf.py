"""The review report as PDF, through WeasyPrint (CSS paged media; fonts found through
fontconfig and embedded, subset, in the file)."""

from __future__ import annotations

from staffing.errors import InputProblem, problem


def report_pdf(html: str) -> bytes:
    """PDF bytes of the report page.  Raises InputProblem (one message) when WeasyPrint or
    the Pango library it needs is missing, or when it fails."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango's shared library not found
        raise problem("<report>", "report.no-pdf-engine", reason=f"{type(exc).__name__}: {exc}"[:300]) from None
    try:
        # base_url is None: the page refers to nothing outside itself, so nothing is fetched
        document = weasyprint.HTML(string=html, base_url=None).render()
        data = document.write_pdf()
    except InputProblem:
        raise
    except Exception as exc:  # a WeasyPrint failure is one message, not a traceback
        raise problem("<report>", "report.pdf-failed", reason=f"{type(exc).__name__}: {exc}"[:300]) from None
    assert isinstance(data, bytes)
    return data
