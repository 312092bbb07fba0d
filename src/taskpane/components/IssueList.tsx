// Issues grouped by sheet; each one with a cell is a link that selects the cell in the workbook.
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
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
}) {
  const styles = useStyles();
  const { lang, issues, onSelectCell } = props;
  if (issues.length === 0) return null;
  return (
    <section aria-label={props.title}>
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
                    onClick={() => onSelectCell(i.sheet, i.cell)}
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
