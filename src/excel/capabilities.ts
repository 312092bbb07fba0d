// What the host supports: the ExcelApi requirement sets, asked once before anything is written.

/** The part of `Office` the adapter uses; the host's global by default, a fake in tests. */
export interface OfficeHost {
  isSetSupported(name: string, minVersion?: string): boolean;
  host?: string;
  platform?: string;
  version?: string;
  settings?: {
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    remove?(name: string): void;
    saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
  };
}

/** The Office host from the global `Office`, or null outside Office. */
export function globalOfficeHost(): OfficeHost | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.context) return null;
  const diag = office.context.diagnostics;
  return {
    isSetSupported: (name, v) => office.context.requirements.isSetSupported(name, v),
    host: diag ? String(diag.host) : undefined,
    platform: diag ? String(diag.platform) : undefined,
    version: diag?.version,
    settings: office.context.document?.settings as OfficeHost["settings"],
  };
}

/** Highest minor version of ExcelApi we ask about. */
export const EXCEL_API_MAX = 20;

/** Which call needs which set; kept here so the report and the check agree. */
export const REQUIRED_SET = {
  /**
   * Every read and write: Worksheet.getRangeByIndexes (1.7), getItemOrNullObject and
   * getUsedRangeOrNullObject (1.4), workbook.protection, tabColor and protect with a password (1.7).
   * Office 2019 volume-licensed Excel stops here; the manifest asks for the same.
   */
  base: 7,
  /** WorksheetProtection.protect/unprotect, format.protection.locked, merge, columnWidth */
  protection: 2,
  /** protect(options, password); freezePanes.freezeRows */
  password: 7,
  freeze: 7,
  /** Range.dataValidation list rule */
  validation: 8,
  /** Worksheet.pageLayout: orientation, paper size, fit to width, print titles, page breaks */
  page: 9,
  /** Worksheet.getRanges: many ranges formatted in one call (RangeAreas) */
  areas: 9,
  /** Worksheet.charts.add, Chart.title, Chart.setPosition */
  chart: 1,
} as const;

export interface Capabilities {
  /** e.g. [1, 2, …, 12]: the supported ExcelApi 1.x minor versions */
  excelApi: number[];
  host?: string;
  platform?: string;
  version?: string;
  supports(minor: number): boolean;
}

export function capabilities(office: OfficeHost | null): Capabilities {
  const excelApi: number[] = [];
  for (let v = 1; v <= EXCEL_API_MAX; v++) {
    if (office?.isSetSupported("ExcelApi", `1.${v}`)) excelApi.push(v);
    else break;
  }
  return {
    excelApi,
    host: office?.host,
    platform: office?.platform,
    version: office?.version,
    supports: (minor) => excelApi.includes(minor),
  };
}

/** The plain message when a needed set is missing. */
export function missingSetMessage(feature: string, minor: number): string {
  return `此版本的 Excel 不支持${feature}（需要 ExcelApi 1.${minor}），请更新 Excel 或改用 Microsoft 365 网页版。`;
}

/** Throws the one plain message on a host below the base set, before anything is read or written. */
export function checkHost(office: OfficeHost | null): Capabilities {
  const caps = capabilities(office);
  if (!caps.supports(REQUIRED_SET.base)) throw new UnsupportedHostError("读取和写入工作表", REQUIRED_SET.base);
  return caps;
}

/** Thrown before anything is read or written when the host lacks a needed requirement set. */
export class UnsupportedHostError extends Error {
  constructor(
    readonly feature: string,
    readonly minor: number,
  ) {
    super(missingSetMessage(feature, minor));
    this.name = "UnsupportedHostError";
  }
}
