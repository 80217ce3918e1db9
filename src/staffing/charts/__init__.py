"""Org charts: DOT generated from the plan and its findings, drawn by Graphviz."""
