/** A database handle that gives the event loop a turn whenever its statements have run for a few milliseconds without one, for long multi-step work inside a request. */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";
import type { Db } from "../db/database.ts";

/**
 * On SQLite every statement runs synchronously and its promise settles as a microtask, so a use case made of
 * hundreds of statements (building a demo partnership: about 1.5 s) never lets another request in. This plugin
 * waits for the next turn of the event loop after a statement once `budgetMs` have passed since the last turn.
 * Inside a transaction the others' statements still wait for it (SQLite has one connection); between transactions
 * and for everything else they run.
 */
class YieldAfter implements KyselyPlugin {
  #since = performance.now();
  constructor(private readonly budgetMs: number) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (performance.now() - this.#since >= this.budgetMs) {
      await nextTurn();
      this.#since = performance.now();
    }
    return args.result;
  }
}

/** The same database (same connections and caches' keys aside), yielding at least every `budgetMs` of statements. */
export function yieldingDb(db: Db, budgetMs = 10): Db {
  return db.withPlugin(new YieldAfter(budgetMs));
}
