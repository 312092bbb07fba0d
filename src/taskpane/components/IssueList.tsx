// Issues grouped by sheet; each one with a cell is a link that selects the cell in the workbook.
// Without Excel to jump to (browser file mode), the link says where the cell is instead.
import { useState } from "react";
import { Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue, Lang } from "../engine";
import { groupIssuesBySheet } from "../pane-logic";
import { t } from "../strings";

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
});

export function IssueList(props: {
  lang: Lang;
  title: string;
  issues: Issue[];
  onSelectCell?: (sheet: string, cell: string) => void;
  /** file mode: a click names the cell ('检查对象名录库!C7') as well */
  fileMode?: boolean;
}) {
  const styles = useStyles();
  const { lang, issues, onSelectCell } = props;
  const [located, setLocated] = useState<string | null>(null);
  if (issues.length === 0) return null;
  const select = (sheet: string, cell: string) => {
    onSelectCell?.(sheet, cell);
    if (props.fileMode) setLocated(t(lang, "cellLocation", { sheet, cell }));
  };
  return (
    <section aria-label={props.title}>
      {located && (
        <MessageBar intent="info" layout="multiline" data-testid="cell-location">
          <MessageBarBody>{located}</MessageBarBody>
        </MessageBar>
      )}
      {groupIssuesBySheet(issues).map((g) => (
        <div key={g.sheet} className={styles.group}>
          <Text weight="semibold" as="h4" block>
            {g.sheet || "—"} ({g.issues.length})
          </Text>
          <ul className={styles.list}>
            {g.issues.map((i, k) => (
              <li key={k} className={styles.item}>
                {i.cell && onSelectCell ? (
                  <Link
                    as="button"
                    onClick={() => select(i.sheet, i.cell)}
                    aria-label={`${t(lang, "goToCell", { sheet: i.sheet, cell: i.cell })}: ${i.message}`}
                  >
                    {i.cell}
                  </Link>
                ) : i.row ? (
                  <Text>{t(lang, "row", { row: i.row })}</Text>
                ) : null}{" "}
                <Text>{i.message}</Text>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
