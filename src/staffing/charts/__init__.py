"""Org charts: DOT generated from the plan and its findings, drawn by Graphviz."""

# The sheets a chart can be fitted to (`staffing.charts.paper`), here so that the command
# line can offer them without importing the drawing code.
PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}  # mm, portrait
ORIENTATIONS = ("landscape", "portrait")
