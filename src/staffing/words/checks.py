"""Words of the checks: each check's messages, title and option labels, and what `staffing
explain CODE` prints in Chinese (`CHECK_DOCS`)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
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
        "名称“{name}”与{first_where_zh}中的“{first}”（{first_at}）重复",
        "the name “{name}” repeats “{first}” of {first_where_en} ({first_at})",
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
}

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
