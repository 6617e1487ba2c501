// The demo partnership's two waves carry organisational network ratings that tell the registers' story:
// a one-sided pair (the trust and Age Well), ties that strengthen (primary care and Age Well), a tie that forms,
// and organisations that do not work with each other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../accounts/actor.ts";
import { listNominees } from "../network/nominees.ts";
import { compareNetworkWaves, getNetwork } from "../network/network-views.ts";
import { listWaves } from "../surveys/wave-use-cases.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createDemoPartnership } from "./create-demo-partnership.ts";
import { DEMO_ORGANISATIONS, DEMO_PEOPLE } from "./demo-data.ts";
import { DEMO_NETWORK_BASELINE, DEMO_NETWORK_FOLLOW_UP, DEMO_NOMINEES, demoTieMean, type DemoNetworkWave, type DemoOrgKey } from "./demo-network.ts";

let ctx: TestContext;
let actor: Actor;
let partnershipId: string;
let baselineId: string;
let followUpId: string;
/** Demo key → organisation id, and back. */
let idOf: Map<string, string>;
let keyOf: Map<string, DemoOrgKey>;

beforeAll(async () => {
  ctx = await createTestContext();
  const me = await ctx.user("Network Explorer");
  actor = { userId: me.userId, name: "Network Explorer", email: me.email, via: "session" };
  const p = await createDemoPartnership(ctx.handle.db, actor);
  partnershipId = p.id;
  const waves = (await listWaves(ctx.handle.db, actor, partnershipId, {})).items;
  baselineId = waves.find((w) => w.name === "Baseline")!.id;
  followUpId = waves.find((w) => w.name === "Six-month follow-up")!.id;
  const orgs = await ctx.handle.db.selectFrom("organisations").select(["id", "name"]).where("partnership_id", "=", partnershipId).execute();
  idOf = new Map(orgs.map((o) => [DEMO_ORGANISATIONS.find((d) => d.name === o.name)!.key, o.id]));
  keyOf = new Map([...idOf].map(([k, id]) => [id, k as DemoOrgKey]));
}, 60_000);
afterAll(async () => {
  await ctx.close();
});

const ORG_KEYS = DEMO_ORGANISATIONS.map((o) => o.key as DemoOrgKey);
const pair = (from: DemoOrgKey, to: DemoOrgKey) => expect.objectContaining({ from: idOf.get(from), to: idOf.get(to) });

describe("demo trust network (organisational)", () => {
  it("nominates a member of each organisation, and every nominee answered", async () => {
    for (const [org, name] of Object.entries(DEMO_NOMINEES)) expect(DEMO_PEOPLE.find((p) => p.name === name)?.org).toBe(org);
    for (const waveId of [baselineId, followUpId]) {
      const wave = (await listWaves(ctx.handle.db, actor, partnershipId, {})).items.find((w) => w.id === waveId)!;
      expect(wave).toMatchObject({ networkMode: "organisational", status: "published" });
      const nominees = (await listNominees(ctx.handle.db, actor, partnershipId, waveId)).items;
      expect(nominees).toHaveLength(DEMO_ORGANISATIONS.length);
      expect(new Set(nominees.map((n) => n.organisationId))).toEqual(new Set(idOf.values()));
      for (const n of nominees) {
        expect(n.personName).toBe(DEMO_NOMINEES[keyOf.get(n.organisationId)!]);
        const participant = await ctx.handle.db.selectFrom("wave_participants").select("responded").where("wave_id", "=", waveId).where("person_id", "=", n.personId).executeTakeFirst();
        expect(participant?.responded).toBe(1);
      }
    }
  });

  it("publishes every rated pair as the nominees gave it: released, or no tie (organisational mode hides nothing)", async () => {
    for (const [waveId, data] of [[baselineId, DEMO_NETWORK_BASELINE], [followUpId, DEMO_NETWORK_FOLLOW_UP]] as [string, DemoNetworkWave][]) {
      const net = await getNetwork(ctx.handle.db, actor, partnershipId, waveId);
      const n = ORG_KEYS.length;
      expect(net.ties).toHaveLength(n * (n - 1));
      expect(net.counts.suppressed).toBe(0);
      for (const t of net.ties) {
        expect(["released", "no_tie"]).toContain(t.status);
        const expected = demoTieMean(data, keyOf.get(t.from)!, keyOf.get(t.to)!);
        if (expected === null) expect(t.status).toBe("no_tie");
        else expect(t.mean).toBeCloseTo(expected, 9);
      }
      expect(net.counts.noTie).toBeGreaterThanOrEqual(2);
    }
  });

  it("shows the trust and Age Well as a one-sided pair in the follow-up", async () => {
    const net = await getNetwork(ctx.handle.db, actor, partnershipId, followUpId);
    expect(net.asymmetricPairs.length).toBeGreaterThanOrEqual(1);
    const trustAgeWell = net.asymmetricPairs.find((p) => p.from === idOf.get("trust") && p.to === idOf.get("vcs"));
    expect(trustAgeWell).toMatchObject({ fromName: "Riverside University Hospitals NHS Trust", toName: "Riverside Age Well" });
    expect(trustAgeWell!.gap).toBeGreaterThanOrEqual(1);
    expect(net.asymmetricPairs).toContainEqual(pair("care", "housing"));
  });

  it("compares the waves: primary care and Age Well grow closer, Age Well cools on the trust, a tie forms", async () => {
    const cmp = await compareNetworkWaves(ctx.handle.db, actor, partnershipId, followUpId, baselineId);
    expect(cmp.before.id).toBe(baselineId);
    expect(cmp.strengthened.length).toBeGreaterThanOrEqual(1);
    expect(cmp.strengthened).toContainEqual(pair("pcn", "vcs"));
    expect(cmp.strengthened).toContainEqual(pair("vcs", "pcn"));
    expect(cmp.strengthened.every((t) => t.change >= 0.5 - 1e-9)).toBe(true);
    expect(cmp.weakened).toContainEqual(pair("vcs", "trust"));
    expect(cmp.weakened).toContainEqual(pair("housing", "care"));
    expect(cmp.formed).toEqual([pair("pcn", "housing")]);
    expect(cmp.broken).toEqual([]);
  });
});
