// Rules within one 抽查任务 row: dates in order, the columns its draw mode needs, a mode that can
// draw someone, ratios that rise with the risk grade, at least two inspectors per department.
import { GRADES } from "../model";
import { issue, type Issue, type Lang } from "../issues/issue";
import type { TASK_COLUMNS } from "./columns";
import type { Table, TableRow } from "./table";

type TaskKey = (typeof TASK_COLUMNS)[number]["key"];
type GradeKey = "ratioA" | "ratioB" | "ratioC" | "ratioD" | "countA" | "countB" | "countC" | "countD";

const HEADERS: Record<GradeKey, string> = {
  ratioA: "A类比例",
  ratioB: "B类比例",
  ratioC: "C类比例",
  ratioD: "D类比例",
  countA: "A类数量",
  countB: "B类数量",
  countC: "C类数量",
  countD: "D类数量",
};

/** A Chinese administrative inspection is made by at least two officers. */
export const MIN_PER_DEPARTMENT = 2;

function at(table: Table<TaskKey>, r: TableRow<TaskKey>, key: TaskKey, header: string) {
  const place = table.columns[key];
  return { sheet: table.sheet, row: r.row, column: place?.header ?? header, columnIndex: place?.index };
}

/** Checks each task row on its own; error rows are marked not ok. */
export function checkTaskRows(table: Table<TaskKey>, lang: Lang): Issue[] {
  const out: Issue[] = [];
  const add = (r: TableRow<TaskKey>, i: Issue) => {
    if (i.severity === "error") r.ok = false;
    out.push(i);
  };
  const sheet = table.sheet;
  for (const r of table.rows) {
    const v = r.values;
    if (typeof v.startDate === "string" && typeof v.endDate === "string" && v.endDate < v.startDate)
      add(
        r,
        issue(
          "end_before_start",
          at(table, r, "endDate", "结束日期"),
          { sheet, start: v.startDate, end: v.endDate },
          lang,
        ),
      );

    if (typeof v.perDepartment === "number" && v.perDepartment < MIN_PER_DEPARTMENT)
      add(
        r,
        issue(
          "per_department_too_small",
          at(table, r, "perDepartment", "每部门检查人数"),
          { sheet, value: v.perDepartment, min: MIN_PER_DEPARTMENT },
          lang,
        ),
      );

    if (v.mode === "ratio" || v.mode === "count") {
      const keys = GRADES.map((g) => `${v.mode}${g}` as GradeKey);
      const modeLabel = v.mode === "ratio" ? "按风险等级比例" : "按数量";
      const absent = keys.filter((k) => !table.columns[k]);
      if (absent.length)
        add(
          r,
          issue(
            "mode_columns_missing",
            at(table, r, "mode", "抽取方式"),
            { sheet, mode: modeLabel, columns: absent.map((k) => HEADERS[k]).join("、") },
            lang,
          ),
        );
      for (const k of keys) {
        // An empty cell of a present column; a malformed cell was reported by the reader.
        const cell = r.cells[k];
        if (
          table.columns[k] &&
          (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""))
        )
          add(
            r,
            issue(
              "mode_value_missing",
              at(table, r, k, HEADERS[k]),
              { sheet, column: HEADERS[k], mode: modeLabel },
              lang,
            ),
          );
      }
      // Every grade at 0 and no 重点 stratum: the draw would select nobody, yet record a 有效 draw.
      const values = keys.map((k) => v[k]);
      if (absent.length === 0 && values.every((x) => x === 0) && (v.priorityRatio === null || v.priorityRatio === 0))
        add(
          r,
          issue(
            "task_draws_nothing",
            at(table, r, keys[0], HEADERS[keys[0]]),
            { sheet, mode: modeLabel, columns: keys.map((k) => table.columns[k]?.header ?? HEADERS[k]).join("、") },
            lang,
          ),
        );
      if (v.mode === "ratio") {
        const ratios = keys.map((k) => v[k]);
        for (let g = 1; g < ratios.length; g++) {
          const prev = ratios[g - 1];
          const cur = ratios[g];
          if (typeof prev === "number" && typeof cur === "number" && cur < prev) {
            add(
              r,
              issue(
                "ratio_order",
                at(table, r, keys[g], HEADERS[keys[g]]),
                {
                  sheet,
                  grade: GRADES[g],
                  previous: GRADES[g - 1],
                  value: `${cur / 100}%`,
                  previousValue: `${prev / 100}%`,
                },
                lang,
              ),
            );
            break;
          }
        }
      }
    }
  }
  return out;
}
