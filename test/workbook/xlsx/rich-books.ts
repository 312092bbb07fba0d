// Workbooks holding what clerks add to their files, built by code: ExcelJS where it can write the
// thing (notes, conditional formats, images), jszip writing the XML parts where it cannot
// (sparklines, custom document properties, slicers, shapes, charts). Each is the sample plus that
// one thing, so that a draw can run on it.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sampleBytes } from "./odd-files";

const REGISTRY = "检查对象名录库";
/** the part of 检查对象名录库 in the sample (its third sheet) */
const REGISTRY_PART = "xl/worksheets/sheet3.xml";

/** A 1×1 PNG (a red pixel). */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

async function viaExcelJS(change: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sampleBytes() as unknown as ArrayBuffer);
  change(wb, wb.getWorksheet(REGISTRY)!);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The sample's package with XML spliced in: before </worksheet> of the registry, and extra parts. */
async function viaZip(o: {
  sheetTail?: string;
  sheetRels?: string;
  workbookExt?: string;
  parts?: Record<string, string | Uint8Array>;
  contentTypes?: string;
  rootRels?: string;
  workbookRels?: string;
}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sampleBytes());
  const edit = async (part: string, f: (xml: string) => string) =>
    zip.file(part, f((await zip.file(part)?.async("string")) ?? ""));
  if (o.sheetTail) await edit(REGISTRY_PART, (x) => x.replace("</worksheet>", `${o.sheetTail}</worksheet>`));
  if (o.sheetRels) {
    const relsPart = "xl/worksheets/_rels/sheet3.xml.rels";
    await edit(relsPart, (x) =>
      x
        ? x.replace("</Relationships>", `${o.sheetRels}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.sheetRels}</Relationships>`,
    );
  }
  if (o.workbookExt)
    await edit("xl/workbook.xml", (x) => x.replace("</workbook>", `<extLst>${o.workbookExt}</extLst></workbook>`));
  if (o.contentTypes) await edit("[Content_Types].xml", (x) => x.replace("</Types>", `${o.contentTypes}</Types>`));
  if (o.rootRels) await edit("_rels/.rels", (x) => x.replace("</Relationships>", `${o.rootRels}</Relationships>`));
  if (o.workbookRels)
    await edit("xl/_rels/workbook.xml.rels", (x) => x.replace("</Relationships>", `${o.workbookRels}</Relationships>`));
  for (const [name, content] of Object.entries(o.parts ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

export interface RichBook {
  what: string;
  bytes: () => Promise<Uint8Array>;
  /** the phrase of the refusal when the rewrite loses it; null when ExcelJS keeps it */
  lost: RegExp | null;
}

export const RICH_BOOKS: RichBook[] = [
  {
    what: "sparklines (an x14 extension of the sheet)",
    bytes: () =>
      viaZip({
        sheetTail:
          `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}">` +
          `<x14:sparklineGroups xmlns:xm="${XM}"><x14:sparklineGroup displayEmptyCellsAs="gap">` +
          '<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>检查对象名录库!J2:K2</xm:f>' +
          "<xm:sqref>L2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup>" +
          "</x14:sparklineGroups></ext></extLst>",
      }),
    lost: /工作表「检查对象名录库」的迷你图（1 处）/,
  },
  {
    what: "custom document properties (docProps/custom.xml)",
    bytes: () =>
      viaZip({
        parts: {
          "docProps/custom.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property>' +
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="承办科室"><vt:lpwstr>监督科</vt:lpwstr></property></Properties>',
        },
        contentTypes:
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
        rootRels:
          '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>',
      }),
    lost: /自定义文档属性「密级」.*自定义文档属性「承办科室」/,
  },
  {
    what: "a slicer (slicer and cache parts, the workbook's and the sheet's x14 extensions)",
    bytes: () =>
      viaZip({
        parts: {
          "xl/slicers/slicer1.xml": `<slicers xmlns="${X14}"><slicer name="风险等级" cache="Slicer_风险等级" caption="风险等级" rowHeight="241300"/></slicers>`,
          "xl/slicerCaches/slicerCache1.xml": `<slicerCacheDefinition xmlns="${X14}" name="Slicer_风险等级" sourceName="风险等级"/>`,
        },
        sheetTail: `<extLst><ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="${X14}"><x14:slicerList><x14:slicer r:id="rIdSlicer"/></x14:slicerList></ext></extLst>`,
        sheetRels:
          '<Relationship Id="rIdSlicer" Type="http://schemas.microsoft.com/office/2007/relationships/slicer" Target="../slicers/slicer1.xml"/>',
        workbookExt: `<ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="${X14}"><x14:slicerCaches><x14:slicerCache r:id="rIdCache"/></x14:slicerCaches></ext>`,
        workbookRels:
          '<Relationship Id="rIdCache" Type="http://schemas.microsoft.com/office/2007/relationships/slicerCache" Target="slicerCaches/slicerCache1.xml"/>',
        contentTypes:
          '<Override PartName="/xl/slicers/slicer1.xml" ContentType="application/vnd.ms-excel.slicer+xml"/><Override PartName="/xl/slicerCaches/slicerCache1.xml" ContentType="application/vnd.ms-excel.slicerCache+xml"/>',
      }),
    lost: /切片器/,
  },
  {
    what: "notes (comments) on registry cells",
    bytes: () =>
      viaExcelJS((_wb, ws) => {
        ws.getCell("B2").note = "2025 年曾被投诉，核实后注销投诉。";
        ws.getCell("C3").note = { texts: [{ text: "名称以营业执照为准" }] };
      }),
    lost: null,
  },
  {
    what: "conditional formats (a cell rule and a colour scale)",
    bytes: () =>
      viaExcelJS((_wb, ws) => {
        ws.addConditionalFormatting({
          ref: "E2:E301",
          rules: [
            {
              type: "cellIs",
              operator: "equal",
              formulae: ['"D"'],
              priority: 1,
              style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
            },
          ],
        });
        ws.addConditionalFormatting({
          ref: "J2:J301",
          rules: [
            {
              type: "colorScale",
              priority: 2,
              cfvo: [{ type: "min" }, { type: "max" }],
              color: [{ argb: "FFFFFFFF" }, { argb: "FFF8696B" }],
            },
          ],
        });
      }),
    lost: null,
  },
  {
    what: "a conditional format of the 2010 kind only (an icon set in the x14 extension)",
    bytes: () =>
      viaZip({
        sheetTail:
          `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>` +
          `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="iconSet" priority="1" id="{1F1C4C0E-1B41-4B43-9D8E-6C9A2A0C5A11}">` +
          '<x14:iconSet iconSet="3Triangles"><x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo>' +
          '<x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo></x14:iconSet></x14:cfRule><xm:sqref>J2:J301</xm:sqref>' +
          "</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>",
      }),
    lost: null,
  },
  {
    what: "a drop-down of the 2010 kind (an x14 data validation listing another sheet's cells)",
    bytes: () =>
      viaZip({
        sheetTail:
          `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}">` +
          '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>节假日!$A$2:$A$20</xm:f></x14:formula1>' +
          "<xm:sqref>R2:R301</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>",
      }),
    lost: /工作表「检查对象名录库」的数据验证/,
  },
  {
    what: "defined names: a constant and a formula",
    bytes: async () => {
      const zip = await JSZip.loadAsync(sampleBytes());
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file(
        "xl/workbook.xml",
        xml.replace(
          "</definedNames>",
          '<definedName name="最低比例">0.05</definedName><definedName name="名录行数">COUNTA(检查对象名录库!$A:$A)-1</definedName></definedNames>',
        ),
      );
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    },
    lost: /名称「最低比例」/,
  },
  {
    what: "an image (a picture anchored on the registry)",
    bytes: () =>
      viaExcelJS((wb, ws) => {
        const id = wb.addImage({ buffer: Buffer.from(PNG) as unknown as ExcelJS.Buffer, extension: "png" });
        ws.addImage(id, { tl: { col: 14, row: 1 }, ext: { width: 48, height: 48 } });
      }),
    lost: null,
  },
  {
    what: "a text box (a shape in the sheet's drawing)",
    bytes: () =>
      viaZip({
        sheetTail: "",
        parts: {
          "xl/drawings/drawing1.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
            "<xdr:twoCellAnchor><xdr:from><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
            "<xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
            '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="文本框 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>' +
            '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>D 级对象须重点检查</a:t></a:r></a:p></xdr:txBody></xdr:sp>' +
            "<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>",
        },
        sheetRels:
          '<Relationship Id="rIdDrawing" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>',
        contentTypes:
          '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
      }).then(async (b) => {
        // <drawing> goes before <tableParts>/<extLst>, after the page setup: at the end of this sheet
        const zip = await JSZip.loadAsync(b);
        const xml = await zip.file(REGISTRY_PART)!.async("string");
        zip.file(REGISTRY_PART, xml.replace("</worksheet>", '<drawing r:id="rIdDrawing"/></worksheet>'));
        return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
      }),
    lost: /工作表「检查对象名录库」的形状或文本框（1 处）/,
  },
  {
    what: "a chart",
    bytes: () =>
      viaZip({
        parts: {
          "xl/charts/chart1.xml":
            '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
        },
      }),
    lost: /图表（1 个）/,
  },
];
