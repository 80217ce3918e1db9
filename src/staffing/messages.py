"""The one catalogue of messages users read, in simplified Chinese and English.

Keys are a check's code (with an optional ".variant") or an input/pack/CLI error key.
Templates use str.format fields; list values are joined the way each language joins
them.  No policy number is written here: every number comes in as a parameter.
"""

from __future__ import annotations

import re
import string
from typing import Any

CATALOGUE: dict[str, tuple[str, str]] = {
    # ---- checks -------------------------------------------------------------------------
    # Chinese: 编制 and 职数 counted in 名, people in 人, bodies and items in 个/项; no space
    # between Chinese text and an inserted value; full-width punctuation.  Values shown in
    # Chinese text are Chinese (titles, labels), never ids.  tests/test_messages.py holds
    # every entry to this.
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
    "label.grid-count": ("网格数", "number of grids"),
    "label.grid-workers": ("网格员人数", "number of grid workers"),
    "field.filled": ("实配职数", "posts filled"),
    "field.actual": ("实有人数", "people in post"),
    "field.quota-total": ("编制总数", "total quota"),
    "ST101.over": (
        "职能机构{count}个，超过上限{limit}个，多{excess}个：{names}",
        "{count} functional bodies, over the limit of {limit} by {excess}: {names}",
    ),
    "ST101.under": (
        "职能机构{count}个，少于下限{limit}个，少{short}个：{names}",
        "{count} functional bodies, under the minimum of {limit} by {short}: {names}",
    ),
    "ST102": (
        "缺少必设机构：{name_zh}",
        "mandatory body missing: {name_en}",
    ),
    "ST103.over": (
        "自选机构{count}个，超过上限{limit}个：{names}",
        "{count} self-chosen bodies, over the limit of {limit}: {names}",
    ),
    "ST103.under": (
        "自选机构{count}个，少于下限{limit}个",
        "{count} self-chosen bodies, under the minimum of {limit}",
    ),
    "ST104": (
        "{name}设在{parent}之下，却有自己的规格或正职（{what}），属于下设机构：应计入职能机构数量，或改为内设科室",
        "{name} sits under {parent} but has its own rank or principal post ({what}): a body in its own right "
        "(下设机构) that must be counted, or become a section (内设科室)",
    ),
    "ST201.type": (
        "{type_zh}{after}名，超过改革前{before}名与可计入的下划编制{moved}名之和，多{excess}名",
        "{type_en} {after}, over the baseline {before} plus {moved} moved down that may count, by {excess}",
    ),
    "ST201.total": (
        "编制总数{after}名，超过改革前{before}名与可计入的下划编制{moved}名之和，多{excess}名",
        "total quota {after}, over the baseline {before} plus {moved} moved down that may count, by {excess}",
    ),
    "ST201.budget": (
        "财政供养人员{after}人，超过改革前的{before}人，多{excess}人",
        "{after} budget-funded people, over the baseline of {before} by {excess}",
    ),
    "ST201.budget-moved": (
        "财政供养人员{after}人，超过改革前的{before}人与按下划编制补充的{moved}人之和，多{excess}人",
        "{after} budget-funded people, over the baseline of {before} plus {moved} for quota moved down, by {excess}",
    ),
    "ST201.posts": (
        "领导职数{after}名，超过改革前的{before}名，多{excess}名",
        "{after} leadership posts, over the baseline of {before} by {excess}",
    ),
    "ST202": (
        "从{source}划入的{type_zh}{count}名没有记录文号，不能作为编制增长的依据",
        "the transfer of {count} {type_en} from {source} has no document number and cannot justify growth",
    ),
    "ST203.over": (
        "下划编制共{count}名，超过上限{limit}名",
        "{count} quotas moved down in all, over the limit of {limit}",
    ),
    "ST203.under": (
        "下划编制共{count}名，少于应下划的{limit}名；下划编制是{county}的职责，不是本方案的错误，请与{county}机构编制部门核实",
        "{count} quotas moved down in all, under the required {limit}; moving them down is {county}'s duty, not a fault of "
        "this plan: check with {county}'s establishment office",
    ),
    "ST203.to": (
        "下划编制划入{to}；应充实到{roles_zh}等职能机构",
        "quota moved down goes to {to}; it should strengthen bodies such as {roles_en}",
    ),
    "ST203.type": (
        "下划的{type_zh}不在允许的类型内（允许：{allowed_zh}）",
        "{type_en} moved down is not an allowed type (allowed: {allowed_en})",
    ),
    "ST301": (
        "派驻机构{name}（{department}）继续实行派驻，未说明依据；原则上应实行属地管理",
        "dispatched unit {name} ({department}) stays dispatched with no basis given; it should in principle be managed locally",
    ),
    "ST301.required": (
        "派驻机构{name}（{department}）继续实行派驻，但没有写明党中央明确要求等依据",
        "dispatched unit {name} ({department}) stays dispatched without a basis such as a Party-centre requirement",
    ),
    "ST301.basis": (
        "派驻机构{name}（{department}）继续实行派驻的依据“{basis}”不是本规则包认可的依据（认可：{accepted}）",
        "dispatched unit {name} ({department}) stays dispatched on the basis “{basis}”, which the pack does not accept (accepted: {accepted})",
    ),
    "ST302.alone": (
        "继续派驻的{name}，应由乡镇统一管理、统一考核（现为：{given_zh}）",
        "{name} stays dispatched; the town alone must manage and assess it (given: {given})",
    ),
    "ST302": (
        "继续派驻的{name}，工作考核未以乡镇为主（现为：{given_zh}）",
        "{name} stays dispatched but the town does not lead its assessment (given: {given})",
    ),
    "ST303": (
        "继续派驻的{name}，负责人任免未事先听取乡镇意见（现为：{given_zh}）",
        "{name} stays dispatched but the town is not consulted before its head is appointed (given: {given})",
    ),
    "ST303.written": (
        "继续派驻的{name}，负责人任免须事先书面征求乡镇意见（现为：{given_zh}）",
        "{name} stays dispatched; the town must be consulted in writing before its head is appointed (given: {given})",
    ),
    "ST401.missing": (
        "未设综合服务中心：为乡镇提供支持保障的事业单位应整合为一个综合服务中心",
        "no support service centre: the support institutions must be merged into one centre",
    ),
    "ST401.two-centres": (
        "{name}也标为综合服务中心：一个乡镇只设一个综合服务中心",
        "{name} is marked as the support service centre too: a town has one centre",
    ),
    "ST401.kind": (
        "事业单位{name}（{kind_zh}）不在可以保留的类别之内",
        "institution {name} ({kind_en}) is not of a kind that may remain",
    ),
    "ST401.remaining": (
        "综合服务中心之外保留事业单位{count}个，超过上限{limit}个：{names}",
        "{count} institutions remain beside the support service centre, over the limit of {limit}: {names}",
    ),
    "institution.support": ("支持保障类", "support"),
    "institution.service": ("公益服务类", "public service"),
    "institution.other": ("其他", "other"),
    "ST401.separate": (
        "事业单位{name}未整合进综合服务中心",
        "institution {name} is not merged into the support service centre",
    ),
    "ST402": (
        "已整合的原机构名称“{name}”仍在{holder}保留；原有机构和牌子不再保留",
        "the absorbed body's name “{name}” is still kept at {holder}; old bodies and nameplates are not kept",
    ),
    "ST501": (
        "{body}的{title}实配{filled}人，超过核定职数{approved}名，多配{excess}人",
        "{body}: {filled} {title} in post, over the {approved} approved by {excess}",
    ),
    "ST502": (
        "{body}的{title}职级为{rank}，高于机构规格{body_rank}",
        "{body}: the {title} is ranked {rank}, above the body's rank {body_rank}",
    ),
    "ST503": (
        "{body}规格为{rank}，不低于乡镇本身的规格{town_rank}，超出审批权限",
        "{body} is ranked {rank}, not below the town's own rank {town_rank}: beyond the approval authority",
    ),
    "ST503.document": (
        "{body}没有记录批准设立的文件（批复文号），无法确认是否在审批权限内设置",
        "{body} records no document approving it, so it cannot be shown to be set up within the approving authority",
    ),
    "ST504": (
        "{body}的职务名称“{title}”不是核定的职务名称（可用：{allowed}）",
        "{body}: the title “{title}” is not an approved title (allowed: {allowed})",
    ),
    "ST504.rank": (
        "“{rank}”既不是规则包认识的机构规格（{known}），也不是公务员职级（{grades}）：请核实其含义，是否为批准的规格或职级",
        "“{rank}” is neither a body rank the pack knows ({known}) nor a civil-service grade ({grades}): please say what "
        "it means and whether it was approved",
    ),
    "ST601": (
        "缺少“1+4”要素：{element_zh}",
        "missing 1+4 element: {element_en}",
    ),
    "ST601.host": (
        "{name}所依托的机构“{body}”不在本方案的职能机构中：指挥调度中心须由方案中的机构承担",
        "{name} is hosted by “{body}”, which is not a body of this plan: the command centre must sit in one of its bodies",
    ),
    "ST602.grids": (
        "常住人口{residents}人，按每{per}人一个网格需要{needed}个网格，现有{grids}个",
        "{residents} residents at one grid per {per} need {needed} grids; the plan has {grids}",
    ),
    "ST604": (
        "常住人口{residents}人，按每千人{per}名网格员需{needed}名，现有网格员{workers}名",
        "{residents} residents at {per} grid workers per 1,000 need {needed} grid workers; the plan has {workers}",
    ),
    "ST602.workers": (
        "网格{grids}个，网格员只有{workers}人",
        "{grids} grids but only {workers} grid workers",
    ),
    "ST603": (
        "{name}未实行24小时值班",
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
    "ST702.some": (
        "赋予乡镇的审批、处罚等权限（部分数量未知）没有公布目录的文件",
        "powers delegated to the town (some counts unknown) with no published catalogue",
    ),
    "ST702": (
        "赋予的审批事项{approval}项、处罚权限{penalty}项没有公布目录的文件",
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
        "交还的{area}权限{count}项没有文件依据",
        "{count} {area} powers handed back with no document",
    ),
    "ST801": (
        "只有镇才能列为经济发达镇，本单位是{unit_zh}",
        "only towns can be developed towns; this unit is a {unit_en}",
    ),
    "ST801.unlisted": (
        "{county}{name}标为经济发达镇，但不在规则包所列的经济发达镇名单中，也没有记录批准文件（批复文号）：请补充批复文号",
        "{name} ({county}) is marked as a developed town but is not on the pack's list of developed towns and records "
        "no approval document: please record it",
    ),
    "ST802": (
        "规则包“{pack_zh}”只适用于{applies_zh}，本单位是{unit_zh}；本规则包的其他结论仅供参考，不具约束力",
        "the rule pack “{pack_en}” covers {applies_en} only; this unit is a {unit_en}; the pack's other findings are for "
        "information only, not binding",
    ),
    "ST802.developed": (
        "{name}不是经济发达镇，规则包“{pack_zh}”只适用于经济发达镇；本规则包的其他结论仅供参考，不具约束力",
        "{name} is not a developed town and the pack “{pack_en}” covers developed towns only; its other findings "
        "are for information only, not binding",
    ),
    "ST803": (
        "方案日期{date}早于规则包“{pack_zh}”的生效日期{effective}：请核实方案日期，或按当时有效的规定审核",
        "the plan is dated {date}, before the pack “{pack_en}” took effect on {effective}: check the date, or review "
        "the plan against the rules in force then",
    ),
    "ST901": (
        "合计{type_zh}{stated}名，比各部分之和{sum}名多{diff}名",
        "stated {type_en} total {stated} is {diff} more than the sum of the parts, {sum}",
    ),
    "ST901.less": (
        "合计{type_zh}{stated}名，比各部分之和{sum}名少{diff}名",
        "stated {type_en} total {stated} is {diff} less than the sum of the parts, {sum}",
    ),
    "ST901.posts": (
        "合计领导职数{stated}名，与各机构核定职数之和{sum}名不符",
        "stated leadership posts {stated} differ from the sum over bodies, {sum}",
    ),
    "ST901.budget": (
        "合计财政供养人员{stated}人，与方案所列{sum}人不符",
        "stated budget-funded people {stated} differ from the plan's figure, {sum}",
    ),
    "ST902": (
        "{body}的内设科室、中队{type_zh}合计{inside}名，超过本机构的{own}名：{parts}",
        "{body}: its sections and squads hold {inside} {type_en}, more than the body's own {own}: {parts}",
    ),
    "ST903": (
        "{name}实有{actual}人，超过编制{quota}名，超编{excess}人",
        "{name} has {actual} people in post for {quota} quotas: {excess} over",
    ),
    "ST904": (
        "名称“{name}”与{first_where_zh}中的“{first}”重复",
        "the name “{name}” repeats “{first}” of {first_where_en}",
    ),
    "ST905.parent": (
        "{body}的上级“{parent}”不是本方案中的机构",
        "{body}: parent “{parent}” is not a body of this plan",
    ),
    "ST905.cycle": (
        "机构隶属关系成环：{chain}",
        "the hierarchy has a cycle: {chain}",
    ),
    "ST905.unreachable": (
        "{body}不能从镇党委、政府逐级到达",
        "{body} cannot be reached from the town's Party committee and government",
    ),
    "ST906.lost": (
        "改革前的“{name}”没有并入任何新机构",
        "the pre-reform body “{name}” is not merged into any new body",
    ),
    "ST906.unknown": (
        "{body}列出的原机构“{name}”不在改革前机构名单中",
        "{body} lists “{name}” as merged, but it is not a pre-reform body",
    ),
    "ST907.unknown": (
        "领导班子中“{post}”的交叉任职“{other}”不是本方案领导班子的职务",
        "the leadership-team post “{post}” is cross-held with “{other}”, which is not a post of the plan's leadership team",
    ),
    "ST907.self": (
        "领导班子中“{post}”的交叉任职列了本职务",
        "the leadership-team post “{post}” lists itself as cross-held",
    ),
    "ST951": (
        "{county}记录下划给{town}的{type_zh}{county_count}名（文号{document}），{town}方案记录为{town_count}名",
        "{county} records {county_count} {type_en} moved down to {town} (document {document}); {town}'s plan records {town_count}",
    ),
    "ST951.unknown-town": (
        "{county}记录向{town}下划编制，但本县目录中没有{town}的方案",
        "{county} records quotas moved down to {town}, but the county folder has no plan for {town}",
    ),
    "ST952": (
        "{county}{type_zh}改革前{before}名、改革后{after}名，下划{moved}名，改革后应不超过{expected}名",
        "{county}: {type_en} {before} before and {after} after, {moved} moved down; after should be at most {expected}",
    ),
    "ST000": (
        "规则包“{pack_zh}”放宽了上级规则包“{parent_zh}”的限制：{check_zh}的{option_zh}由{parent_value}改为{value}",
        "the rule pack “{pack_en}” loosens a limit of its parent “{parent_en}”: {check_en}, {option_en} from {parent_value} to {value}",
    ),
    # ---- check titles (staffing rules / explain / SARIF) ---------------------------------
    "title.ST000": ("下级规则包放宽了上级限制", "A child rule pack loosens its parent's limit"),
    "title.ST001": ("方案文件无法读取或不符合格式", "The plan file cannot be read or does not fit the format"),
    "title.ST003": ("工作簿单元格的公式未计算，使用了保存的结果", "A workbook cell's formula was not evaluated; its saved result was used"),
    "title.ST002": ("豁免未匹配到任何问题", "A waiver matches no finding"),
    "title.ST101": ("职能机构数量超出范围", "Too many (or too few) functional bodies"),
    "title.ST102": ("缺少必设机构", "A mandatory body is missing"),
    "title.ST103": ("自选机构数量超出范围", "Too many (or too few) self-chosen bodies"),
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
    "title.ST604": ("网格员配备不足", "Too few grid workers for the resident population"),
    "title.ST603": ("指挥调度中心未24小时值班", "The command centre is not staffed around the clock"),
    "title.ST701": ("缺少清单或职责准入制度", "One of the five lists is missing, or duty admission is not in place"),
    "title.ST702": ("赋权事项未公布目录", "Delegated powers are not published as a catalogue, or the town is not the actor"),
    "title.ST801": ("非建制镇被列为经济发达镇", "A township or street is marked as a developed town"),
    "title.ST802": ("规则包不适用于该单位类型", "The rule pack does not cover this kind of unit"),
    "title.ST803": ("方案日期早于规则包生效日期", "The plan is dated before the rule pack took effect"),
    "title.ST901": ("合计与各部分之和不符", "The stated totals do not equal the sum of the parts"),
    "title.ST902": ("内设科室、中队编制超过所属机构", "Sections and squads hold more quota than their body"),
    "title.ST903": ("超编", "More people in post than quota (超编)"),
    "title.ST904": ("名称重复", "Two parts of the plan have the same name"),
    "title.ST905": ("机构隶属关系错误", "The org hierarchy has a cycle, a dangling parent or a part the town cannot reach"),
    "title.ST906": ("改革前机构去向不明", "A pre-reform body is not accounted for in the new structure"),
    "title.ST907": ("交叉任职与领导班子不符", "A cross-held post is not a post of the town's leadership team"),
    "title.ST951": ("县级下划记录与乡镇方案不一致", "The county's record of quotas moved down differs from its towns' plans"),
    "title.ST952": ("县级编制总数未按下划数减少", "The county's quota total did not fall by what it moved down"),
    # ---- org charts (render.py) ----------------------------------------------------------
    "chart.chart": ("{town}机构设置图", "{town} organisation chart"),
    "chart.compare": ("{town}机构改革前后对照", "{town} bodies before and after the reform"),
    'chart.pack': ('规则包：{pack}', 'Rule pack: {pack}'),
    'chart.date': ('方案日期：{date}', 'Plan date: {date}'),
    'chart.no_date': ('方案日期：未填', 'Plan date: not given'),
    'chart.root_town': ('{town}党委、{town}政府', '{town} Party Committee and Government'),
    'chart.root_street': ('{town}党工委、{town}办事处', '{town} Party Working Committee and Sub-district Office'),
    'chart.zone': ('一套班子、两块牌子：{zone}', 'One leadership, two nameplates: {zone}'),
    'chart.nameplate': ('加挂：{name}', 'Also: {name}'),
    'chart.mandatory': ('必设机构', 'mandatory body'),
    "chart.optional": ("自选机构", "self-chosen body"),
    'chart.body': ('职能机构', 'functional body'),
    "chart.quotas": ("编制{total}名", "Quota {total}"),
    "chart.actual": ("实有{n}人", "In post {n}"),
    "chart.actual_none": ("实有人数未填", "In post: not given"),
    "chart.leaders": ("职数核定{a}·实配{f}", "Posts {a} · filled {f}"),
    'chart.findings': ('问题：{codes}', 'Findings: {codes}'),
    'chart.parent_missing': ('上级机构未找到：{name}', 'Parent body not found: {name}'),
    'chart.subunits': ('内设科室/中队（{n}）', 'Sections / squads ({n})'),
    "chart.sub_cell": ("编{q}·实{a}", "Q {q} · in post {a}"),
    'chart.centre': ('综合服务中心', 'integrated support centre'),
    'chart.absorbed': ('整合的原事业单位（{n}，不再保留）', 'Institutions merged in ({n}, not kept)'),
    'chart.institution': ('保留的事业单位', 'institution kept outside the centre'),
    'chart.dispatched_cluster': ('派驻机构', 'Dispatched units'),
    'chart.department': ('派出部门：{dep}', 'Department: {dep}'),
    'chart.local': ('属地管理', 'managed locally'),
    'chart.dispatched': ('继续派驻', 'still dispatched'),
    'chart.town_findings': ('全镇问题（{n}）', 'Town-wide findings ({n})'),
    'chart.legend': ('图例', 'Legend'),
    'chart.lg_mandatory': ('必设机构', 'Mandatory body'),
    "chart.lg_optional": ("自选机构", "Self-chosen body"),
    'chart.lg_centre': ('综合服务中心 / 事业单位', 'Support centre / institution'),
    'chart.lg_sub': ('内设科室、中队', 'Sections and squads'),
    'chart.lg_problem': ('红框：有检查问题（列出代码）', 'Red frame: findings (codes)'),
    'chart.lg_local': ('派驻机构，属地管理', 'Dispatched, managed locally'),
    'chart.lg_dispatch_edge': ('虚线框：派驻机构，继续派驻', 'Dashed: still dispatched'),
    'chart.versions': ('{town}方案两个版本对照', '{town}: two versions of the plan'),
    'chart.version': ('{label}（{n}）', '{label} ({n})'),
    'chart.before': ('改革前（{n}）', 'Before ({n})'),
    'chart.after': ('改革后（{n}）', 'After ({n})'),
    "chart.headline": ("机构{b0}个→{b1}个，编制{q0}名→{q1}名", "Bodies {b0} → {b1} · quotas {q0} → {q1}"),
    'chart.unmatched': ('未并入任何新机构', 'not merged into any new body'),
    'chart.new_body': ('新设', 'new'),
    'chart.unknown_source': ('来源不在原机构名单：{name}', 'Source not in the old list: {name}'),
    'quota.short.administrative': ('行政', 'admin'),
    'quota.short.institutional_full': ('全额事业', 'inst. full'),
    'quota.short.institutional_partial': ('差额事业', 'inst. partial'),
    'quota.short.institutional_self': ('自收自支', 'inst. self'),
    'quota.short.political_legal': ('政法', 'pol.-legal'),
    'quota.short.service': ('工勤', 'service'),
    "render.lang": ("不支持的语言：{lang}（可用 zh、en）", "unsupported language {lang} (zh or en)"),
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
    "render.fc-list-failed": ("运行 fc-list 失败：{reason}", "running fc-list failed: {reason}"),
    "render.no-font": (
        "未找到中文字体，图中的汉字会显示为方框。请用系统的包管理器安装一种中文字体"
        "（Debian、Ubuntu：sudo apt-get install fonts-noto-cjk；macOS：brew install --cask font-noto-sans-cjk-sc）；"
        "从本项目源码安装的，运行 bash scripts/install.sh 即可",
        "No Chinese (CJK) font is installed, so Chinese labels would show as boxes. Install a CJK font with your "
        "system's package manager (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; macOS: brew install --cask "
        "font-noto-sans-cjk-sc); from a checkout of this project, bash scripts/install.sh does it.",
    ),
    "render.format": ("不支持的图片格式：{suffix}；可用 .svg、.png、.pdf、.dot", "unsupported chart format {suffix}; use .svg, .png, .pdf or .dot"),
    "render.dot-timeout": (
        "dot 生成{fmt}超过{seconds}秒未完成，已停止：图中机构过多，未生成图片",
        "dot did not finish the {fmt} within {seconds} seconds and was stopped: too many boxes to draw",
    ),
    "render.dot-too-big": (
        "dot 生成{fmt}所需内存超过{megabytes} MB，已停止：图中机构过多，未生成图片",
        "dot needed more than {megabytes} MB for the {fmt} and was stopped: too many boxes to draw",
    ),
    "render.paper": ("不支持的纸张“{paper}”（可用{known}）", "unsupported paper “{paper}” (use {known})"),
    "render.orientation": ("不支持的方向“{orientation}”（可用{known}）", "unsupported orientation “{orientation}” (use {known})"),
    "render.too-big": (
        "机构设置图在{paper}{orientation}纸上放不下而不使文字小于8磅，已按8磅绘制，图幅约{width}×{height}毫米；可改用A3纸（--paper A3）或另一方向",
        "the chart does not fit {paper} {orientation} with text of 8 pt or more; drawn at 8 pt, about {width}×{height} mm; try --paper A3 or the other orientation",
    ),
    "render.landscape": ("横向", "landscape"),
    "render.portrait": ("纵向", "portrait"),
    "cli.render-args": (
        "绘图需要一个方案文件，或用 --compare 给出新旧两个方案文件",
        "render takes one plan, or --compare and two plans (OLD NEW)",
    ),
    "render.dot-failed": ("dot 生成{fmt}失败：{detail}", "dot failed to make {fmt}: {detail}"),
    # ---- quota types ----------------------------------------------------------------------
    "quota.administrative": ("行政编制", "administrative quota"),
    "quota.institutional_full": ("全额拨款事业编制", "fully funded institutional quota"),
    "quota.institutional_partial": ("差额拨款事业编制", "partly funded institutional quota"),
    "quota.institutional_self": ("自收自支事业编制", "self-funded institutional quota"),
    "quota.political_legal": ("政法专项编制", "politics-and-law quota"),
    "quota.service": ("工勤编制", "service-worker quota"),
    # ---- labels of places in a plan (finding trails) and of the 1+4 elements and lists ----
    'label.approval-services-in-one-window-an-appro': ('审批服务一窗口（行政审批机构）', 'approval services in one window (an approval body)'),
    'label.baseline': ('改革前基数', 'baseline'),
    'label.budget-funded-people': ('财政供养人员', 'budget-funded people'),
    'label.command-in-one-centre': ('指挥调度一中心', 'command in one centre'),
    'label.delegated-powers': ('赋权事项', 'delegated powers'),
    'label.dispatched-units': ('派驻机构', 'dispatched units'),
    'label.empowerment-list': ('赋权清单', 'empowerment list'),
    'label.enforcement-in-one-team-an-enforcement-b': ('综合执法一队伍（综合行政执法机构）', 'enforcement in one team (an enforcement body)'),
    'label.functional-bodies': ('职能机构', 'functional bodies'),
    'label.governance-in-one-grid': ('基层治理一网格', 'governance in one grid'),
    'label.grid': ('网格', 'grid'),
    'label.institutions': ('事业单位', 'institutions'),
    'label.lead-and-supporting-responsibility-list': ('主体责任与配合责任清单', 'lead-and-supporting-responsibility list'),
    'label.leadership-posts': ('领导职数', 'leadership posts'),
    'label.lists': ('清单', 'lists'),
    'label.party-leadership-a-party-building-body': ('加强党的全面领导（党建工作机构）', 'Party leadership (a Party-building body)'),
    'label.power-list': ('权力清单', 'power list'),
    'label.quotas': ('编制', 'quotas'),
    'label.responsibility-list': ('责任清单', 'responsibility list'),
    'label.service-list': ('服务清单', 'service list'),
    "label.sub-units": ("内设科室、中队", "sections and squads"),
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
        "共检查{plans}个方案：通过{passed}个，不通过{failed}个，不完整{incomplete}个，无法读取{unusable}个；"
        "错误{errors}条，警告{warnings}条，无法检查{unknown}条，豁免{waived}条；跳过文件{skipped}个",
        "{plans:plan|plans} checked: {passed} passed, {failed} failed, {incomplete} incomplete, {unusable} unusable; "
        "{errors:error|errors}, {warnings:warning|warnings}, {unknown} cannot check, {waived} waived; "
        "{skipped:file|files} skipped",
    ),
    "report.skipped": ("已跳过", "skipped"),
    "report.skipped-more": ("另有{count}个文件已跳过（见 JSON 输出）", "{count:more file|more files} skipped (listed in the JSON output)"),
    "skip.underscore": (
        "文件名以“_”开头，不作为方案检查（县级汇总文件除外）",
        "the name starts with “_”: not checked as a plan (county files aside)",
    ),
    "skip.lock-file": ("文件名以“~$”开头（Excel 或 WPS 打开工作簿时留下的锁定文件），不作为方案检查",
                       "the name starts with “~$” (the lock file of a workbook open in Excel or WPS): not checked"),
    "skip.hidden-file": ("文件名以“.”开头（隐藏文件），不作为方案检查", "the name starts with “.” (a hidden file): not checked"),
    "skip.hidden-folder": ("位于以“.”开头的文件夹（隐藏文件夹）中，不作为方案检查", "inside a folder whose name starts with “.” (hidden): not checked"),
    "report.pack": ("规则包", "rule pack"),
    "report.shipped": ("内置", "shipped"),
    "report.from": ("来自“{origin}”", "from {origin}"),
    # ---- why a value does not fit the plan format (zh; the en text is pydantic's own) --------
    "schema.missing": ("缺少必填字段", "missing"),
    "schema.int_type": ("应为整数", "int type"),
    "schema.int_from_float": ("应为整数，不能有小数", "int from float"),
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
    "schema.dict_type": ("应为键和值的映射", "dict type"),
    "schema.model_type": ("应为键和值的映射", "model type"),
    "schema.model_attributes_type": ("应为键和值的映射", "model attributes type"),
    "schema.date_type": ("应为日期（YYYY-MM-DD）", "date type"),
    "schema.date_from_datetime_parsing": ("应为日期（YYYY-MM-DD）", "date from datetime parsing"),
    "schema.date_parsing": ("应为日期（YYYY-MM-DD）", "date parsing"),
    "schema.other": ("值不正确", "invalid value"),
    "schema.str_or_list": ("应为文字，或文字的列表", "must be text or a list of text"),
    # ---- the roll-up after a run over many plans ----------------------------------------------
    "rollup.title": ("== 汇总 ==", "== Summary =="),
    "rollup.headline": (
        "方案{plans}个：通过{passed}个，不通过{failed}个，不完整{incomplete}个，无法读取{unusable}个；县级汇总文件{county_files}个，有问题{county_files_failed}个",
        "{plans:plan|plans}: {passed} passed, {failed} failed, {incomplete} incomplete, {unusable} unusable; {county_files:county file|county files}, {county_files_failed} with findings",
    ),
    "rollup.per-check": ("按检查项：", "Findings per check:"),
    "rollup.per-province": ("按省：", "Per province:"),
    "rollup.row": (
        "{plans}个方案，不通过{failed}个，问题{findings}条",
        "{plans:plan|plans}  failed {failed}  findings {findings}",
    ),
    "rollup.top-counties": (
        "问题最多的县（前{shown}个，共{total}个县；全部见 --format json）：",
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
    "kind.bool": ("真假值", "true/false"),
    "kind.date": ("日期", "date"),
    "kind.datetime": ("日期", "date"),
    "kind.other": ("值", "value"),
    # ---- input ----------------------------------------------------------------------------
    "input.internal": (
        "检查本文件时发生内部错误（请把文件和这条信息报告给维护者）：{reason}",
        "internal error while checking this file (please report the file and this message): {reason}",
    ),
    "input.syntax": ("语法错误：{reason}", "syntax error: {reason}"),
    "input.duplicate-key": (
        "键“{key}”重复，第一次出现在第{first_line}行第{first_column}列；重复的键会丢失数据",
        "duplicate key “{key}” (first at line {first_line}, column {first_column}): a repeated key loses data",
    ),
    "input.tag": ("不允许的 YAML 标签{tag}：方案文件只能包含普通数据", "YAML tag {tag} is not allowed: a plan holds plain data only"),
    "input.merge-key": ("不支持合并键 <<", "merge keys (<<) are not supported"),
    "input.complex-key": ("键必须是简单的文字", "a key must be plain text"),
    "input.bad-scalar": ("无法读取的值“{value}”", "unreadable value “{value}”"),
    "input.bad-date": ("日期“{value}”无法读取，应写成 YYYY-MM-DD", "the date “{value}” cannot be read; write YYYY-MM-DD"),
    "input.bad-month": ("日期“{value}”不存在：月份是{month}，应为1至12", "the date “{value}” does not exist: month {month} is not 1 to 12"),
    "input.bad-day": (
        "日期“{value}”不存在：{year}年{month}月只有{days}天",
        "the date “{value}” does not exist: {month}/{year} has {days} days",
    ),
    "input.not-finite": ("数值{value}不是有限数", "the number {value} is not finite"),
    "input.encoding": (
        "文件不是 UTF-8 编码（看起来是{guess}），请另存为 UTF-8",
        "the file is not UTF-8 (it looks like {guess}); save it as UTF-8",
    ),
    "input.nul": ("文件中含有 NUL 字节，不是文本文件", "the file contains NUL bytes: it is not a text file"),
    "input.is-directory": ("这是一个文件夹，不是方案文件", "this is a folder, not a plan file"),
    "input.too-large": (
        "文件大小{size}字节，超过上限{limit}字节（可用 --max-bytes 调整）",
        "the file is {size} bytes, over the limit of {limit} (see --max-bytes)",
    ),
    "input.too-deep": ("嵌套超过{limit}层", "nested deeper than {limit} levels"),
    "input.too-many-nodes": (
        "展开别名后的值超过{limit}个（可能是别名炸弹）",
        "more than {limit} values once aliases are expanded (an alias bomb?)",
    ),
    "input.missing": ("文件不存在", "no such file"),
    "input.unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "input.empty": ("文件是空的（或只有注释）", "the file is empty (or only comments)"),
    "input.many-documents": ("一个文件只能有一个文档，这里开始了第二个", "one document per file; a second one starts here"),
    "input.schema": ("{field}：{reason}", "{field}: {reason_en}"),
    "input.unknown-role": (
        "未知的角色“{role}”（规则包中的角色：{known}）{hint}",
        "unknown role “{role}” (the pack's roles: {known_en}){hint_en}",
    ),
    "input.unknown-field": ("未知字段“{field}”{hint}", "unknown field “{field}”{hint_en}"),
    "input.did-you-mean": ("，是否应为“{word}”？", "; did you mean “{word}”?"),
    "input.not-allowed": (
        "{field}：“{value}”不是允许的取值（可写：{allowed}）{hint}",
        "{field}: “{value}” is not allowed (allowed: {allowed_en}){hint_en}",
    ),
    "input.missing-field": ("“{field}”中缺少必填字段“{name}”", "“{field}” lacks the required field “{name}”"),
    "input.missing-top": ("文件中缺少必填的“{name}”部分", "the file has no “{name}” section, which is required"),
    "input.missing-section": (
        "文件中缺少{section_zh}（“{name}”部分）；来源未提供时，请在“not_provided”中列出“{name}”",
        "the file lacks {section_en} (“{name}”); if the source does not give it, list “{name}” under “not_provided”",
    ),
    "input.code-unquoted": (
        "{field}：区划代码{value}没有加引号，会被读成数字；请把12位数字写在英文双引号内",
        "{field}: the division code {value} is not quoted, so it reads as a number; write its 12 digits in double quotes",
    ),
    "input.code-digits": (
        "{field}：区划代码应为12位数字（写在英文双引号内），这里是“{value}”，共{digits}个字符",
        "{field}: a division code is 12 digits (in double quotes), not “{value}” ({digits} characters)",
    ),
    "input.no-plans": ("没有找到方案文件（扩展名为 .yaml、.yml、.json 或 .xlsx）", "no plan files (.yaml / .yml / .json / .xlsx) found"),
    "input.symlink-loop": ("符号链接形成循环，已跳过", "symbolic link loop, skipped"),
    "input.too-many-values": ("文件中的值超过{limit}个（可用 --max-nodes 调整）", "more than {limit} values in one file (see --max-nodes)"),
    "input.tab": ("YAML 不能用制表符（Tab）缩进，请改用空格", "YAML cannot be indented with tabs; use spaces"),
    "input.binary": ("这不是文本文件（二进制数据）", "this is not a text file (binary data)"),
    "input.lone-surrogate": (
        "{escape}是不成对的代理项转义，不代表任何字符",
        "{escape} is an unpaired surrogate escape: it stands for no character",
    ),
    "input.control-char": (
        "含有不允许的控制字符{char}（可改写为双引号字符串中的转义）",
        "control character {char} is not allowed (escape it inside a double-quoted string)",
    ),
    "input.not-regular": ("这不是普通文件（设备、管道或套接字）", "this is not a regular file (a device, pipe or socket)"),
    "input.broken-link": ("符号链接指向的文件不存在", "the symbolic link points to nothing"),
    "input.key-too-long": ("键长{size}个字符，超过上限{limit}个", "a key of {size} characters, over the limit of {limit}"),
    "input.number-too-long": ("整数有{digits}位，超过上限{limit}位", "an integer of {digits} digits, over the limit of {limit}"),
    "input.undefined-alias": ("别名 *{anchor}没有对应的锚点 &{anchor}", "alias *{anchor} has no anchor &{anchor}"),
    "input.alias-cycle": ("别名 *{anchor}引用了包含它自身的值（循环）", "alias *{anchor} refers to a value that contains it (a loop)"),
    "input.root-type": (
        "方案的顶层必须是键和值的映射，这里是{found_zh}",
        "a plan must be a mapping (key: value) at the top, not a {found_en}",
    ),
    "cli.unknown-check": ("未知的检查项“{check}”（见 staffing rules）", "unknown check “{check}” (see staffing rules)"),
    # ---- packs ----------------------------------------------------------------------------
    "pack.unknown": ("未知的规则包“{pack}”（可用：{known}）{hint}", "unknown rule pack “{pack}” (known: {known}){hint_en}"),
    "pack.field": ("规则包中有未知或错误的字段：{field}", "unknown or malformed field in the rule pack: {field}"),
    "pack.missing": ("规则包缺少字段{field}", "the rule pack lacks {field}"),
    "pack.param-shape": (
        "{check}的参数{option}应写成包含 value 和 source 的映射，source 中写明 seed 和 quote",
        "{check}.{option} must be written as {{value: …, source: {{seed: …, quote: …}}}}",
    ),
    "pack.no-source": ("{check}.{option}没有注明政策依据（source）", "{check}.{option} has no policy source"),
    "pack.unknown-check": ("未知的检查项“{check}”", "unknown check “{check}”"),
    "pack.unknown-option": ("检查项{check}没有选项“{option}”", "check {check} has no option “{option}”"),
    "pack.option-value": ("{check}.{option}的值不正确：{reason}", "bad value for {check}.{option}: {reason}"),
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
    "pack.extends-loop": ("规则包{pack}的 extends 形成循环", "rule pack {pack} extends itself"),
    # ---- waivers (staffing.run.waivers) ------------------------------------------------------
    "waiver.unused": (
        "豁免未匹配到任何问题：{check}（{title}），{town}，机构{body}，批复文号{approval}",
        "waiver matches no finding: {check} ({slug}), {town}, body {body}, approval {approval}",
    ),
    "waiver.expired": (
        "豁免{approval}已于{expires}到期，见{file}第{line}行",
        "waiver {approval} expired on {expires}, see {file}:{line}",
    ),
    "waiver.shape": (
        "豁免文件应包含 waivers 列表，每项为一个映射，写明 check、town、reason、approval、approver、expires",
        "a waiver file holds `waivers:`, a list of mappings (check, town, reason, approval, approver, expires)",
    ),
    "waiver.field": ("豁免中有未知字段“{field}”", "unknown field “{field}” in a waiver"),
    "waiver.missing": ("豁免缺少必填字段{field}", "the waiver lacks {field}"),
    "waiver.value": ("豁免字段{field}应为文字，这里是{value}", "waiver field {field} must be text, not {value}"),
    "waiver.check": ("豁免中的检查项“{check}”不存在（见 staffing rules）", "unknown check “{check}” in a waiver (see staffing rules)"),
    "waiver.date": ("到期日期“{value}”应写成 YYYY-MM-DD", "expiry date “{value}” must be YYYY-MM-DD"),
    "waiver.today": ("STAFFING_TODAY 的值“{value}”应写成 YYYY-MM-DD", "STAFFING_TODAY “{value}” must be YYYY-MM-DD"),
    "run.more-findings": (
        "同一检查另有{count}处问题未逐条列出（已列出{listed}处；每个文件每项检查最多列出的条数有上限）",
        "{count} more findings of this check not listed ({listed} listed; findings listed per check and file are capped)",
    ),
    "ci.unusable": ("无法使用", "unusable"),
    "ci.waived": ("已豁免", "waived"),
    "ci.not-run": ("未执行（规则包未启用或未选择）", "not run (disabled by the pack or not selected)"),
    # ---- diff (staffing.run.diff) -------------------------------------------------------------
    "diff.header": ("比较{old} → {new}（{town}）", "comparing {old} → {new} ({town})"),
    "diff.bodies": ("机构", "bodies"),
    "diff.added": ("新增：{name}", "added: {name}"),
    "diff.removed": ("撤销：{name}", "removed: {name}"),
    "diff.renamed": ("更名：{old} → {new}（{by}）", "renamed: {old} → {new} ({by})"),
    "diff.by.role": ("按职能角色匹配", "matched by role"),
    "diff.by.merged_from": ("按合并来源匹配", "matched by merged_from"),
    "diff.merged": ("合并：{names} → {into}", "merged: {names} → {into}"),
    "diff.quotas": ("编制（按类型）", "quotas by type"),
    "diff.total": ("合计", "total"),
    "diff.posts": ("领导职数", "leadership posts"),
    "diff.units": ("派驻机构", "dispatched units"),
    "diff.unit-added": ("新增：{name}", "added: {name}"),
    "diff.unit-removed": ("撤销：{name}", "removed: {name}"),
    "diff.management": ("{name}：{old} → {new}", "{name}: {old} → {new}"),
    "diff.mgmt.local": ("属地管理", "managed locally"),
    "diff.mgmt.dispatched": ("继续实行派驻", "stays dispatched"),
    "diff.transfers": ("新增编制划转", "transfers added"),
    "diff.transfer": (
        "{source} → {to}：{type}{count}名，文号{document}",
        "{source} → {to}: {count} {type}, document {document}",
    ),
    "diff.grows.type": (
        "{type_zh}由{old}名增至{new}名，超过原方案与新增有文号下划{moved}名之和，多{excess}名",
        "{type_en} grows from {old} to {new}, over the old plan plus {moved} newly recorded from above, by {excess}",
    ),
    "diff.grows.total": (
        "编制总数由{old}名增至{new}名，超过原方案与新增有文号下划{moved}名之和，多{excess}名",
        "total quota grows from {old} to {new}, over the old plan plus {moved} newly recorded from above, by {excess}",
    ),
    "diff.violation": ("违反规则：{message}", "rule broken: {message}"),
    "diff.no-change": ("没有变化", "no changes"),
    "diff.ok": ("编制总量未增长", "staffing does not grow"),
    "diff.broken": ("有{count}处违反“编制只减不增”", "{count} breach(es) of “staffing never grows”"),
    "diff.git": ("无法从 git 读取旧版本：{reason}", "cannot read the old version from git: {reason}"),
    "diff.different-towns": (
        "两个文件不是同一个乡镇的方案（{old}与{new}），不能比较；确要比较请加 --force",
        "the two files are plans of different towns ({old} and {new}); add --force to compare them anyway",
    ),
    "config.unknown-key": ("未知的配置项“{key}”，是否应为“{hint}”？", "unknown setting “{key}”; did you mean “{hint}”?"),
    "config.unknown-key-plain": ("未知的配置项“{key}”", "unknown setting “{key}”"),
    "config.value": ("配置项{key}的值应为{expected}", "{key} must be {expected_en}"),
    "config.syntax": ("配置文件不是有效的 TOML：{reason}", "not valid TOML: {reason}"),
    "config.missing": ("配置文件不存在", "no such configuration file"),
    "config.isolated-and-file": ("--config 与 --isolated 不能同时使用", "--config and --isolated cannot be used together"),
    "cli.unknown-format": ("未知的输出格式“{format}”（可用：{known}）", "unknown output format “{format}” (known: {known})"),
    "cli.output-spec": ("--output 应写成“格式=文件”：{value}", "--output takes FORMAT=FILE: {value}"),
    "cli.format-not-text": (
        "输出格式“{format}”不能显示在终端上，请用 --output {format}=文件",
        "format “{format}” cannot be shown in a terminal; use --output {format}=FILE",
    ),
    "cli.exists": ("“{file}”已存在，未改动", "{file} exists; left as it is"),
    "cli.wrote": ("已写入“{file}”", "wrote {file}"),
    "cli.wrote-charts": (
        "已将{count}个方案的组织架构图写入“{folder}”（SVG 和 PNG 格式）",
        "wrote the org charts of {count:plan|plans} (SVG and PNG) into {folder}",
    ),
    "cli.generated": ("已在“{folder}”下写入{count}个文件", "wrote {count:file|files} under {folder}"),
    "cli.unwritable": ("无法写入“{target}”：{reason}", "cannot write {target}: {reason}"),
    "cli.diff-args": (
        "比较需要两个文件（旧版和新版），或用 --base 指定版本再加一个文件",
        "diff takes two files (OLD NEW), or --base REV and one file",
    ),
    "label.nameplates": ("加挂牌子", "extra nameplates"),
    "label.support-center": ("综合服务中心", "support service centre"),
    "report.summary-county": (
        "另检查县级汇总文件{county_files}个，有问题{county_failed}个",
        "also {county_files:county file|county files} checked, {county_failed} with findings or unusable",
    ),
    "unit.town": ("镇", "town"),
    "unit.township": ("乡", "township"),
    "unit.street": ("街道", "street (sub-district)"),
    "report.inferred": ("（推断）", " (inferred)"),
    "option.max": ("上限", "maximum"),
    "option.min": ("下限", "minimum"),
    "option.basis_required": ("须写明继续派驻的依据", "basis required for continued dispatch"),
    "option.budget_funded": ("财政供养人员只减不增", "budget-funded people never grow"),
    "option.duty_admission": ("须建立职责准入制度", "duty admission required"),
    "option.elements": ("“1+4”要素", "the 1+4 elements"),
    "option.forbid": ("禁止的做法", "forbidden practices"),
    "option.leadership_posts": ("领导职数只减不增", "leadership posts never grow"),
    "option.lists": ("须有的清单", "required lists"),
    "option.local_by_default": ("派驻机构原则上属地管理", "dispatched units managed locally by default"),
    "option.one_centre": ("只设一个综合服务中心", "one support centre only"),
    "option.only_towns": ("只有镇才能列为经济发达镇", "only towns can be developed towns"),
    "option.per_type": ("按编制类型分别只减不增", "no growth within each quota type"),
    "option.require_catalogue": ("赋权须公布目录", "delegated powers published as a catalogue"),
    "option.require_document": ("划转须有文号", "transfers need a document"),
    "option.residents_per_grid": ("每个网格的常住人口", "residents per grid"),
    "option.roles": ("必设机构", "mandatory bodies"),
    "option.town_leads": ("考核以乡镇为主", "the town leads the assessment"),
    "option.types": ("允许下划的编制类型", "quota types that may be moved down"),
    "option.written": ("须书面征求乡镇意见", "written consultation of the town"),
    "option.staffed_24h": ("24小时值班", "staffed around the clock"),
    "report.citation": ("{document}：“{quote}”", "{document}: “{quote}”"),
    "rules.documents": ("引用的文件", "documents cited"),
    "rules.reported-in": ("见", "reported in"),
    "ST201.type-plain": (
        "{type_zh}{after}名，超过改革前的{before}名，多{excess}名",
        "{type_en} {after}, over the baseline of {before} by {excess}",
    ),
    "ST201.total-plain": (
        "编制总数{after}名，超过改革前的{before}名，多{excess}名",
        "total quota {after}, over the baseline of {before} by {excess}",
    ),
    "option.enabled": ("启用状态", "enabled"),
    "option.severity": ("严重程度", "severity"),
    "option.to_roles": ("下划编制应充实的机构", "bodies quota moved down should strengthen"),
    # ---- review report (staffing.report) --------------------------------------------------------
    "rpt.title": ("三定方案审核意见书", "Three-set plan review report"),
    "rpt.title.many": ("三定方案审核意见书（汇总）", "Three-set plan review report (summary)"),
    "rpt.town": ("乡镇（街道）", "Town"),
    "rpt.code": ("区划代码", "Division code"),
    "rpt.region": ("所属地区", "Region"),
    "rpt.pack": ("适用规则包", "Rule pack"),
    "rpt.document": ("政策依据", "Policy document"),
    "rpt.plan-date": ("方案日期", "Plan date"),
    "rpt.review-date": ("审核日期", "Review date"),
    "rpt.file": ("方案文件", "Plan file"),
    "rpt.none": ("未填", "not given"),
    "rpt.verdict": ("审核结论", "Verdict"),
    "rpt.verdict.pass": ("通过", "Passes"),
    "rpt.verdict.fail": ("不通过", "Fails"),
    "rpt.verdict.incomplete": ("未能全部检查", "Incomplete"),
    "rpt.verdict.unknown": ("，无法检查{unknown}项", ", {unknown} could not be checked"),
    "rpt.verdict.counts": (
        "错误{errors}条，警告{warnings}条，已豁免{waived}条",
        "{errors} error(s), {warnings} warning(s), {waived} waived",
    ),
    "rpt.quotas": ("编制核定情况（按编制类型）", "Quotas by type"),
    "rpt.q.type": ("编制类型", "Quota type"),
    "rpt.q.before": ("改革前（名）", "Before"),
    "rpt.q.moved": ("有据下划（名）", "Recorded from above"),
    "rpt.q.limit": ("上限（名）", "Limit"),
    "rpt.q.after": ("改革后（名）", "After"),
    "rpt.q.change": ("增减（名）", "Change"),
    "rpt.q.total": ("合计", "Total"),
    "rpt.q.over": ("超出上限", "over the limit"),
    "rpt.bodies": ("机构设置（本工具识别的职能角色与类别）", "Bodies (role and category as the tool read them)"),
    "rpt.b.name": ("机构名称", "Body"),
    "rpt.b.role": ("职能角色", "Role"),
    "rpt.b.category": ("类别", "Category"),
    "rpt.b.quotas": ("编制（名）", "Quota"),
    "rpt.b.actual": ("实有（人）", "In post"),
    "rpt.b.findings": ("问题", "Findings"),
    "rpt.cat.mandatory": ("必设机构", "mandatory"),
    "rpt.cat.optional": ("自设机构", "self-chosen"),
    "rpt.cat.body": ("职能机构", "functional body"),
    "rpt.cat.nested": ("下属机构（不计入职能机构数）", "under another body (not counted)"),
    "rpt.cat.zone": ("开发区机构（一套班子，不计入）", "development-zone body (shared leadership, not counted)"),
    "rpt.cat.not-counted": ("（不计入职能机构数）", " (not counted)"),
    "rpt.cat.centre": ("综合服务中心", "service centre"),
    "rpt.cat.institution": ("未整合的事业单位", "institution outside the centre"),
    "rpt.role.other": ("其他", "other"),
    "rpt.counted": ("计入职能机构数的共{n}个", "{n} counted as functional bodies"),
    "rpt.findings": ("发现的问题", "Findings"),
    "rpt.findings.none": ("未发现问题。", "No findings."),
    "rpt.sev.error": ("错误", "Errors"),
    "rpt.sev.warning": ("警告", "Warnings"),
    "rpt.sev.info": ("提示", "Notes"),
    "rpt.sev.unknown": ("无法检查（方案中的数字或章节未知）", "Could not be checked (a figure or section is unknown)"),
    "rpt.f.where": ("位置", "Location"),
    "rpt.f.line": ("第{line}行第{column}列", "line {line}, column {column}"),
    "rpt.f.basis": ("政策依据", "Policy"),
    "rpt.f.inferred": ("（推断）", " (inferred)"),
    "rpt.f.no-basis": ("方案自身一致性要求，无需政策条文", "the plan's own consistency; no policy text needed"),
    "rpt.waivers": ("豁免事项", "Waivers"),
    "rpt.waivers.none": ("无豁免事项。", "No waivers."),
    "rpt.w.approval": ("批准", "Approval"),
    "rpt.chart.none": ("未能绘制机构设置图：{reason}", "The chart could not be drawn: {reason}"),
    "rpt.signoff": ("审核签署", "Sign-off"),
    "rpt.reviewer": ("审核人", "Reviewer"),
    "rpt.opinion": ("审核意见", "Opinion"),
    "rpt.date": ("日期", "Date"),
    "rpt.page": ("第{page}页，共{pages}页", "Page {page} of {pages}"),
    "rpt.made-by": ("由本工具（staffing，版本{version}）生成", "Made by staffing {version}"),
    "rpt.summary": ("汇总", "Summary"),
    "rpt.s.plans": ("共审核方案{n}个：通过{passed}个，不通过{failed}个，未能全部检查{incomplete}个，无法读取{unusable}个",
                    "{n} plan(s) reviewed: {passed} pass, {failed} fail, {incomplete} incomplete, {unusable} unreadable"),
    "rpt.s.by-county": ("按县（市、区）统计", "By county"),
    "rpt.s.county": ("县（市、区）", "County"),
    "rpt.s.plan": ("方案", "Plan"),
    "rpt.s.status": ("结论", "Verdict"),
    "rpt.s.errors": ("错误", "Errors"),
    "rpt.s.warnings": ("警告", "Warnings"),
    "rpt.s.passed": ("通过", "Pass"),
    "rpt.s.failed": ("不通过", "Fail"),
    "rpt.s.unusable": ("无法读取", "Unreadable"),
    "rpt.s.incomplete": ("未能全部检查", "Incomplete"),
    "rpt.s.total": ("合计", "Total"),
    "report.pdf-failed": ("无法生成 PDF：{reason}", "cannot make the PDF: {reason}"),
    "report.format": ("报告文件须以 .pdf 或网页文件后缀结尾，而不是“{suffix}”", "a report file ends in .html or .pdf, not “{suffix}”"),
    "report.no-pdf-engine": (
        "生成 PDF 需要网页排版程序及其字形库（Debian、Ubuntu：sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0）：{reason}",
        "PDF needs WeasyPrint and the Pango library (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0): {reason}",
    ),
}


# ---- the plan workbook (.xlsx): sheet names, column headers, hints, drop-down labels -------
# The workbook is the office's own form: Chinese only inside it; the English column is what
# an English reader of the layout (and --lang en messages) sees.
WORKBOOK: dict[str, tuple[str, str]] = {
    "xlsx.sheet.guide": ("填写说明", "Instructions"),
    "xlsx.sheet.town": ("基本情况", "Town"),
    "xlsx.sheet.baseline": ("改革前", "Before the reform"),
    "xlsx.sheet.totals": ("合计", "Totals"),
    "xlsx.sheet.bodies": ("职能机构", "Functional bodies"),
    "xlsx.sheet.subunits": ("内设科室", "Sections"),
    "xlsx.sheet.leadership": ("领导职数", "Leadership posts"),
    "xlsx.sheet.institutions": ("事业单位", "Institutions"),
    "xlsx.sheet.dispatched": ("派驻机构", "Dispatched units"),
    "xlsx.sheet.transfers": ("编制划转", "Quota transfers"),
    "xlsx.sheet.lists": ("清单", "Lists"),
    "xlsx.sheet.powers": ("赋权事项", "Delegated powers"),
    "xlsx.sheet.returned": ("收回事项", "Powers returned"),
    "xlsx.sheet.grid": ("网格与指挥中心", "Grid and command centre"),
    "xlsx.sheet.choices": ("选项", "Choices"),
    "xlsx.sheet.team": ("领导班子", "Leadership team"),
    "xlsx.unknown": ("未知", "unknown"),
    "xlsx.col.not_provided": ("方案未提供的部分", "sections not provided"),
    "xlsx.col.body_category": ("机构类别", "category"),
    "xlsx.col.inst_kind": ("事业单位类型", "kind of institution"),
    "xlsx.col.is_centre": ("是综合服务中心", "is the service centre"),
    "xlsx.col.team_title": ("职务", "post"),
    "xlsx.col.cross_holding": ("交叉任职", "also holds"),
    "xlsx.guide.sheet.team": ("乡镇领导班子：每行一种职务", "the town's leadership team: one post per row"),
    "xlsx.hint.unknown": ("不清楚的数字填“未知”；留空表示没有这一项。", "Write 未知 for a figure you do not know; leave empty when there is none."),
    "xlsx.hint.roles": ("从下拉列表中选择；一个机构承担几项职能时用顿号“、”隔开。", "Pick from the list; several roles separated by “、”."),
    "xlsx.hint.sections": ("方案没有提供的部分，用顿号“、”隔开，可选：", "Sections the plan does not give, separated by “、”: "),
    "xlsx.enum.inst_category.institution": ("事业单位", "an institution"),
    "xlsx.enum.inst_kind.support": ("支持保障类", "support"),
    "xlsx.enum.inst_kind.service": ("公益服务类", "public service"),
    "xlsx.enum.inst_kind.other": ("其他", "other"),
    "xlsx.enum.category.functional": ("职能机构", "functional body"),
    "xlsx.enum.category.own_rules": ("依章程设置的机构", "organ under its own rules"),
    "xlsx.enum.category.institution": ("事业单位", "public institution"),
    "xlsx.enum.category.platform": ("平台", "platform"),
    # sections of the form sheets
    "xlsx.section.town": ("乡镇（街道）基本情况", "The town"),
    "xlsx.section.plan": ("方案", "The plan"),
    "xlsx.section.zone": ("开发区（一套班子、两块牌子）", "Development zone (one leadership, two nameplates)"),
    "xlsx.section.baseline": ("改革前情况", "Before the reform"),
    "xlsx.section.totals": ("方案合计", "The plan's totals"),
    "xlsx.section.list.empowerment": ("赋权清单（县级）", "Empowerment list (county)"),
    "xlsx.section.list.power": ("权力清单", "Power list"),
    "xlsx.section.list.responsibility": ("责任清单", "Responsibility list"),
    "xlsx.section.list.service": ("服务清单", "Service list"),
    "xlsx.section.list.lead_supporting": ("主体责任与配合责任清单", "Lead and supporting duties list"),
    "xlsx.section.duty": ("职责准入制度", "Duty admission"),
    "xlsx.section.powers": ("赋权事项", "Delegated powers"),
    "xlsx.section.grid": ("网格", "Grid"),
    "xlsx.section.command": ("综合指挥调度中心", "Command centre"),
    "xlsx.form.item": ("项目", "Item"),
    "xlsx.form.value": ("填写内容", "Value"),
    "xlsx.form.hint": ("填写说明", "How to fill in"),
    # column headers and row labels
    "xlsx.col.name": ("名称", "name"),
    "xlsx.col.body_name": ("机构名称", "body"),
    "xlsx.col.code": ("统计用区划代码", "statistical code"),
    "xlsx.col.unit_type": ("单位类型", "kind of unit"),
    "xlsx.col.developed_town": ("经济发达镇", "developed town"),
    "xlsx.col.developed_town_document": ("经济发达镇批复文号", "developed-town approval document"),
    "xlsx.col.approval_document": ("机构批复文号", "approval document of the body"),
    "xlsx.col.assessment_joint_lead": ("联合考核以谁为主", "joint assessment led by"),
    "xlsx.col.province": ("省", "province"),
    "xlsx.col.city": ("市", "city"),
    "xlsx.col.county": ("县（市、区）", "county"),
    "xlsx.col.rank": ("规格", "rank"),
    "xlsx.col.post_rank": ("职级", "rank"),
    "xlsx.col.resident": ("常住人口", "resident population"),
    "xlsx.col.registered": ("户籍人口", "registered population"),
    "xlsx.col.rule_pack": ("规则包", "rule pack"),
    "xlsx.col.plan_date": ("方案日期", "plan date"),
    "xlsx.col.figures": ("数据来源说明", "where the figures come from"),
    "xlsx.col.budget_funded": ("财政供养人员（人）", "budget-funded people"),
    "xlsx.col.shared_leadership": ("与乡镇共用领导班子", "shares the town's leadership"),
    "xlsx.col.zone_body": ("挂牌机构", "body carrying the nameplate"),
    "xlsx.col.baseline_bodies": ("原有机构和事业单位", "bodies before the reform"),
    "xlsx.col.leadership_posts": ("领导职数（名）", "leadership posts"),
    "xlsx.col.q.administrative": ("行政编制（名）", "administrative quota"),
    "xlsx.col.q.institutional_full": ("全额拨款事业编制（名）", "fully funded institutional quota"),
    "xlsx.col.q.institutional_partial": ("差额拨款事业编制（名）", "partly funded institutional quota"),
    "xlsx.col.q.institutional_self": ("自收自支事业编制（名）", "self-funded institutional quota"),
    "xlsx.col.q.political_legal": ("政法专项编制（名）", "politics-and-law quota"),
    "xlsx.col.q.service": ("工勤编制（名）", "service-worker quota"),
    "xlsx.col.role": ("职能类别", "role"),
    "xlsx.col.kind": ("机构类型", "kind"),
    "xlsx.col.parent": ("上级机构", "parent body"),
    "xlsx.col.actual": ("实有人数（人）", "people in post"),
    "xlsx.col.nameplates": ("加挂牌子", "extra nameplates"),
    "xlsx.col.merged_from": ("由哪些原机构合并", "merged from"),
    "xlsx.col.duties": ("主要职责", "main duties"),
    "xlsx.col.owner": ("所属机构", "belongs to"),
    "xlsx.col.subunit": ("科室（中队）名称", "section"),
    "xlsx.col.title": ("职务名称", "title"),
    "xlsx.col.level": ("正职或副职", "principal or deputy"),
    "xlsx.col.approved": ("核定职数（名）", "approved posts"),
    "xlsx.col.filled": ("实配（名）", "posts filled"),
    "xlsx.col.category": ("类别", "category"),
    "xlsx.col.absorbed": ("整合的原事业单位", "institutions absorbed"),
    "xlsx.col.parent_department": ("派出部门", "parent department"),
    "xlsx.col.management": ("管理方式", "management"),
    "xlsx.col.dispatch_basis": ("继续派驻的依据", "basis for continued dispatch"),
    "xlsx.col.assessment_lead": ("考核主导", "assessment led by"),
    "xlsx.col.consultation": ("负责人任免征求乡镇意见", "town consulted on the head"),
    "xlsx.col.from": ("划出单位", "from"),
    "xlsx.col.to": ("划入单位", "to"),
    "xlsx.col.from_level": ("划出层级", "level"),
    "xlsx.col.quota_type": ("编制类型", "quota type"),
    "xlsx.col.count": ("名额（名）", "count"),
    "xlsx.col.document": ("文号", "document number"),
    "xlsx.col.present": ("已制定", "in place"),
    "xlsx.col.items": ("事项数（项）", "items"),
    "xlsx.col.duty_admission": ("已建立职责准入制度", "duty admission in place"),
    "xlsx.col.approval_items": ("审批服务事项（项）", "approval and service items"),
    "xlsx.col.penalty_powers": ("行政处罚权限（项）", "penalty powers"),
    "xlsx.col.other_powers": ("其他权限（项）", "other powers"),
    "xlsx.col.catalogue": ("公布目录的文号", "catalogue document"),
    "xlsx.col.legal_actor": ("实施主体", "acting body"),
    "xlsx.col.area": ("领域", "area"),
    "xlsx.col.returned_count": ("收回数量（项）", "count"),
    "xlsx.col.grids": ("网格数（个）", "grids"),
    "xlsx.col.workers": ("专职网格员（人）", "grid workers"),
    "xlsx.col.unified": ("多网合一", "one integrated grid"),
    "xlsx.col.host_body": ("所在机构", "host body"),
    "xlsx.col.staffed_24h": ("24小时值班", "staffed around the clock"),
    "xlsx.col.domain_posts": ("领域岗位数（个）", "domain posts"),
    # input hints (shown when a cell is selected)
    "xlsx.hint.required": ("必填。", "Required."),
    "xlsx.hint.count": ("填写整数（0或以上）；不清楚的留空。", "A whole number (0 or more); leave empty if unknown."),
    "xlsx.hint.text": ("填写文字。", "Text."),
    "xlsx.hint.names": ("多个名称用顿号“、”隔开。", "Several names separated by “、”."),
    "xlsx.hint.lines": ("每条职责占一行（单元格内换行）。", "One duty per line (a line break inside the cell)."),
    "xlsx.hint.choice": ("从下拉列表中选择。", "Pick from the drop-down list."),
    "xlsx.hint.bool": ("选择“是”或“否”。", "Pick 是 (yes) or 否 (no)."),
    "xlsx.hint.date": ("日期，例如2019-10-20。", "A date, e.g. 2019-10-20."),
    "xlsx.hint.code": ("12位数字，例如321282104000。", "12 digits, e.g. 321282104000."),
    "xlsx.hint.owner": ("填写“职能机构”表或“事业单位”表中已有的名称。", "A name from the bodies or institutions sheet."),
    "xlsx.hint.pack": ("从下拉列表中选择适用的规则包。", "Pick the rule pack that applies."),
    "xlsx.hint.mandatory": ("规则包要求填写。", "The rule pack requires this."),
    "xlsx.error.title": ("输入有误", "Invalid entry"),
    "xlsx.error.choice": ("请从下拉列表中选择。", "Pick a value from the list."),
    "xlsx.error.count": ("请填写0或以上的整数。", "Enter a whole number, 0 or more."),
    # drop-down labels
    "xlsx.enum.bool.true": ("是", "yes"),
    "xlsx.enum.bool.false": ("否", "no"),
    "xlsx.enum.unit_type.town": ("镇", "town"),
    "xlsx.enum.unit_type.township": ("乡", "township"),
    "xlsx.enum.unit_type.street": ("街道", "street"),
    "xlsx.enum.kind.office": ("办公室", "office"),
    "xlsx.enum.kind.bureau": ("局", "bureau"),
    "xlsx.enum.kind.centre": ("中心", "centre"),
    "xlsx.enum.kind.other": ("其他", "other"),
    # the roles by the names the base pack gives them (the plan format reads either)
    "xlsx.enum.role.party_government_office": ("党政办公室", "party and government office"),
    "xlsx.enum.role.party_building": ("党建工作办公室", "party building"),
    "xlsx.enum.role.economic_development": ("经济发展局", "economic development"),
    "xlsx.enum.role.social_affairs": ("社会事业局", "social affairs"),
    "xlsx.enum.role.approval_service": ("行政审批局", "approval and service"),
    "xlsx.enum.role.comprehensive_enforcement": ("综合行政执法局", "comprehensive enforcement"),
    "xlsx.enum.role.planning_construction": ("规划建设局", "planning and construction"),
    "xlsx.enum.role.agriculture_rural": ("农业农村局", "agriculture and rural affairs"),
    "xlsx.enum.role.safety_environment": ("安全生产和环境保护局", "work safety and environment"),
    "xlsx.enum.role.finance": ("财政局", "finance"),
    "xlsx.enum.role.natural_resources": ("自然资源和规划局", "natural resources"),
    "xlsx.enum.role.urban_management": ("城市管理局", "urban management"),
    "xlsx.enum.role.public_security_governance": ("社会治理局", "social governance"),
    "xlsx.enum.role.command_center": ("综合指挥调度中心", "command and dispatch"),
    "xlsx.enum.role.other": ("其他机构", "other"),
    "xlsx.enum.level.principal": ("正职", "principal"),
    "xlsx.enum.level.deputy": ("副职", "deputy"),
    "xlsx.enum.management.local": ("属地管理", "managed locally"),
    "xlsx.enum.management.dispatched": ("继续实行派驻", "stays dispatched"),
    "xlsx.enum.assessment.town": ("以乡镇为主", "led by the town"),
    "xlsx.enum.assessment.department": ("以派出部门为主", "led by the department"),
    "xlsx.enum.assessment.joint": ("联合考核", "joint"),
    "xlsx.enum.joint_lead.town": ("以乡镇为主", "the town"),
    "xlsx.enum.joint_lead.department": ("以派出部门为主", "the department"),
    "xlsx.enum.consultation.written": ("书面征求意见", "in writing"),
    "xlsx.enum.consultation.oral": ("口头征求意见", "orally"),
    "xlsx.enum.consultation.none": ("未征求意见", "not consulted"),
    "xlsx.enum.from_level.county": ("县级", "county"),
    "xlsx.enum.from_level.city": ("市级", "city"),
    "xlsx.enum.from_level.province": ("省级", "province"),
    "xlsx.enum.from_level.town": ("乡镇级", "town"),
    "xlsx.enum.quota_type.administrative": ("行政编制", "administrative"),
    "xlsx.enum.quota_type.institutional_full": ("全额拨款事业编制", "fully funded institutional"),
    "xlsx.enum.quota_type.institutional_partial": ("差额拨款事业编制", "partly funded institutional"),
    "xlsx.enum.quota_type.institutional_self": ("自收自支事业编制", "self-funded institutional"),
    "xlsx.enum.quota_type.political_legal": ("政法专项编制", "politics-and-law"),
    "xlsx.enum.quota_type.service": ("工勤编制", "service worker"),
    "xlsx.enum.legal_actor.town": ("乡镇（街道）", "the town"),
    "xlsx.enum.legal_actor.county_department": ("县级部门", "a county department"),
    "xlsx.enum.inst_category.centre": ("综合服务中心", "the service centre"),
    "xlsx.enum.inst_category.outside": ("未整合的事业单位", "an institution left outside it"),
    # the instructions sheet
    "xlsx.guide.title": ("乡镇（街道）三定方案填报表", "Township three-set plan workbook"),
    "xlsx.guide.intro": (
        "每个工作表对应三定方案的一部分。带 * 的列或项目必填；黄色底纹是所选规则包要求填写的内容。"
        "带下拉箭头的单元格请从列表中选择；选中单元格时会显示填写说明。不清楚的数字留空即可。",
        "Each sheet is one part of the plan. Columns or items marked * are required; yellow ones are required "
        "by the chosen rule pack. Cells with a drop-down arrow take a value from the list; selecting a cell shows "
        "how to fill it in. Leave a figure you do not know empty.",
    ),
    "xlsx.guide.check": (
        "填好后保存为 .xlsx，运行：staffing check 本文件.xlsx；每条问题都指出工作表和单元格，例如 职能机构!F3。",
        "When done, save as .xlsx and run: staffing check this-file.xlsx; each finding names its sheet and cell, "
        "e.g. 职能机构!F3.",
    ),
    "xlsx.guide.rows": (
        "“内设科室”和“领导职数”每行的“所属机构”须与“职能机构”或“事业单位”表中的名称一致。"
        "公式不会被计算：只使用文件中保存的计算结果。请勿使用宏。",
        "The “belongs to” column of sections and leadership posts must match a name in the bodies or institutions "
        "sheet. Formulas are never evaluated: only the result saved in the file is used. Do not use macros.",
    ),
    "xlsx.guide.sheets": ("工作表", "Sheets"),
    "xlsx.guide.pack": ("规则包：{title}", "Rule pack: {title}"),
    "xlsx.guide.mandatory-bodies": ("必设机构：{names}", "Mandatory bodies: {names}"),
    "xlsx.guide.mandatory-lists": ("必须制定的清单：{names}", "Lists required: {names}"),
    "xlsx.guide.mandatory-elements": ("必须具备的“1+4”要素：{names}", "“1+4” elements required: {names}"),
    "xlsx.guide.example": ("示例：“职能机构”等表中已按示例方案填好，可直接修改或删除后填写。",
                           "The sheets hold an example plan: change it or delete it and fill in your own."),
    "xlsx.guide.sheet.town": ("名称、区划代码、单位类型、人口；规则包；开发区", "name, code, kind, population; rule pack; zone"),
    "xlsx.guide.sheet.baseline": ("改革前的机构、各类编制、领导职数和财政供养人员", "bodies, quotas, posts before the reform"),
    "xlsx.guide.sheet.totals": ("方案所列合计数（用于核对各部分之和）", "the plan's stated totals"),
    "xlsx.guide.sheet.bodies": ("每行一个职能机构", "one functional body per row"),
    "xlsx.guide.sheet.subunits": ("每行一个内设科室或中队", "one section or squad per row"),
    "xlsx.guide.sheet.leadership": ("每行一种职务", "one title per row"),
    "xlsx.guide.sheet.institutions": ("综合服务中心，以及未整合的事业单位", "the service centre and any institution left out"),
    "xlsx.guide.sheet.dispatched": ("每行一个派驻机构", "one dispatched unit per row"),
    "xlsx.guide.sheet.transfers": ("每行一笔编制划转（编随事走）", "one quota transfer per row"),
    "xlsx.guide.sheet.lists": ("五张清单和职责准入制度", "the five lists and duty admission"),
    "xlsx.guide.sheet.powers": ("下放的审批、处罚等权限", "delegated powers"),
    "xlsx.guide.sheet.returned": ("收回县级的权限", "powers returned to the county"),
    "xlsx.guide.sheet.grid": ("网格化管理和综合指挥调度中心", "grid and command centre"),
    # reading a workbook: one message per mistake, naming the sheet and cell
    "xlsx.not-a-workbook": ("这不是有效的 Excel 工作簿（.xlsx）：{reason}", "not a valid Excel workbook (.xlsx): {reason}"),
    "xlsx.old-format": (
        "这是旧版 Excel（.xls）或加密的工作簿，无法读取；请在 Excel 中“另存为”不加密的 .xlsx",
        "an old-style Excel file (.xls) or an encrypted workbook; save it as an unencrypted .xlsx",
    ),
    "xlsx.macro": ("工作簿含有宏（{part}），出于安全考虑不予读取；请另存为不含宏的 .xlsx",
                   "the workbook contains macros ({part}) and is refused; save it as a macro-free .xlsx"),
    "xlsx.external-link": ("工作簿引用了外部文件（{part}），不予读取；请先断开外部链接",
                           "the workbook links to other files ({part}) and is refused; break the links first"),
    "xlsx.too-big": (
        "工作簿解压后{size}字节，超过上限{limit}字节",
        "the workbook unpacks to {size} bytes, over the limit of {limit}",
    ),
    "xlsx.too-many-parts": ("工作簿包含{count}个部件，超过上限{limit}个", "the workbook has {count} parts, over the limit of {limit}"),
    "xlsx.too-many-cells": ("工作表有内容的单元格超过{limit}个", "more than {limit} cells with content"),
    "xlsx.no-sheets": ("工作簿中没有方案工作表（应有：{names}）", "no plan sheets in the workbook (expected: {names})"),
    "xlsx.hidden-sheet": ("工作表“{name}”被隐藏：请取消隐藏（或删除）后再检查，以免漏看其中内容",
                          "sheet “{name}” is hidden: unhide (or delete) it, so nothing in it goes unseen"),
    "xlsx.no-header": ("没有找到表头（应包含：{names}）", "no header row found (expected: {names})"),
    "xlsx.unknown-column": ("未知的列“{header}”{hint}", "unknown column “{header}”{hint_en}"),
    "xlsx.unknown-row": ("未知的项目“{label}”{hint}", "unknown item “{label}”{hint_en}"),
    "xlsx.duplicate-column": ("列“{header}”出现了两次（另一处在第{first}列）", "column “{header}” appears twice (also column {first})"),
    "xlsx.formula-no-value": (
        "单元格是公式{formula}，文件中没有保存计算结果；公式不会被计算，请填写数值",
        "the cell holds the formula {formula} and no saved result; formulas are never evaluated, enter the value",
    ),
    "xlsx.bad-choice": ("“{value}”不是可选的值，可选：{choices}", "“{value}” is not one of the choices: {choices}"),
    "xlsx.bad-bool": ("“{value}”应为“是”或“否”", "“{value}” should be 是 (yes) or 否 (no)"),
    "xlsx.bad-date": ("“{value}”不是日期（例如2019-10-20）", "“{value}” is not a date (e.g. 2019-10-20)"),
    "xlsx.bad-number": ("“{value}”不是0或以上的整数", "“{value}” is not a whole number of 0 or more"),
    "xlsx.unknown-owner": ("所属机构“{name}”不在“职能机构”或“事业单位”表中", "“{name}” is not a body or institution of the plan"),
    "xlsx.ambiguous-owner": (
        "所属机构“{name}”在方案中出现了不止一次，无法确定是哪一个；请写明行号，例如“{name}（职能机构第3行）”",
        "“{name}” names more than one part of the plan; write “{name}（职能机构第N行）”",
    ),
    "xlsx.control-char": ("“{name}”含有控制字符，工作簿无法保存", "“{name}” holds a control character a workbook cannot store"),
    "xlsx.owner-row": ("{name}（{sheet}第{row}行）", "{name} ({sheet} row {row})"),
    "xlsx.missing-owner": ("请填写所属机构", "the row does not say which body it belongs to"),
    "xlsx.two-centres": ("综合服务中心只能填一行（另一行在第{first}行）", "only one row can be the service centre (also row {first})"),
    "xlsx.separator": ("名称“{name}”含有分隔符“、”，无法写入一个单元格", "the name “{name}” contains the separator “、” and cannot be written to one cell"),
    "xlsx.formula-cached": (
        "单元格是公式{formula}，未计算公式，使用了文件中保存的结果{value}",
        "the cell holds the formula {formula}; it was not evaluated, the saved result {value} was used",
    ),
    "convert.suffix": ("无法按扩展名“{suffix}”转换：只支持 .yaml、.yml、.json、.xlsx",
                       "cannot convert by the suffix “{suffix}”: only .yaml, .yml, .json and .xlsx"),
    "convert.same": ("输入和输出是同一个文件", "the input and the output are the same file"),
    # province summary (--output xlsx=… / csv=…)
    "summary.sheet.plans": ("方案", "Plans"),
    "summary.sheet.findings": ("问题", "Findings"),
    "summary.sheet.counties": ("县汇总", "Counties"),
    "summary.col.incomplete": ("不完整（个）", "incomplete"),
    "summary.col.unknown": ("无法检查（条）", "cannot check"),
    "summary.status.incomplete": ("不完整", "incomplete"),
    "summary.severity.unknown": ("无法检查", "cannot check"),
    "summary.col.file": ("文件", "file"),
    "summary.col.province": ("省", "province"),
    "summary.col.city": ("市", "city"),
    "summary.col.county": ("县（市、区）", "county"),
    "summary.col.town": ("乡镇（街道）", "town"),
    "summary.col.code": ("区划代码", "code"),
    "summary.col.pack": ("规则包", "rule pack"),
    "summary.col.status": ("结论", "status"),
    "summary.col.errors": ("错误（条）", "errors"),
    "summary.col.warnings": ("警告（条）", "warnings"),
    "summary.col.infos": ("提示（条）", "notes"),
    "summary.col.waived": ("豁免（条）", "waived"),
    "summary.col.bodies": ("职能机构（个）", "bodies"),
    "summary.col.quota": ("编制总数（名）", "total quota"),
    "summary.col.baseline": ("改革前编制（名）", "quota before"),
    "summary.col.actual": ("实有人数（人）", "people in post"),
    "summary.col.reason": ("无法读取的原因", "why unusable"),
    "summary.col.where": ("位置", "where"),
    "summary.col.severity": ("级别", "severity"),
    "summary.col.check": ("检查项", "check"),
    "summary.col.title": ("问题类别", "kind of problem"),
    "summary.col.message": ("问题", "finding"),
    "summary.col.trail": ("所在部分", "part of the plan"),
    "summary.col.source": ("依据", "source"),
    "summary.col.waiver": ("豁免", "waiver"),
    "summary.col.plans": ("方案（个）", "plans"),
    "summary.col.passed": ("通过（个）", "passed"),
    "summary.col.failed": ("不通过（个）", "failed"),
    "summary.col.unusable": ("无法读取（个）", "unusable"),
    "summary.col.findings": ("问题（条）", "findings"),
    "summary.status.pass": ("通过", "pass"),
    "summary.status.fail": ("不通过", "fail"),
    "summary.status.error": ("无法读取", "unusable"),
    "summary.severity.error": ("错误", "error"),
    "summary.severity.warning": ("警告", "warning"),
    "summary.severity.info": ("提示", "note"),
}
CATALOGUE.update(WORKBOOK)

_JOIN = {"zh": "、", "en": ", "}


def plural(n: object, one: str, many: str) -> str:
    """"1 plan", "2 plans": a count and its English noun."""
    return f"{n} {one if n == 1 else many}"


class _Formatter(string.Formatter):
    """str.format, plus "{n:plan|plans}" for a count with its English noun in the right
    number (Chinese needs no such form)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, many = format_spec.partition("|")
            return plural(value, one, many)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


_HALF = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_HALF_NEAR_CHINESE = re.compile(r"(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”])\s*([,;:()!?])|([,;:()!?])\s*(?=[\u3400-\u9fff“”])")


def full_width(text: str) -> str:
    """Half-width punctuation next to Chinese made full-width (a quote from a seed file
    that was saved with ASCII commas reads as the document has it)."""
    text = _HALF_NEAR_CHINESE.sub(lambda m: _HALF[m.group(1) or m.group(2)], text)
    if re.search("[\u3400-\u9fff]", text) and text.count('"') % 2 == 0:  # "5张清单" → “5张清单”
        parts = text.split('"')
        text = "".join(p + ("“" if i % 2 == 0 else "”") if i < len(parts) - 1 else p for i, p in enumerate(parts))
    return text


def check_name(code: str, slug: str, lang: str) -> str:
    """How a check is named next to its code: its Chinese title in Chinese output (a slug
    is an identifier), its slug in English."""
    if lang == "zh" and f"title.{code}" in CATALOGUE:
        return CATALOGUE[f"title.{code}"][0]
    return slug


def label(key: str) -> tuple[str, str]:
    """A (zh, en) pair from the catalogue, for text that is put together elsewhere
    (a finding's trail, a list element's name)."""
    return CATALOGUE[key]


def text(key: str, lang: str) -> str:
    """The entry `key` in `lang`, with no fields to fill."""
    zh, en = CATALOGUE[key]
    return zh if lang == "zh" else en


def render(key: str, lang: str, params: dict[str, Any]) -> str:
    """The message `key` in `lang` ("zh" or "en"), filled with params."""
    zh, en = CATALOGUE[key]
    template = zh if lang == "zh" else en
    joiner = _JOIN.get(lang, ", ")
    shown = {k: joiner.join(str(x) for x in v) if isinstance(v, (list, tuple)) else v for k, v in params.items()}
    try:
        return _FORMATTER.format(template, **shown)
    except (KeyError, IndexError, ValueError):  # a missing parameter must never hide the message
        return template
