// Issue texts of the outside world: files that are not readable workbooks (the diagnosis of
// src/workbook/xlsx/diagnose.ts, shown by the command line and the pane alike), the file system,
// the lock on a workbook, what a rewrite would lose, and the command line's usage; part of the
// one catalogue. Each text says what happened and what to do; none repeats a library's words.
import type { CatalogueEntry } from "./catalogue";

const SAVE_AS_XLSX = "请在 Excel 或 WPS 中打开它，「另存为」Excel 工作簿（*.xlsx）后再试。";
const SAVE_AS_XLSX_EN = 'Open it in Excel or WPS and "Save As" an Excel workbook (*.xlsx), then try again.';
const DAMAGED = "请改用原文件或备份；若 Excel 能打开它，可在 Excel 中「打开并修复」后另存为 .xlsx。";
const DAMAGED_EN = "Use the original file or a backup; if Excel can open it, use Open and Repair and save it as .xlsx.";

/** Files that are not a readable .xlsx workbook: the codes of a FileDiagnosis. */
export const fileDiagnosisMessages = {
  file_empty: {
    severity: "error",
    zh: "文件是空的（0 字节），不是工作簿。多半是下载或复制没有完成；请重新取得原文件。",
    en: "The file is empty (0 bytes), not a workbook; most likely a download or copy did not finish. Get the original file again.",
  },
  file_xls: {
    severity: "error",
    zh: `这是 .xls 文件（Excel 97–2003 或 WPS 的旧格式），本工具只读 .xlsx。${SAVE_AS_XLSX}`,
    en: `This is an .xls file (the Excel 97–2003 or WPS format); only .xlsx is read. ${SAVE_AS_XLSX_EN}`,
  },
  file_encrypted: {
    severity: "error",
    zh: "此工作簿已加密（设置了打开密码），无法读取。请先去掉打开密码：在 Excel 中打开它，「文件 → 信息 → 保护工作簿 → 用密码进行加密」，清空密码并保存后再试。",
    en: "This workbook is encrypted (it has an opening password) and cannot be read. Remove the password first: open it in Excel, File → Info → Protect Workbook → Encrypt with Password, clear the password, save, and try again.",
  },
  file_ole_damaged: {
    severity: "error",
    zh: `这是 Office 97–2003 格式的文件（如 .xls），而且已损坏，无法识别。本工具只读 .xlsx；${DAMAGED}`,
    en: `This is an Office 97–2003 file (such as .xls), and it is damaged. Only .xlsx is read; ${DAMAGED_EN}`,
  },
  file_not_spreadsheet: {
    severity: "error",
    zh: "这是 {kind} 文件，不是 Excel 工作簿。请选择 .xlsx 工作簿文件。",
    en: "This is a {kind} file, not an Excel workbook. Choose the .xlsx workbook.",
  },
  file_text: {
    severity: "error",
    zh: `这是文本文件（如 CSV），只是扩展名像工作簿，不是 .xlsx。${SAVE_AS_XLSX}`,
    en: `This is a text file (such as CSV) with a workbook's extension, not an .xlsx. ${SAVE_AS_XLSX_EN}`,
  },
  file_html: {
    severity: "error",
    zh: `这是网页（HTML）文件，只是扩展名像工作簿（一些系统导出的“Excel”就是这种文件）。${SAVE_AS_XLSX}`,
    en: `This is a web page (HTML) with a workbook's extension, as some systems export "Excel" files. ${SAVE_AS_XLSX_EN}`,
  },
  file_xml_spreadsheet: {
    severity: "error",
    zh: `这是 Excel 2003 XML 表格文件，不是 .xlsx。${SAVE_AS_XLSX}`,
    en: `This is an Excel 2003 XML spreadsheet, not an .xlsx. ${SAVE_AS_XLSX_EN}`,
  },
  file_ods: {
    severity: "error",
    zh: "这是 OpenDocument 表格（.ods），不是 .xlsx。请在 WPS、LibreOffice 或 Excel 中打开它，另存为 Excel 工作簿（*.xlsx）后再试。",
    en: "This is an OpenDocument spreadsheet (.ods), not an .xlsx. Open it in WPS, LibreOffice or Excel and save it as an Excel workbook (*.xlsx).",
  },
  file_zip_not_xlsx: {
    severity: "error",
    zh: "这是一个 zip 压缩包，里面没有工作簿，不是 .xlsx。若工作簿在压缩包里，请先解压，再选择其中的 .xlsx 文件。",
    en: "This is a zip archive without a workbook inside, not an .xlsx. If the workbook is inside the archive, extract it first.",
  },
  file_truncated: {
    severity: "error",
    zh: "文件不完整：只有 {size} 字节，.xlsx 的结尾部分缺失（像是下载、复制或邮件附件中断了）。请重新取得完整的文件。",
    en: "The file is incomplete: {size} bytes, the end of the .xlsx is missing (an interrupted download, copy or attachment). Get the whole file again.",
  },
  file_damaged: {
    severity: "error",
    zh: `文件已损坏：.xlsx 的压缩结构无法读取。${DAMAGED}`,
    en: `The file is damaged: the .xlsx archive structure cannot be read. ${DAMAGED_EN}`,
  },
  file_part_missing: {
    severity: "error",
    zh: `文件已损坏：工作簿缺少必需的部分「{part}」，Excel 也无法正常打开它。${DAMAGED}`,
    en: `The file is damaged: the workbook lacks its required part "{part}"; Excel cannot open it properly either. ${DAMAGED_EN}`,
  },
  file_sheet_part_missing: {
    severity: "error",
    zh: `文件已损坏：工作表「{sheet}」的内容（部分「{part}」）不在文件中。${DAMAGED}`,
    en: `The file is damaged: the content of sheet "{sheet}" (part "{part}") is not in the file. ${DAMAGED_EN}`,
  },
  file_part_damaged: {
    severity: "error",
    zh: `文件已损坏：部分「{part}」的压缩数据无法解开或校验不符。${DAMAGED}`,
    en: `The file is damaged: the compressed data of part "{part}" cannot be unpacked or fails its checksum. ${DAMAGED_EN}`,
  },
  file_xml_broken: {
    severity: "error",
    zh: `文件已损坏：部分「{part}」的内容在第 {line} 行第 {column} 列处不完整或有误。${DAMAGED}`,
    en: `The file is damaged: part "{part}" is broken or incomplete at line {line}, column {column}. ${DAMAGED_EN}`,
  },
  file_sheet_xml_broken: {
    severity: "error",
    zh: `文件已损坏：工作表「{sheet}」（部分「{part}」）的内容在第 {line} 行第 {column} 列处不完整或有误。${DAMAGED}`,
    en: `The file is damaged: sheet "{sheet}" (part "{part}") is broken or incomplete at line {line}, column {column}. ${DAMAGED_EN}`,
  },
  file_layout_unsupported: {
    severity: "error",
    zh: `此工作簿的内部结构不常见（部分「{part}」不在 Excel 通常存放的位置），本工具无法可靠读取。${SAVE_AS_XLSX}`,
    en: `This workbook's inner layout is unusual (part "{part}" is not where Excel keeps it), so it cannot be read reliably. ${SAVE_AS_XLSX_EN}`,
  },
  file_unknown: {
    severity: "error",
    zh: "这不是 Excel 工作簿，也不是能识别的表格文件（可能已损坏，或是别的格式）。请确认选择的是 .xlsx 工作簿；若文件是别人发来的，请对方重新发送。",
    en: "This is not an Excel workbook nor any recognised spreadsheet file (it may be damaged, or of another kind). Make sure it is the .xlsx workbook; if someone sent it, ask for it again.",
  },
  file_unreadable: {
    severity: "error",
    zh: `无法读取此工作簿：文件可能已损坏，或由不兼容的程序生成。${SAVE_AS_XLSX}`,
    en: `This workbook cannot be read: it may be damaged or made by an incompatible program. ${SAVE_AS_XLSX_EN}`,
  },
} satisfies Record<string, CatalogueEntry>;

