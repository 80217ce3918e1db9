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
    "ST605.approval": (
        "审批服务事项由{body}承接，但{body}不是{roles_zh}：审批服务事项及相关工作人员应全部归并到{roles_zh}",
        "the approval (service) items are taken on by {body}: they and the staff who handle them belong in the "
        "approval bureau ({roles_en})",
    ),
    "ST605.enforcement": (
        "行政处罚权限由{body}行使，但{body}不是{roles_zh}：执法人员应全部划转至{roles_zh}",
        "the penalty powers are exercised by {body}: the enforcement staff belong in the enforcement bureau ({roles_en})",
    ),
    "ST605.unknown": (
        "承接下放事项的机构“{body}”不在本方案的机构中：应为{roles_zh}",
        "the body named to take on the delegated work, “{body}”, is not a body of this plan (it should be a body of "
        "the kind {roles_en})",
    ),
    "ST605.transfer": (
        "随{work_zh}从{source}划转的编制{count}名划入{to}，{to}不是{roles_zh}：相关人员应划入{roles_zh}",
        "{count} quota moved from {source} with {work_en} go to {to}: they and their staff belong in a body of the "
        "kind {roles_en}",
    ),
    "ST605.transfer-town": (
        "随{work_zh}从{source}划转的编制{count}名只记到{to}，没有写明划入哪个机构：请写明，应为{roles_zh}",
        "{count} quota moved from {source} with {work_en} are recorded against {to} as a whole: say which body "
        "receives them ({roles_en})",
    ),
    "ST605.squad": (
        "{body}下设{unit}：执法人员应全部划转至{roles_zh}，请核实该单位是否承担执法",
        "{body} has a unit {unit}: enforcement staff belong in {roles_en}; please check whether the unit enforces",
    ),
    "ST606.missing": (
        "{name}没有{missing}领域的事项流转岗：指挥调度中心应进驻{domains}等领域的事项流转岗",
        "{name} has no post for {missing}: the command centre should have a post for each of {domains}",
    ),
    "ST606.posts": (
        "{name}只设领域事项流转岗{posts}个，少于应进驻的{needed}个领域（{domains}）：请补设岗位，或写明各岗位所属领域",
        "{name} has {posts} domain posts, fewer than the {needed} domains it should serve ({domains}): add the posts, "
        "or name the domain of each",
    ),
    "work.approval": ("审批服务事项", "approval (service) items"),
    "work.enforcement": ("行政执法", "enforcement"),
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
        "名称“{name}”与{first_where_zh}中的“{first}”（{first_at_zh}）重复",
        "the name “{name}” repeats “{first}” of {first_where_en} ({first_at_en})",
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
    "ST953": (
        "{county}向{town}下沉编制{count}名，少于每个乡镇（街道）应得的{limit}名：按“编随事走”，下沉编制是县（市、区）的责任",
        "{county} has moved {count} quota down to {town}, fewer than the {limit} each town or street should receive: "
        "moving quota down with the work is the county's duty",
    ),
    "ST954": (
        "{county}的用编用人计划为{town}安排{count}名，超过其空编{vacant}名，而{others}仍有空编未安排：应优先保障空编的乡镇（街道）",
        "{county}'s recruitment plan gives {town} {count} places, more than its {vacant} vacancies, while {others} still "
        "have vacancies it does not fill: towns with vacancies come first",
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
    "title.ST605": ("审批服务或执法力量未归入对应机构", "Approval items or enforcement staff outside their bureau"),
    "title.ST606": ("指挥调度中心缺少领域事项流转岗", "The command centre has no post for a domain"),
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
    "title.ST954": ("用编用人计划未优先保障空编的乡镇（街道）", "The recruitment plan passes over towns with vacancies"),
    "title.ST953": ("县级尚未向乡镇（街道）下沉编制", "The county has not moved quota down to a town"),
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
    # ---- why a value does not fit the plan format (by pydantic's error type) ------------------
    "schema.missing": ("缺少必填字段", "required, but missing"),
    "schema.int_type": ("应为整数", "must be a whole number"),
    "schema.int_from_float": ("应为整数，不能有小数", "must be a whole number, without a fraction"),
    "schema.int_parsing": ("应为整数", "must be a whole number"),
    "schema.greater_than_equal": ("不能为负数", "must not be negative"),
    "schema.greater_than": ("应大于零", "must be more than zero"),
    "schema.string_type": ("应为文字", "must be text"),
    "schema.bool_type": ("应为 true 或 false", "must be true or false"),
    "schema.bool_parsing": ("应为 true 或 false", "must be true or false"),
    "schema.literal_error": ("取值不在允许范围内", "is not one of the allowed values"),
    "schema.string_pattern_mismatch": ("格式不正确", "is not in the right form"),
    "schema.string_too_short": ("不能为空", "must not be empty"),
    "schema.string_too_long": ("太长", "is too long"),
    "schema.list_type": ("应为列表", "must be a list"),
    "schema.dict_type": ("应为键和值的映射", "must be a mapping of keys and values"),
    "schema.model_type": ("应为键和值的映射", "must be a mapping of keys and values"),
    "schema.model_attributes_type": ("应为键和值的映射", "must be a mapping of keys and values"),
    "schema.date_type": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "schema.date_from_datetime_parsing": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "schema.date_parsing": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "schema.other": ("值不正确", "invalid value"),
    "schema.quota_twice": ("同一编制类型写了两次（代码和中文名称各一次）", "one quota type is written twice (by its code and its Chinese name)"),
    "schema.str_or_list": ("应为文字，或文字的列表", "must be text or a list of text"),
    # ---- the roll-up after a run over many plans ----------------------------------------------
    "rollup.title": ("== 汇总 ==", "== Summary =="),
    "rollup.headline": (
        "方案{plans}个：通过{passed}个，不通过{failed}个，不完整{incomplete}个，无法读取{unusable}个；县级汇总文件{county_files}个，有问题{county_files_failed}个",
        "{plans:plan|plans}: {passed} passed, {failed} failed, {incomplete} incomplete, {unusable} unusable; {county_files:county file|county files}, {county_files_failed} with findings",
    ),
    "rollup.per-check": ("按检查项：", "Findings per check:"),
    # where a value stands, said in words (an input error's field, a repeated name's place)
    "place.item": ("第{n}项", "item {n}"),
    "place.of": ("{owner}的{part}", "the {part} of {owner}"),
    "place.owned-field": ("{owner}的{part}{said}的{field}", "{field} of {said} ({part} of {owner})"),
    "place.listed-field": ("{list}{said}的{field}", "{field} of {said} ({list})"),
    "place.listed": ("{list}{said}", "{said} ({list})"),
    "rollup.check-row": ("{code} {name}：{count}条", "{code} {name:<36} {count:>7}"),
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
    "rules.pack": ("{title}（{origin}）", "{id}  {title}  ({origin})"),
    "rules.id": ("标识：{id}（写在方案的 rule_pack 中，或用 --rules 指定）", "id: {id}"),
    "rules.extends-line": ("继承：{chain}", "extends: {chain}"),
    "rules.applies-line": ("适用于：{units}", "applies to: {units}"),
    "rules.inferred-line": ("推断：{note}", "inferred: {note}"),
    "rules.inferred-from-line": ("推断（沿用“{pack}”）：{note}", "inferred (from “{pack}”): {note}"),
    "rules.why-line": ("推断理由：{note}", "why: {note}"),
    "rules.document": ("引用文件：{title}", "document cited: {title}"),
    "rules.effective-line": ("生效日期：{date}{inferred}；{source}", "effective: {date}{inferred}; {source}"),
    "rules.requires-line": ("适用条件：{name}为{value}；{source}", "requires: {name} = {value}; {source}"),
    "rules.requires.developed_town": ("经济发达镇", "developed town"),
    "rules.vocabulary-line": ("词表（推断，见上）：{name}：{words}", "vocabulary (inferred, see above): {name} = {words}"),
    "rules.vocabulary.ranks": ("机构规格", "ranks"),
    "rules.vocabulary.post_ranks": ("公务员职级", "post_ranks"),
    "rules.vocabulary.titles.principal": ("正职职务名称", "titles.principal"),
    "rules.vocabulary.titles.deputy": ("副职职务名称", "titles.deputy"),
    "rules.param": ("{check}  {option}：{value}；{source}", "{option} = {value}; {source}"),
    "rules.source": ("依据：{citation}", "source: {citation}"),
    "rules.loosens-line": (
        "放宽了上级规则包“{parent}”的限制：{check}的{option}由{before}改为{after}",
        "loosens {parent}: {check} {option} {before} → {after}",
    ),
    "rules.checks": ("检查项", "Checks"),
    "rules.no-source": ("未注明依据", "no source"),
    "value.yes": ("是", "yes"),
    "value.no": ("否", "no"),
    "value.none": ("无", "none"),
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
    "input.syntax": ("语法错误：{what_zh}", "syntax error: {what_en}"),
    "input.full-width-colon": (
        "键“{key}”后面是全角冒号“：”，应为英文冒号加空格",
        "the key “{key}” is followed by a full-width colon (：); write an ASCII colon and a space",
    ),
    # why a file cannot be parsed, in a reader's words (the parsers' own words are English)
    "syntax.no-colon": (
        "这一行像一个键，但后面缺少英文冒号和空格",
        "this line reads as a key, but no colon and space follow it",
    ),
    "syntax.colon-in-value": (
        "此处不应出现冒号加空格：若是值的一部分，请把整个值写在引号内；若是新的键，请检查这一行和上一行的缩进",
        "a colon and space cannot stand here: quote the whole value if it belongs to it, or check the indentation of this line and the one before",
    ),
    "syntax.indent": (
        "缩进不对：同一层的键应左对齐，下一层的键应比上一层多缩进",
        "wrong indentation: keys of one level line up, keys of the level below are indented further",
    ),
    "syntax.list-indent": (
        "缩进不对：列表的每一项都应以“- ”开头，并与上一项对齐",
        "wrong indentation: every item of a list starts with “- ”, lined up with the item before",
    ),
    "syntax.flow-list": ("方括号没有闭合，或列表的两项之间缺少逗号", "a square bracket is not closed, or a comma is missing between two items"),
    "syntax.flow-map": ("花括号没有闭合，或两项之间缺少逗号", "a curly bracket is not closed, or a comma is missing between two entries"),
    "syntax.unclosed-quote": ("从这里开始的引号没有闭合", "the quotation mark opened here is never closed"),
    "syntax.bad-start": ("值不能以这个字符开头，请把整个值写在引号内", "a value cannot start with this character; quote the whole value"),
    "syntax.escape": (
        "引号内的反斜杠转义无效：反斜杠本身请写两个，或改用单引号",
        "an invalid backslash escape inside quotes: write a backslash as two, or use single quotes",
    ),
    "syntax.no-value": ("此处缺少值（可能多了一个逗号）", "a value is missing here (an extra comma?)"),
    "syntax.tag": ("不允许的 YAML 标签：方案文件只能包含普通数据", "a YAML tag is not allowed: a plan holds plain data only"),
    "syntax.anchor": (
        "“&”或“*”后应紧跟名称；若是值的一部分，请把整个值写在引号内",
        "“&” or “*” must be followed by a name; quote the whole value if it belongs to it",
    ),
    "syntax.directive": ("不支持以“%”开头的指令行", "directives (lines starting with “%”) are not supported"),
    "syntax.json-value": ("此处缺少值（可能多了一个逗号）", "a value is missing here (an extra comma?)"),
    "syntax.json-comma": ("两项之间缺少逗号", "a comma is missing between two items"),
    "syntax.json-colon": ("键和值之间缺少冒号", "a colon is missing between a key and its value"),
    "syntax.json-key": ("键应写在英文双引号内（也可能是多了一个逗号）", "a key must be in double quotes (or there is an extra comma)"),
    "syntax.json-control": ("字符串中有控制字符（如换行），请改写为转义", "a control character (a line break?) inside a string: escape it"),
    "syntax.json-extra": ("文档已经结束，后面还有多余的内容", "the document has ended, but more follows"),
    "syntax.json-trailing-comma": ("最后一项后面多了一个逗号", "an extra comma after the last item"),
    "syntax.other": ("无法解析此处", "this cannot be parsed"),
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
    "input.unreadable": ("无法读取文件：{reason_zh}", "cannot read the file: {reason}"),
    "input.empty": ("文件是空的（或只有注释）", "the file is empty (or only comments)"),
    "input.many-documents": ("一个文件只能有一个文档，这里开始了第二个", "one document per file; a second one starts here"),
    "input.schema": ("{field}：{reason}", "{field_en}: {reason_en}"),
    "input.unknown-role": (
        "未知的角色“{role}”（规则包中的角色：{known}）{hint}",
        "unknown role “{role}” (the pack's roles: {known_en}){hint_en}",
    ),
    "input.unknown-field": ("未知字段“{field}”{hint}", "unknown field “{field}”{hint_en}"),
    "place.line": ("第{line}行", "line {line}"),
    "input.did-you-mean": ("，是否应为“{word}”？", "; did you mean “{word}”?"),
    "input.not-allowed": (
        "{field}：“{value}”不是允许的取值（可写：{allowed}）{hint}",
        "{field_en}: “{value}” is not allowed (allowed: {allowed_en}){hint_en}",
    ),
    "input.missing-field": ("{field}中缺少必填的{label}", "{field_en} lacks the required {label_en}"),
    "input.missing-top": ("文件中缺少必填的“{name}”部分", "the file has no “{name}” section, which is required"),
    "input.missing-section": (
        "文件中缺少{section_zh}（“{name}”部分）；来源未提供时，请在“not_provided”中列出“{name}”",
        "the file lacks {section_en} (“{name}”); if the source does not give it, list “{name}” under “not_provided”",
    ),
    "input.code-unquoted": (
        "{field}：{value}没有加引号，会被读成数字；请把12位数字写在英文双引号内",
        "{field_en}: {value} is not quoted, so it reads as a number; write its 12 digits in double quotes",
    ),
    "input.code-digits": (
        "{field}：应为12位数字（写在英文双引号内），这里是“{value}”，共{digits}个字符",
        "{field_en}: 12 digits are needed (in double quotes), not “{value}” ({digits} characters)",
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
    "cli.unknown-check": ("没有检查项“{check}”，全部检查项见 staffing rules", "no check “{check}”: staffing rules lists every check"),
    "cli.unknown-check-slug": (
        "没有检查项“{check}”，是否要写“{slug}”（{code} {title}）？全部检查项见 staffing rules",
        "no check “{check}”: did you mean “{slug}” ({code})? staffing rules lists every check",
    ),
    "cli.unknown-check-code": (
        "没有检查项“{check}”，是否要写“{code}”（{title}）？全部检查项见 staffing rules",
        "no check “{check}”: did you mean “{code}” ({slug})? staffing rules lists every check",
    ),
    "cli.check-not-selectable": (
        "{code}（{title}）不是对单个方案的检查项，不能用 --select 或 --ignore 选择",
        "{code} ({title_en}) is not a check of one plan; --select and --ignore cannot choose it",
    ),
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
    "pack.option-value": ("{check}.{option}的值不正确：{reason_zh}", "bad value for {check}.{option}: {reason}"),
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
    "ci.title": ("{code} {title}", "{code} {title}"),
    "ci.title-waived": ("{code} {title}（{waived}）", "{code} {title} ({waived})"),
    "ci.waived-line": ("{waived}：{waiver}", "{waived}: {waiver}"),
    # as the text report writes a finding: fields apart by two spaces in Chinese
    "ci.finding": ("{code} {title}  {message}", "{code} {title}: {message}"),
    "ci.finding-line": ("{where}  {severity}  {code} {title}  {message}", "{where}: {severity} {code} {title}: {message}"),
    "ci.not-run": ("未执行（规则包未启用或未选择）", "not run (disabled by the pack or not selected)"),
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
    "diff.git": ("无法从 git 读取旧版本：{git_zh}", "cannot read the old version from git: {reason}"),
    # what git says when it cannot give the old version (its own words are English)
    "git.no-file": ("这个版本中没有这个文件", "the file is not in that version"),
    "git.no-revision": ("找不到这个版本", "no such version"),
    "git.no-repository": ("文件所在的文件夹不在 git 仓库中", "the file's folder is not in a git repository"),
    "git.not-run": ("无法运行 git", "git could not be run"),
    "git.other": ("git 报错（英文说明可用 --lang en 查看）", "git reported an error"),
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
    "cli.unwritable": ("无法写入“{target}”：{reason_zh}", "cannot write {target}: {reason}"),
    # why the operating system refused to read or write a file (its own words are English)
    "os.permission": ("没有权限", "permission denied"),
    "os.missing": ("文件或文件夹不存在", "no such file or folder"),
    "os.no-space": ("磁盘空间不足", "no space left on the device"),
    "os.quota": ("超出磁盘配额", "disk quota exceeded"),
    "os.read-only": ("文件系统是只读的", "the file system is read-only"),
    "os.is-directory": ("这是一个文件夹", "it is a folder"),
    "os.not-directory": ("路径中有一部分不是文件夹", "a part of the path is not a folder"),
    "os.name-too-long": ("文件名太长", "the file name is too long"),
    "os.loop": ("符号链接形成循环", "symbolic links form a loop"),
    "os.busy": ("文件正被占用", "the file is busy"),
    "os.io": ("读写设备出错", "an input/output error"),
    "os.exists": ("文件已存在", "the file exists"),
    "os.other": ("操作系统拒绝了这次操作", "the operating system refused"),
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
    "option.categories": ("计入职能机构数量的机构类别", "body categories counted"),
    "option.count_nested_with_rank": ("有规格或正职的下设机构计入数量", "nested bodies with a rank or principal post counted"),
    "option.one_body_many_roles": ("一个机构可算作多个必设机构", "one body may fill several mandatory roles"),
    "option.transfers_count_as_growth": ("依规下划的编制可计入增长", "quota moved down may count as growth"),
    "option.budget_funded_follows_transfers": ("财政供养人员可按下划编制补充", "budget-funded people may grow with quota moved down"),
    "option.accepted_bases": ("认可的继续派驻依据", "accepted bases for continued dispatch"),
    "option.town_alone": ("考核由乡镇统一进行", "the town alone assesses"),
    "option.max_remaining": ("中心之外最多保留的事业单位数", "most institutions kept beside the centre"),
    "option.remaining_kinds": ("中心之外可保留的事业单位类别", "kinds of institution that may stay beside the centre"),
    "option.approval_document": ("机构须写明批准文件", "each body records its approval document"),
    "option.worker_per_grid": ("每个网格配备一名网格员", "one grid worker per grid"),
    "option.min_per_thousand": ("每千名常住人口最少网格员人数", "fewest grid workers per 1,000 residents"),
    "option.returned_documented": ("收回的权限须有文件", "powers handed back need a document"),
    "option.powers_expected": ("经济发达镇应有赋权事项", "a developed town is expected to have delegated powers"),
    "option.listed_towns": ("已批准的经济发达镇名单", "approved developed towns"),
    "option.approval_roles": ("承接审批服务事项及相关人员的机构", "bodies that take on the approval items and their staff"),
    "option.enforcement_roles": ("行使处罚权限、配备执法人员的机构", "bodies that hold the penalty powers and enforcement staff"),
    "option.squads": ("执法中队只设在综合执法机构", "enforcement squads only in the enforcement bureau"),
    "option.domains": ("指挥调度中心应进驻的领域事项流转岗", "domains with a post at the command centre"),
    "option.vacancies_first": ("用编用人计划优先保障空编的乡镇（街道）", "recruitment fills towns' vacancies first"),
    "option.pilot_towns": ("试点镇名单", "pilot towns"),
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
    "xlsx.col.domains": ("岗位所属领域", "domains of the posts"),
    "xlsx.col.approval_body": ("承接审批服务事项的机构", "body taking on the approval items"),
    "xlsx.col.penalty_body": ("行使处罚权限的机构", "body exercising the penalty powers"),
    "xlsx.col.work": ("随何种事项划转", "moved with"),
    "xlsx.enum.work.approval": ("审批服务", "approval (service) items"),
    "xlsx.enum.work.enforcement": ("行政执法", "enforcement"),
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
    "xlsx.not-a-workbook": ("这不是有效的 Excel 工作簿（.xlsx），或文件已损坏", "not a valid Excel workbook (.xlsx): {reason}"),
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

# ---- what each check means (`staffing explain CODE`, the user guide) ---------------------
# Chinese under the four headings of `explain.*`; the English text is the check's docstring
# (the same four headings), which `staffing explain CODE --lang en` prints.  Lines indented
# by four spaces are YAML as a user types it; text in `backticks` is a key or value to type.
# tests/test_messages.py holds the rest of each text to the catalogue's rules, and the
# registry refuses a check without its entry here.
EXPLAIN: dict[str, tuple[str, str]] = {
    "explain.what": ("检查内容", "What it checks"),
    "explain.why": ("政策依据与理由", "Why it matters"),
    "explain.example": ("示例", "Example"),
    "explain.fix": ("改正方法", "Fix"),
    "explain.options": ("规则包可设置的参数", "Options"),
    "explain.head": ("{code} {title}", "{code} {slug}"),
    "explain.facts": ("适用于{scope}，默认严重程度：{severity}", "applies to {scope}; default severity: {severity}"),
    "explain.facts-rule": (
        "对应改革要求第{rule}条，适用于{scope}，默认严重程度：{severity}",
        "rule {rule}; applies to {scope}; default severity: {severity}",
    ),
    "explain.slug": ("英文标识：{slug}（可用于 --select、--ignore 和豁免文件）", "Chinese title: {title}"),
    "explain.scope.plan": ("单个方案", "one plan"),
    "explain.scope.county": ("县级文件及所辖乡镇方案", "a county file and its towns' plans"),
    "explain.scope.run": ("整次运行（规则包、无法读取的文件、豁免）", "the run (packs, unusable files, waivers)"),
    "explain.option": ("{name}：{label}", "{name}: {label}"),
    # the user guide's part on the checks (staffing.reporters.checks_guide)
    "guide.col.code": ("代码", "code"),
    "guide.col.title": ("名称", "title"),
    "guide.col.severity": ("默认严重程度", "default severity"),
    "guide.col.slug": ("英文标识", "slug"),
    "guide.group.plan": ("对单个方案的检查", "Checks of one plan"),
    "guide.group.county": ("对县级文件的检查", "Checks of a county file against its towns"),
    "guide.group.run": ("整次运行的代码", "Codes of the run"),
    "guide.slug": ("英文标识：`{slug}`（命令行查看：staffing explain {code}）", "slug: `{slug}` (staffing explain {code})"),
}
CATALOGUE.update(EXPLAIN)

# ---- --help and argparse's own words (staffing.cli.help) ------------------------------------
# The help of every command and option: "help.cmd.<command>" lists a command, "help.<command>.<dest>"
# is an option of one command, "help.opt.<dest>" an option several commands share.  Every
# argument of every command must have one (tests/test_help.py).
HELP: dict[str, tuple[str, str]] = {
    "help.description": (
        "按改革规则包检查乡镇（街道）三定方案，画出组织架构图。各命令的说明：staffing 命令 -h",
        "Check township three-set plans (三定方案) against reform rule packs and draw org charts. "
        "Help on a command: staffing COMMAND -h",
    ),
    "help.metavar.command": ("命令", "COMMAND"),
    # the placeholders of option values in Chinese help (English keeps argparse's own)
    "help.metavar.PATH": ("路径", "PATH"),
    "help.metavar.PLAN": ("方案", "PLAN"),
    "help.metavar.PACK": ("规则包", "PACK"),
    "help.metavar.DIR": ("文件夹", "DIR"),
    "help.metavar.FILE": ("文件", "FILE"),
    "help.metavar.FILE.xlsx": ("文件.xlsx", "FILE.xlsx"),
    "help.metavar.CODES": ("检查项", "CODES"),
    "help.metavar.N": ("数量", "N"),
    "help.metavar.FORMAT=FILE": ("格式=文件", "FORMAT=FILE"),
    "help.metavar.REV": ("版本", "REV"),
    "help.metavar.SPEC": ("安装要求", "SPEC"),
    "help.metavar.IN": ("输入文件", "IN"),
    "help.metavar.OUT": ("输出文件", "OUT"),
    "help.metavar.MAX_BYTES": ("字节数", "MAX_BYTES"),
    "help.metavar.MAX_DEPTH": ("层数", "MAX_DEPTH"),
    "help.metavar.MAX_NODES": ("个数", "MAX_NODES"),
    "help.metavar.TOWNS": ("个数", "TOWNS"),
    "help.metavar.SEED": ("种子", "SEED"),
    "help.metavar.code": ("代码", "code"),
    "help.cmd.check": ("检查方案文件或文件夹", "check plan files or folders"),
    "help.cmd.rules": ("列出规则包及其参数的依据，以及全部检查项", "list rule packs, the source of each parameter, and every check"),
    "help.cmd.explain": ("说明一个检查项：staffing explain ST101", "explain a check: staffing explain ST101"),
    "help.cmd.render": ("画出方案的组织架构图：staffing render 方案 -o 架构图.svg", "draw a plan's org chart: staffing render PLAN -o chart.svg"),
    "help.cmd.report": (
        "生成供审核人签字的审核意见书：staffing report 方案 -o 意见书.pdf（也可为 .html）",
        "the review report a reviewer signs: staffing report PLAN... -o report.pdf (or .html)",
    ),
    "help.cmd.schema": ("输出方案格式的 JSON Schema", "print the JSON Schema of the plan format"),
    "help.cmd.diff": (
        "比较方案的两个版本：staffing diff 旧方案 新方案，或 --base 版本 新方案",
        "compare two versions of a plan: staffing diff OLD NEW | --base REV NEW",
    ),
    "help.cmd.init": (
        "建立方案仓库：配置文件、方案格式、示例方案、豁免文件、提交前检查和持续集成任务",
        "set up a plans repository: staffing.toml, the plan schema, an example plan, waivers, pre-commit, "
        "GitHub and GitLab CI jobs, .gitignore",
    ),
    "help.cmd.generate": ("生成一批仿真方案（用于性能测试）：staffing generate --towns 数量 文件夹",
                          "write a corpus of realistic generated plans: staffing generate --towns N DIR"),
    "help.cmd.template": ("生成乡镇填报用的方案工作簿：staffing template -o 三定方案模板.xlsx",
                          "write the plan workbook an office fills in: staffing template -o 三定方案模板.xlsx"),
    "help.cmd.convert": ("在 .yaml、.json 和 .xlsx 之间转换方案：staffing convert 输入 -o 输出",
                         "convert a plan between .yaml, .json and .xlsx: staffing convert IN -o OUT"),
    # options several commands share
    "help.opt.help": ("显示本帮助并退出", "show this help message and exit"),
    "help.opt.version": ("显示版本号并退出", "show the version number and exit"),
    "help.opt.lang": ("输出语言：zh 中文（默认），en 英文", "language of the output: zh Chinese (default), en English"),
    "help.opt.packs": ("自有规则包所在的文件夹（可写多次）", "a folder of your own rule packs (repeatable)"),
    "help.opt.rules": ("规则包标识或文件，代替各方案写明的规则包", "pack id or file, overriding each plan's rule_pack"),
    "help.opt.config_file": (
        "从该配置文件读取默认选项（默认：工作目录或其上级直至仓库根目录中的 staffing.toml）",
        "read defaults from this staffing.toml (default: the one in the working folder or above it, up to the repository root)",
    ),
    "help.opt.isolated": ("不读取任何配置文件", "ignore every staffing.toml"),
    "help.opt.paper": ("架构图适用的纸张（默认 A4；打印后文字不小于8磅）", "sheet the chart is sized for (default A4; text never under 8 pt on it)"),
    "help.opt.orientation": ("纸张方向：横向（默认）或纵向", "sheet orientation (default landscape)"),
    "help.opt.waivers": ("豁免文件（默认：工作目录中的 staffing-waivers.yaml，如有）",
                         "waiver file (default: staffing-waivers.yaml in the working folder, if any)"),
    "help.opt.no_waivers": ("不使用任何豁免", "ignore every waiver file"),
    "help.opt.strict": ("警告也算不通过（同 --fail-on warning）", "warnings fail too (same as --fail-on warning)"),
    "help.opt.max_bytes": ("接受的方案文件最大字节数（默认%(default)s）", "largest plan file accepted, in bytes (default %(default)s)"),
    # check
    "help.check.paths": ("方案文件或文件夹（文件夹中的 .yaml、.yml、.json、.xlsx 都会检查）",
                         "plan files or folders (every .yaml, .yml, .json and .xlsx in a folder)"),
    "help.check.format": ("屏幕输出的格式；默认为供人阅读的文字，在 GitHub Actions 中为行内标注",
                          "output format; default text, or github when GITHUB_ACTIONS=true"),
    "help.check.fail_on": ("使运行不通过（退出码1）的最低严重程度", "lowest severity that fails the run (exit 1)"),
    "help.check.allow_incomplete": (
        "部分检查：因数字或部分未知而无法完整检查的方案不使运行不通过，但仍报告为不完整",
        "a partial check: plans that could not be checked in full (figures or sections unknown) do not fail the run; "
        "they are still reported as incomplete",
    ),
    "help.check.explain_roles": (
        "在结果之后列出每个机构的识别情况：承担哪类职能、如何识别、属于哪类机构、是否计入职能机构数量",
        "after the report, show how each body was read: its roles and how they were found, its category, and whether "
        "it counts toward the limit",
    ),
    "help.check.select": ("只运行这些检查项（代码或英文标识，逗号分隔）", "only these checks (codes or slugs, comma-separated)"),
    "help.check.ignore": ("跳过这些检查项（代码或英文标识，逗号分隔）", "skip these checks (codes or slugs, comma-separated)"),
    "help.check.max_depth": ("接受的最大嵌套层数（默认%(default)s）", "deepest nesting of mappings and lists accepted (default %(default)s)"),
    "help.check.max_nodes": ("一个文件中接受的最多数值个数，别名展开后计算（默认%(default)s）",
                             "most values accepted in one file, aliases expanded (default %(default)s)"),
    "help.check.max_findings_per_check": ("每个文件中一个检查项最多列出的问题条数，其余只计数（默认%(default)s）",
                                          "findings of one check listed per file; the rest are counted (default %(default)s)"),
    "help.check.max_findings_per_file": ("每个文件最多列出的问题条数，其余只计数（默认%(default)s）",
                                         "findings listed per file; the rest are counted (default %(default)s)"),
    "help.check.jobs": ("并行进程数（默认：全部处理器核心）", "processes to use (default: every core)"),
    "help.check.no_cache": ("重新检查每个方案，不保留结果缓存", "check every plan again and keep no results"),
    "help.check.cache_dir": ("结果缓存所在的文件夹（默认：用户缓存文件夹下的 staffing）",
                             "keep the result cache in DIR (default: $XDG_CACHE_HOME/staffing or ~/.cache/staffing)"),
    "help.check.charts": ("把每个方案的组织架构图画到该文件夹（SVG 和 PNG）", "draw the chart of every plan into DIR (SVG and PNG)"),
    "help.check.output": ("另把结果按该格式写入文件（可写多次，格式同 --format）",
                          "also write the report in FORMAT to FILE (repeatable: one run, several reports; formats as for --format)"),
    # the other commands
    "help.explain.code": ("检查项的代码或英文标识（全部检查项见 staffing rules）", "a check's code or slug, such as ST101 or body-count"),
    "help.render.plan": ("方案文件；用 --compare 时可再写一个新版本", "a plan; with --compare, OLD NEW as well"),
    "help.render.output": ("输出文件：.svg、.png、.pdf 或 .dot", "output: .svg .png .pdf or .dot"),
    "help.render.compare": ("一个方案：改革前后对比；两个方案（旧、新）：两个版本对比",
                            "one plan: before and after the reform; two plans (OLD NEW): the two versions"),
    "help.report.paths": ("方案文件或文件夹", "plan files or folders"),
    "help.report.strict": ("警告也算不通过", "warnings fail too"),
    "help.report.output": ("意见书文件：.html 或 .pdf", "report file: .html or .pdf"),
    "help.diff.files": ("旧方案和新方案（用 --base 时只写一个方案）", "the old and the new plan (one plan with --base)"),
    "help.diff.base": ("与该方案在版本库该版本中的内容比较", "compare FILE with itself at git revision REV"),
    "help.diff.format": ("输出格式", "output format"),
    "help.diff.force": ("不同乡镇的方案也比较", "compare even plans of two different towns"),
    "help.init.dir": ("建立仓库的文件夹（默认：当前文件夹）", "the folder to set up (default: the working folder)"),
    "help.init.install": ("持续集成中安装本工具的方式：一条 pip 安装要求（默认为当前版本）",
                          "how CI installs staffing: a pip requirement (default: staffing==VERSION)"),
    "help.generate.dir": ("写入方案的文件夹", "the folder to write the plans into"),
    "help.generate.towns": ("方案个数（默认%(default)s）", "number of plans (default %(default)s)"),
    "help.generate.seed": ("随机数种子，相同的种子生成相同的方案（默认%(default)s）",
                           "random seed: the same seed writes the same plans (default %(default)s)"),
    "help.template.output": ("工作簿文件（.xlsx）", "the workbook file (.xlsx)"),
    "help.template.rules": ("标出并填入该规则包要求必填的内容", "mark what this pack makes mandatory, and fill it in"),
    "help.template.no_example": ("不附填好的示例工作表（示例-…）", "leave out the filled example sheets (示例-…)"),
    "help.convert.input": ("要转换的方案（.yaml、.yml、.json 或 .xlsx）", "the plan to convert (.yaml, .yml, .json or .xlsx)"),
    "help.convert.output": ("转换后的文件，格式由后缀决定", "the converted file; its suffix chooses the format"),
    # what an option's value must be (argparse calls these while parsing)
    "help.positive": ("应为正整数，而不是“{value}”", "expected a positive whole number, got “{value}”"),
    "help.invalid-choice": ("无效的选择“{value}”，可选：{choices}", "invalid choice “{value}” (choose from {choices})"),
    "help.invalid-choice-hint": (
        "无效的选择“{value}”，是否要写“{close}”？可选：{choices}",
        "invalid choice “{value}”: did you mean “{close}”? (choose from {choices})",
    ),
}
CATALOGUE.update(HELP)

# argparse's own words, by its gettext message ids: Chinese for Chinese help and errors; the
# English is argparse's own text.  Ids argparse has that are not here stay English.
ARGPARSE: dict[str, tuple[str, str]] = {f"argparse.{en}": (zh, en) for en, zh in (
    ("usage: ", "用法："),
    ("options", "选项"),
    ("positional arguments", "位置参数"),
    ("show this help message and exit", "显示本帮助并退出"),
    ("show program's version number and exit", "显示版本号并退出"),
    ("%(prog)s: error: %(message)s\n", "%(prog)s：错误：%(message)s\n"),
    ("argument %(argument_name)s: %(message)s", "参数“%(argument_name)s”：%(message)s"),
    ("invalid %(type)s value: %(value)r", "无效的值“%(value)s”"),
    ("the following arguments are required: %s", "缺少以下参数：%s"),
    ("unrecognized arguments: %s", "无法识别的参数：%s"),
    ("expected one argument", "应有一个值"),
    ("expected at least one argument", "应至少有一个值"),
    ("expected at most one argument", "应至多有一个值"),
    ("expected %s argument", "应有%s个值"),
    ("expected %s arguments", "应有%s个值"),
    ("ambiguous option: %(option)s could match %(matches)s", "选项%(option)s不明确，可能是%(matches)s"),
    ("not allowed with argument %s", "不能与参数%s同时使用"),
    ("one of the arguments %s is required", "参数%s须写一个"),
    ("ignored explicit argument %r", "忽略了多余的值%r"),
    ("can't open '%(filename)s': %(error)s", "无法打开“%(filename)s”：%(error)s"),
)}
CATALOGUE.update(ARGPARSE)

# code → (检查内容, 政策依据与理由, 示例, 改正方法)
CHECK_DOCS: dict[str, tuple[str, str, str, str]] = {
    "ST000": (
        "下级规则包用`extends`继承上级规则包，又设置了同一参数时，下级的值不得更宽松：上限不得更高，下限不得更低，"
        "要求不得取消，必须具备的事项不得减少。",
        "县、市规则包可以在省级规则之上从严，不能放宽；放宽了的限制会让上级政策不允许的方案通过检查。",
        "错误示例：继承泰州规则包，却把职能机构数量上限设为12个（上级为9个）。\n"
        "    extends: taizhou-three-integrations\n"
        "    checks:\n"
        "      body-count:\n"
        "        max: {value: 12, source: …}\n"
        "正确示例：上限设为8个或9个。",
        "沿用上级规则包的限制；确需放宽的，报请制定该政策的机关决定。",
    ),
    "ST001": (
        "文件能够读取；编码为UTF-8（或带BOM的UTF-16、UTF-32）；是格式正确、未超出大小、层级和数值个数限制的"
        "YAML或JSON（或工作簿）；内容为一个映射，只含普通数据，并符合方案格式（见 staffing schema）。",
        "无法读取的方案无法检查。本工具报告文件名和行号、列号，其余文件照常检查，整次运行以退出码2结束。",
        "错误示例：方案以GBK编码保存，或同一个键（如`bodies`）写了两次。\n"
        "正确示例：同一方案以UTF-8编码保存，每个键只写一次。",
        "按提示，在所指的行、列改正。",
    ),
    "ST002": (
        "豁免文件中的每一条豁免，都应与本次运行的某个问题相对应（按检查项、乡镇和机构匹配）。",
        "没有对应任何问题的豁免，要么已经过时（方案已改正），要么写错了（本应豁免的问题仍然不通过）。",
        "错误示例：新桥镇只有9个职能机构，却仍有一条针对新桥镇`ST101`的豁免。\n"
        "正确示例：方案符合要求后，删除该条豁免。",
        "删除该条豁免，或改正其中的检查项、乡镇或机构。",
    ),
    "ST003": (
        "本工具不计算工作簿中的任何内容，公式从不求值。方案工作簿的单元格中有公式时，读取电子表格程序保存在文件中的"
        "计算结果，并在该单元格处提示；公式没有保存结果的，按输入错误报告。",
        "保存的结果可能已经过时（保存时未重新计算），公式也会掩盖数字的来历；审核人应当知道哪些数字是计算得出的。",
        "提示示例：合计!B3单元格为公式`=SUM(职能机构!F2:F9)`，保存的结果为43。\n"
        "正确示例：在合计!B3中直接填写43。",
        "保存的结果正确时无需改动；直接填写数字后不再提示。",
    ),
    "ST101": (
        "清点乡镇的职能机构，与规则包规定的数量范围比较。只计算直属乡镇的机构，且只计算规则包计入的类别"
        "（`categories`，默认只计职能机构）：依各自章程设置的机构（纪委、纪工委，人大主席团、人大工委，武装部，"
        "工青妇）、事业单位和平台按名称（或机构的`category`）识别，只在规则包规定时计入。加挂牌子、内设科室和中队、"
        "派驻机构、综合服务中心，以及与乡镇“一套班子、两块牌子”的开发区机构，都不是职能机构，不计入。设在其他机构"
        "之下、有自己规格或正职的下设机构，规则包设置`count_nested_with_rank`时计入，否则由`ST104`报告。",
        "江苏省经济发达镇“综合设置10个以内职能机构”（《关于深化经济发达镇行政管理体制改革工作的意见》）；泰州市"
        "“三整合”改革设置“7至9个职能机构”（《关于推进基层整合审批服务执法力量的实施方案》）。超出数量的方案会被退回。",
        "错误示例（江苏，11个职能机构）：\n"
        "    bodies: [党政办公室, 党建工作办公室, …, 财政局]   # 11个\n"
        "正确示例：合并两个机构，或把其中一个作为另一个机构的加挂牌子：\n"
        "    - name: 行政审批局\n"
        "      nameplates: [便民服务中心]",
        "合并职责相近的机构，或把某个机构改为其他机构的加挂牌子或内设科室。",
    ),
    "ST102": (
        "规则包列为必设机构的每一类职能，都要由某个计入的职能机构承担：依据机构的`role`（可写一个或几个，"
        "写标识或中文名称均可，写明的始终优先）、机构名称（职能的名称或别称，或规则包的识别关键词，因此合并设置的"
        "政法和社会事业局承担两类职能）或其加挂牌子识别；名称按简体或繁体、带或不带乡镇名称比对。规则包设置"
        "`one_body_many_roles: false`时，一个机构最多只能算作一个必设机构。",
        "泰州：“明确6个机构为必设机构，其余1至3个机构由乡镇（街道）……自行确定”（《关于推进基层整合审批服务执法力量的"
        "实施方案》）。原文没有列出是哪6个，随附的规则包是推断的，并注明了推断。",
        "错误示例：没有承担行政审批服务职能的机构（行政审批局或便民服务中心）。\n"
        "正确示例：\n"
        "    - name: 行政审批局\n"
        "      role: 行政审批局",
        "增设所缺的机构，或由现有机构承担该职能（并加挂相应牌子）。",
    ),
    "ST103": (
        "清点计入的职能机构中不属于必设机构的自选机构，与规则包规定的数量范围比较。",
        "泰州：6个必设机构之外，“其余1至3个机构由乡镇（街道）……自行确定”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：6个必设机构之外另设4个（规划建设局、农业农村局、财政局、社会治理局）。\n"
        "正确示例：6个必设机构之外另设2个。",
        "把自选机构相互合并，或并入必设机构。",
    ),
    "ST104": (
        "`parent`为其他机构的机构，只有作为该机构的内设科室（没有自己的规格，也没有正职）时才不计入职能机构数量。"
        "有自己的`rank`或正职的，是单独的下设机构；规则包不计入这类机构时（`body-count.count_nested_with_rank`），"
        "本检查逐个报告。",
        "把有规格的机构挂在其他机构之下，是绕过“综合设置10个以内职能机构”（《关于深化经济发达镇行政管理体制改革工作的意见》）"
        "的常见做法：数量看似合规，乡镇却多了一个有自己负责人的机构。",
        "错误示例：\n"
        "    - {name: 经济发展局, rank: 副科}\n"
        "    - {name: 招商服务局, parent: 经济发展局, rank: 副科,\n"
        "       leadership: [{title: 局长, level: principal, approved: 1}]}\n"
        "正确示例：下设单位作为内设科室（没有规格，也没有正职）：\n"
        "    - name: 经济发展局\n"
        "      subunits: [{name: 招商服务科}]",
        "计入职能机构数量（并控制在上限之内），或改为上级机构的内设科室：不定规格，由上级机构的副职分管。",
    ),
    "ST201": (
        "改革后乡镇的编制（职能机构、综合服务中心和支持保障类事业单位的编制，不含派驻机构，其编制仍属派出部门）"
        "与改革前基数比较，按编制类型分别比较，也比较总数。上级下划的编制（编随事走），只有规则包以自己的依据允许时"
        "（`transfers_count_as_growth`；泰州：1至2名行政编制或全额拨款事业编制），且类型和数量在允许范围内，才能计入"
        "增长；没有这项规定的规则包不允许任何增长（江苏：“只减不增”）。只缺文号的下划编制由`ST202`报告一次，本检查不再"
        "重复。规则包要求时，财政供养人员和领导职数也不得增加；规则包允许时，财政供养人员可以按依规下划的编制补充"
        "（泰州：“按照编制数及时补充人员”）。",
        "“在编制总量不增的前提下”（《如何推进经济发达镇行政管理体制改革》）；“严控总量、盘活存量、只减不增……确保基层"
        "机构编制和财政供养人员总量只减不增”（《关于深化经济发达镇行政管理体制改革工作的意见》）。人员可以统筹使用，"
        "编制不得增加。",
        "错误示例（泰州）：改革前行政编制40名，各机构合计42名，记录了1名下划编制。\n"
        "正确示例（泰州）：有这1名下划编制时合计41名，没有时40名。\n"
        "错误示例（江苏经济发达镇）：记录了1名下划编制，合计41名（该规则包不允许增长）。",
        "把编制压回改革前基数，或在`transfers`下记录县级下划的编制及其文号。",
    ),
    "ST202": (
        "`transfers`下从上级划入乡镇的每一条编制划转（`level: town`表示乡镇内部机构之间的调整，不在此列），都要写明"
        "划转的文号。没有文号的划转不是合规的增长，编制总量检查不予计入。",
        "编随事走（《关于推进基层整合审批服务执法力量的实施方案》）须由县级记录在案；县级编制总数也要相应减少，"
        "没有文号就无法核对。",
        "错误示例：\n"
        "    - {from: 泰兴市, to: 虹桥镇, type: administrative, count: 1}\n"
        "正确示例：\n"
        "    - {from: 泰兴市, to: 虹桥镇, type: administrative, count: 1, document: 泰编〔2019〕8号}",
        "补上县级决定的文号，或删除该条划转及其增加的编制。",
    ),
    "ST203": (
        "把从上级划入乡镇的编制加总（缺文号的由`ST202`报告，这里不算少划），与规则包规定的范围比较；每条划转的编制"
        "类型都必须是规则包允许的类型。下划不足只是警告：下划编制是县级的职责，不是乡镇的。规则包写明下划编制应充实"
        "的机构时（`to_roles`；泰州：执法和服务），划入其他机构的给出警告。",
        "泰州：“从上往下跨层级调剂1至2名行政编制或者全额拨款事业编制给每个乡镇（街道）”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：下划3名行政编制，或下划1名自收自支事业编制。\n"
        "正确示例：下划1至2名行政编制或全额拨款事业编制。",
        "把下划编制控制在规则包允许的数量和类型之内。",
    ),
    "ST301": (
        "县、市部门派驻乡镇的机构（派出所、司法所、市场监管所等）原则上下放，实行属地管理。`management`为`dispatched`"
        "（继续派驻）的，要写明`dispatch_basis`（继续派驻的依据）；规则包要求写明依据时（泰州：只有党中央明确要求的"
        "才继续派驻）报告为错误，否则为警告。规则包列出认可的依据时（`accepted_bases`），写明的依据必须是其中之一："
        "在泰州，“县里决定”不是依据，“党中央明确要求”是。",
        "“市县政府部门派驻在经济发达镇的机构，原则上应下放实行属地管理”（《关于深化经济发达镇行政管理体制改革工作的意见》）；"
        "泰州：“除党中央明确要求外……原则上实行属地管理”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：\n"
        "    - {name: 新桥市场监管所, parent_department: 靖江市市场监督管理局, management: dispatched}\n"
        "正确示例：\n"
        "    - {name: 新桥市场监管所, parent_department: 靖江市市场监督管理局, management: local}",
        "把该机构交由乡镇属地管理，或写明继续派驻的依据。",
    ),
    "ST302": (
        "继续派驻（`management: dispatched`）的机构，其考核`assessment_lead`应为`town`（乡镇），或为`joint`（联合考核）"
        "且`assessment_joint_lead: town`（以乡镇为主的联合考核即“以经济发达镇为主”）。规则包规定由乡镇统一考核时"
        "（`town_alone`，泰州），只有`town`符合要求。",
        "“继续实行派驻体制的，工作考核要以经济发达镇为主”（《关于深化经济发达镇行政管理体制改革工作的意见》）；"
        "泰州：“由乡镇（街道）统一管理、统一考核”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：\n"
        "    assessment_lead: department\n"
        "错误示例（泰州）：\n"
        "    assessment_lead: joint\n"
        "    assessment_joint_lead: town\n"
        "正确示例：\n"
        "    assessment_lead: town",
        "写明由乡镇主导该机构的工作考核。",
    ),
    "ST303": (
        "继续派驻的每个机构，`head_appointment_consultation`（负责人任免是否征求乡镇意见）应为`written`（书面）或"
        "`oral`（口头）；规则包要求书面征求时（泰州），只有`written`符合要求。",
        "“干部任免应当事先听取所在镇党委和政府意见”（《关于深化经济发达镇行政管理体制改革工作的意见》）；泰州："
        "“主要负责同志的任免须事先书面征求乡镇（街道）意见”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例（泰州）：\n"
        "    head_appointment_consultation: oral\n"
        "正确示例：\n"
        "    head_appointment_consultation: written",
        "在任免程序中事先（书面）征求乡镇意见，并在方案中写明。",
    ),
    "ST401": (
        "规则包要求只设一个综合服务中心时，方案应有一个综合服务中心（`support_center`，或`institutions`中标明"
        "`support_center: true`的事业单位），且不再另有支持保障类事业单位（`support_institutions`为空，中心之外也没有"
        "`kind`为`support`的事业单位）。规则包还可以规定中心之外最多保留几个事业单位（`max_remaining`）及其类别"
        "（`remaining_kinds`）。方案声明未提供事业单位的，结论为“无法检查”。",
        "泰州：“为乡镇（街道）提供支持保障的事业单位，整合为乡镇（街道）综合服务中心”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：\n"
        "    support_institutions: [{name: 农业服务中心}, {name: 文体服务中心}]\n"
        "正确示例：\n"
        "    support_center: {name: 综合服务中心, absorbed: [农业服务中心, 文体服务中心]}",
        "把这些事业单位并入综合服务中心，并列在`absorbed`下。",
    ),
    "ST402": (
        "列在综合服务中心`absorbed`下的名称，不得再作为职能机构、加挂牌子、内设科室或单独的事业单位出现。",
        "泰州：“原有机构和牌子不再保留”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：综合服务中心已整合农业服务中心，经济发展局却加挂农业服务中心牌子。\n"
        "    support_center: {name: 综合服务中心, absorbed: [农业服务中心]}\n"
        "    bodies:\n"
        "      - {name: 经济发展局, nameplates: [农业服务中心]}\n"
        "正确示例：去掉这块牌子。",
        "删除原有名称，其职责由综合服务中心承担。",
    ),
    "ST501": (
        "乡镇领导班子的每个职务（党委书记、镇长、副镇长等），以及每个职能机构、综合服务中心和每个事业单位的每个领导"
        "职务，实配职数不得超过核定职数。任一数字未知（`~`）时，在该处的结论为“无法检查”。",
        "“坚决治理‘超职数配备干部……’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：\n"
        "    - {title: 副局长, level: deputy, approved: 2, filled: 3}\n"
        "正确示例：\n"
        "    - {title: 副局长, level: deputy, approved: 2, filled: 2}",
        "把实配职数减到核定职数以内。",
    ),
    "ST502": (
        "领导职务的`rank`（规格）不得高于所在机构的`rank`，按规则包的规格序列比较（办事员＜科员＜股级＜副科＜正科＜"
        "副处＜正处；副科级即副科，简繁体均可）；乡镇领导班子的职务不得高于乡镇的`rank`。公务员职级（一级主任科员等）"
        "自成序列（职务与职级并行），不与机构规格比较。",
        "“坚决治理‘……超机构规格提拔干部……’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：副科级机构的局长为正科。\n"
        "正确示例：该局长为副科。",
        "职务规格与机构规格保持一致，或先报批提高机构规格。",
    ),
    "ST503": (
        "超审批权限设置机构，是指未经或超出审批机关权限设置机构。检查两项：机构的`rank`须低于乡镇的`rank`（乡镇不能"
        "设置与自身同级或更高规格的机构；这是一种近似判断，规则包中注明为推断）；规则包要求时（`approval_document`），"
        "每个机构都要写明批准设立的文件（`approval_document`）。",
        "“坚决治理‘……超审批权限设置机构……’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：正科级的镇设置正科级的经济发展局。\n"
        "正确示例：该局为副科级（或股级）。",
        "降低机构规格，或报有权审批的机关批准。",
    ),
    "ST504": (
        "每个领导职务的`title`（职务名称）都必须是规则包中该层级（正职、副职）的职务名称之一，简繁体均可（局長即局长）。"
        "机构领导的职务名称只能是机构的职务名称：经理（企业职务）和书记（党内职务）都不是。规则包不认识的规格（既不是"
        "副科、副科级这样的机构规格，也不是一级主任科员这样的公务员职级）给出警告，请写明其含义，不作为错误。",
        "“坚决治理‘……擅自提高干部职级待遇、擅自设置职务名称’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：\n"
        "    - {title: 常务副局长, level: deputy, approved: 1}\n"
        "正确示例：\n"
        "    - {title: 副局长, level: deputy, approved: 1}",
        "使用规定的职务名称；具体分工写在机构的`duties`中。",
    ),
    "ST601": (
        "规则包列出的每个要素都要在方案中：党的全面领导，即承担党建职能的机构；审批服务一窗口，即承担行政审批服务职能的"
        "机构；综合执法一队伍，即承担综合行政执法职能的机构；基层治理一网格，即至少有一个网格并统一为一张网的`grid`"
        "（`unified`）；指挥调度一中心，即`command_center`（或承担该职能的机构），写明了承载机构（`command_center.body`）"
        "的，该机构须在方案中。",
        "“1+4”模式：“加强党的全面领导、审批服务一窗口、综合执法一队伍、基层治理一网格、指挥调度一中心”（《关于推进基层"
        "整合审批服务执法力量的实施方案》；江苏经济发达镇见《关于深入推进经济发达镇行政管理体制改革的指导意见》）。",
        "错误示例：没有`grid`部分。\n"
        "正确示例：\n"
        "    grid: {grids: 57, workers: 57}",
        "在方案中补上所缺的要素（或承担该要素的机构）。",
    ),
    "ST602": (
        "按规则包规定的每个网格常住人口标准，乡镇至少需要“常住人口÷标准”（向上取整）个网格；规则包要求时，每个网格配备"
        "一名网格员。默认为警告：这一标准是报道介绍的做法（涌山镇的千人一网格），不是普遍适用的限额。",
        "涌山镇：“按照千人一网格的标准，全镇配备57个网格员”（《乐平市涌山镇推进经济发达镇行政管理体制改革结硕果》）。",
        "错误示例：常住人口60000人，\n"
        "    grid: {grids: 40, workers: 40}\n"
        "正确示例：\n"
        "    grid: {grids: 60, workers: 60}",
        "把乡镇划分为更多网格，每个网格配备网格员。",
    ),
    "ST603": (
        "规则包要求时，`command_center.staffed_24h`（指挥调度中心24小时值班）须为`true`。",
        "涌山镇：“指挥调度中心24小时值班监控”（《乐平市涌山镇推进经济发达镇行政管理体制改革结硕果》）。",
        "错误示例：\n"
        "    command_center: {name: 综合指挥调度中心, staffed_24h: false}\n"
        "正确示例：\n"
        "    command_center: {name: 综合指挥调度中心, staffed_24h: true}",
        "建立指挥调度中心24小时值班制度。",
    ),
    "ST604": (
        "按规则包规定的每千名常住人口最少网格员人数，乡镇至少需要“常住人口×标准÷1000”（向上取整）名网格员，与方案的"
        "`grid.workers`比较。默认为警告：这一标准是报道介绍的做法（涌山镇千人一网格、每格一名网格员），不是普遍适用的"
        "限额。方案声明未提供网格或网格员人数未知时，结论为“无法检查”。",
        "网格是“1+4”要素之一，没有人员巡查的网格只停留在纸面上。涌山镇：“按照千人一网格的标准，全镇配备57个网格员”"
        "（《乐平市涌山镇推进经济发达镇行政管理体制改革结硕果》）。",
        "错误示例：常住人口28000人（每千人1名，需28名），\n"
        "    grid: {grids: 28, workers: 20}\n"
        "正确示例：\n"
        "    grid: {grids: 28, workers: 28}",
        "按每千名常住人口不少于规则包规定的人数配齐网格员。",
    ),
    "ST701": (
        "规则包列出的每张清单都要在`lists`下，且写明印发文件：县级赋权清单，乡镇权力清单、责任清单、公共服务清单和"
        "主体责任与配合责任清单。规则包要求时，`lists.duty_admission`（职责准入制度）须为`true`。",
        "泰州：“通过‘5张清单’厘清县乡两级职责边界……建立职责准入制度”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：\n"
        "    lists: {power: {document: 新政发〔2019〕15号}}\n"
        "正确示例：五张清单齐全，各有印发文件，并且`duty_admission: true`。",
        "补上清单及其印发文件。",
    ),
    "ST702": (
        "乡镇获赋审批、处罚等权限的，`powers.catalogue`要写明公布目录的文件，`powers.legal_actor`（权力实施主体）须为"
        "`town`（乡镇）。规则包要求时（均为推断的参数）：`powers.returned`下每项收回的权限都要有文件"
        "（`returned_documented`）；经济发达镇完全没有`powers`部分的，给出警告（`powers_expected`）。",
        "“可赋予经济发达镇，制定目录向社会公布，镇政府为权力实施主体”（《关于深化经济发达镇行政管理体制改革工作的意见》）；"
        "昆山市张浦镇曾把91项燃气执法权限交回（《如何推进经济发达镇行政管理体制改革》）。",
        "错误示例：\n"
        "    powers: {approval_items: 158, penalty_powers: 994}\n"
        "正确示例：\n"
        "    powers: {approval_items: 158, penalty_powers: 994, catalogue: 昆政发〔2017〕12号}",
        "写明公布权限目录的文件。",
    ),
    "ST801": (
        "只有`unit_type`为`town`（建制镇）时，才能写`developed_town: true`（经济发达镇）；规则包列出已批准的经济发达镇时"
        "（江苏：第二批29个，见《关于深入推进经济发达镇行政管理体制改革的指导意见》，以及苏州的试点镇，见《如何推进经济"
        "发达镇行政管理体制改革》），自称经济发达镇的镇要么在名单上，要么写明批准文件（`town.developed_town_document`），"
        "否则给出警告，请补充（原文没有列出江苏批准的全部乡镇）。",
        "南京市石湫镇撤镇设街道后退出了经济发达镇名单：“原石湫镇已撤镇设街道，因此不再纳入改革范围”（《关于深入推进"
        "经济发达镇行政管理体制改革的指导意见》）。",
        "错误示例：\n"
        "    unit_type: street\n"
        "    developed_town: true\n"
        "正确示例：\n"
        "    unit_type: street\n"
        "    developed_town: false",
        "改正单位类型或经济发达镇标记。",
    ),
    "ST802": (
        "方案的`unit_type`（单位类型）必须在规则包的`applies_to`（适用范围）之内（江苏经济发达镇规则包只适用于镇；"
        "泰州规则包适用于镇和街道）；规则包有`requires`要求时，本单位还必须是经济发达镇（`developed_town: true`）。"
        "规则包不适用时，它对该方案的其他结论只作为提示，不具约束力。",
        "用错了规则包的方案，得出的结论也是错的。",
        "错误示例：街道使用江苏经济发达镇规则包：\n"
        "    unit_type: street\n"
        "    rule_pack: jiangsu-developed-town\n"
        "正确示例：\n"
        "    unit_type: street\n"
        "    rule_pack: taizhou-three-integrations",
        "选择适用于本单位的规则包，或改正单位类型。",
    ),
    "ST803": (
        "方案的`plan_date`（方案日期）不得早于规则包的`effective`（生效日期）（泰州“三整合”：2020年8月）。"
        "为警告：方案可能是按此前的规定制定的，审核人应说明适用哪些规定。",
        "政策出台前批准的方案不可能违反该政策；用后来的规则包衡量，结论可能不对。",
        "错误示例：\n"
        "    rule_pack: taizhou-three-integrations\n"
        "    plan_date: 2019-10-20\n"
        "正确示例：\n"
        "    plan_date: 2020-10-20",
        "改正方案日期，或用该日期有效的规则包检查。",
    ),
    "ST901": (
        "方案写明`totals`（合计）的，每类编制的合计要等于各职能机构、综合服务中心和支持保障类事业单位该类编制之和；"
        "`totals.leadership_posts`要等于核定领导职数之和；`totals.budget_funded`要等于`budget_funded`。",
        "审核人首先核对的就是合计：表格合计对不上的方案，不论是否超限，都不能批准。",
        "错误示例：各机构行政编制合计43名，而\n"
        "    totals: {quotas: {administrative: 45}}\n"
        "正确示例：\n"
        "    totals: {quotas: {administrative: 43}}",
        "改正合计数，或改正数字有误的机构。",
    ),
    "ST902": (
        "每个职能机构的内设科室、中队编制按类型相加，不得超过该机构自身的编制（内设科室的编制是机构编制的一部分，"
        "不在其外另计）。",
        "中队编制多于所属局的编制，说明方案重复计算了人员，或把增长藏在了内设科室里。",
        "错误示例：综合行政执法局行政编制8名，下设两个中队5名加4名，共9名。\n"
        "正确示例：两个中队4名加4名，共8名或更少。",
        "改正内设科室的编制，或在乡镇总量之内增加该机构的编制。",
    ),
    "ST903": (
        "写明`actual`（实有人数）的每个职能机构、内设科室、综合服务中心、事业单位（包括留在中心之外的）和派驻机构，"
        "实有人数都不得超过其编制总数。",
        "超编正是整个改革所禁止的：“确保基层机构编制和财政供养人员总量只减不增”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：\n"
        "    quotas: {administrative: 6}\n"
        "    actual: 8\n"
        "正确示例：实有人数6人或更少。",
        "把实有人数控制在编制以内，或写明多出的人员在何处计算。",
    ),
    "ST904": (
        "职能机构及其加挂牌子、内设科室，综合服务中心，支持保障类事业单位，事业单位（及其加挂牌子）和派驻机构的名称，"
        "在整个方案中不得重复，按简体比较（綜合執法局与综合执法局是同一个名称）。不同机构的内设科室可以同名（两个局都"
        "可以有“办公室”）。",
        "审核人、组织架构图和编制汇总都无法区分两个同名的机构。",
        "错误示例：两个职能机构都叫经济发展局。\n"
        "正确示例：经济发展局和农业农村局。",
        "改掉其中一个名称，或把两者合并。",
    ),
    "ST905": (
        "在组织关系图中（以乡镇党委和政府为根），只有一个根，没有循环（机构以自己为上级，或甲在乙之下、乙又在甲之下），"
        "每个`parent`都是方案中的机构，每个机构都能从根到达。",
        "机构之间隶属关系不清的方案，没有可供批准的领导关系。",
        "错误示例：\n"
        "    - {name: 经济发展局, parent: 经济发展局}\n"
        "正确示例：不写`parent`（直属乡镇），或写另一个机构的名称。",
        "改正`parent`。",
    ),
    "ST906": (
        "`baseline.bodies`（改革前机构）中的每个机构，都要出现在某个新机构的`merged_from`（由哪些机构合并而来）、综合"
        "服务中心的`absorbed`中，或作为保留的机构、加挂牌子；`merged_from`、`absorbed`中的每个名称都应是改革前的机构。",
        "审核人要看到每个原有机构的职责和人员去了哪里；“精简近2/3”（《如何推进经济发达镇行政管理体制改革》）只有在"
        "没有机构悄然消失或出现时才可信。",
        "错误示例：改革前机构中有安监站，但没有新机构在`merged_from`中列出它。\n"
        "正确示例：\n"
        "    - {name: 综合行政执法局, merged_from: [城管中队, 安监站]}",
        "在承接其职责的机构的`merged_from`中列出该原有机构。",
    ),
    "ST907": (
        "乡镇领导班子每个职务的`cross_holding`（交叉任职，即同一批人员兼任的班子其他职务）中的每个名称，都必须是"
        "`leadership_team`中另一个职务的名称，简繁体均可，忽略空格；一个职务不能列出自己。",
        "交叉任职是乡镇控制在领导职数之内的方式（如镇长兼任党委副书记），审核人据此核对谁兼任什么职务。兼任的职务不在"
        "领导班子中，职数和人数就对不上。",
        "错误示例：镇长兼任党委副书记，但领导班子中没有党委副书记这一职务。\n"
        "    leadership_team:\n"
        "      - {title: 镇长, approved: 1, filled: 1, cross_holding: [党委副书记]}\n"
        "正确示例：领导班子中同时列出\n"
        "      - {title: 党委副书记, approved: 2, filled: 2}",
        "在`leadership_team`中补上兼任的职务，或改正`cross_holding`中的名称。",
    ),
    "ST951": (
        "县内每个乡镇（县级文件夹中的方案），县级文件`transfers_down`中列出的下划该乡镇的编制，按类型和文号，要与该乡镇"
        "方案中记录的从县级划入的`transfers`相同；县级文件提到的每个乡镇都要有方案。",
        "编随事走：下划的编制从县级减出，划入一个乡镇。两边记录不一致，说明编制被重复计算或丢失，两个总数都不可信。",
        "错误示例：县级记录下划新桥镇行政编制2名，新桥镇方案记录1名。\n"
        "    transfers_down: [{town: 新桥镇, type: administrative, count: 2}]\n"
        "正确示例：两边都记录1名，文号相同。",
        "改正有误的一方，两边引用同一文号。",
    ),
    "ST952": (
        "县级文件中每类编制的`quotas_after`（改革后）不得多于`quotas_before`（改革前）减去`transfers_down`中下划的编制"
        "（改革后≤改革前－下划数）：县级可以多减，不能少减。",
        "下划到乡镇的编制必须从县级编制中减出，否则改革反而使编制总量增加（“只减不增”）。",
        "错误示例：改革前520名，改革后仍为520名（或519名），下划行政编制2名。\n"
        "正确示例：改革前520名，改革后518名或更少。",
        "改正县级改革后的数字，或改正下划记录。",
    ),
    "ST953": (
        "规则包规定每个乡镇（街道）至少应得的下划编制数时（泰州：1至2名），县级文件`transfers_down`中列给县内每个乡镇"
        "的编制合计不得少于这个数；乡镇方案记录的数够而县级文件不够时，是两边记录不一致，由核对县乡下划记录的检查报告，不在此重复。乡镇自己的"
        "方案对此只有警告（下划编制超出范围的检查）：下沉编制是县（市、区）的责任，问题记在县级文件上。",
        "泰州：“从上往下跨层级调剂1至2名行政编制或者全额拨款事业编制给每个乡镇（街道）”（《关于推进基层整合审批服务执法力量的"
        "实施方案》）。",
        "错误示例：县级文件只列了新桥镇，没有列虹桥镇，两镇都按泰州规则包审核，虹桥镇方案也没有记录下划编制。\n"
        "正确示例：县内每个乡镇都下划1至2名，两边都记录文号。",
        "向该乡镇下沉编制，并在县级文件和乡镇方案中都记录（含文号）。",
    ),
    "ST954": (
        "乡镇的规则包要求时，县级文件中的用编用人计划（`recruitment`）为某乡镇安排的人数超过其空编（方案中本级编制减实有"
        "人数），而县内另一乡镇仍有空编未安排，给出警告：这是优先顺序，不是禁止。空编未知的乡镇不参与比较。",
        "泰州：“按照编制数及时补充人员，制定用编用人计划时优先保障空编的乡镇（街道）”（《关于推进基层整合审批服务执法力量的"
        "实施方案》）。",
        "错误示例：新桥镇没有空编，计划仍为其安排3名；虹桥镇有空编4名，计划没有安排。\n"
        "    recruitment: [{town: 新桥镇, count: 3}]\n"
        "正确示例：\n"
        "    recruitment: [{town: 虹桥镇, count: 3}]",
        "先把名额安排给有空编的乡镇（街道）。",
    ),
    "ST605": (
        "方案写明承接审批服务事项的机构（`powers.approval_body`）或行使行政处罚权限的机构（`powers.penalty_body`）时，该机构"
        "须是本方案的机构，并承担规则包指定的角色（行政审批局、综合行政执法局）。随审批服务或执法事项划转编制和人员的记录"
        "（`transfers`中写明`work`）须划入这样的机构；只记到全镇、没有写明机构的，给出警告。规则包要求时，设在其他机构下的"
        "执法中队等执法单位也给出警告，请核实。方案没有写明这些内容时，不作判断。",
        "“試點鎮承接的所有審批服務事項及相關工作人員全部實現向鎮行政審批局歸并”“將執法權限涉及的執法人員全部劃轉至綜合執法局”"
        "（苏州试点）；泰州：“按要求将相关人员充实到乡镇（街道）综合行政执法、为民服务等职能机构”。",
        "错误示例：\n"
        "    powers: {approval_items: 158, approval_body: 经济发展局}\n"
        "正确示例：\n"
        "    powers: {approval_items: 158, approval_body: 行政审批局}",
        "把审批服务事项及相关人员归并到行政审批局，执法人员划转至综合行政执法局，或改正方案中写明的机构。",
    ),
    "ST606": (
        "规则包列出指挥调度中心应进驻事项流转岗的领域时（涌山镇：自然资源和规划、城市管理、综治信访、环境保护），每个领域都要"
        "在`command_center.domains`中；方案没有写明领域的，`domain_posts`（领域岗位数）不得少于规则包列出的领域数。默认为"
        "警告：这些领域是一个镇的报道介绍的做法。",
        "涌山镇：“进驻了自然资源和规划、城市管理、综治信访、环境保护等4个重点领域的事项流转岗”（《乐平市涌山镇推进经济发达镇"
        "行政管理体制改革结硕果》）：网格员报送的事项转到所属领域的岗位，由中心跟踪办理。",
        "错误示例：\n"
        "    command_center: {name: 综合指挥调度中心, domains: [城市管理, 综治信访]}\n"
        "正确示例：\n"
        "    command_center: {name: 综合指挥调度中心, domains: [自然资源和规划, 城市管理, 综治信访, 环境保护]}",
        "补设缺少的领域事项流转岗，或写明各岗位所属的领域。",
    ),
}

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


def close_matches(word: str, possibilities: Any, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """`difflib.get_close_matches`, with difflib imported only when a suggestion is needed
    (a run without a mistake never needs it)."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)


def did_you_mean(words: str | list[str] | None, lang: str) -> str:
    """"，是否应为“a”或“b”？": a suggestion, or nothing."""
    if not words:
        return ""
    if isinstance(words, str):
        words = [words]
    zh, en = CATALOGUE["input.did-you-mean"]
    joiner = "”或“" if lang == "zh" else "” or “"
    return (zh if lang == "zh" else en).format(word=joiner.join(dict.fromkeys(words)))


_QUOTED_FIELD = re.compile(r"“\{(\w+)\}”")


def inner_quotes(text: str) -> str:
    """A name shown inside “…”: its own double quotes become single ones (“…‘三整合’…”)."""
    if '"' in text and text.count('"') % 2 == 0:
        parts = text.split('"')
        text = "".join(p + ("‘" if i % 2 == 0 else "’") if i < len(parts) - 1 else p for i, p in enumerate(parts))
    return text.replace("“", "‘").replace("”", "’")


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


# The operating system's reasons (strerror, in English whatever the locale) by their words.
_OS_REASONS: tuple[tuple[str, str], ...] = (
    ("permission denied", "os.permission"), ("operation not permitted", "os.permission"),
    ("no such file", "os.missing"), ("no space left", "os.no-space"), ("quota exceeded", "os.quota"),
    ("read-only file system", "os.read-only"), ("is a directory", "os.is-directory"),
    ("not a directory", "os.not-directory"), ("file name too long", "os.name-too-long"),
    ("too many levels of symbolic links", "os.loop"), ("resource busy", "os.busy"),
    ("text file busy", "os.busy"), ("input/output error", "os.io"), ("file exists", "os.exists"),
)


def os_reason(reason: object) -> str:
    """The operating system's reason for refusing (its English strerror) in Chinese."""
    said = str(reason).lower()
    key = next((k for words, k in _OS_REASONS if words in said), "os.other")
    return CATALOGUE[key][0]


# What git says on stderr, by its words.
_GIT_REASONS: tuple[tuple[str, str], ...] = (
    ("does not exist in", "git.no-file"), ("exists on disk, but not in", "git.no-file"),
    ("invalid object name", "git.no-revision"), ("bad revision", "git.no-revision"),
    ("unknown revision", "git.no-revision"), ("not a valid object name", "git.no-revision"),
    ("not a git repository", "git.no-repository"), ("no such file or directory", "git.not-run"),
)


def git_reason(reason: object) -> str:
    """Why git could not give a file's old version, in Chinese."""
    said = str(reason).lower()
    key = next((k for words, k in _GIT_REASONS if words in said), "git.other")
    return CATALOGUE[key][0]


def render(key: str, lang: str, params: dict[str, Any]) -> str:
    """The message `key` in `lang` ("zh" or "en"), filled with params."""
    zh, en = CATALOGUE[key]
    template = zh if lang == "zh" else en
    joiner = _JOIN.get(lang, ", ")
    shown = {k: joiner.join(str(x) for x in v) if isinstance(v, (list, tuple)) else v for k, v in params.items()}
    if "{reason_zh}" in template and "reason_zh" not in shown:  # an OS reason, said in Chinese
        shown["reason_zh"] = os_reason(shown.get("reason", ""))
    if "{git_zh}" in template and "git_zh" not in shown:  # git's reason, said in Chinese
        shown["git_zh"] = git_reason(shown.get("reason", ""))
    for name in _QUOTED_FIELD.findall(template):  # “泰州市基层‘三整合’改革”: quotes inside quotes are single
        if isinstance(shown.get(name), str):
            shown[name] = inner_quotes(shown[name])
    try:
        return _FORMATTER.format(template, **shown)
    except (KeyError, IndexError, ValueError):  # a missing parameter must never hide the message
        return template
