"""The roll-up after a run over many plans, as text (the JSON reporter writes the same
figures under "rollup"): plans passed and failed, findings per check, per province, and
the counties with most findings.  The figures come from `staffing.run.batch.rollup`."""

from __future__ import annotations

from typing import Any

from staffing.messages import check_name, render


def rollup_text(data: dict[str, Any], lang: str, top: int = 20) -> str:
    def t(key: str, **params: Any) -> str:
        return render(f"rollup.{key}", lang, params)

    out = ["", t("title"), t("headline", **{k: data[k] for k in (
        "plans", "passed", "failed", "incomplete", "unusable", "county_files", "county_files_failed")})]
    if data["findings_per_check"]:
        out.append(t("per-check"))
        for row in data["findings_per_check"]:
            name = check_name(row["code"], row["slug"], lang)
            unknown = row.get("unknown", 0)
            out.append("  " + t("check-row-unknown" if unknown else "check-row", code=row["code"], name=name,
                                count=row["count"], unknown=unknown))
    out.append(t("per-province"))
    for row in data["per_province"]:
        out.append(f"  {row['province']}：" + t("row", plans=row["plans"], failed=row["failed"], findings=row["findings"],
                                                  unknown=row.get("unknown", 0)))
    rows = sorted(data["per_county"], key=lambda r: (-r["findings"], r["province"], r["city"], r["county"]))
    shown = [r for r in rows if r["findings"]][:top]
    if shown:
        out.append(t("top-counties", shown=len(shown), total=len(rows)))
        for row in shown:
            out.append(f"  {row['province']}{row['city']}{row['county']}：" + t(
                "row", plans=row["plans"], failed=row["failed"], findings=row["findings"], unknown=row.get("unknown", 0)))
    return "\n".join(out) + "\n"
