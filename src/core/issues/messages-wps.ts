// Issue texts of the WPS 表格 add-in: what a WPS refused and the pane must say; part of the catalogue.
import type { CatalogueEntry } from "./catalogue";

export const wpsMessages = {
  host_feature_skipped: {
    severity: "warning",
    zh: "{note}",
    en: "This WPS refused part of the write (the rest is written): {note}",
  },
} satisfies Record<string, CatalogueEntry>;
