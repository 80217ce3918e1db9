"""`staffing generate`: a deterministic corpus of realistic township three-set plans.

Writes ``orgs/<province>/<city>/<county>/<town>.yaml`` under DIR, in the real plan format
(Chinese names, 7-11 bodies, sub-units, dispatched units, transfers, the five lists,
about 8 KB each), plus one ``_county.yaml`` per county recording what the county moved
down to its towns.  About a quarter of the plans carry a violation (a wrong total,
over-establishment, a duplicate name, an unapproved title, …) and a few counties
disagree with their towns, so a checker has something to find.  The same seed always
gives byte-identical files.

Only the standard library is used: generating must not depend on the checker.
"""

from __future__ import annotations

import json
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QT = ("administrative", "institutional_full", "institutional_partial", "institutional_self",
      "political_legal", "service")

# province zh, slug, division-code prefix
PROVINCES = [
    ("江苏省", "jiangsu", "32"), ("浙江省", "zhejiang", "33"), ("安徽省", "anhui", "34"),
    ("江西省", "jiangxi", "36"), ("山东省", "shandong", "37"), ("河南省", "henan", "41"),
    ("湖北省", "hubei", "42"), ("湖南省", "hunan", "43"), ("广东省", "guangdong", "44"),
    ("四川省", "sichuan", "51"), ("河北省", "hebei", "13"), ("福建省", "fujian", "35"),
]

# syllables for place names: character → pinyin (for folder names)
SYLLABLES = {
    "新": "xin", "桥": "qiao", "东": "dong", "西": "xi", "南": "nan", "北": "bei", "河": "he",
    "山": "shan", "湖": "hu", "安": "an", "平": "ping", "兴": "xing", "华": "hua", "阳": "yang",
    "城": "cheng", "丰": "feng", "宁": "ning", "江": "jiang", "海": "hai", "泉": "quan", "林": "lin",
    "石": "shi", "金": "jin", "马": "ma", "龙": "long", "凤": "feng", "白": "bai", "青": "qing",
    "长": "chang", "永": "yong", "清": "qing", "溪": "xi", "庄": "zhuang", "集": "ji", "港": "gang",
    "口": "kou", "塘": "tang", "坝": "ba", "岭": "ling", "洲": "zhou", "沙": "sha", "滨": "bin",
    "乐": "le", "福": "fu", "寿": "shou", "康": "kang", "和": "he", "泰": "tai", "明": "ming",
    "光": "guang", "云": "yun", "水": "shui", "田": "tian", "岗": "gang", "湾": "wan", "浦": "pu",
    "黄": "huang", "红": "hong", "双": "shuang", "三": "san", "高": "gao", "大": "da", "小": "xiao",
    "古": "gu", "柳": "liu", "杨": "yang", "梅": "mei", "松": "song", "竹": "zhu", "花": "hua",
}
CHARS = list(SYLLABLES)