/** What a rewrite would lose, one phrase each: joined into book_parts_unkept / book_parts_not_copied. */
export const lossMessages = {
  lost_charts: { severity: "warning", zh: "图表（{count} 个）", en: "charts ({count})" },
  lost_chartsheets: { severity: "warning", zh: "图表工作表（{count} 张）", en: "chart sheets ({count})" },
  lost_pivots: { severity: "warning", zh: "数据透视表", en: "pivot tables" },
  lost_macros: { severity: "warning", zh: "宏（VBA）", en: "macros (VBA)" },
  lost_macro_sheets: { severity: "warning", zh: "宏表或对话框表", en: "macro or dialog sheets" },
  lost_slicers: { severity: "warning", zh: "切片器", en: "slicers" },
  lost_timelines: { severity: "warning", zh: "日程表（时间线切片器）", en: "timelines" },
  lost_form_controls: { severity: "warning", zh: "表单控件", en: "form controls" },
  lost_activex: { severity: "warning", zh: "ActiveX 控件", en: "ActiveX controls" },
  lost_embedded: { severity: "warning", zh: "嵌入的对象（{count} 个）", en: "embedded objects ({count})" },
  lost_threaded_comments: { severity: "warning", zh: "批注会话（新式批注）", en: "threaded comments" },
  lost_external_links: { severity: "warning", zh: "外部链接", en: "external links" },
  lost_connections: { severity: "warning", zh: "数据连接或查询", en: "data connections or queries" },
  lost_data_model: { severity: "warning", zh: "数据模型（Power Pivot）", en: "the data model (Power Pivot)" },
  lost_custom_xml: { severity: "warning", zh: "自定义 XML 数据", en: "custom XML data" },
  lost_rich_data: { severity: "warning", zh: "单元格中的图片或数据类型", en: "pictures in cells or data types" },
  lost_dynamic_arrays: { severity: "warning", zh: "动态数组公式的信息", en: "dynamic array formula metadata" },
  lost_web_extensions: { severity: "warning", zh: "加载项的绑定", en: "add-in bindings" },
  lost_custom_ui: { severity: "warning", zh: "自定义功能区", en: "a custom ribbon" },
  lost_images: { severity: "warning", zh: "图片（{count} 张）", en: "images ({count})" },
  lost_part: { severity: "warning", zh: "文件部分「{part}」", en: 'the part "{part}"' },
  lost_custom_property: {
    severity: "warning",
    zh: "自定义文档属性「{name}」",
    en: 'the custom document property "{name}"',
  },
  lost_core_property: { severity: "warning", zh: "文档属性「{name}」", en: 'the document property "{name_en}"' },
  lost_defined_name: { severity: "warning", zh: "名称「{name}」", en: 'the defined name "{name}"' },
  lost_workbook_protection: { severity: "warning", zh: "工作簿结构保护", en: "the workbook's structure protection" },
  lost_file_sharing: {
    severity: "warning",
    zh: "文件的打开或修改权限密码",
    en: "the file's write-reservation password",
  },
  lost_date1904: { severity: "warning", zh: "1904 日期系统的设置", en: "the 1904 date system setting" },
  lost_workbook_extension: { severity: "warning", zh: "工作簿的扩展信息（{uri}）", en: "a workbook extension ({uri})" },
  lost_sheet_feature: {
    severity: "warning",
    zh: "工作表「{sheet}」的{feature}（{count} 处）",
    en: 'the {feature_en} of sheet "{sheet}" ({count})',
  },
  lost_sheet_extension: {
    severity: "warning",
    zh: "工作表「{sheet}」的扩展信息（{uri}）",
    en: 'an extension of sheet "{sheet}" ({uri})',
  },
  lost_sheet: { severity: "warning", zh: "工作表「{sheet}」", en: 'the sheet "{sheet}"' },
} satisfies Record<string, CatalogueEntry>;

