"""Words of `staffing diff`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # ---- diff (staffing.run.diff, staffing.reporters.diff) -------------------------------------------------------------
    "diff.header": ("比较“{old}”与“{new}”（{town}）", "comparing {old} → {new} ({town})"),
    "diff.bodies": ("机构", "bodies"),
    "diff.added": ("新增：{name}", "added: {name}"),
    "diff.removed": ("撤销：{name}", "removed: {name}"),
    "diff.renamed": ("更名：{old} → {new}（{by}）", "renamed: {old} → {new} ({by})"),
    "diff.by.role": ("按职能角色匹配", "matched by role"),
    "diff.by.merged_from": ("按合并来源匹配", "matched by merged_from"),
    "diff.merged": ("合并：{names} → {into}", "merged: {names} → {into}"),
    "diff.quotas": ("编制（按类型）", "quotas by type"),
    "diff.total": ("合计", "total"),
    "diff.row": ("{name}：{changes}", "{name}: {changes}"),
    "diff.typed": ("{type}{change}", "{type} {change}"),
    "diff.change.more": ("由{old}增至{new}（增加{delta}名）", "{old} → {new} (+{delta})"),
    "diff.change.less": ("由{old}减至{new}（减少{delta}名）", "{old} → {new} (-{delta})"),
    "diff.change.unknown": ("由{old}变为{new}（增减不明）", "{old} → {new} (?)"),
    "diff.figure": ("{count}名", "{count}"),
    "diff.figure-unknown": ("未知", "?"),
    "diff.posts": ("领导职数", "leadership posts"),
    "diff.units": ("派驻机构", "dispatched units"),
    "diff.unit-added": ("新增：{name}", "added: {name}"),
    "diff.unit-removed": ("撤销：{name}", "removed: {name}"),
    "diff.management": ("{name}：{old} → {new}", "{name}: {old} → {new}"),
    "diff.mgmt.local": ("属地管理", "managed locally"),
    "diff.mgmt.dispatched": ("继续实行派驻", "stays dispatched"),
    "diff.transfers": ("新增编制划转", "transfers added"),
    "diff.transfer": (
        "{source}向{to}划转{type}{count}名，文号{document}",
        "{source} → {to}: {count} {type}, document {document}",
    ),
    "diff.grows.type": (
        "{type}由{old}名增至{new}名，超过原方案与新增有文号下划{moved}名之和，多{excess}名",
        "{type} grows from {old} to {new}, over the old plan plus {moved} newly recorded from above, by {excess}",
    ),
    "diff.grows.total": (
        "编制总数由{old}名增至{new}名，超过原方案与新增有文号下划{moved}名之和，多{excess}名",
        "total quota grows from {old} to {new}, over the old plan plus {moved} newly recorded from above, by {excess}",
    ),
    "diff.violation": ("违反规则：{message}", "rule broken: {message}"),
    "diff.no-change": ("没有变化", "no changes"),
    "diff.ok": ("编制总量未增长", "staffing does not grow"),
    "diff.broken": ("有{count}处违反“编制只减不增”", "{count} breach(es) of “staffing never grows”"),
    "diff.git": ("无法从 git 读取旧版本：{git_zh}", "cannot read the old version from git: {reason}"),
    "diff.different-towns": (
        "两个文件不是同一个乡镇的方案（{old}与{new}），不能比较；确要比较请加 --force",
        "the two files are plans of different towns ({old} and {new}); add --force to compare them anyway",
    ),
}