ROLES_MANDATORY = [
    ("party_government_office", "党政办公室", "office"),
    ("party_building", "党建工作办公室", "office"),
    ("economic_development", "经济发展局", "bureau"),
    ("social_affairs", "社会事业局", "bureau"),
    ("approval_service", "行政审批局", "bureau"),
    ("comprehensive_enforcement", "综合行政执法局", "bureau"),
]
ROLES_OPTIONAL = [
    ("planning_construction", "规划建设局", "bureau"),
    ("agriculture_rural", "农业农村局", "bureau"),
    ("safety_environment", "安全生产和环境保护局", "bureau"),
    ("finance", "财政局", "bureau"),
    ("urban_management", "城市管理局", "bureau"),
    ("public_security_governance", "社会治理局", "bureau"),
    ("command_center", "综合指挥调度中心", "centre"),
]
# pre-reform bodies each new body absorbs (merged_from), by role
OLD_BODIES = {
    "party_government_office": ["党政办公室"],
    "party_building": ["组织办公室"],
    "economic_development": ["经济发展办公室", "招商服务中心"],
    "social_affairs": ["社会事业办公室", "劳动保障所"],
    "approval_service": ["便民服务大厅"],
    "comprehensive_enforcement": ["城管中队", "安监站"],
    "planning_construction": ["村镇建设办公室"],
    "agriculture_rural": ["农业办公室"],
    "safety_environment": ["环保办公室"],
    "finance": ["财政分局"],
    "urban_management": ["环卫所"],
    "public_security_governance": ["综治办公室"],
    "command_center": [],
}
OLD_INSTITUTIONS = ["农业服务中心", "文体服务中心", "水利站", "农机站", "畜牧兽医站", "文化站", "财政所", "计生服务站"]
SUBUNITS = {
    "approval_service": ["综合受理窗口", "企业服务窗口", "社会事务窗口"],
    "comprehensive_enforcement": ["执法一中队", "执法二中队", "执法三中队"],
    "social_affairs": ["社会保障科", "民政事务科"],
    "economic_development": ["招商服务科", "统计科"],
    "planning_construction": ["规划管理科"],
    "agriculture_rural": ["农经科"],
    "party_government_office": ["综合科"],
    "urban_management": ["市容科"],
}
DUTIES = [
    "负责贯彻落实党的路线方针政策和上级党委、政府的决策部署",
    "负责镇党委、政府重要会议的组织筹备和决定事项的督查督办",
    "负责辖区经济运行分析、统计监测和招商引资服务工作",
    "负责教育、卫生健康、文化体育、民政和社会保障等社会事业管理",
    "负责集中行使上级赋予的行政审批和公共服务事项,实行一窗受理",
    "负责以镇名义集中行使行政处罚权及相关的行政检查、行政强制措施",
    "负责村镇规划编制实施、建设工程质量和安全生产监督管理",
    "负责农业农村发展、农村集体资产管理和乡村振兴相关工作",
    "负责安全生产、生态环境保护和应急管理的综合监管",
    "负责财政预决算、国有资产管理和政府债务风险防控",
    "负责网格化社会治理、矛盾纠纷排查化解和平安建设",
    "负责综合指挥调度、12345热线工单办理和网格事件流转",
    "负责机关党建、干部队伍建设和人才工作",
    "负责信访接待、舆情处置和对外宣传工作",
    "完成镇党委、政府交办的其他任务",
]
TITLES_PRINCIPAL = {"office": "主任", "bureau": "局长", "centre": "主任"}
TITLES_DEPUTY = {"office": "副主任", "bureau": "副局长", "centre": "副主任"}
DISPATCHED = [
    ("派出所", "公安局", "dispatched"),
    ("司法所", "司法局", "local"),
    ("市场监管分局", "市场监督管理局", "local"),
    ("自然资源所", "自然资源和规划局", "local"),
    ("税务分局", "税务局", "dispatched"),
    ("供电所", "供电公司", "local"),
]
FAULTS = ("totals", "over", "duplicate", "title", "parent", "lost", "leaders")
COUNTY_FAULTS = ("count", "missing", "total")


@dataclass
class Town:
    province: str
    city: str
    county: str
    name: str
    code: str
    unit_type: str
    path: str
    pack: str
    transfers: list[dict[str, Any]] = field(default_factory=list)
    fault: str | None = None


@dataclass
class County:
    province: str
    city: str
    name: str
    code: str
    dir: str
    towns: list[Town] = field(default_factory=list)


# ---- writing YAML ------------------------------------------------------------------------

