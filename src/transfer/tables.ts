/** Kysely row types for published aggregates: kept with an imported partnership (it has no row-level answers to recompute them from), or stored when a wave is published. */
import type { ColumnType } from "kysely";

/** "import": kept by `accord import`, never recomputed; "publish": computed from the answers (src/surveys/results/stored-figures.ts). */
export type SnapshotSource = "import" | "publish";

export interface PublishedSnapshotsTable {
  partnership_id: string;
  wave_id: string;
  /** What is kept: "results:none", "results:organisation", "results:sector", "network", "compare:<otherWaveId>". */
  kind: string;
  /** The figures exactly as they were released, as JSON. */
  data: string;
  /** Where the row came from (an import when not given). */
  source: ColumnType<SnapshotSource, SnapshotSource | undefined, SnapshotSource>;
  /** For "publish" rows: the SHA-256 of everything the figures depend on; a row whose dependencies changed is computed again. Null for imported rows. */
  depends_on: string | null;
}

export interface TransferTables {
  published_snapshots: PublishedSnapshotsTable;
}
