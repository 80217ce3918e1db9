"""A rule pack as data: its parameters, each with the seed and phrase it rests on, and the
vocabulary (roles, ranks, titles) the checks use.  Loading, merging and resolving packs is
`staffing.packs.load`; this module holds only what the checks read, so the checks need not
know how packs are loaded."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from staffing.findings import Severity
from staffing.plan.names import normalize

if TYPE_CHECKING:
    from staffing.checks.base import Check


@dataclass(frozen=True)
class Param:
    value: Any
    source: str | None
    inferred: bool
    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Loosening:
    slug: str
    option: str
    parent_pack: str
    parent_value: Any
    value: Any
    file: str
    line: int
    column: int


@dataclass
class CheckSetting:
    enabled: bool = True
    severity: Severity | None = None
    params: dict[str, Param] = field(default_factory=dict)


@dataclass
class Pack:
    id: str
    title: dict[str, str]
    jurisdiction: dict[str, str]
    effective: _dt.date | None
    extends: str | None
    applies_to: list[str]
    inferred: list[dict[str, str]]
    roles: dict[str, dict[str, Any]]
    ranks: list[str]
    titles: dict[str, list[str]]
    checks: dict[str, CheckSetting]
    file: str
    chain: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # every file of the extends chain, root first
    loosened: list[Loosening] = field(default_factory=list)
    _role_index: dict[str, str] = field(default_factory=dict)
    # per-process memo of derived values (validated options, the checks a run uses);
    # a pack is not changed after `resolve` builds it
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def role_for_name(self, name: str) -> str | None:
        if not self._role_index:
            for role, info in self.roles.items():
                for alias in [info.get("zh", ""), *info.get("aliases", [])]:
                    if alias:
                        self._role_index.setdefault(normalize(alias), role)
        return self._role_index.get(normalize(name))

    def role_label(self, role: str, lang: str) -> str:
        info = self.roles.get(role, {})
        return str(info.get(lang) or info.get("zh") or role)

    @property
    def mandatory_roles(self) -> frozenset[str]:
        setting = self.checks.get("missing-mandatory-body")
        if setting and setting.enabled and "roles" in setting.params:
            return frozenset(setting.params["roles"].value or ())
        return frozenset()

    def setting(self, check: type[Check]) -> CheckSetting | None:
        return self.checks.get(check.slug)

    def options(self, check: type[Check]) -> Any:
        """The check's options, validated once per pack (options models are frozen)."""
        key = ("options", check)
        opts = self._memo.get(key)
        if opts is None:
            setting = self.checks.get(check.slug)
            values = {k: p.value for k, p in (setting.params.items() if setting else ())}
            opts = self._memo[key] = check.options.model_validate(values)
        return opts

    def source(self, slug: str, option: str | None) -> str | None:
        setting = self.checks.get(slug)
        if setting is None:
            return None
        params = [setting.params[option]] if option and option in setting.params else list(setting.params.values())
        for p in params:
            if p.source:
                return p.source + (" (inferred)" if p.inferred else "")
        return None
