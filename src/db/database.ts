/** The whole database shape, assembled from each capability's tables, and the Kysely handle type. */
import { type Kysely, SqliteAdapter, type Transaction } from "kysely";
import type { AccountTables } from "../accounts/tables.ts";
import type { AuditTables } from "../audit/tables.ts";
import type { HealthTables } from "../health/tables.ts";
import type { NetworkTables } from "../network/tables.ts";
import type { ProgrammeTables } from "../programmes/tables.ts";
import type { PartnershipTables } from "../partnerships/tables.ts";
import type { RegisterTables } from "../registers/tables.ts";
import type { SurveyTables } from "../surveys/tables.ts";
import type { TransferTables } from "../transfer/tables.ts";

export interface Database extends AccountTables, PartnershipTables, AuditTables, SurveyTables, RegisterTables, NetworkTables, HealthTables, TransferTables, ProgrammeTables {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: use cases accept both. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;

export type Dialect = "sqlite" | "postgres";

/** True when the handle (or transaction) runs on SQLite; PostgreSQL otherwise. */
export const isSqlite = (db: DbOrTx): boolean => db.getExecutor().adapter instanceof SqliteAdapter;
