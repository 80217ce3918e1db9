"""The one catalogue of messages users read, in simplified Chinese and English.

Keys are a check's code (with an optional ".variant") or an input/pack/CLI error key.
Templates use str.format fields; list values are joined the way each language joins
them.  No policy number is written here: every number comes in as a parameter.
"""

from __future__ import annotations

from typing import Any

CATALOGUE: dict[str, tuple[str, str]] = {
    # ---- checks -------------------------------------------------------------------------
    # the outcome "cannot check" of any check: a figure or section it needs is unknown
    "unknown": ("无法检查：{what_zh}未知", "cannot check: {what_en} unknown"),
    "unknown.section": ("无法检查：方案未提供{section_zh}", "cannot check: the plan does not provide {section_en}"),
    "unknown.of": ("{name}的{what}", "{what} of {name}"),
    "section.baseline": ("改革前基数", "the baseline"),
    "section.totals": ("合计", "the totals"),
    "section.support_center": ("综合服务中心", "the support service centre"),
    "section.institutions": ("事业单位", "the public institutions"),
    "section.support_institutions": ("支持保障类事业单位", "the support institutions"),
    "section.dispatched_units": ("派驻机构", "the dispatched units"),
    "section.transfers": ("编制划转", "the quota transfers"),
    "section.lists": ("清单", "the lists"),
    "section.powers": ("赋权事项", "the delegated powers"),
    "section.grid": ("网格", "the grid"),
    "section.command_center": ("指挥调度中心", "the command centre"),
    "section.development_zone": ("开发区", "the development zone"),
    "section.leadership_team": ("乡镇领导班子", "the town's leadership team"),
    "section.budget_funded": ("财政供养人员", "the budget-funded people"),
    "field.approved": ("核定职数", "approved posts"),
    "field.filled": ("实配职数", "posts filled"),
    "field.actual": ("实有人数", "people in post"),
    "field.quota-total": ("编制总数", "total quota"),
    "ST101.over": (
        "职能机构 {count} 个,超过上限 {limit} 个(多 {excess} 个):{names}",
        "{count} functional bodies, over the limit of {limit} by {excess}: {names}",
    ),
    "ST101.under": (
        "职能机构 {count} 个,少于下限 {limit} 个(少 {short} 个):{names}",
        "{count} functional bodies, under the minimum of {limit} by {short}: {names}",
    ),
    "ST102": (
        "缺少必设机构:{name_zh}(角色 {role})",
        "mandatory body missing: {name_en} (role {role})",
    ),
    "ST103.over": (
        "自设机构 {count} 个,超过上限 {limit} 个:{names}",
        "{count} self-chosen bodies, over the limit of {limit}: {names}",
    ),
    "ST103.under": (
        "自设机构 {count} 个,少于下限 {limit} 个",
        "{count} self-chosen bodies, under the minimum of {limit}",
    ),
    "ST104": (
        "{name} 设在 {parent} 之下，却有自己的规格或正职（{what}），属于下设机构：应计入职能机构数量，或改为内设科室",
        "{name} sits under {parent} but has its own rank or principal post ({what}): a body in its own right "
        "(下设机构) that must be counted, or become a section (内设科室)",
    ),
    "ST201.type": (
        "{type_zh} {after} 个,超过改革前 {before} 个加可计入的下划 {moved} 个,多 {excess} 个",
        "{type_en} {after}, over the baseline {before} plus {moved} moved down that may count, by {excess}",
    ),
    "ST201.total": (
        "编制总数 {after} 个,超过改革前 {before} 个加可计入的下划 {moved} 个,多 {excess} 个",
        "total quota {after}, over the baseline {before} plus {moved} moved down that may count, by {excess}",
    ),
    "ST201.budget": (
        "财政供养人员 {after} 人,超过改革前 {before} 人(多 {excess} 人)",
        "{after} budget-funded people, over the baseline of {before} by {excess}",
    ),
    "ST201.budget-moved": (
        "财政供养人员 {after} 人，超过改革前 {before} 人加按下划编制补充的 {moved} 人（多 {excess} 人）",
        "{after} budget-funded people, over the baseline of {before} plus {moved} for quota moved down, by {excess}",
    ),
    "ST201.posts": (
        "领导职数 {after} 个,超过改革前 {before} 个(多 {excess} 个)",
        "{after} leadership posts, over the baseline of {before} by {excess}",
    ),
    "ST202": (
        "从 {source} 划入的 {count} 个{type_zh}没有记录文号,不能作为编制增长的依据",
        "the transfer of {count} {type_en} from {source} has no document number and cannot justify growth",
    ),
    "ST203.over": (
        "下划编制共 {count} 个,超过上限 {limit} 个",
        "{count} quotas moved down in all, over the limit of {limit}",
    ),
    "ST203.under": (
        "下划编制共 {count} 名，少于应下划的 {limit} 名；下划编制是{county}的职责，不是本方案的错误，请与{county}机构编制部门核实",
        "{count} quotas moved down in all, under the required {limit}; moving them down is {county}'s duty, not a fault of "
        "this plan: check with {county}'s establishment office",
    ),
    "ST203.type": (
        "下划的{type_zh}不在允许的类型内(允许:{allowed_zh})",
        "{type_en} moved down is not an allowed type (allowed: {allowed_en})",
    ),
    "ST301": (
        "派驻机构 {name}({department})继续实行派驻,未说明依据;原则上应属地管理",
        "dispatched unit {name} ({department}) stays dispatched with no basis given; it should in principle be managed locally",
    ),
    "ST301.required": (
        "派驻机构 {name}({department})继续实行派驻,但没有党中央明确要求等依据",
        "dispatched unit {name} ({department}) stays dispatched without a basis such as a Party-centre requirement",
    ),
    "ST301.basis": (
        "派驻机构 {name}（{department}）继续实行派驻的依据“{basis}”不是本规则包认可的依据（认可：{accepted}）",
        "dispatched unit {name} ({department}) stays dispatched on the basis “{basis}”, which the pack does not accept "
        "(accepted: {accepted})",
    ),
    "ST302.alone": (
        "继续派驻的 {name} 应由乡镇统一管理、统一考核（现为：{given_zh}）",
        "{name} stays dispatched; the town alone must manage and assess it (given: {given})",
    ),
    "ST302": (
        "继续派驻的 {name} 的工作考核未以乡镇为主(现为:{given_zh})",
        "{name} stays dispatched but the town does not lead its assessment (given: {given})",
    ),
    "ST303": (
        "继续派驻的 {name} 负责人任免未事先听取乡镇意见(现为:{given_zh})",
        "{name} stays dispatched but the town is not consulted before its head is appointed (given: {given})",
    ),
    "ST303.written": (
        "继续派驻的 {name} 负责人任免须事先书面征求乡镇意见(现为:{given_zh})",
        "{name} stays dispatched; the town must be consulted in writing before its head is appointed (given: {given})",
    ),
    "ST401.missing": (
        "未设综合服务中心:支持保障类事业单位应整合为一个综合服务中心",
        "no support service centre: the support institutions must be merged into one centre",
    ),
    "ST401.two-centres": (
        "{name} 也标为综合服务中心：一个乡镇只设一个综合服务中心",
        "{name} is marked as the support service centre too: a town has one centre",
    ),
    "ST401.kind": (
        "事业单位 {name}（{kind_zh}）不在可以保留的类别之内",
        "institution {name} ({kind_en}) is not of a kind that may remain",
    ),
    "ST401.remaining": (
        "综合服务中心之外保留事业单位 {count} 个，超过上限 {limit} 个：{names}",
        "{count} institutions remain beside the support service centre, over the limit of {limit}: {names}",
    ),
    "institution.support": ("支持保障类", "support"),
    "institution.service": ("公益服务类", "public service"),
    "institution.other": ("其他", "other"),
    "ST401.separate": (
        "事业单位 {name} 未整合进综合服务中心",
        "institution {name} is not merged into the support service centre",
    ),
    "ST402": (
        "已整合的原机构名称“{name}”仍在 {holder} 保留,原有机构和牌子不再保留",
        "the absorbed body's name “{name}” is still kept at {holder}; old bodies and nameplates are not kept",
    ),
    "ST501": (
        "{body} 的{title}实配 {filled} 人,超过核定职数 {approved} 个(多 {excess} 人)",
        "{body}: {filled} {title} in post, over the {approved} approved by {excess}",
    ),
    "ST502": (
        "{body} 的{title}职级为 {rank},高于机构规格 {body_rank}",
        "{body}: the {title} is ranked {rank}, above the body's rank {body_rank}",
    ),
    "ST503": (
        "{body} 规格为 {rank},不低于乡镇本身的规格 {town_rank},超出审批权限",
        "{body} is ranked {rank}, not below the town's own rank {town_rank}: beyond the approval authority",
    ),
    "ST503.document": (
        "{body} 没有记录批准设立的文件（批复文号），无法确认是否在审批权限内设置",
        "{body} records no document approving it, so it cannot be shown to be set up within the approving authority",
    ),
    "ST504": (
        "{body} 的职务名称“{title}”不是核定的职务名称(可用:{allowed})",
        "{body}: the title “{title}” is not an approved title (allowed: {allowed})",
    ),
    "ST504.rank": (
        "“{rank}”既不是规则包认识的机构规格（{known}），也不是公务员职级（{grades}）：请核实其含义，是否为批准的规格或职级",
        "“{rank}” is neither a body rank the pack knows ({known}) nor a civil-service grade ({grades}): please say what "
        "it means and whether it was approved",
    ),
    "ST601": (
        "缺少“1+4”要素:{element_zh}",
        "missing 1+4 element: {element_en}",
    ),
    "ST602.grids": (
        "常住人口 {residents} 人按每 {per} 人一网格需 {needed} 个网格,现有 {grids} 个",
        "{residents} residents at one grid per {per} need {needed} grids; the plan has {grids}",
    ),
    "ST602.workers": (
        "网格 {grids} 个,网格员只有 {workers} 人",
        "{grids} grids but only {workers} grid workers",
    ),
    "ST603": (
        "{name} 未实行 24 小时值班",
        "{name} is not staffed around the clock",
    ),
    "ST701": (
        "缺少{list_zh}",
        "the {list_en} is missing",
    ),
    "ST701.document": (
        "{list_zh}没有发文文号",
        "the {list_en} has no document number",
    ),
    "ST701.admission": (
        "未建立职责准入制度",
        "no duty-admission procedure (职责准入) is in place",
    ),
    "ST702": (
        "赋予的 {approval} 项审批事项和 {penalty} 项处罚权限没有公布目录的文件",
        "{approval} approval items and {penalty} penalty powers delegated with no published catalogue",
    ),
    "ST702.none": (
        "经济发达镇未列出赋予的权限及其目录",
        "a developed town with no delegated powers or catalogue listed",
    ),
    "ST702.actor": (
        "赋予的权限应以镇政府为实施主体",
        "the town must be the legal actor of the delegated powers",
    ),
    "ST702.returned": (
        "交还的{area}权限 {count} 项没有文件依据",
        "{count} {area} powers handed back with no document",
    ),
    "ST801": (
        "只有镇才能作为经济发达镇,本单位类型为 {unit_type}",
        "only towns can be developed towns; this unit is a {unit_type}",
    ),
    "ST802": (
        "规则包 {pack} 只适用于 {applies},本单位类型为 {unit_type};本规则包的其他结论仅供参考，不具约束力",
        "rule pack {pack} covers {applies} only; this unit is a {unit_type}; the pack's other findings are for "
        "information only, not binding",
    ),
    "ST802.developed": (
        "{name}不是经济发达镇，规则包“{pack_zh}”只适用于经济发达镇；本规则包的其他结论仅供参考，不具约束力",
        "{name} is not a developed town and the pack “{pack_en}” covers developed towns only; its other findings "
        "are for information only, not binding",
    ),
    "ST803": (
        "方案日期 {date} 早于规则包“{pack_zh}”的生效日期 {effective}：请核实方案日期，或按当时有效的规定审核",
        "the plan is dated {date}, before the pack “{pack_en}” took effect on {effective}: check the date, or review "
        "the plan against the rules in force then",
    ),
    "ST901": (
        "合计{type_zh} {stated} 个,与各部分之和 {sum} 个不符(差 {diff})",
        "stated {type_en} total {stated} differs from the sum of the parts, {sum} (by {diff})",
    ),
    "ST901.posts": (
        "合计领导职数 {stated} 个,与各机构核定职数之和 {sum} 个不符",
        "stated leadership posts {stated} differ from the sum over bodies, {sum}",
    ),
    "ST901.budget": (
        "合计财政供养人员 {stated} 人,与方案所列 {sum} 人不符",
        "stated budget-funded people {stated} differ from the plan's figure, {sum}",
    ),
    "ST902": (
        "{body} 的内设机构{type_zh}合计 {inside} 个,超过本机构的 {own} 个:{parts}",
        "{body}: its sub-units hold {inside} {type_en}, more than the body's own {own}: {parts}",
    ),
    "ST903": (
        "{name} 实有 {actual} 人,超过编制 {quota} 个,超编 {excess} 人",
        "{name} has {actual} people in post for {quota} quotas: {excess} over",
    ),
    "ST904": (
        "名称“{name}”重复(与“{first}”相同)",
        "the name “{name}” is used twice (same as “{first}”)",
    ),
    "ST905.parent": (
        "{body} 的上级“{parent}”不是本方案中的机构",
        "{body}: parent “{parent}” is not a body of this plan",
    ),
    "ST905.cycle": (
        "机构隶属关系成环:{names}",
        "the hierarchy has a cycle: {names}",
    ),
    "ST905.unreachable": (
        "{body} 不能从镇党委、政府到达",
        "{body} cannot be reached from the town's Party committee and government",
    ),
    "ST906.lost": (
        "改革前的“{name}”没有并入任何新机构",
        "the pre-reform body “{name}” is not merged into any new body",
    ),
    "ST906.unknown": (
        "{body} 列出的原机构“{name}”不在改革前机构名单中",
        "{body} lists “{name}” as merged, but it is not a pre-reform body",
    ),
    "ST951": (
        "{county}记录下划给{town}的{type_zh} {county_count} 个(文号 {document}),{town}方案记录为 {town_count} 个",
        "{county} records {county_count} {type_en} moved down to {town} (document {document}); {town}'s plan records {town_count}",
    ),
    "ST951.unknown-town": (
        "{county}记录向{town}下划编制,但本县目录中没有{town}的方案",
        "{county} records quotas moved down to {town}, but the county folder has no plan for {town}",
    ),
    "ST952": (
        "{county}{type_zh}改革前 {before} 名、改革后 {after} 名，下划 {moved} 名，改革后应不超过 {expected} 名",
        "{county}: {type_en} {before} before and {after} after, {moved} moved down; after should be at most {expected}",
    ),
    "ST000": (
        "规则包 {pack} 放宽了上级规则包 {parent} 的限制:{check}.{option} 由 {parent_value} 改为 {value}",
        "rule pack {pack} loosens {parent}'s limit: {check}.{option} from {parent_value} to {value}",
    ),
    # ---- check titles (staffing rules / explain / SARIF) ---------------------------------
    "title.ST000": ("下级规则包放宽了上级限制", "A child rule pack loosens its parent's limit"),
    "title.ST001": ("方案文件无法读取或不符合格式", "The plan file cannot be read or does not fit the format"),
    "title.ST002": ("豁免未匹配到任何问题", "A waiver matches no finding"),
    "title.ST101": ("职能机构数量超出范围", "Too many (or too few) functional bodies"),
    "title.ST102": ("缺少必设机构", "A mandatory body is missing"),
    "title.ST103": ("自设机构数量超出范围", "Too many (or too few) self-chosen bodies"),
    "title.ST104": ("下设机构未计入职能机构", "A nested body with its own rank or principal post (下设机构)"),
    "title.ST201": ("编制总量增长", "Staffing grows over the pre-reform baseline"),
    "title.ST202": ("编制划转无文号", "A quota transfer has no document"),
    "title.ST203": ("下划编制超出范围或类型", "Quota moved down outside the pack's range or of a type it does not allow"),
    "title.ST301": ("派驻机构未实行属地管理且无依据", "A dispatched unit is still dispatched without a recorded basis"),
    "title.ST302": ("派驻机构考核未以乡镇为主", "The town does not lead the assessment of a unit that is still dispatched"),
    "title.ST303": ("派驻机构负责人任免未征求乡镇意见", "The town is not consulted (in writing, where required) on a dispatched unit's head"),
    "title.ST401": ("支持保障事业单位未整合为综合服务中心", "Support institutions are not merged into one service centre"),
    "title.ST402": ("保留了原有机构或牌子", "An absorbed institution's name or nameplate is kept"),
    "title.ST501": ("超职数配备干部", "Leaders beyond the leadership-post quota (超职数配备干部)"),
    "title.ST502": ("超机构规格提拔干部", "A leader's rank is above the body's rank (超机构规格提拔干部)"),
    "title.ST503": ("超审批权限设置机构", "A body is ranked at or above the town itself (超审批权限设置机构)"),
    "title.ST504": ("擅自设置职务名称或职级", "A leadership title is not an approved one (擅自设置职务名称), or a rank is unknown"),
    "title.ST601": ("缺少“1+4”要素", "One of the 1+4 elements is missing"),
    "title.ST602": ("网格划分过粗", "Too few grids for the resident population"),
    "title.ST603": ("指挥调度中心未24小时值班", "The command centre is not staffed around the clock"),
    "title.ST701": ("缺少清单或职责准入制度", "One of the five lists is missing, or duty admission is not in place"),
    "title.ST702": ("赋权事项未公布目录", "Delegated powers are not published as a catalogue, or the town is not the actor"),
    "title.ST801": ("非建制镇被列为经济发达镇", "A township or street is marked as a developed town"),
    "title.ST802": ("规则包不适用于该单位类型", "The rule pack does not cover this kind of unit"),
    "title.ST803": ("方案日期早于规则包生效日期", "The plan is dated before the rule pack took effect"),
    "title.ST901": ("合计与各部分之和不符", "The stated totals do not equal the sum of the parts"),
    "title.ST902": ("内设机构编制超过所属机构", "Sub-units hold more quota than their body"),
    "title.ST903": ("超编", "More people in post than quota (超编)"),
    "title.ST904": ("名称重复", "Two parts of the plan have the same name"),
    "title.ST905": ("机构隶属关系错误", "The org hierarchy has a cycle, a dangling parent or a part the town cannot reach"),
    "title.ST906": ("改革前机构去向不明", "A pre-reform body is not accounted for in the new structure"),
    "title.ST951": ("县级下划记录与乡镇方案不一致", "The county's record of quotas moved down differs from its towns' plans"),
    "title.ST952": ("县级编制总数未按下划数减少", "The county's quota total did not fall by what it moved down"),
    # ---- org charts (render.py) ----------------------------------------------------------
    'chart.chart': ('{town} 机构设置图', '{town} organisation chart'),
    'chart.compare': ('{town} 机构改革前后对照', '{town} bodies before and after the reform'),
    'chart.pack': ('规则包：{pack}', 'Rule pack: {pack}'),
    'chart.date': ('方案日期：{date}', 'Plan date: {date}'),
    'chart.no_date': ('方案日期：未填', 'Plan date: not given'),
    'chart.root_town': ('{town}党委、{town}政府', '{town} Party Committee and Government'),
    'chart.root_street': ('{town}党工委、{town}办事处', '{town} Party Working Committee and Sub-district Office'),
    'chart.zone': ('一套班子、两块牌子：{zone}', 'One leadership, two nameplates: {zone}'),
    'chart.nameplate': ('加挂：{name}', 'Also: {name}'),
    'chart.mandatory': ('必设机构', 'mandatory body'),
    'chart.optional': ('自设机构', 'self-chosen body'),
    'chart.body': ('职能机构', 'functional body'),
    'chart.quotas': ('编制 {total}', 'Quota {total}'),
    'chart.actual': ('实有 {n}', 'In post {n}'),
    'chart.actual_none': ('实有 未填', 'In post: not given'),
    'chart.leaders': ('领导职数 核定{a} · 实配{f}', 'Leaders approved {a} · filled {f}'),
    'chart.findings': ('问题：{codes}', 'Findings: {codes}'),
    'chart.parent_missing': ('上级机构未找到：{name}', 'Parent body not found: {name}'),
    'chart.subunits': ('内设科室/中队（{n}）', 'Sections / squads ({n})'),
    'chart.sub_cell': ('编{q} · 实{a}', 'Q {q} · in post {a}'),
    'chart.centre': ('综合服务中心', 'integrated support centre'),
    'chart.absorbed': ('整合的原事业单位（{n}，不再保留）', 'Institutions merged in ({n}, not kept)'),
    'chart.institution': ('保留的事业单位', 'institution kept outside the centre'),
    'chart.dispatched_cluster': ('派驻机构', 'Dispatched units'),
    'chart.department': ('派出部门：{dep}', 'Department: {dep}'),
    'chart.local': ('属地管理', 'managed locally'),
    'chart.dispatched': ('继续派驻', 'still dispatched'),
    'chart.edge_dispatched': ('派驻：{dep}', 'dispatched by {dep}'),
    'chart.town_findings': ('全镇问题（{n}）', 'Town-wide findings ({n})'),
    'chart.legend': ('图例', 'Legend'),
    'chart.lg_mandatory': ('必设机构', 'Mandatory body'),
    'chart.lg_optional': ('自设机构', 'Self-chosen body'),
    'chart.lg_centre': ('综合服务中心 / 事业单位', 'Support centre / institution'),
    'chart.lg_sub': ('内设科室、中队', 'Sections and squads'),
    'chart.lg_dispatched': ('派驻机构', 'Dispatched unit'),
    'chart.lg_problem': ('红框：有检查问题（列出代码）', 'Red frame: has findings (codes listed)'),
    'chart.lg_local': ('实线：属地管理', 'Solid line: managed locally'),
    'chart.lg_dispatch_edge': ('虚线：继续派驻（注明派出部门）', 'Dashed line: still dispatched (department named)'),
    'chart.before': ('改革前（{n}）', 'Before ({n})'),
    'chart.after': ('改革后（{n}）', 'After ({n})'),
    'chart.headline': ('机构 {b0} → {b1} 个 · 编制 {q0} → {q1}', 'Bodies {b0} → {b1} · quotas {q0} → {q1}'),
    'chart.unmatched': ('未并入任何新机构', 'not merged into any new body'),
    'chart.new_body': ('新设', 'new'),
    'chart.unknown_source': ('来源不在原机构名单：{name}', 'Source not in the old list: {name}'),
    'quota.short.administrative': ('行政', 'admin'),
    'quota.short.institutional_full': ('全额事业', 'inst. full'),
    'quota.short.institutional_partial': ('差额事业', 'inst. partial'),
    'quota.short.institutional_self': ('自收自支', 'inst. self'),
    'quota.short.political_legal': ('政法', 'pol.-legal'),
    'quota.short.service': ('工勤', 'service'),
    "render.lang": ("不支持的语言:{lang}(可用 zh、en)", "unsupported language {lang} (zh or en)"),
    "render.no-dot": (
        "未找到 Graphviz 的 dot 程序，无法生成图片。请用系统的包管理器安装 Graphviz"
        "（Debian、Ubuntu：sudo apt-get install graphviz；macOS：brew install graphviz）；"
        "从本项目源码安装的，运行 bash scripts/install.sh 即可",
        "Graphviz `dot` was not found, so no image can be made. Install Graphviz with your system's package manager "
        "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz); "
        "from a checkout of this project, bash scripts/install.sh does it.",
    ),
    "render.no-fc-list": (
        "未找到 fontconfig 的 fc-list 程序，无法查找中文字体。请用系统的包管理器安装 fontconfig 和一种中文字体"
        "（Debian、Ubuntu：sudo apt-get install fontconfig fonts-noto-cjk）；"
        "从本项目源码安装的，运行 bash scripts/install.sh 即可",
        "fc-list (fontconfig) was not found, so no Chinese font can be looked up. Install fontconfig and a CJK font "
        "with your system's package manager (Debian/Ubuntu: sudo apt-get install fontconfig fonts-noto-cjk); "
        "from a checkout of this project, bash scripts/install.sh does it.",
    ),
    "render.fc-list-failed": ("运行 fc-list 失败:{reason}", "running fc-list failed: {reason}"),
    "render.no-font": (
        "未找到中文字体，图中的汉字会显示为方框。请用系统的包管理器安装一种中文字体"
        "（Debian、Ubuntu：sudo apt-get install fonts-noto-cjk；macOS：brew install --cask font-noto-sans-cjk-sc）；"
        "从本项目源码安装的，运行 bash scripts/install.sh 即可",
        "No Chinese (CJK) font is installed, so Chinese labels would show as boxes. Install a CJK font with your "
        "system's package manager (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; macOS: brew install --cask "
        "font-noto-sans-cjk-sc); from a checkout of this project, bash scripts/install.sh does it.",
    ),
    "render.format": ("不支持的图片格式:{suffix};可用 .svg、.png、.pdf、.dot", "unsupported chart format {suffix}; use .svg, .png, .pdf or .dot"),
    "render.dot-timeout": (
        "dot 生成 {fmt} 超过 {seconds} 秒未完成，已停止：图中机构过多，未生成图片",
        "dot did not finish the {fmt} within {seconds} seconds and was stopped: too many boxes to draw",
    ),
    "render.dot-too-big": (
        "dot 生成 {fmt} 所需内存超过 {megabytes} MB，已停止：图中机构过多，未生成图片",
        "dot needed more than {megabytes} MB for the {fmt} and was stopped: too many boxes to draw",
    ),
    "render.dot-failed": ("dot 生成 {fmt} 失败:{detail}", "dot failed to make {fmt}: {detail}"),
    # ---- quota types ----------------------------------------------------------------------
    "quota.administrative": ("行政编制", "administrative quota"),
    "quota.institutional_full": ("全额拨款事业编制", "fully funded institutional quota"),
    "quota.institutional_partial": ("差额拨款事业编制", "partly funded institutional quota"),
    "quota.institutional_self": ("自收自支事业编制", "self-funded institutional quota"),
    "quota.political_legal": ("政法专项编制", "politics-and-law quota"),
    "quota.service": ("工勤编制", "service-worker quota"),
    # ---- labels of places in a plan (finding trails) and of the 1+4 elements and lists ----
    'label.approval-services-in-one-window-an-appro': ('审批服务一窗口(行政审批机构)', 'approval services in one window (an approval body)'),
    'label.baseline': ('改革前基数', 'baseline'),
    'label.budget-funded-people': ('财政供养人员', 'budget-funded people'),
    'label.command-in-one-centre': ('指挥调度一中心', 'command in one centre'),
    'label.delegated-powers': ('赋权事项', 'delegated powers'),
    'label.dispatched-units': ('派驻机构', 'dispatched units'),
    'label.empowerment-list': ('赋权清单', 'empowerment list'),
    'label.enforcement-in-one-team-an-enforcement-b': ('综合执法一队伍(综合行政执法机构)', 'enforcement in one team (an enforcement body)'),
    'label.functional-bodies': ('职能机构', 'functional bodies'),
    'label.governance-in-one-grid': ('基层治理一网格', 'governance in one grid'),
    'label.grid': ('网格', 'grid'),
    'label.institutions': ('事业单位', 'institutions'),
    'label.lead-and-supporting-responsibility-list': ('主体责任与配合责任清单', 'lead-and-supporting-responsibility list'),
    'label.leadership-posts': ('领导职数', 'leadership posts'),
    'label.lists': ('清单', 'lists'),
    'label.party-leadership-a-party-building-body': ('加强党的全面领导(党建工作机构)', 'Party leadership (a Party-building body)'),
    'label.power-list': ('权力清单', 'power list'),
    'label.quotas': ('编制', 'quotas'),
    'label.responsibility-list': ('责任清单', 'responsibility list'),
    'label.service-list': ('服务清单', 'service list'),
    'label.sub-units': ('内设机构', 'sub-units'),
    'label.total': ('编制总数', 'total'),
    'label.totals': ('合计', 'totals'),
    'label.transfers': ('编制划转', 'transfers'),
    # ---- the text report -------------------------------------------------------------------
    "roles.header": ("各机构的读法（角色、类别、是否计入职能机构数量）", "how each body was read (roles, category, counted or not)"),
    "roles.line": ("角色：{roles}（{how}）；类别：{category}（{category_how}）；{verdict}",
                   "roles: {roles} ({how}); category: {category} ({category_how}); {verdict}"),
    "roles.how.written": ("方案写明", "written in the plan"),
    "roles.how.name": ("名称即该角色的名称或别名", "the name is the role's name or an alias"),
    "roles.how.keywords": ("名称中的关键词{rules}", "keywords in the name: {rules}"),
    "roles.how.none": ("名称中未识别出角色", "no role recognised in the name"),
    "roles.category.functional": ("职能机构", "functional body"),
    "roles.category.own_rules": ("依各自章程设置的机构", "organ set up under its own rules"),
    "roles.category.institution": ("事业单位", "public institution"),
    "roles.category.platform": ("平台", "platform"),
    "roles.category-how.written": ("方案写明", "written in the plan"),
    "roles.category-how.keywords": ("名称中的关键词{rule}", "keyword in the name: {rule}"),
    "roles.category-how.default": ("默认", "default"),
    "roles.counted": ("计入职能机构数量", "counted toward the limit"),
    "roles.not-counted.zone": ("不计入：开发区一套班子、两块牌子", "not counted: the development zone's shared body"),
    "roles.not-counted.nested": ("不计入：设在其他机构之下", "not counted: sits under another body"),
    "roles.not-counted.category": ("不计入：规则包不计这一类别", "not counted: the pack does not count this category"),
    "report.error": ("错误", "error"),
    "report.warning": ("警告", "warning"),
    "report.info": ("提示", "info"),
    "report.unknown": ("无法检查", "cannot check"),
    "report.incomplete": ("不完整", "incomplete"),
    "report.where": ("位置", "where"),
    "report.source": ("依据", "source"),
    "report.unusable": ("无法使用", "unusable"),
    "report.pass": ("通过", "passed"),
    "report.waived": ("已豁免", "waived"),
    "report.summary": (
        "共检查 {files} 个方案:通过 {passed} 个,不通过 {failed} 个,不完整 {incomplete} 个,无法读取 {unusable} 个;"
        "错误 {errors} 条,警告 {warnings} 条,无法检查 {unknown} 条,豁免 {waived} 条;跳过文件 {skipped} 个",
        "{files} plans checked: {passed} passed, {failed} failed, {incomplete} incomplete, {unusable} unusable; "
        "{errors} errors, {warnings} warnings, {unknown} cannot check, {waived} waived; {skipped} files skipped",
    ),
    "report.skipped": ("已跳过", "skipped"),
    "report.skipped-more": ("另有 {count} 个文件已跳过（见 JSON 输出）", "{count} more files skipped (listed in the JSON output)"),
    "skip.underscore": (
        "文件名以“_”开头，不作为方案检查（县级汇总文件除外）",
        "the name starts with “_”: not checked as a plan (county files aside)",
    ),
    "skip.hidden-file": ("文件名以“.”开头（隐藏文件），不作为方案检查", "the name starts with “.” (a hidden file): not checked"),
    "skip.hidden-folder": ("位于以“.”开头的文件夹（隐藏文件夹）中，不作为方案检查", "inside a folder whose name starts with “.” (hidden): not checked"),
    "report.pack": ("规则包", "rule pack"),
    "report.shipped": ("内置", "shipped"),
    "report.from": ("来自 {origin}", "from {origin}"),
    # ---- why a value does not fit the plan format (zh; the en text is pydantic's own) --------
    "schema.missing": ("缺少必填字段", "missing"),
    "schema.int_type": ("应为整数", "int type"),
    "schema.int_from_float": ("应为整数,不能有小数", "int from float"),
    "schema.int_parsing": ("应为整数", "int parsing"),
    "schema.greater_than_equal": ("不能为负数", "greater than equal"),
    "schema.greater_than": ("应大于零", "greater than"),
    "schema.string_type": ("应为文字", "string type"),
    "schema.bool_type": ("应为 true 或 false", "bool type"),
    "schema.bool_parsing": ("应为 true 或 false", "bool parsing"),
    "schema.literal_error": ("取值不在允许范围内", "literal error"),
    "schema.string_pattern_mismatch": ("格式不正确", "string pattern mismatch"),
    "schema.string_too_short": ("不能为空", "string too short"),
    "schema.string_too_long": ("太长", "string too long"),
    "schema.list_type": ("应为列表", "list type"),
    "schema.dict_type": ("应为映射(键: 值)", "dict type"),
    "schema.model_type": ("应为映射(键: 值)", "model type"),
    "schema.model_attributes_type": ("应为映射(键: 值)", "model attributes type"),
    "schema.date_type": ("应为日期(YYYY-MM-DD)", "date type"),
    "schema.date_from_datetime_parsing": ("应为日期(YYYY-MM-DD)", "date from datetime parsing"),
    "schema.date_parsing": ("应为日期(YYYY-MM-DD)", "date parsing"),
    "schema.other": ("值不正确", "invalid value"),
    # ---- the roll-up after a run over many plans ----------------------------------------------
    "rollup.title": ("== 汇总 ==", "== Summary =="),
    "rollup.headline": (
        "方案 {plans} 个:通过 {passed},不通过 {failed},不完整 {incomplete},无法读取 {unusable};县级汇总文件 {county_files} 个,有问题 {county_files_failed} 个",
        "{plans} plans: {passed} passed, {failed} failed, {incomplete} incomplete, {unusable} unusable; {county_files} county files, {county_files_failed} with findings",
    ),
    "rollup.per-check": ("按检查项:", "Findings per check:"),
    "rollup.per-province": ("按省:", "Per province:"),
    "rollup.row": ("{plans} 个方案  不通过 {failed}  问题 {findings}", "{plans} plans  failed {failed}  findings {findings}"),
    "rollup.top-counties": (
        "问题最多的县(前 {shown} 个,共 {total} 个县;全部见 --format json):",
        "Counties with most findings (top {shown} of {total}; all in --format json):",
    ),
    # ---- staffing rules --------------------------------------------------------------------------
    "rules.extends": ("继承", "extends"),
    "rules.applies": ("适用", "applies to"),
    "rules.inferred": ("推断", "inferred"),
    "rules.loosens": ("放宽", "loosens"),
    "rules.checks": ("检查项", "Checks"),
    "rules.effective": ("生效日期", "effective"),
    "rules.requires": ("适用条件", "requires"),
    "rules.vocabulary": ("词表（推断，见上）", "vocabulary (inferred, see above)"),
    "rules.no-source": ("未注明依据", "no source"),
    # ---- kinds of value, for "a plan must be a mapping, not a …" -----------------------------
    "kind.list": ("列表", "list"),
    "kind.str": ("文字", "string"),
    "kind.int": ("数字", "number"),
    "kind.float": ("数字", "number"),
    "kind.bool": ("true/false", "true/false"),
    "kind.date": ("日期", "date"),
    "kind.datetime": ("日期", "date"),
    "kind.other": ("值", "value"),
    # ---- input ----------------------------------------------------------------------------
    "input.internal": (
        "检查本文件时发生内部错误(请把文件和这条信息报告给维护者):{reason}",
        "internal error while checking this file (please report the file and this message): {reason}",
    ),
    "input.syntax": ("语法错误:{reason}", "syntax error: {reason}"),
    "input.duplicate-key": (
        "键“{key}”重复(第一次出现在第 {first_line} 行),重复的键会丢失数据",
        "duplicate key “{key}” (first at line {first_line}): a repeated key loses data",
    ),
    "input.tag": ("不允许的 YAML 标签 {tag}:方案文件只能包含普通数据", "YAML tag {tag} is not allowed: a plan holds plain data only"),
    "input.merge-key": ("不支持合并键 <<", "merge keys (<<) are not supported"),
    "input.complex-key": ("键必须是简单的文字", "a key must be plain text"),
    "input.bad-scalar": ("无法读取的值 {value}:{reason}", "unreadable value {value}: {reason}"),
    "input.not-finite": ("数值 {value} 不是有限数", "the number {value} is not finite"),
    "input.encoding": (
        "文件不是 UTF-8 编码(看起来是 {guess});请另存为 UTF-8",
        "the file is not UTF-8 (it looks like {guess}); save it as UTF-8",
    ),
    "input.nul": ("文件中含有 NUL 字节,不是文本文件", "the file contains NUL bytes: it is not a text file"),
    "input.is-directory": ("这是一个文件夹,不是方案文件", "this is a folder, not a plan file"),
    "input.too-large": (
        "文件大小 {size} 字节,超过上限 {limit} 字节(可用 --max-bytes 调整)",
        "the file is {size} bytes, over the limit of {limit} (see --max-bytes)",
    ),
    "input.too-deep": ("嵌套超过 {limit} 层", "nested deeper than {limit} levels"),
    "input.too-many-nodes": (
        "展开后的值超过 {limit} 个(可能是别名炸弹)",
        "more than {limit} values once aliases are expanded (an alias bomb?)",
    ),
    "input.missing": ("文件不存在", "no such file"),
    "input.unreadable": ("无法读取文件:{reason}", "cannot read the file: {reason}"),
    "input.empty": ("文件是空的(或只有注释)", "the file is empty (or only comments)"),
    "input.many-documents": ("一个文件只能有一个文档,这里开始了第二个", "one document per file; a second one starts here"),
    "input.schema": ("{field}:{reason}", "{field}: {reason_en}"),
    "input.unknown-role": (
        "未知的角色“{role}”：请写角色代码或规则包中的中文名称（{known}）",
        "unknown role “{role}”: write a role id or its Chinese name in the pack ({known})",
    ),
    "input.unknown-field": ("未知字段“{field}”{hint}", "unknown field “{field}”{hint_en}"),
    "input.no-plans": ("没有找到方案文件(.yaml / .yml / .json)", "no plan files (.yaml / .yml / .json) found"),
    "input.symlink-loop": ("符号链接形成循环,已跳过", "symbolic link loop, skipped"),
    "input.too-many-values": (
        "文件中的值超过 {limit} 个(可用 --max-nodes 调整)",
        "more than {limit} values in one file (see --max-nodes)",
    ),
    "input.lone-surrogate": (
        "{escape} 是不成对的代理项转义，不代表任何字符",
        "{escape} is an unpaired surrogate escape: it stands for no character",
    ),
    "input.tab": ("YAML 不能用制表符(Tab)缩进,请改用空格", "YAML cannot be indented with tabs; use spaces"),
    "input.binary": ("这不是文本文件(二进制数据)", "this is not a text file (binary data)"),
    "input.control-char": (
        "含有不允许的控制字符 {char}(可改用双引号字符串中的转义)",
        "control character {char} is not allowed (escape it inside a double-quoted string)",
    ),
    "input.not-regular": ("这不是普通文件(设备、管道或套接字)", "this is not a regular file (a device, pipe or socket)"),
    "input.broken-link": ("符号链接指向的文件不存在", "the symbolic link points to nothing"),
    "input.key-too-long": ("键长 {size} 个字符,超过上限 {limit} 个", "a key of {size} characters, over the limit of {limit}"),
    "input.number-too-long": (
        "整数有 {digits} 位,超过上限 {limit} 位",
        "an integer of {digits} digits, over the limit of {limit}",
    ),
    "input.undefined-alias": ("别名 *{anchor} 没有对应的锚点 &{anchor}", "alias *{anchor} has no anchor &{anchor}"),
    "input.alias-cycle": ("别名 *{anchor} 引用了包含它自身的值(循环)", "alias *{anchor} refers to a value that contains it (a loop)"),
    "input.root-type": (
        "方案的顶层必须是映射(键: 值),这里是{found_zh}",
        "a plan must be a mapping (key: value) at the top, not a {found_en}",
    ),
    "cli.unknown-check": ("未知的检查项“{check}”(见 staffing rules)", "unknown check “{check}” (see staffing rules)"),
    # ---- packs ----------------------------------------------------------------------------
    "pack.unknown": ("未知的规则包“{pack}”(可用:{known})", "unknown rule pack “{pack}” (known: {known})"),
    "pack.field": ("规则包中有未知或错误的字段:{field}", "unknown or malformed field in the rule pack: {field}"),
    "pack.missing": ("规则包缺少字段 {field}", "the rule pack lacks {field}"),
    "pack.param-shape": (
        "{check}.{option} 应写成 {{value: …, source: {{seed: …, quote: …}}}}",
        "{check}.{option} must be written as {{value: …, source: {{seed: …, quote: …}}}}",
    ),
    "pack.no-source": ("{check}.{option} 没有注明政策依据(source)", "{check}.{option} has no policy source"),
    "pack.unknown-check": ("未知的检查项“{check}”", "unknown check “{check}”"),
    "pack.unknown-option": ("检查项 {check} 没有选项“{option}”", "check {check} has no option “{option}”"),
    "pack.option-value": ("{check}.{option} 的值不正确:{reason}", "bad value for {check}.{option}: {reason}"),
    "pack.severity": ("未知的严重程度“{value}”", "unknown severity “{value}”"),
    "pack.path-refused": (
        "方案只能用标识指定规则包，不能指定文件路径“{pack}”；自定义规则包请放入配置文件（staffing.toml）的规则包文件夹，或用 --packs 指定文件夹",
        "a plan names its rule pack by id, not by the file path “{pack}”; put your own packs in a pack folder named in staffing.toml or by --packs",
    ),
    "pack.extends-path": (
        "规则包只能用标识指定上级规则包，不能指定文件路径“{pack}”",
        "a rule pack extends another by id, not by the file path “{pack}”",
    ),
    "pack.no-folder": ("规则包文件夹不存在或不是文件夹", "the rule pack folder does not exist or is not a folder"),
    "pack.shadows": (
        "规则包“{pack}”与已有的规则包同名（内置规则包不能被替换，两个规则包文件夹也不能提供同一标识）；请改名",
        "rule pack “{pack}” has the same id as a pack already known (a shipped pack cannot be replaced, nor can two pack folders offer one id); rename it",
    ),
    "pack.enabled": ("启用", "enabled"),
    "pack.disabled": ("停用", "disabled"),
    "pack.extends-loop": ("规则包 {pack} 的 extends 形成循环", "rule pack {pack} extends itself"),
    # ---- waivers (staffing.run.waivers) ------------------------------------------------------
    "waiver.unused": (
        "豁免未匹配到任何问题:{check}({slug}),{town},机构 {body},批复文号 {approval}",
        "waiver matches no finding: {check} ({slug}), {town}, body {body}, approval {approval}",
    ),
    "waiver.expired": (
        "豁免 {approval} 已于 {expires} 到期,见 {file}:{line}",
        "waiver {approval} expired on {expires}, see {file}:{line}",
    ),
    "waiver.shape": (
        "豁免文件应写成 waivers: 列表,每项为映射(check、town、reason、approval、approver、expires)",
        "a waiver file holds `waivers:`, a list of mappings (check, town, reason, approval, approver, expires)",
    ),
    "waiver.field": ("豁免中有未知字段“{field}”", "unknown field “{field}” in a waiver"),
    "waiver.missing": ("豁免缺少必填字段 {field}", "the waiver lacks {field}"),
    "waiver.value": ("豁免字段 {field} 应为文字,这里是 {value}", "waiver field {field} must be text, not {value}"),
    "waiver.check": ("豁免中的检查项“{check}”不存在(见 staffing rules)", "unknown check “{check}” in a waiver (see staffing rules)"),
    "waiver.date": ("到期日期“{value}”应写成 YYYY-MM-DD", "expiry date “{value}” must be YYYY-MM-DD"),
    "waiver.today": ("STAFFING_TODAY 的值“{value}”应写成 YYYY-MM-DD", "STAFFING_TODAY “{value}” must be YYYY-MM-DD"),
    "run.more-findings": (
        "同一检查另有 {count} 处问题未逐条列出（已列出 {listed} 处；每个文件每项检查最多列出的条数有上限）",
        "{count} more findings of this check not listed ({listed} listed; findings listed per check and file are capped)",
    ),
    "ci.unusable": ("无法使用", "unusable"),
    "ci.waived": ("已豁免", "waived"),
    "ci.not-run": ("未执行(规则包未启用或未选择)", "not run (disabled by the pack or not selected)"),
    # ---- diff (staffing.run.diff) -------------------------------------------------------------
    "diff.header": ("比较 {old} → {new}({town})", "comparing {old} → {new} ({town})"),
    "diff.bodies": ("机构", "bodies"),
    "diff.added": ("新增:{name}", "added: {name}"),
    "diff.removed": ("撤销:{name}", "removed: {name}"),
    "diff.renamed": ("更名:{old} → {new}({by})", "renamed: {old} → {new} ({by})"),
    "diff.by.role": ("按职能角色匹配", "matched by role"),
    "diff.by.merged_from": ("按合并来源匹配", "matched by merged_from"),
    "diff.merged": ("合并:{names} → {into}", "merged: {names} → {into}"),
    "diff.quotas": ("编制(按类型)", "quotas by type"),
    "diff.total": ("合计", "total"),
    "diff.posts": ("领导职数", "leadership posts"),
    "diff.units": ("派驻机构", "dispatched units"),
    "diff.unit-added": ("新增:{name}", "added: {name}"),
    "diff.unit-removed": ("撤销:{name}", "removed: {name}"),
    "diff.management": ("{name}:{old} → {new}", "{name}: {old} → {new}"),
    "diff.mgmt.local": ("属地管理", "managed locally"),
    "diff.mgmt.dispatched": ("继续实行派驻", "stays dispatched"),
    "diff.transfers": ("新增编制划转", "transfers added"),
    "diff.transfer": (
        "{source} → {to}:{type} {count} 个,文号 {document}",
        "{source} → {to}: {count} {type}, document {document}",
    ),
    "diff.grows.type": (
        "{type_zh} 由 {old} 个增至 {new} 个,超过原方案加新增有据下划 {moved} 个,多 {excess} 个",
        "{type_en} grows from {old} to {new}, over the old plan plus {moved} newly recorded from above, by {excess}",
    ),
    "diff.grows.total": (
        "编制总数由 {old} 个增至 {new} 个,超过原方案加新增有据下划 {moved} 个,多 {excess} 个",
        "total quota grows from {old} to {new}, over the old plan plus {moved} newly recorded from above, by {excess}",
    ),
    "diff.violation": ("违反规则:{message}", "rule broken: {message}"),
    "diff.no-change": ("没有变化", "no changes"),
    "diff.ok": ("编制总量未增长", "staffing does not grow"),
    "diff.broken": ("有 {count} 处违反“编制只减不增”", "{count} breach(es) of “staffing never grows”"),
    "diff.git": ("无法从 git 读取旧版本:{reason}", "cannot read the old version from git: {reason}"),
    "diff.different-towns": (
        "两个文件不是同一个乡镇的方案（{old} 与 {new}），不能比较；确要比较请加 --force",
        "the two files are plans of different towns ({old} and {new}); add --force to compare them anyway",
    ),
    "config.unknown-key": ("未知的配置项“{key}”，是否应为“{hint}”？", "unknown setting “{key}”; did you mean “{hint}”?"),
    "config.unknown-key-plain": ("未知的配置项“{key}”", "unknown setting “{key}”"),
    "config.value": ("配置项 {key} 的值应为{expected}", "{key} must be {expected_en}"),
    "config.syntax": ("配置文件不是有效的 TOML：{reason}", "not valid TOML: {reason}"),
    "config.missing": ("配置文件不存在", "no such configuration file"),
    "config.isolated-and-file": ("--config 与 --isolated 不能同时使用", "--config and --isolated cannot be used together"),
    "cli.unknown-format": ("未知的输出格式“{format}”（可用：{known}）", "unknown output format “{format}” (known: {known})"),
    "cli.output-spec": ("--output 应写成“格式=文件”：{value}", "--output takes FORMAT=FILE: {value}"),
    "cli.format-not-text": (
        "输出格式“{format}”不能显示在终端上，请用 --output {format}=文件",
        "format “{format}” cannot be shown in a terminal; use --output {format}=FILE",
    ),
    "cli.wrote": ("已写入 {file}", "wrote {file}"),
    "cli.wrote-charts": ("已将 {count} 个方案的组织架构图（SVG 和 PNG）写入 {folder}", "wrote the org charts of {count} plans (SVG and PNG) into {folder}"),
    "cli.generated": ("已在 {folder} 下写入 {count} 个文件", "wrote {count} files under {folder}"),
    "cli.unwritable": ("无法写入 {target}：{reason}", "cannot write {target}: {reason}"),
    "cli.diff-args": (
        "diff 需要两个文件(OLD NEW),或 --base REV 加一个文件",
        "diff takes two files (OLD NEW), or --base REV and one file",
    ),
}

_JOIN = {"zh": "、", "en": ", "}


def label(key: str) -> tuple[str, str]:
    """A (zh, en) pair from the catalogue, for text that is put together elsewhere
    (a finding's trail, a list element's name)."""
    return CATALOGUE[key]


def render(key: str, lang: str, params: dict[str, Any]) -> str:
    """The message `key` in `lang` ("zh" or "en"), filled with params."""
    zh, en = CATALOGUE[key]
    template = zh if lang == "zh" else en
    joiner = _JOIN.get(lang, ", ")
    shown = {k: joiner.join(str(x) for x in v) if isinstance(v, (list, tuple)) else v for k, v in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError):  # a missing parameter must never hide the message
        return template
