/** Named PostgreSQL statements for hot paths: each is parsed (and, once PostgreSQL settles on a generic plan, planned) once per connection instead of on every call. */
import { createHash } from "node:crypto";
import { CompiledQuery, type PostgresPool, type PostgresPoolClient, type RawBuilder, sql } from "kysely";
import type pg from "pg";
import { type DbOrTx, isSqlite } from "./database.ts";

/** SQL text → statement name, for the statements registered with `preparedStatement`. Other SQL runs unnamed, as before. */
const names = new Map<string, string>();

/**
 * Wraps a pg pool so every query whose text was registered runs as a named statement. Names come from the
 * text's hash, so one text always has one name, on every connection. The set stays small (a handful of hot
 * statements whose text does not vary with their arguments), so connections never accumulate ad-hoc plans.
 */
export function namingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        // A cursor (Kysely's streaming) or unregistered SQL goes through untouched.
        query: ((text: string, values?: unknown[]) => {
          const name = typeof text === "string" ? names.get(text) : undefined;
          return name ? client.query({ name, text, values: values ?? [] }) : client.query(text, values);
        }) as unknown as PostgresPoolClient["query"],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}

/**
 * A statement built once (with Kysely, so its names are checked) and run many times with new parameters,
 * skipping Kysely's compile on every call. On PostgreSQL it is also a named statement (see `namingPool`).
 * `build` must put exactly `arity` parameters in the SQL and nothing in it may depend on their values.
 */
export function preparedStatement<R>(build: (db: DbOrTx) => CompiledQuery<R>, arity: number): (db: DbOrTx, parameters: readonly unknown[]) => Promise<R[]> {
  const texts = new WeakMap<object, string>();
  return async (db, parameters) => {
    const adapter = db.getExecutor().adapter;
    let text = texts.get(adapter);
    if (text === undefined) {
      const compiled = build(db);
      if (compiled.parameters.length !== arity) throw new Error(`preparedStatement: expected ${arity} parameters, the built query has ${compiled.parameters.length}`);
      text = compiled.sql;
      texts.set(adapter, text);
      names.set(text, `accord_${createHash("sha256").update(text).digest("hex").slice(0, 16)}`);
    }
    if (parameters.length !== arity) throw new Error(`preparedStatement: expected ${arity} parameters, got ${parameters.length}`);
    return (await db.executeQuery(CompiledQuery.raw(text, [...parameters]) as CompiledQuery<R>)).rows;
  };
}

/**
 * `column` is one of a list of text values given later as one parameter (`listParameter`), so the SQL text
 * stays the same whatever the list's length: `= any($n::text[])` on PostgreSQL, `in (select value from json_each(?))` on SQLite.
 */
export function inListParameter(db: DbOrTx, column: string): RawBuilder<boolean> {
  return isSqlite(db) ? sql<boolean>`${sql.ref(column)} in (select value from json_each(${"[]"}))` : sql<boolean>`${sql.ref(column)} = any(${[]}::text[])`;
}

/** The parameter for `inListParameter`: the array itself on PostgreSQL, its JSON on SQLite. */
export function listParameter(db: DbOrTx, values: readonly string[]): unknown {
  return isSqlite(db) ? JSON.stringify(values) : values;
}
