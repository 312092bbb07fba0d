// The use-cases the pane runs: src/workbook/usecases, loaded as its own chunk so that the pane
// paints before the engine (schema, DRP-1, calendar data) has downloaded.
import type { UseCases } from "./port-engine";

export async function loadUseCases(): Promise<UseCases> {
  return import(/* webpackChunkName: "engine" */ "../workbook/usecases");
}
