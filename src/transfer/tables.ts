/** Kysely row types for published aggregates kept with an imported partnership (it has no row-level answers to recompute them from). */

export interface PublishedSnapshotsTable {
  partnership_id: string;
  wave_id: string;
  /** What is kept: "results:none", "results:organisation", "results:sector", "network", "compare:<otherWaveId>". */
  kind: string;
  /** The figures exactly as they were released, as JSON. */
  data: string;
}

export interface TransferTables {
  published_snapshots: PublishedSnapshotsTable;
}
