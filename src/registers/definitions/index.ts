/** The register catalogue: every register's definition, looked up by key. */
import type { RegisterKey } from "../keys.ts";
import { actions, priorities, waysOfWorking } from "./agree.ts";
import { decisions, goals, procedures, wins } from "./institutions.ts";
import { commitments, intentions, offersAsks, opportunities, risks } from "./practices.ts";
import type { RegisterDefinition } from "./types.ts";

export type { RegisterDefinition, Stage } from "./types.ts";

export const REGISTERS = {
  priorities,
  "ways-of-working": waysOfWorking,
  actions,
  commitments,
  "offers-asks": offersAsks,
  opportunities,
  intentions,
  risks,
  decisions,
  procedures,
  goals,
  wins,
} as const satisfies Record<RegisterKey, RegisterDefinition>;

export function registerDefinition(key: RegisterKey): RegisterDefinition {
  return REGISTERS[key];
}
