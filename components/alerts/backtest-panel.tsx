"use client";

import { useEffect, useRef, useState } from "react";
import { BacktestChart } from "@/components/charts/backtest-chart";
import { seriesColor } from "@/components/charts/chart-palette";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { prepareBacktestChart, type BacktestChart as ChartData, type PreviewAnswer } from "@/lib/alerts/prepare-backtest-chart";
import { apiSend, errorMessage } from "./api-client";

const DAYS = [1, 3, 7] as const;
const DEBOUNCE_MS = 1200;

type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "done"; chart: ChartData; answer: PreviewAnswer };

/**
 * Runs the form's current rule through POST /api/v1/monitors/preview: on the button, and by itself a moment
 * after the rule last changed (only once a threshold is set). A newer run supersedes an older one still in flight.
 */
export function BacktestPanel({ rule, ready }: { rule: unknown; ready: boolean }) {
  const [days, setDays] = useState<number>(1);
  const [state, setState] = useState<State>({ status: "idle" });
  const seq = useRef(0);
  const ruleText = JSON.stringify(rule);

  const run = async () => {
    const mine = ++seq.current;
    setState({ status: "loading" });
    const a = await apiSend("POST", "/api/v1/monitors/preview", { monitor: JSON.parse(ruleText), days });
    if (mine !== seq.current) return;
    if (!a.ok) setState({ status: "error", message: errorMessage(a) });
    else setState({ status: "done", answer: a.body as PreviewAnswer, chart: prepareBacktestChart(a.body as PreviewAnswer) });
  };

  useEffect(() => {
    if (!ready) return;
    const t = setTimeout(() => void run(), DEBOUNCE_MS);
    return () => clearTimeout(t);
    // run reads ruleText and days, the dependencies listed here
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ruleText, days, ready]);

  const firing = state.status === "done" ? state.answer.periods.length : 0;
  return (
    <section aria-labelledby="backtest-title" className="space-y-3" data-testid="backtest">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h3 id="backtest-title" className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
            Backtest
          </h3>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            The rule replayed over recent data at its evaluation cadence: its value per group, the thresholds, and the periods it would have
            alerted.
          </p>
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor="backtest-days" className="text-sm text-zinc-700 dark:text-zinc-300">
            Last
          </label>
          <select
            id="backtest-days"
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          >
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {d} day{d === 1 ? "" : "s"}
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" onClick={() => void run()} disabled={state.status === "loading"}>
            {state.status === "loading" ? "Running…" : "Run backtest"}
          </Button>
        </div>
      </div>
      {state.status === "idle" ? (
        <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
          Set a threshold (or press Run backtest) to see how this rule would have behaved.
        </p>
      ) : state.status === "loading" ? (
        <div
          aria-busy="true"
          aria-label="Backtest (loading)"
          className="h-[260px] animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800/70"
        />
      ) : state.status === "error" ? (
        <Alert tone="danger" title="The backtest could not run" live>
          {state.message}
        </Alert>
      ) : !state.chart.hasData ? (
        <p
          data-testid="backtest-empty"
          className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400"
        >
          No events match this rule in the last {days} day{days === 1 ? "" : "s"}: nothing to replay yet.
        </p>
      ) : (
        <figure data-testid="backtest-chart" className="space-y-3">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700 dark:text-zinc-300" aria-label="Legend">
            <li className="flex items-center gap-1.5">
              <span className="inline-block w-4 border-t-2 border-dashed border-red-500" aria-hidden />
              alert threshold {state.answer.alertThreshold}
            </li>
            {state.answer.warningThreshold !== null ? (
              <li className="flex items-center gap-1.5">
                <span className="inline-block w-4 border-t-2 border-dashed border-amber-500" aria-hidden />
                warning threshold {state.answer.warningThreshold}
              </li>
            ) : null}
            <li className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-4 bg-red-500/20" aria-hidden />
              would have alerted
            </li>
          </ul>
          <div className="grid gap-4 lg:grid-cols-2">
            {state.chart.series.map((s, i) => {
              const n = state.chart.areas.filter((a) => a.seriesKey === s.key).length;
              return (
                <div key={s.key} data-testid="backtest-group" className="min-w-0">
                  <p className="flex items-center gap-1.5 text-xs font-medium text-zinc-800 dark:text-zinc-200">
                    <span className="inline-block h-0.5 w-3" style={{ background: seriesColor(i) }} aria-hidden />
                    <span className="truncate">{s.label}</span>
                    <span className="font-normal text-zinc-500 dark:text-zinc-400">
                      · {n === 0 ? "no alert" : `${n} alert${n === 1 ? "" : "s"}`}
                    </span>
                  </p>
                  <BacktestChart data={state.chart} seriesIndex={i} />
                </div>
              );
            })}
          </div>
          <figcaption className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="backtest-summary">
            {firing === 0 ? "It would not have alerted" : `It would have alerted ${firing} time${firing === 1 ? "" : "s"}`} in the last{" "}
            {days} day
            {days === 1 ? "" : "s"}.{state.chart.hiddenGroups > 0 ? ` ${state.chart.hiddenGroups} quieter group(s) not drawn.` : ""}
            {state.answer.approximate ? " Approximate: this measure or window is replayed per step, not as an exact sliding window." : ""}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
