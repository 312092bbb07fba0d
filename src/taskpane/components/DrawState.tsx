// A draw as it stands: its targets with leader and team by name, the reserves apart, the
// substitutions made, and the two events a clerk may add to it — a substitution and a void.
import { useState } from "react";
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { DrawState, Engine, Issue, Lang, SheetMap } from "../engine";
import { t } from "../strings";
import { IssueList } from "./IssueList";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // each line says its own number (seq, or stratum and rank): no list numbers beside them
  list: { margin: 0, padding: 0, listStyleType: "none", wordBreak: "break-all" },
  item: {
    paddingBottom: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // The browser lays out and paints only the items near the screen: the style, layout and paint
  // of a page of 50 drawn targets, when all of them were, took one task of 60–80 ms. Until an
  // item has been shown its height is taken as about that of a target with two departments (or
  // of a reserve); "auto" keeps its real height once it has been.
  drawn: { contentVisibility: "auto", containIntrinsicSize: "auto 140px" },
  reserve: { contentVisibility: "auto", containIntrinsicSize: "auto 32px" },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

type Pending = { kind: "substitute"; uscc: string; name: string; stratum: string } | { kind: "void" } | null;

/** Targets (and reserves) shown at a time: 20,000 drawn targets rendered at once block the pane for seconds. */
export const PAGE = 50;

/** What a substitution or a void came back with, for the tab to show. */
export type ActionOutcome = { errors: Issue[]; warnings: Issue[]; message: string | null };

export function DrawStateView(props: {
  lang: Lang;
  engine: Engine;
  sheetMap: SheetMap;
  state: DrawState;
  operator: string;
  busy: boolean;
  run: <T>(f: () => Promise<T>) => Promise<T | undefined>;
  onChanged: (state: DrawState | null, outcome: ActionOutcome) => void;
}) {
  const { lang, engine, sheetMap, state, run } = props;
  const styles = useStyles();
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState("");
  const [operator, setOperator] = useState(props.operator);
  const [shown, setShown] = useState(PAGE);
  const [reservesShown, setReservesShown] = useState(PAGE);
  const live = state.status === "有效";
  const unused = new Set(state.reserves.filter((r) => !r.used).map((r) => r.stratum));
  const person = (id: string, name: string) => `${name}（${id}）`;
  const substitutedBy = new Map(state.substitutions.map((s) => [s.substitute, s]));

  const open = (p: Pending) => {
    setReason("");
    setOperator(props.operator);
    setPending(p);
  };
  const confirm = () =>
    void run(async () => {
      const p = pending;
      setPending(null);
      if (!p) return;
      const common = { lang, sheetMap, drawSheet: state.sheet, reason: reason.trim(), operator: operator.trim() };
      if (p.kind === "substitute") {
        const out = await engine.substitute({ ...common, target: p.uscc });
        if (!out.ok) return props.onChanged(state, { errors: out.errors, warnings: out.warnings, message: null });
        const last = out.report.substitutions[out.report.substitutions.length - 1];
        props.onChanged(
          { ...out.report, status: "有效", reason: "" },
          {
            errors: [],
            warnings: out.warnings,
            message: t(lang, "substituteDone", { replaced: last.replaced, substitute: last.substitute, n: last.n }),
          },
        );
      } else {
        const out = await engine.voidDraw(common);
        if (!out.ok) return props.onChanged(state, { errors: out.errors, warnings: out.warnings, message: null });
        props.onChanged(
          { ...state, status: "作废", reason: out.report.reason },
          {
            errors: [],
            warnings: out.warnings,
            message: t(lang, "voidDone", {
              sheet: state.sheet,
              removed: out.report.resultRowsRemoved,
              marked: out.report.resultRowsMarked,
            }),
          },
        );
      }
    });

  return (
    <section className={styles.stack} aria-label={state.sheet}>
      <Text weight="semibold">
        {state.sheet}{" "}
        <Badge color={live ? "success" : state.status === "作废" ? "danger" : "informative"}>
          {t(lang, "statusLabel", { status: state.status })}
        </Badge>
      </Text>
      {state.protocol === "外部抽取" ? (
        <Text block size={200}>
          {t(lang, "externalNoSeed")}
        </Text>
      ) : (
        <Text block size={200}>
          {t(lang, "seed")}: <span className={styles.mono}>{state.seed}</span>
          {state.seedHex && <span className={styles.mono}>（UTF-8 {state.seedHex}）</span>}
        </Text>
      )}
      <Text block size={200}>
        {t(lang, "digest")}:{" "}
        <span className={styles.mono} data-testid="draw-digest">
          {state.digest}
        </span>
      </Text>
      <Text block size={200}>
        {t(lang, "chainHead")}: <span className={styles.mono}>{state.chain}</span>
      </Text>
      <Text weight="semibold">
        {t(lang, "drawnTargets")}（{state.selected.length}）
      </Text>
      <ol className={styles.list} data-testid="drawn-targets">
        {state.selected.slice(0, shown).map((s) => (
          <li key={s.seq} data-uscc={s.uscc} className={mergeClasses(styles.item, styles.drawn)}>
            <Text block weight="semibold">
              {s.seq}. {s.name}（{s.stratum}）
            </Text>
            <Text block size={200} className={styles.mono}>
              {s.uscc}
            </Text>
            {substitutedBy.has(s.uscc) && (
              <Text block size={200}>
                {t(lang, "substituteOf", {
                  n: substitutedBy.get(s.uscc)!.n,
                  uscc: substitutedBy.get(s.uscc)!.replaced,
                })}
              </Text>
            )}
            <Text block size={200}>
              {t(lang, "leader")}：{person(s.leader, s.leaderName)}
            </Text>
            {s.teams.map((team) => (
              <Text block size={200} key={team.department}>
                {team.department}：{team.inspectors.map((id, i) => person(id, team.names[i])).join("、")}
              </Text>
            ))}
            {live && (
              <Button
                size="small"
                disabled={props.busy || !unused.has(s.stratum)}
                title={unused.has(s.stratum) ? undefined : t(lang, "noReserveLeft")}
                onClick={() => open({ kind: "substitute", uscc: s.uscc, name: s.name, stratum: s.stratum })}
              >
                {t(lang, "substitute")}
              </Button>
            )}
          </li>
        ))}
      </ol>
      <More shown={shown} total={state.selected.length} lang={lang} onMore={() => setShown(shown + PAGE)} />
      {state.reserves.length > 0 && (
        <>
          <Text weight="semibold">
            {t(lang, "reservesTitle")}（{state.reserves.length}）
          </Text>
          <ol className={styles.list} data-testid="reserves">
            {state.reserves.slice(0, reservesShown).map((r) => (
              <li key={r.uscc} className={mergeClasses(styles.item, styles.reserve)}>
                <Text block size={200}>
                  {r.stratum} {r.rank}：{r.name}（
                  {r.used
                    ? t(lang, "reserveUsed", { n: substitutedBy.get(r.uscc)?.n ?? "" })
                    : t(lang, "reserveUnused")}
                  ）
                </Text>
                <Text block size={200} className={styles.mono}>
                  {r.uscc}
                </Text>
              </li>
            ))}
          </ol>
          <More
            shown={reservesShown}
            total={state.reserves.length}
            lang={lang}
            onMore={() => setReservesShown(reservesShown + PAGE)}
          />
        </>
      )}
      {state.substitutions.length > 0 && (
        <>
          <Text weight="semibold">{t(lang, "substitutionsTitle")}</Text>
          <ul className={styles.list}>
            {state.substitutions.map((s) => (
              <li key={s.n}>
                #{s.n} {s.replaced} → {s.substitute}（{s.stratum} {s.rank}）：{s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {state.status !== "作废" && (
        <Button disabled={props.busy} onClick={() => open({ kind: "void" })}>
          {t(lang, "voidDraw")}
        </Button>
      )}
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {pending?.kind === "substitute" ? t(lang, "substituteTitle") : t(lang, "voidTitle")}
            </DialogTitle>
            <DialogContent>
              <Text block>
                {pending?.kind === "substitute"
                  ? t(lang, "substituteText", { stratum: pending.stratum, name: pending.name, uscc: pending.uscc })
                  : t(lang, "voidText", { sheet: state.sheet })}
              </Text>
              <Field
                label={pending?.kind === "substitute" ? t(lang, "substituteReason") : t(lang, "reason")}
                hint={pending?.kind === "substitute" ? t(lang, "substituteReasonHint") : undefined}
                required
              >
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <Field label={t(lang, "operator")} required>
                <Input value={operator} onChange={(_, d) => setOperator(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPending(null)}>
                {t(lang, "cancel")}
              </Button>
              <Button appearance="primary" disabled={!reason.trim() || !operator.trim()} onClick={confirm}>
                {pending?.kind === "substitute" ? t(lang, "confirmSubstitute") : t(lang, "confirmVoid")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

/** The outcome of an action, under the draw it changed. */
export function ActionResult(props: { lang: Lang; engine: Engine; outcome: ActionOutcome | null }) {
  const { lang, engine, outcome } = props;
  if (!outcome) return null;
  return (
    <>
      {outcome.message && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      <IssueList
        lang={lang}
        title={t(lang, "errorsTitle")}
        issues={outcome.errors}
        onSelectCell={(s, c) => void engine.selectCell(s, c)}
      />
      <IssueList lang={lang} title={t(lang, "warningsTitle")} issues={outcome.warnings} />
    </>
  );
}

/** The next page of a long list, as a button; nothing when the whole list shows. */
function More(props: { shown: number; total: number; lang: Lang; onMore: () => void }) {
  if (props.shown >= props.total) return null;
  const n = Math.min(PAGE, props.total - props.shown);
  return (
    <Button size="small" appearance="subtle" onClick={props.onMore}>
      {t(props.lang, "showMore", { n, shown: props.shown, total: props.total })}
    </Button>
  );
}
