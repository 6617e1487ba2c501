// The CSV import checks every row before writing, outside any transaction and giving the event loop turns as it goes; only a clean file is written, in one transaction.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nowIso } from "../db/ids.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { testDialect } from "../testing/test-db.ts";
import { CHARS_PER_TURN } from "./csv-in-turns.ts";
import { MAX_IMPORT_ROWS, ROWS_PER_TURN } from "./register-csv.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function setUp() {
  const { client } = await ctx.user("Convenor");
  const p = await client.post("/api/v1/partnerships", { name: "Import partnership", purpose: "Importing" });
  const base = `/api/v1/partnerships/${p.body.id}`;
  const org = await client.post(`${base}/organisations`, { name: "Riverside Trust", sector: "nhs_trust" });
  expect(org.status).toBe(201);
  const importCsv = (csv: string) => client.request("POST", `${base}/registers/commitments/import`, csv, { "content-type": "text/csv" });
  return { client, base, orgId: org.body.id as string, importCsv };
}

/** `rows` commitments of Riverside Trust; with `badLast`, the last names an organisation that is not there. */
function commitments(rows: number, badLast: boolean): string {
  const lines = ["title,organisationId,dueOn"];
  for (let i = 1; i <= rows; i++) lines.push(`Promise ${i},${i === rows && badLast ? "Nowhere Ltd" : "Riverside Trust"},2027-01-01`);
  return `${lines.join("\n")}\n`;
}

const liveCommitments = async () => (await ctx.handle.db.selectFrom("register_entries").select("id").where("register", "=", "commitments").execute()).length;

describe("register CSV import under load", () => {
  it(`lets callbacks scheduled during a ${MAX_IMPORT_ROWS.toLocaleString("en")}-row import that fails on its last row run before the import answers`, { timeout: 60_000 }, async () => {
    const { importCsv } = await setUp();
    const order: string[] = [];
    let answered = false;
    let turns = 0;
    const tick = () => {
      if (answered) return;
      turns++;
      setImmediate(tick);
    };
    const importing = importCsv(commitments(MAX_IMPORT_ROWS, true)).then((r) => {
      answered = true;
      order.push("import answered");
      return r;
    });
    setImmediate(() => order.push("setImmediate callback"));
    setTimeout(() => order.push("timer callback"), 0);
    setImmediate(tick);
    const res = await importing;
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: `line ${MAX_IMPORT_ROWS + 1}: organisationId`, message: expect.stringContaining("Nowhere Ltd") }]);
    expect(order.at(-1)).toBe("import answered");
    expect(order.slice(0, -1).sort()).toEqual(["setImmediate callback", "timer callback"]);
    // The event loop had a turn at least once per ROWS_PER_TURN rows checked.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(MAX_IMPORT_ROWS / ROWS_PER_TURN) - 1);
    expect(await liveCommitments()).toBe(0);
  });

  // On SQLite a transaction holds the one connection, so a write made meanwhile waits for it; on PostgreSQL a
  // read-only transaction blocks no writer, so there is nothing to observe there.
  it.runIf(testDialect === "sqlite")("checks the rows holding no transaction: a write made while they are checked is stored before the import answers", { timeout: 60_000 }, async () => {
    const { importCsv } = await setUp();
    const order: string[] = [];
    const importing = importCsv(commitments(MAX_IMPORT_ROWS, true)).then((r) => {
      order.push("import answered");
      return r;
    });
    const written = new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        ctx.handle.db
          .insertInto("rate_limits")
          .values({ key: "another request's write", window_start: nowIso(), count: 1 })
          .execute()
          .then(() => {
            order.push("other write stored");
            resolve();
          }, reject);
      }),
    );
    const [res] = await Promise.all([importing, written]);
    expect(res.status).toBe(422);
    expect(order).toEqual(["other write stored", "import answered"]);
  });

  it("writes a clean file whole, in one go", { timeout: 60_000 }, async () => {
    const { importCsv } = await setUp();
    const rows = ROWS_PER_TURN * 2 + 7;
    const res = await importCsv(commitments(rows, false));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ imported: rows });
    expect(await liveCommitments()).toBe(rows);
  });

  // Deterministic on SQLite only: there the removal runs whole in the import's first turn; on PostgreSQL its round trips race the checking.
  it.runIf(testDialect === "sqlite")("refuses the whole file when an organisation it names is removed while its rows are being checked", { timeout: 60_000 }, async () => {
    const { client, base, orgId, importCsv } = await setUp();
    // Small enough to be parsed in one piece, so the first turn comes while rows are checked, after the names were looked up.
    const csv = `title,organisationId,dueOn\n${Array.from({ length: ROWS_PER_TURN * 2 }, (_, i) => `P${i},Riverside Trust,2027-01-01`).join("\n")}\n`;
    expect(csv.length).toBeLessThan(CHARS_PER_TURN);
    const importing = importCsv(csv);
    const removed = new Promise<number>((resolve) => setImmediate(() => void client.delete(`${base}/organisations/${orgId}`).then((r) => resolve(r.status))));
    const [res, removal] = await Promise.all([importing, removed]);
    expect(removal).toBe(204);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/^Nothing was imported/);
    expect(res.body.errors[0]).toEqual({ path: expect.stringMatching(/^line \d+: organisationId$/), message: `No organisation ${orgId} in this partnership.` });
    expect(await liveCommitments()).toBe(0);
  });
});

describe("a column given twice", () => {
  it("is refused when named once by its field name and once by its label, naming both", async () => {
    const { importCsv } = await setUp();
    const res = await importCsv("title,organisationId,dueOn,Due on\nShare the list,Riverside Trust,2027-01-10,2027-02-10\n");
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toMatch(/“dueOn” \(as “Due on” the second time\) appears twice/);
    expect(await liveCommitments()).toBe(0);
  });
});