/** The file system and the lock on a workbook. */
const systemMessages = {
  file_not_found: {
    severity: "error",
    zh: "找不到文件「{file}」。请检查路径和文件名（含扩展名 .xlsx）是否正确。",
    en: 'File "{file}" not found. Check the path and the file name (with its .xlsx extension).',
  },
  file_is_folder: {
    severity: "error",
    zh: "「{file}」是文件夹，不是工作簿文件。请给出 .xlsx 文件的路径。",
    en: '"{file}" is a folder, not a workbook file. Give the path of the .xlsx file.',
  },
  file_no_permission: {
    severity: "error",
    zh: "没有读取文件「{file}」的权限。请检查文件的权限，或把它复制到自己的文件夹后再试。",
    en: 'No permission to read "{file}". Check its permissions, or copy it into a folder of your own.',
  },
  file_busy: {
    severity: "error",
    zh: "文件「{file}」被其他程序占用（如 Excel 或 WPS 正在使用它）。请关闭该程序后再试。",
    en: 'File "{file}" is in use by another program (such as Excel or WPS). Close it and try again.',
  },
  file_too_large: {
    severity: "error",
    zh: "文件「{file}」太大（{size} MB），无法一次读入内存。",
    en: 'File "{file}" is too large ({size} MB) to be read into memory at once.',
  },
  file_read_failed: {
    severity: "error",
    zh: "无法读取文件「{file}」（系统错误 {errno}）。请检查磁盘或网络共享是否可用。",
    en: 'Cannot read "{file}" (system error {errno}). Check that the disk or network share is available.',
  },
  out_folder_missing: {
    severity: "error",
    zh: "输出文件夹「{folder}」不存在，未写入任何内容。请先创建该文件夹，或换一个 --out 路径。",
    en: 'The output folder "{folder}" does not exist; nothing was written. Create it first, or choose another --out path.',
  },
  out_is_folder: {
    severity: "error",
    zh: "输出路径「{file}」是一个文件夹，未写入任何内容。请在 --out 中写明文件名，如 {file}/结果.xlsx。",
    en: 'The output path "{file}" is a folder; nothing was written. Name a file with --out, such as {file}/result.xlsx.',
  },
  out_not_writable: {
    severity: "error",
    zh: "无法在文件夹「{folder}」中写入（没有写入权限或是只读位置），未写入任何内容，原文件不变。请换一个 --out 路径。",
    en: 'Cannot write into the folder "{folder}" (no permission, or a read-only place); nothing was written, the original is unchanged. Choose another --out path.',
  },
  out_busy: {
    severity: "error",
    zh: "无法替换文件「{file}」：它被其他程序占用（如在 Excel 或 WPS 中打开）或没有写入权限。未写入任何内容，原文件不变。请关闭该程序后再试，或换一个 --out 路径。",
    en: 'Cannot replace "{file}": another program has it open (such as Excel or WPS) or it may not be written. Nothing was written, the original is unchanged. Close that program and try again, or choose another --out path.',
  },
  out_read_only: {
    severity: "error",
    zh: "文件「{file}」是只读的，未写入任何内容。请用 --out 写入新文件，或去掉文件的只读属性后再试。",
    en: 'File "{file}" is read-only; nothing was written. Write a new file with --out, or clear its read-only attribute.',
  },
  disk_full: {
    severity: "error",
    zh: "磁盘空间不足，无法在「{folder}」中写入；未写入任何内容，原文件不变。请清理磁盘后再试。",
    en: 'The disk is full: cannot write in "{folder}"; nothing was written, the original is unchanged.',
  },
  file_write_failed: {
    severity: "error",
    zh: "无法写入「{file}」（系统错误 {errno}）；未写入任何内容，原文件不变。请检查磁盘或网络共享是否可用。",
    en: 'Cannot write "{file}" (system error {errno}); nothing was written, the original is unchanged. Check the disk or network share.',
  },
  book_locked: {
    severity: "error",
    zh: "工作簿「{file}」正由另一个 shuangsuiji 命令使用（{command}，进程 {pid}，计算机 {host}，开始于 {since}）。为免丢失抽取结果，本命令未读取也未写入任何内容。请等它结束后再试；若确认没有这样的命令在运行，可删除锁文件「{lock}」。",
    en: 'Workbook "{file}" is in use by another shuangsuiji command ({command}, process {pid} on {host}, since {since}). So that no draw is lost, nothing was read or written. Try again when it has finished; if no such command is running, delete the lock file "{lock}".',
  },
  book_lock_taken_over: {
    severity: "warning",
    zh: "发现过期的锁文件「{lock}」：持有它的 shuangsuiji 命令（进程 {pid}，开始于 {since}）已不在运行（可能曾被中断），本命令已接管。",
    en: 'Took over the stale lock file "{lock}": the shuangsuiji command holding it (process {pid}, since {since}) no longer runs (it may have been interrupted).',
  },
  book_open_elsewhere: {
    severity: "error",
    zh: "工作簿「{file}」似乎正在 {app} 中打开（发现所有者文件「{owner}」）。若现在写回原文件，{app} 下次保存时会覆盖本次结果，因此未写入。请先在 {app} 中关闭该工作簿再试，或用 --out 写入新文件；若 {app} 已经关闭，可删除「{owner}」。",
    en: 'Workbook "{file}" seems to be open in {app} (its owner file "{owner}" exists). Writing back now would be overwritten by {app}\'s next save, so nothing was written. Close the workbook in {app} first, or write a new file with --out; if {app} is closed, delete "{owner}".',
  },
  book_changed_on_disk: {
    severity: "error",
    zh: "工作簿「{file}」在本命令读取之后被修改过（{what}），可能有人同时在写入它。为免覆盖别人的修改，本命令未写入任何内容。请重新运行本命令。",
    en: 'Workbook "{file}" changed after this command read it ({what_en}); someone may be writing it at the same time. So as not to overwrite that change, nothing was written. Run the command again.',
  },
  interrupted: {
    severity: "error",
    zh: "命令已中断（{signal}）：{state}",
    en: "Interrupted ({signal}): {state_en}",
  },
  internal: {
    severity: "error",
    zh: "内部错误（{detail}）：这是本工具的缺陷，不是工作簿的问题；未写入任何内容。请把所用命令和错误输出中的详细信息报告给维护者。",
    en: "Internal error ({detail}): a defect of this tool, not of the workbook; nothing was written. Report the command and the details printed on stderr to the maintainers.",
  },
} satisfies Record<string, CatalogueEntry>;

