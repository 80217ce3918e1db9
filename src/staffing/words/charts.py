"""Words of the org charts (`staffing render`, `--charts`)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
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
    'chart.body': ('职能机构', 'functional body'),
    "chart.quotas": ("编制{total}名", "Quota {total}"),
    "chart.quotas_unknown": ("编制未知", "Quota unknown"),
    "chart.quotas_part": ("编制", "Quota"),
    "chart.unknown": ("未知", "unknown"),
    "chart.unknown_codes": ("无法检查：{codes}", "Cannot check: {codes}"),
    "chart.town_unknown": ("无法检查（{n}）", "Could not be checked ({n})"),
    "chart.lg_other": ("不计入职能机构数", "Not counted as functional"),
    "chart.lg_unknown": ("灰框：无法检查", "Grey frame: cannot check"),
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
    # as the boxes say it (checks.tally's short words)
    'chart.lg_mandatory': ('职能机构·必设', 'Mandatory body'),
    "chart.lg_optional": ("职能机构·自选", "Self-chosen body"),
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
    "render.lang": ("不支持的语言：{lang}（可用 zh、en）", "unsupported language {lang} (zh or en)"),
    "render.no-dot": (
        "未找到 Graphviz 的 dot 程序，无法生成图片。请用系统的包管理器安装 Graphviz"
        "（Debian、Ubuntu：sudo apt-get install graphviz；macOS：brew install graphviz；"
        "Windows：winget install Graphviz.Graphviz，装好后重新打开命令窗口）；"
        "从本项目源码安装的，运行 bash scripts/install.sh 即可",
        "Graphviz `dot` was not found, so no image can be made. Install Graphviz with your system's package manager "
        "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
        "Windows: winget install Graphviz.Graphviz, then open a new command window); "
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
    "render.no-format": ("输出文件名没有写明图片格式，请以 .svg、.png、.pdf 或 .dot 结尾", "the output's name does not say the chart format: end it with .svg, .png, .pdf or .dot"),
    "render.dot-timeout": (
        "dot 生成{fmt}超过{seconds}秒未完成，已停止：图中机构过多，未生成图片",
        "dot did not finish the {fmt} within {seconds} seconds and was stopped: too many boxes to draw",
    ),
    "render.dot-too-big": (
        "dot 生成{fmt}所需内存超过{megabytes} MB，已停止：图中机构过多，未生成图片",
        "dot needed more than {megabytes} MB for the {fmt} and was stopped: too many boxes to draw",
    ),
    "render.chart-timeout": (
        "绘制这张组织图（dot 多次排版并生成图片）超过{seconds}秒，已停止：图中机构过多，未生成图片",
        "drawing this chart (dot laying it out several times, then drawing it) took more than {seconds} seconds "
        "and was stopped: too many boxes to draw",
    ),
    "render.png-too-big": (
        "组织图的 PNG 将有{width}×{height}像素，超过上限{limit}像素，未生成 PNG；请使用 SVG 文件",
        "the chart's PNG would be {width}×{height} pixels, over the limit of {limit}; no PNG drawn, use the SVG",
    ),
    "render.link": ("“{file}”是符号链接，不予覆盖，本图未生成", "{file} is a symbolic link and is not replaced; chart not drawn"),
    "render.paper": ("不支持的纸张“{paper}”（可用{known}）", "unsupported paper “{paper}” (use {known})"),
    "render.orientation": ("不支持的方向“{orientation}”（可用{known}）", "unsupported orientation “{orientation}” (use {known})"),
    "render.too-big": (
        "机构设置图在{paper}{orientation}纸上放不下而不使文字小于8磅，已按8磅绘制，图幅约{width}×{height}毫米；可改用A3纸（--paper A3）或另一方向",
        "the chart does not fit {paper} {orientation} with text of 8 pt or more; drawn at 8 pt, about {width}×{height} mm; try --paper A3 or the other orientation",
    ),
    "render.landscape": ("横向", "landscape"),
    "render.portrait": ("纵向", "portrait"),
    "render.dot-failed": ("dot 生成{fmt}失败：{detail}", "dot failed to make {fmt}: {detail}"),
}