_PLAIN = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef][^:#,\[\]{}&*!|>'\"%@`\\\n]*$")


def s(value: Any) -> str:
    """One scalar as YAML: plain when certainly a string, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value is None:
        return "null"
    text = str(value)
    if _PLAIN.match(text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(d: dict[str, Any]) -> str:
    parts = []
    for k, v in d.items():
        parts.append(f"{k}: {flow(v) if isinstance(v, dict) else s(v)}")
    return "{" + ", ".join(parts) + "}"


def seq(items: list[Any]) -> str:
    return "[" + ", ".join(s(x) for x in items) + "]"


def quotas(q: dict[str, int]) -> dict[str, int]:
    return {t: q[t] for t in QT if q.get(t)}


# ---- the corpus ---------------------------------------------------------------------------


def _name(rng: random.Random, n: int, used: set[str], suffix: str) -> tuple[str, str]:
    for _ in range(200):
        chars = rng.sample(CHARS, n)
        zh = "".join(chars) + suffix
        slug = "".join(SYLLABLES[c] for c in chars)
        if zh not in used and "slug:" + slug not in used:
            used.add(zh)
            used.add("slug:" + slug)
            return zh, slug
    raise RuntimeError("name space exhausted")  # pragma: no cover


def layout(towns: int, seed: int) -> list[County]:
    """Provinces → cities → counties → towns, `towns` in all."""
    rng = random.Random(f"layout:{seed}")
    counties: list[County] = []
    made = 0
    p = 0
    slugs_seen: set[str] = set()
    while made < towns:
        prov_zh, prov_slug, prefix = PROVINCES[p % len(PROVINCES)]
        if p >= len(PROVINCES):
            prov_zh, prov_slug = f"{prov_zh[:-1]}{p // len(PROVINCES) + 1}省", f"{prov_slug}{p // len(PROVINCES) + 1}"
        p += 1
        used: set[str] = set()
        for ci in range(rng.randint(8, 14)):
            if made >= towns:
                break
            city_zh, city_slug = _name(rng, 2, used, "市")
            if prov_slug == "jiangsu" and ci == 0:
                city_zh, city_slug = "泰州市", "taizhou"
            for ki in range(rng.randint(5, 10)):
                if made >= towns:
                    break
                suffix = rng.choice(["县", "市", "区", "县"])
                county_zh, county_slug = _name(rng, 2, used, suffix)
                code = f"{prefix}{ci + 1:02d}{ki + 1:02d}"
                d = f"orgs/{prov_slug}/{city_slug}/{county_slug}"
                assert d not in slugs_seen
                slugs_seen.add(d)
                county = County(prov_zh, city_zh, county_zh, code + "000000", d)
                town_names: set[str] = set()
                n = min(rng.randint(8, 20), towns - made)
                for ti in range(n):
                    kind = rng.choices(["town", "township", "street"], [6, 2, 2])[0]
                    suffix = {"town": "镇", "township": "乡", "street": "街道"}[kind]
                    tzh, tslug = _name(rng, 2, town_names, suffix)
                    if prov_slug == "jiangsu":
                        pack = "taizhou-three-integrations" if city_slug == "taizhou" else (
                            "jiangsu-developed-town" if kind == "town" else "base")
                    else:
                        pack = "base"
                    county.towns.append(Town(prov_zh, city_zh, county_zh, tzh, f"{code}{100 + ti * 3:03d}000",
                                             kind, f"{d}/{tslug}.yaml", pack))
                counties.append(county)
                made += n
    return counties


# long: one generated plan's YAML written in the order a plan reads, each planted fault at its place
def plan_text(town: Town, county: County, rng: random.Random, fault: str | None) -> str:
    """One plan's YAML text.  `fault` names the violation to plant (None: a clean plan)."""
    pack = town.pack
    strict = pack == "taizhou-three-integrations"
    n_opt = rng.randint(1, 3)
    if pack == "jiangsu-developed-town":
        n_opt = rng.randint(1, 4)
    roles = ROLES_MANDATORY + rng.sample(ROLES_OPTIONAL, n_opt)
    nested = 0 if strict or pack == "jiangsu-developed-town" else rng.choice([0, 0, 1, 2])
    short = town.name[:2]
    bodies: list[dict[str, Any]] = []
    baseline_bodies: list[str] = []
    for role, zh, kind in roles:
        adm = rng.randint(3, 8)
        inst = rng.randint(0, 9)
        srv = rng.choice([0, 0, 1, 2])
        q = {"administrative": adm, "institutional_full": inst, "service": srv}
        total = adm + inst + srv
        deputies = rng.randint(1, 2)
        lead = [
            {"title": TITLES_PRINCIPAL[kind], "level": "principal", "rank": "副科", "approved": 1, "filled": 1},
            {"title": TITLES_DEPUTY[kind], "level": "deputy", "rank": "副科", "approved": deputies,
             "filled": rng.randint(deputies - 1, deputies)},
        ]
        subs: list[dict[str, Any]] = []
        left_a, left_i = adm, inst
        for sub in rng.sample(SUBUNITS.get(role, []), min(len(SUBUNITS.get(role, [])), rng.randint(0, 3))):
            sa = min(left_a, rng.randint(1, 3))
            si = min(left_i, rng.randint(0, 4))
            left_a -= sa
            left_i -= si
            subs.append({"name": sub, "quotas": quotas({"administrative": sa, "institutional_full": si}),
                         "actual": max(0, sa + si - rng.randint(0, 1))})
        merged = list(OLD_BODIES[role])
        if role == "party_government_office":
            merged = ["党政办公室"]
        baseline_bodies += [m for m in merged if m not in baseline_bodies]
        actual = total - rng.randint(0, 2) if total > 2 else total
        room = actual  # the sections' people are part of the body's, never more (ST908)
        for section in subs:
            section["actual"] = min(section["actual"], room)
            room -= section["actual"]
        bodies.append({
            "name": zh, "role": role, "kind": kind, "rank": "副科", "quotas": quotas(q),
            "actual": actual, "leadership": lead,
            "nameplates": ["便民服务中心"] if role == "approval_service" else [],
            "subunits": subs, "merged_from": merged,
            "duties": rng.sample(DUTIES, rng.randint(2, 4)),
        })
    for k in range(nested):
        host = bodies[rng.randint(0, len(bodies) - 1)]
        zh = f"{host['name'][:2]}{['服务', '保障'][k]}站"
        bodies.append({"name": zh, "kind": "other", "rank": "股级", "parent": host["name"],
                       "quotas": {"institutional_full": 2}, "actual": 2, "leadership": [
                           {"title": "站长", "level": "principal", "rank": "股级", "approved": 1, "filled": 1}],
                       "nameplates": [], "subunits": [], "merged_from": [], "duties": rng.sample(DUTIES, 1)})
    absorbed = rng.sample(OLD_INSTITUTIONS, rng.randint(2, 4))
    baseline_bodies += absorbed
    centre_q = {"institutional_full": rng.randint(10, 30)}
    centre: dict[str, Any] = {"name": f"{town.name}综合服务中心", "quotas": centre_q, "actual": centre_q["institutional_full"] - 1,
              "absorbed": absorbed,
              "leadership": [{"title": "主任", "level": "principal", "rank": "副科", "approved": 1, "filled": 1},
                             {"title": "副主任", "level": "deputy", "rank": "副科", "approved": 2, "filled": 2}]}
    # totals are the parts added up
    after = dict.fromkeys(QT, 0)
    for b in bodies:
        for t, v in b["quotas"].items():
            after[t] += v
    after["institutional_full"] += centre_q["institutional_full"]
    posts = sum(p["approved"] for b in bodies for p in b["leadership"]) + 3
    # transfers from the county (编随事走): 1-2 quotas moved down
    moved: dict[str, int] = dict.fromkeys(QT, 0)
    for tr in town.transfers:
        moved[tr["type"]] += tr["count"]
    before = {t: max(0, after[t] - moved[t] + rng.choice([0, 0, 1, 2, 3])) for t in QT}
    budget_after = sum(after.values()) - rng.randint(0, 4)
    budget_before = budget_after + rng.randint(0, 6)
    resident = rng.randint(12, 120) * 1000
    # plant the fault
    stated = dict(after)
    if fault == "totals":
        stated["administrative"] += rng.choice([-2, -1, 1, 2])
    elif fault == "over":
        b = rng.choice(bodies)
        b["actual"] = sum(b["quotas"].values()) + rng.randint(1, 3)
    elif fault == "duplicate":
        bodies[-1]["name"] = bodies[0]["name"]
    elif fault == "title":
        rng.choice(bodies)["leadership"][0]["title"] = "总监"
    elif fault == "parent":
        bodies[-1]["parent"] = "招商合作局"
    elif fault == "lost":
        baseline_bodies.append("老年活动中心")
    elif fault == "leaders":
        b = rng.choice(bodies)
        b["leadership"][-1]["filled"] = b["leadership"][-1]["approved"] + 1
    developed = town.unit_type == "town" and (pack != "base" or rng.random() < 0.3)
    yy, month, day = rng.randint(17, 22), rng.randint(1, 12), rng.randint(1, 28)
    # dated after the pack took effect (Taizhou: August 2020; Jiangsu: December 2017)
    yy = max(yy, 21 if pack == "taizhou-three-integrations" else 18)
    date = f"20{yy}-{month:02d}-{day:02d}"
    county_short = county.name[:2]
    out: list[str] = [
        "# yaml-language-server: $schema=../../../../schema/plan.schema.json",
        f"# {county.name}{town.name} 三定方案(生成的示例数据)",
        "figures: 生成的示例数据,所有名称、编制数、人数、代码和文号均为虚构",
        "town:",
        f"  name: {s(town.name)}",
        f"  code: \"{town.code}\"",
        f"  unit_type: {town.unit_type}",
        f"  developed_town: {s(developed)}",
        *([f"  developed_town_document: {s(f'{county_short}政复〔20{yy}〕{int(town.code[-3:])}号')}"] if developed else []),
        f"  province: {s(town.province)}",
        f"  city: {s(town.city)}",
        f"  county: {s(town.county)}",
        "  rank: 正科",
        f"  population: {flow({'resident': resident, 'registered': resident * rng.randint(80, 95) // 100})}",
        f"rule_pack: {pack}",
        f"plan_date: {date}",
        "baseline:",
        f"  bodies: {seq(baseline_bodies)}",
        f"  quotas: {flow(quotas(before))}",
        f"  leadership_posts: {posts + rng.randint(0, 8)}",
        f"  budget_funded: {budget_before}",
        "totals:",
        f"  quotas: {flow(quotas(stated))}",
        f"  budget_funded: {budget_after}",
        f"  leadership_posts: {posts}",
        "bodies:",
    ]
    for b in bodies:
        out.append(f"  - name: {s(b['name'])}")
        if b.get("role"):
            out.append(f"    role: {b['role']}")
        out.append(f"    kind: {b['kind']}")
        out.append(f"    rank: {s(b['rank'])}")
        if b.get("parent"):
            out.append(f"    parent: {s(b['parent'])}")
        if b["nameplates"]:
            out.append(f"    nameplates: {seq(b['nameplates'])}")
        out.append(f"    quotas: {flow(b['quotas'])}")
        out.append(f"    actual: {b['actual']}")
        out.append("    leadership:")
        for p in b["leadership"]:
            out.append(f"      - {flow(p)}")
        if b["subunits"]:
            out.append("    subunits:")
            for sub in b["subunits"]:
                out.append(f"      - {flow(sub)}")
        if b["merged_from"]:
            out.append(f"    merged_from: {seq(b['merged_from'])}")
        out.append("    duties:")
        for d in b["duties"]:
            out.append(f"      - {s(d)}")
    out.append("support_center:")
    out.append(f"  name: {s(centre['name'])}")
    out.append(f"  quotas: {flow(centre['quotas'])}")
    out.append(f"  actual: {centre['actual']}")
    out.append(f"  absorbed: {seq(centre['absorbed'])}")
    out.append("  leadership:")
    for p in centre["leadership"]:
        out.append(f"    - {flow(p)}")
    out.append("dispatched_units:")
    for name, dept, mgmt in DISPATCHED[: rng.randint(3, 6)]:
        out.append(f"  - name: {s(short + name)}")
        out.append(f"    parent_department: {s(county.name + dept)}")
        out.append(f"    management: {mgmt}")
        if mgmt == "dispatched":
            out.append("    dispatch_basis: 党中央明确要求继续实行派驻体制")
            out.append("    assessment_lead: town")
            out.append("    head_appointment_consultation: written")
    out.append("transfers:")
    for tr in town.transfers:
        out.append(f"  - {flow({'from': county.name, 'to': town.name, 'level': 'county', 'type': tr['type'], 'count': tr['count'], 'document': tr['document']})}")
    year = date[:4]
    n = rng.randint(10, 60)
    out += [
        "lists:",
        f"  empowerment: {flow({'document': f'{county_short}政发〔{year}〕{n}号', 'items': 100 + n * 3})}",
        f"  power: {flow({'document': f'{short}政发〔{year}〕{n + 1}号', 'items': 100 + n * 3})}",
        f"  responsibility: {flow({'document': f'{short}政发〔{year}〕{n + 2}号'})}",
        f"  service: {flow({'document': f'{short}政发〔{year}〕{n + 3}号'})}",
        f"  lead_supporting: {flow({'document': f'{short}政发〔{year}〕{n + 4}号'})}",
        "  duty_admission: true",
        "powers:",
        f"  approval_items: {rng.randint(80, 200)}",
        f"  penalty_powers: {rng.randint(300, 1200)}",
        f"  catalogue: {county_short}政发〔{year}〕{n}号",
        "grid:",
        f"  grids: {resident // 1000}",
        f"  workers: {resident // 1000 + rng.randint(0, 10)}",
        "command_center:",
        "  name: 综合指挥调度中心",
        "  staffed_24h: true",
        f"  domain_posts: {rng.randint(2, 6)}",
        f"budget_funded: {budget_after}",
    ]
    return "\n".join(out) + "\n"


def county_text(county: County, rng: random.Random, fault: str | None) -> str:
    entries = [(t, tr) for t in county.towns for tr in t.transfers]
    moved = dict.fromkeys(QT, 0)
    for _, tr in entries:
        moved[tr["type"]] += tr["count"]
    before = {"administrative": rng.randint(300, 900), "institutional_full": rng.randint(800, 2500),
              "service": rng.randint(20, 80)}
    after = {t: before.get(t, 0) - moved[t] for t in QT}
    listed = [(t.name, dict(tr)) for t, tr in entries]
    if fault == "count" and listed:
        listed[rng.randrange(len(listed))][1]["count"] += 1
    elif fault == "missing" and listed:
        listed.pop(rng.randrange(len(listed)))
    elif fault == "total":
        after["administrative"] += rng.randint(1, 3)
    out = [
        f"# {county.province}{county.city}{county.name} 编制下划汇总(生成的示例数据)",
        "county:",
        f"  name: {s(county.name)}",
        f"  code: \"{county.code}\"",
        f"  province: {s(county.province)}",
        f"  city: {s(county.city)}",
        f"quotas_before: {flow(quotas(before))}",
        f"quotas_after: {flow(quotas(after))}",
        "transfers_down:",
    ]
    for name, tr in listed:
        out.append(f"  - {flow({'town': name, 'type': tr['type'], 'count': tr['count'], 'document': tr['document']})}")
    if not listed:
        out[-1] = "transfers_down: []"
    return "\n".join(out) + "\n"


def corpus(towns: int, seed: int) -> list[tuple[str, str]]:
    """(relative path, text) of every file, in a fixed order."""
    files: list[tuple[str, str]] = []
    for county in layout(towns, seed):
        crng = random.Random(f"county:{seed}:{county.dir}")
        docn = crng.randint(5, 40)
        year = crng.randint(2018, 2021)
        for town in county.towns:
            for _ in range(crng.choice([1, 1, 1, 2])):
                town.transfers.append({"type": crng.choice(["administrative", "institutional_full"]), "count": 1,
                                       "document": f"{county.name[:1]}编〔{year}〕{docn}号"})
                docn += 1
        cfault = crng.choice(COUNTY_FAULTS) if crng.random() < 0.08 else None
        for town in county.towns:
            trng = random.Random(f"town:{seed}:{town.path}")
            fault = trng.choice(FAULTS) if trng.random() < 0.27 else None
            town.fault = fault
            files.append((town.path, plan_text(town, county, trng, fault)))
        files.append((f"{county.dir}/_county.yaml", county_text(county, crng, cfault)))
    return files


def write(out_dir: str, towns: int, seed: int) -> int:
    """Write the corpus under out_dir; returns the number of files written."""
    n = 0
    made: set[str] = set()
    for rel, text in corpus(towns, seed):
        path = Path(out_dir) / rel
        parent = str(path.parent)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        n += 1
    return n
