"""Words of the command line: what commands say (`cli.*`), --help and argparse's own words,
`staffing rules`, `staffing explain`, the user guide's table of checks, `init` and `convert`."""

from __future__ import annotations

# the sources `init --install` takes, said in every refusal of a source that pins nothing
_FORMS_ZH = "本工具的 git 仓库及完整提交号（git+仓库地址@提交号），或附 sha256 的 wheel 文件地址（地址#sha256=十六进制值）"
_FORMS_EN = ("the tool's git repository at a full commit (git+URL@COMMIT), or a wheel URL with its hash "
             "(URL#sha256=HEX)")

WORDS: dict[str, tuple[str, str]] = {
    "cli.render-args": (
        "绘图需要一个方案文件，或用 --compare 给出新旧两个方案文件",
        "render takes one plan, or --compare and two plans (OLD NEW)",
    ),
    # ---- staffing rules --------------------------------------------------------------------------
    "rules.pack": ("{title}（{origin}）", "{id}  {title}  ({origin})"),
    "rules.id": ("标识：{id}（写在方案的 rule_pack 中，或用 --rules 指定）", "id: {id}"),
    "rules.extends-line": ("继承：{chain}", "extends: {chain}"),
    "rules.applies-line": ("适用于：{units}", "applies to: {units}"),
    "rules.jurisdiction-line": ("适用地域：{place}；{source}", "jurisdiction: {place}; {source}"),
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
    "rules.vocabulary.titles.team": ("乡镇领导班子职务名称", "titles.team"),
    "rules.param": ("{check}  {option}：{value}；{source}", "{option} = {value}; {source}"),
    "rules.source": ("依据：{citation}", "source: {citation}"),
    "rules.loosens-line": (
        "放宽了上级规则包“{parent}”的限制：{check}的{option}由{before}改为{after}",
        "loosens {parent}: {check} {option} {before} → {after}",
    ),
    "rules.checks": ("检查项", "Checks"),
    "rules.no-source": ("未注明依据", "no source"),
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
        "{code} ({title}) is not a check of one plan; --select and --ignore cannot choose it",
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
    "cli.unknown-format": ("未知的输出格式“{format}”（可用：{known}）", "unknown output format “{format}” (known: {known})"),
    "cli.output-spec": ("--output 应写成“格式=文件”：{value}", "--output takes FORMAT=FILE: {value}"),
    "cli.format-not-text": (
        "输出格式“{format}”不能显示在终端上，请用 --output {format}=文件",
        "format “{format}” cannot be shown in a terminal; use --output {format}=FILE",
    ),
    "cli.exists": ("“{file}”已存在，未改动", "{file} exists; left as it is"),
    "cli.wrote": ("已写入“{file}”", "wrote {file}"),
    # ---- staffing init: where CI and the hook install the tool from, the next steps ------------
    "init.install-bare": (
        "“{spec}”没有固定安装来源：持续集成和提交前检查不按名称从公共软件包索引安装本工具（任何人都可以抢注同名软件包）。"
        "请写" + _FORMS_ZH,
        "“{spec}” pins no source: CI and the pre-commit hook never install staffing by name from a public index "
        "(anyone can register that name there). Give " + _FORMS_EN,
    ),
    "init.install-no-commit": ("“{spec}”应写成 git+仓库地址@完整提交号", "“{spec}”: write git+URL@COMMIT"),
    "init.install-short-commit": (
        "“{rev}”不是完整的提交号：分支、标签和缩写的提交号都可能改指别的版本，请写40位的提交号（可用{command}查出）",
        "“{rev}” is not a full commit: a branch, a tag or a short hash can come to name another version; "
        "give the 40-digit commit ({command} prints it)",
    ),
    "init.install-no-hash": (
        "“{spec}”：wheel 地址应附上文件的 sha256（地址#sha256=十六进制值），否则无法确认安装的是哪个文件",
        "“{spec}”: a wheel URL needs its file's hash (URL#sha256=HEX), or nothing says which file is installed",
    ),
    "init.install-index": (
        "“{spec}”不是 wheel 文件的地址：从软件包索引（公共索引、镜像或本单位的索引）安装只认版本号，"
        "同一版本号下的文件可以被换掉，无法固定安装的内容。请写" + _FORMS_ZH,
        "“{spec}” is not a wheel's URL: from a package index (public, a mirror or your own) pip takes a version, "
        "and the file behind a version can be replaced, so nothing pins what is installed. Give " + _FORMS_EN,
    ),
    "init.install-in-clear": (
        "“{spec}”的地址未加密（http 或 git 协议），传输途中可被篡改：请改用 https 或 ssh 地址，写成" + _FORMS_ZH,
        "“{spec}” is fetched in clear (http or git protocol), open to tampering on the way: use an https or ssh "
        "address, as " + _FORMS_EN,
    ),
    "init.install-credentials": (
        "“{spec}”的地址里带有用户名或口令：它会写进要提交的文件并出现在持续集成的日志里。请改用不带口令的地址"
        "（私有仓库用 ssh 地址或持续集成平台的密钥设置），写成" + _FORMS_ZH,
        "“{spec}” carries a user name or a password in its address, which would be written into committed files "
        "and shown in CI logs: use an address without one (an ssh address, or the CI platform's secrets for a "
        "private repository), as " + _FORMS_EN,
    ),
    "init.install-unusable": (
        "“{spec}”不是可用的安装来源：地址中不能有空白、控制字符或多余的片段",
        "“{spec}” is not a usable source: no spaces, control characters or stray fragments in the URL",
    ),
    "init.no-pin-source": (
        "无法确定本工具是从哪里安装的，持续集成无从固定版本。请用 --install 指定：" + _FORMS_ZH,
        "cannot tell where this copy of staffing was installed from, so there is nothing for CI to pin. "
        "Name the source with --install: " + _FORMS_EN,
    ),
    "init.no-pin-local": (
        "本工具的来源{url}只在本机，持续集成取不到。请用 --install 指定：" + _FORMS_ZH,
        "this copy of staffing came from {url}, which only this machine can reach. "
        "Name a source CI can reach with --install: " + _FORMS_EN,
    ),
    "init.no-pin-remote": (
        "本工具的源代码仓库{folder}没有远程仓库，持续集成无从取得。请用 --install 指定：" + _FORMS_ZH,
        "the tool's checkout {folder} has no remote for CI to fetch from. Name the source with --install: " + _FORMS_EN,
    ),
    "init.no-pin-in-clear": (
        "本工具的来源{url}未加密（http 或 git 协议），传输途中可被篡改。请用 --install 指定 https 或 ssh 地址：" + _FORMS_ZH,
        "this copy of staffing came from {url}, which is fetched in clear (http or git protocol). "
        "Name an https or ssh source with --install: " + _FORMS_EN,
    ),
    "init.no-pin-credentials": (
        "本工具的来源{url}的地址里带有用户名或口令：它会写进要提交的文件并出现在持续集成的日志里。"
        "请用 --install 指定不带口令的地址：" + _FORMS_ZH,
        "this copy of staffing came from {url}, whose address carries a user name or a password that would be "
        "written into committed files and shown in CI logs. Name a source without one with --install: " + _FORMS_EN,
    ),
    "init.no-pin-unpushed": (
        "本工具当前的提交{rev}尚未推送到{url}，持续集成取不到。请先推送，或用 --install 指定：" + _FORMS_ZH,
        "the tool's commit {rev} is not pushed to {url}, so CI cannot fetch it. Push it, or name the source "
        "with --install: " + _FORMS_EN,
    ),
    "init.through-link": (
        "“{link}”是符号链接：本命令不经符号链接写入文件（“{target}”会写到文件夹以外），未写入任何文件",
        "{link} is a symbolic link: init writes nothing through links ({target} would land outside the folder); "
        "nothing was written",
    ),
    "init.next": ("下一步：", "Next steps:"),
    "init.step-cd": ("{n}. 进入方案仓库：", "{n}. Go to the plans repository:"),
    "init.step-pre-commit": ("{n}. 安装 pre-commit（每台电脑一次）：", "{n}. Install pre-commit (once per computer):"),
    "init.step-enable": ("{n}. 在本仓库启用提交前检查：", "{n}. Turn the pre-commit hook on in this repository:"),
    "init.step-first": (
        "{n}. 把示例方案换成本地的方案，加入版本库，检查全部方案（第一次运行时，pre-commit 从{source}自动安装本工具，"
        "无需另行安装，也不必把它加入命令路径）：",
        "{n}. Replace the example plan with your own, add the files and check every plan (on its first run "
        "pre-commit installs staffing itself from {source}; nothing else to install, nothing to put on PATH):",
    ),
    "init.step-commit": (
        "{n}. 提交；此后每次提交都检查所提交的方案：",
        "{n}. Commit; from now on every commit checks the plans it holds:",
    ),
    "init.first-commit": ("建立三定方案仓库", "Set up the plans repository"),
    "init.ci-note": (
        "持续集成任务（{files}）从同一来源安装同一版本；固定和升级的方法见{doc}。",
        "The CI jobs ({files}) install the same version from the same source; how to pin and upgrade it: {doc}.",
    ),
    # ---- staffing hook ----------------------------------------------------------------------
    # the hook's first run (scripts/pre-commit-hook.py), before staffing itself is installed
    "hook.env-installing": (
        "首次运行：正在按{lock}安装本工具及其依赖（逐个核对文件的哈希值）到{env}，需要几分钟",
        "first run: installing staffing and its dependencies from {lock} (every file's hash checked) into {env}; "
        "this takes a few minutes",
    ),
    "hook.env-failed": ("安装本工具失败（{command}），以下是 pip 的输出：",
                        "could not install staffing ({command}); pip said:"),
    "hook.env-python": ("提交前检查需要 Python {needed}或更高版本，而{python}是 Python {version}",
                        "the pre-commit hook needs Python {needed} or later; {python} is Python {version}"),
    "hook.no-git": ("无法列出 git 跟踪的文件：{reason}", "cannot list the files git tracks: {reason}"),
    "cli.wrote-charts": (
        "已将{count}个方案的组织架构图写入“{folder}”（SVG 和 PNG 格式）",
        "wrote the org charts of {count:plan|plans} (SVG and PNG) into {folder}",
    ),
    "cli.generated": ("已在“{folder}”下写入{count}个文件", "wrote {count:file|files} under {folder}"),
    "cli.stdout-unwritable": ("无法写入标准输出：{reason_zh}", "cannot write to standard output: {reason}"),
    "cli.unwritable": ("无法写入“{target}”：{reason_zh}", "cannot write {target}: {reason}"),
    "cli.diff-args": (
        "比较需要两个文件（旧版和新版），或用 --base 指定版本再加一个文件",
        "diff takes two files (OLD NEW), or --base REV and one file",
    ),
    "rules.documents": ("引用的文件", "documents cited"),
    "rules.reported-in": ("见", "reported in"),
    "convert.suffix": ("无法按扩展名“{suffix}”转换：只支持 .yaml、.yml、.json、.xlsx",
                       "cannot convert by the suffix “{suffix}”: only .yaml, .yml, .json and .xlsx"),
    "convert.same": ("输入和输出是同一个文件", "the input and the output are the same file"),
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
    "help.metavar.HOST": ("地址", "HOST"),
    "help.metavar.PORT": ("端口", "PORT"),
    "help.metavar.TOKEN": ("令牌", "TOKEN"),
    "help.metavar.NAME": ("主机名", "NAME"),
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
    "help.cmd.hook": (
        "提交前检查：检查要提交的方案及县级汇总所需的方案，只看 git 跟踪的文件",
        "the pre-commit hook: check the plans being committed and what their county roll-up needs, "
        "only files git tracks",
    ),
    "help.cmd.generate": ("生成一批仿真方案（用于性能测试）：staffing generate --towns 数量 文件夹",
                          "write a corpus of realistic generated plans: staffing generate --towns N DIR"),
    "help.cmd.template": ("生成乡镇填报用的方案工作簿：staffing template -o 三定方案模板.xlsx",
                          "write the plan workbook an office fills in: staffing template -o 三定方案模板.xlsx"),
    "help.cmd.convert": ("在 .yaml、.json 和 .xlsx 之间转换方案：staffing convert 输入 -o 输出",
                         "convert a plan between .yaml, .json and .xlsx: staffing convert IN -o OUT"),
    "help.cmd.serve": (
        "打开审核页面：在浏览器中检查方案、查看问题所在单元格、下载审核意见书（默认只供本机访问）",
        "open the review page: check plans in a browser, see each problem's cell, download the review report "
        "(this computer only, unless told otherwise)",
    ),
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
    "help.init.install": (
        "持续集成和提交前检查安装本工具的来源，须固定到文件（git+仓库地址@完整提交号，或 wheel 地址#sha256=十六进制值；"
        "默认：本工具自身的来源）",
        "where CI and the hook install staffing from, pinned (git+URL@COMMIT or a wheel's URL#sha256=HEX; "
        "default: where this copy came from)",
    ),
    "help.hook.files": ("要提交的文件（由 pre-commit 给出）", "the files being committed (pre-commit passes them)"),
    "help.hook.plans": ("方案所在的文件夹（默认：%(default)s）", "the folder of the plans (default: %(default)s)"),
    "help.generate.dir": ("写入方案的文件夹", "the folder to write the plans into"),
    "help.generate.towns": ("方案个数（默认%(default)s）", "number of plans (default %(default)s)"),
    "help.generate.seed": ("随机数种子，相同的种子生成相同的方案（默认%(default)s）",
                           "random seed: the same seed writes the same plans (default %(default)s)"),
    "help.template.output": ("工作簿文件（.xlsx）", "the workbook file (.xlsx)"),
    "help.template.rules": ("标出并填入该规则包要求必填的内容", "mark what this pack makes mandatory, and fill it in"),
    "help.template.no_example": ("不附填好的示例工作表（示例-…）", "leave out the filled example sheets (示例-…)"),
    "help.convert.input": ("要转换的方案（.yaml、.yml、.json 或 .xlsx）", "the plan to convert (.yaml, .yml, .json or .xlsx)"),
    "help.convert.output": ("转换后的文件，格式由后缀决定", "the converted file; its suffix chooses the format"),
    "help.serve.host": (
        "监听的地址（默认127.0.0.1，只供本机访问）；让其他电脑访问时写本机地址或0.0.0.0，此时必须有访问令牌",
        "address to listen on (default 127.0.0.1: this computer only); another address needs an access token",
    ),
    "help.serve.port": ("端口（默认8765，被占用时依次试后面的端口）", "port (default 8765, or the next free one)"),
    "help.serve.token": (
        "访问令牌：打开页面的链接必须带有它（用 --host 时未指定则自动生成并显示）",
        "access token the page's link must carry (made and printed when --host is given without one)",
    ),
    "help.serve.allow_host": (
        "其他电脑访问本页面时使用的主机名（可写多次），其他主机名一律拒绝",
        "a host name other computers reach the page by (repeatable); any other name is refused",
    ),
    "help.serve.no_browser": ("不自动打开浏览器", "do not open a browser"),
    "help.serve.workers": (
        "同时检查的进程数（默认：处理器核心数，最多4个）",
        "checks run at once, each in its own process (default: the number of cores, at most 4)",
    ),
    "help.serve.max_depth": ("接受的最大嵌套层数（默认%(default)s）", "deepest nesting of mappings and lists accepted (default %(default)s)"),
    "help.serve.max_nodes": ("一个文件中接受的最多数值个数，别名展开后计算（默认%(default)s）",
                             "most values accepted in one file, aliases expanded (default %(default)s)"),
    "help.serve.max_files": ("一次最多上传的文件个数（默认%(default)s）", "most files in one upload (default %(default)s)"),
    "help.serve.max_request_bytes": ("一次上传的最大字节数（默认%(default)s）", "largest upload accepted, in bytes (default %(default)s)"),
    "help.serve.max_connections": ("同时接受的最多连接数（默认%(default)s）", "most connections served at once (default %(default)s)"),
    "help.serve.max_total_bytes": (
        "同时接收和检查的上传合计的最大字节数，超出时新的上传须稍后再试（默认：一次上传的最大字节数×（检查进程数+排队等候的32个））",
        "most bytes the uploads being received or checked may hold together; past it, an upload is told to try "
        "again later (default: --max-request-bytes × (workers + 32 waiting))",
    ),
    "help.port": ("应为0到65535之间的端口号，而不是“{value}”", "expected a port number from 0 to 65535, got “{value}”"),
    # what an option's value must be (argparse calls these while parsing)
    "help.positive": ("应为正整数，而不是“{value}”", "expected a positive whole number, got “{value}”"),
    "help.invalid-choice": ("无效的选择“{value}”，可选：{choices}", "invalid choice “{value}” (choose from {choices})"),
    "help.invalid-choice-hint": (
        "无效的选择“{value}”，是否要写“{close}”？可选：{choices}",
        "invalid choice “{value}”: did you mean “{close}”? (choose from {choices})",
    ),
    "help.cmd.lsp": (
        "语言服务器（经标准输入输出）：在编辑器中随写随查，问题标在所在的行列",
        "language server over stdio: findings in the editor, at their line and column, as you type",
    ),
    "help.lsp.stdio": ("经标准输入输出通信（默认，编辑器客户端常传此参数）", "talk over stdin/stdout (the default; clients often pass it)"),
}

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
WORDS.update(ARGPARSE)
