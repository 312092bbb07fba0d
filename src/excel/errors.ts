// What the clerk reads when Excel refuses something: a plain Chinese sentence per Office.js error
// code, never the host's English text or a stack. The code stays on the error for the self-test
// report and support.
import { WorkbookChangedError } from "../workbook/port";
import { UnsupportedHostError } from "./capabilities";

/** Chinese text per Excel.ErrorCodes / OfficeExtension.ErrorCodes value the adapter can meet. */
const TEXT: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态：请先按 Enter 或 Esc 结束编辑，再重试。",
  InactiveWorkbook: "写入时另一个工作簿获得了焦点，Excel 中止了操作：请在写入期间停留在本工作簿，然后重试。",
  InvalidSelection: "写入时另一个工作簿获得了焦点，Excel 中止了操作：请在写入期间停留在本工作簿，然后重试。",
  GeneralException:
    "Excel 处理请求时出现内部错误。如在写入期间切换到了其他工作簿，请停留在本工作簿后重试；否则请运行“自检”并把报告发给技术支持。",
  AccessDenied: "Excel 拒绝了此操作：工作表或工作簿受保护，或当前账户无权修改此工作簿。",
  BadPassword: "工作表保护的密码不正确。",
  InvalidPassword: "工作表保护的密码不正确。",
  ApiNotFound:
    "此版本的 Excel 缺少本助手所需的接口。请更新 Excel 或改用 Microsoft 365 网页版，并在“自检”中查看本机支持的接口集。",
  ApiNotAvailable: "此版本的 Excel 暂不提供本助手所需的接口，请更新 Excel 或改用 Microsoft 365 网页版。",
  NotImplemented: "此版本的 Excel 暂不提供本助手所需的功能，请更新 Excel 或改用 Microsoft 365 网页版。",
  RequestPayloadSizeLimitExceeded: "一次发送给 Excel 的数据超过了 5 MB 的上限。",
  ResponsePayloadSizeLimitExceeded: "Excel 一次返回的数据超过了 5 MB 的上限。",
  RangeExceedsLimit: "一次读取的单元格超过了 Excel 的上限。",
  ItemAlreadyExists: "工作簿中已有同名的工作表或表格。",
  ItemNotFound: "找不到所需的工作表或对象：它可能已被删除或改名。",
  MergedRangeConflict: "表格不能与合并单元格或其他表格重叠。",
  InvalidArgument: "Excel 不接受所写的内容（参数无效）。",
  InvalidOperation: "Excel 不允许对该对象执行此操作。",
  InvalidReference: "引用的单元格区域对此操作无效。",
  Conflict: "其他人正在同时编辑此工作簿，Excel 无法完成操作：请稍后重试。",
  RequestAborted: "Excel 中止了请求：请重试。",
  ServiceNotAvailable: "Excel 服务暂时不可用：请稍后重试。",
  MemoryLimitReached: "Excel 内存不足，无法完成操作：请关闭其他工作簿后重试。",
  ActivityLimitReached: "Excel 的操作次数达到上限：请稍后重试。",
};

/** The host's error code, if the error is one of Office.js's. */
export function hostErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** An Office.js error, said in Chinese; the host's own text is kept apart (for support), not shown. */
export class ExcelHostError extends Error {
  constructor(
    readonly code: string,
    /** the host's (English, localised or empty) message */
    readonly hostMessage: string,
  ) {
    super(`${TEXT[code] ?? "Excel 报告了一个错误。请运行“自检”并把报告发给技术支持。"}（Excel 错误代码：${code}）`);
    this.name = "ExcelHostError";
  }
}

/** Refused before anything was written: the batch would break one of Excel's rules, or protection stands in the way. */
export class WriteRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteRefusedError";
  }
}

/** A sync that did not settle in time (office-js #6678: Excel on the web can hang without an error). */
export class SyncTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(
      `Excel 在 ${seconds} 秒内没有响应（网络或服务器繁忙，或有单元格正在编辑）。请按 Enter 结束单元格编辑，稍后关闭并重新打开任务窗格，再用“核验”检查工作簿。`,
    );
    this.name = "SyncTimeoutError";
  }
}

/** A write failed and its undo could not remove everything: what is left, each in words a clerk can act on. */
export class RollbackIncompleteError extends Error {
  constructor(
    override readonly cause: Error,
    readonly leftovers: string[],
  ) {
    super(`${cause.message} 撤销未能全部完成，工作簿中还留有：${leftovers.join("；")}。`);
    this.name = "RollbackIncompleteError";
  }
  /** the host's code of the failure that started the undo, if any */
  get code(): string | undefined {
    return hostErrorCode(this.cause);
  }
}

/** Our own errors pass as they are; an Office.js error becomes an ExcelHostError; anything else is kept. */
export function asHostError(e: unknown): unknown {
  if (
    e instanceof ExcelHostError ||
    e instanceof WriteRefusedError ||
    e instanceof SyncTimeoutError ||
    e instanceof RollbackIncompleteError ||
    e instanceof UnsupportedHostError ||
    e instanceof WorkbookChangedError
  )
    return e;
  const code = hostErrorCode(e);
  if (code) return new ExcelHostError(code, e instanceof Error ? e.message : String(e));
  return e;
}
