/** The board report's data: the partnership's health for a period plus the latest published network (released ties only). */
import type { Actor } from "../accounts/actor.ts";
import type { Db } from "../db/database.ts";
import type { Health } from "../health/contracts.ts";
import { getHealth } from "../health/get-health.ts";
import { getNetwork } from "../network/network-views.ts";

export interface ReportNetwork {
  wave: { id: string; name: string };
  organisations: { id: string; name: string; sector: string }[];
  /** Every pair's state as the viewer may see it; only released ties carry a mean. */
  ties: { from: string; to: string; status: "released" | "suppressed" | "no_tie"; mean: number | null }[];
}

export interface ReportModel {
  partnership: { id: string; name: string };
  period: { from: string; to: string };
  /** The day the report describes (the health service's `asOf`); also the PDF's creation date, so output is repeatable. */
  generatedOn: string;
  health: Health;
  network: ReportNetwork | null;
}

export interface ReportOptions {
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
}

export async function buildReportModel(db: Db, actor: Actor, partnershipId: string, opts: ReportOptions = {}): Promise<ReportModel> {
  const health = await getHealth(db, actor, partnershipId, { from: opts.from, to: opts.to, asOf: opts.asOf });
  const latest = health.perceived.network[health.perceived.network.length - 1];
  let network: ReportNetwork | null = null;
  if (latest) {
    const view = await getNetwork(db, actor, partnershipId, latest.waveId);
    network = {
      wave: { id: view.wave.id, name: view.wave.name },
      organisations: view.organisations.map((o) => ({ id: o.id, name: o.name, sector: o.sector })),
      ties: view.ties.map((t) => ({ from: t.from, to: t.to, status: t.status, mean: t.status === "released" ? t.mean : null })),
    };
  }
  return { partnership: health.partnership, period: health.period, generatedOn: health.asOf, health, network };
}