/** The command line's usage: exit 2, with the command's usage line. */
const usageMessages = {
  command_missing: {
    severity: "error",
    zh: "缺少命令。可用的命令：{known}。",
    en: "No command given. Commands: {known}.",
  },
  command_unknown: {
    severity: "error",
    zh: "未知命令「{command}」。可用的命令：{known}。",
    en: 'Unknown command "{command}". Commands: {known}.',
  },
  command_unknown_near: {
    severity: "error",
    zh: "未知命令「{command}」。是否要输入 {suggestion}？",
    en: 'Unknown command "{command}". Did you mean {suggestion}?',
  },
  option_unknown: {
    severity: "error",
    zh: "未知选项 {option}。命令 {command} 可用的选项：{known}。",
    en: "Unknown option {option}. Options of {command}: {known}.",
  },
  option_unknown_near: {
    severity: "error",
    zh: "未知选项 {option}。是否要输入 {suggestion}？",
    en: "Unknown option {option}. Did you mean {suggestion}?",
  },
  option_dash: {
    severity: "error",
    zh: "「{given}」不是选项：选项以两个半角减号开头。是否要输入 {suggestion}？",
    en: '"{given}" is no option: options start with two ASCII hyphens. Did you mean {suggestion}?',
  },
  option_not_taken: {
    severity: "error",
    zh: "命令 {command} 不接受选项 {option}。",
    en: "The command {command} does not take {option}.",
  },
  option_required: {
    severity: "error",
    zh: "命令 {command} 需要选项 {option}。",
    en: "The command {command} needs {option}.",
  },
  option_value_missing: {
    severity: "error",
    zh: "选项 {option} 后面缺少值。",
    en: "The option {option} needs a value.",
  },
  option_value_empty: {
    severity: "error",
    zh: "选项 {option} 的值是空的。",
    en: "The value of {option} is empty.",
  },
  option_flag_value: {
    severity: "error",
    zh: "选项 {option} 不带值（收到「{value}」）。",
    en: 'The option {option} takes no value (got "{value}").',
  },
  option_repeated: {
    severity: "error",
    zh: "选项 {option} 给出了不止一次。请只给一次。",
    en: "The option {option} is given more than once.",
  },
  option_date: {
    severity: "error",
    zh: "选项 {option} 应为 YYYY-MM-DD 格式的日期，例如 2026-04-01；「{value}」不是有效日期。",
    en: 'The option {option} takes a date as YYYY-MM-DD, such as 2026-04-01; "{value}" is not a valid date.',
  },
  option_lang: {
    severity: "error",
    zh: "--lang 只能是 zh（中文）或 en（英文），收到「{value}」。/ --lang must be zh or en.",
    en: '--lang must be zh (Chinese) or en (English), got "{value}". / --lang 只能是 zh 或 en。',
  },
  option_out_extension: {
    severity: "error",
    zh: "输出文件「{file}」应以 .xlsx 结尾，否则 Excel 无法打开它。",
    en: 'The output file "{file}" must end in .xlsx, or Excel will not open it.',
  },
  book_argument_missing: {
    severity: "error",
    zh: "缺少工作簿文件。请在命令后写上 .xlsx 文件的路径。",
    en: "No workbook file given. Write the path of the .xlsx file after the command.",
  },
  argument_extra: {
    severity: "error",
    zh: '多余的参数：{args}。含空格的值请加引号，如 --operator "张 三"。',
    en: 'Unexpected arguments: {args}. Quote values with spaces, e.g. --operator "Zhang San".',
  },
} satisfies Record<string, CatalogueEntry>;

/** Everything of this part, as catalogue.ts takes it. */
export const fileMessages = { ...fileDiagnosisMessages, ...lossMessages, ...systemMessages, ...usageMessages };
