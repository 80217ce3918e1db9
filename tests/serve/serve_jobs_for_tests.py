"""Jobs for the worker pool's own test (tests/serve/test_serve.py): one with a bug, one that works."""

from __future__ import annotations


def boom(payload: object) -> int:
    return 1 // 0


def echo(payload: int) -> int:
    return payload * 2


JOBS = {"boom": boom, "echo": echo}
