// Integration tests for the trust network: nominees, who is asked to rate, release under k, measures, profile, comparison, exports.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { instrumentItems, latestInstrument } from "../surveys/instruments/registry.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const PULSE = Object.fromEntries(instrumentItems(latestInstrument("pulse")).map((i) => [i.key, { value: 4 }]));
const tokenOf = (url: string) => url.split("/respond/")[1]!;
const submit = (token: string, ratings?: unknown) => ctx.anonymous().request("POST", `/api/v1/respond/${token}/response`, { answers: PULSE, ...(ratings ? { ratings } : {}) }, { "idempotency-key": `k-${token.slice(0, 12)}` });
const both = (v: number) => ({ competence: v, benevolence: v, integrity: v });

async function setUp(perOrg = 1) {
  const convenor = (await ctx.user("Cora")).client;
  const p = (await convenor.post("/api/v1/partnerships", { name: "Network Partnership", purpose: "" })).body;
  const base = `/api/v1/partnerships/${p.id}`;
  const orgs: { id: string; name: string; people: string[] }[] = [];
  for (const [name, sector] of [["Alpha Trust", "nhs_trust"], ["Beta Council", "local_authority"], ["Gamma Charity", "voluntary_community"]] as const) {
    const org = (await convenor.post(`${base}/organisations`, { name, sector })).body;
    const people: string[] = [];
    for (let i = 0; i < perOrg; i++) people.push((await convenor.post(`${base}/people`, { name: `${name} ${i}`, email: `${name.split(" ")[0]!.toLowerCase()}${i}@example.org`, role: "member", organisationId: org.id })).body.id);
    orgs.push({ id: org.id, name, people });
  }
  return { convenor, base, orgs };
}

async function runWave(s: Awaited<ReturnType<typeof setUp>>, networkMode: string, k: number, answer: (personId: string) => unknown, nominees?: { organisationId: string; personId: string }[]) {
  const wave = (await s.convenor.post(`${s.base}/waves`, { name: `Wave ${networkMode}`, instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01", k, networkMode })).body;
  const wb = `${s.base}/waves/${wave.id}`;
  if (nominees) expect((await s.convenor.request("PUT", `${wb}/nominees`, { nominees })).status).toBe(200);
  await s.convenor.post(`${wb}/open`);
  const links = (await s.convenor.post(`${wb}/links`, {})).body.links as { personId: string; url: string }[];
  for (const l of links) {
    const ratings = answer(l.personId);
    const res = await submit(tokenOf(l.url), ratings);
    expect(res.status, res.text).toBe(201);
  }
  await s.convenor.post(`${wb}/close`);
  await s.convenor.post(`${wb}/publish`);
  return { wave, wb, links };
}

describe("organisational mode", () => {
  it("asks only nominees, keeps their ratings attributed, and computes measures on them", async () => {
    const s = await setUp(2);
    const [a, b, c] = s.orgs as [(typeof s.orgs)[0], (typeof s.orgs)[0], (typeof s.orgs)[0]];
    const wave = (await s.convenor.post(`${s.base}/waves`, { name: "Org ratings", instrumentKey: "pulse", opensOn: "2026-01-01", closesOn: "2099-01-01", networkMode: "organisational" })).body;
    expect(wave.networkMode).toBe("organisational");
    const wb = `${s.base}/waves/${wave.id}`;
    const wrong = await s.convenor.request("PUT", `${wb}/nominees`, { nominees: [{ organisationId: a.id, personId: b.people[0] }] });
    expect(wrong.status).toBe(422);
    const nominees = s.orgs.map((o) => ({ organisationId: o.id, personId: o.people[0]! }));
    expect((await s.convenor.request("PUT", `${wb}/nominees`, { nominees })).body.items).toHaveLength(3);
    await s.convenor.post(`${wb}/open`);
    const links = (await s.convenor.post(`${wb}/links`, {})).body.links as { personId: string; url: string }[];
    const link = (personId: string) => tokenOf(links.find((l) => l.personId === personId)!.url);
    const info = (await ctx.anonymous().get(`/api/v1/respond/${link(a.people[0]!)}`)).body;
    expect(info.network.mode).toBe("organisational");
    expect(info.network.organisations.map((o: { name: string }) => o.name)).toEqual(["Beta Council", "Gamma Charity"]);
    expect((await ctx.anonymous().get(`/api/v1/respond/${link(a.people[1]!)}`)).body.network).toBeNull();
    expect((await submit(link(a.people[1]!), { [b.id]: both(3) })).status).toBe(422);
    expect((await submit(link(a.people[0]!), { [a.id]: both(3) })).status).toBe(422);
    expect((await submit(link(a.people[0]!), { [b.id]: both(4), [c.id]: { noTie: true } })).status).toBe(201);
    expect((await submit(link(b.people[0]!), { [a.id]: { competence: 2, integrity: 3 }, [c.id]: both(3) })).status).toBe(201);
    expect((await submit(link(c.people[0]!), { [a.id]: both(2), [b.id]: both(3) })).status).toBe(201);
    expect((await s.convenor.get(`${wb}/network`)).status).toBe(409);
    await s.convenor.post(`${wb}/close`);
    await s.convenor.post(`${wb}/publish`);

    const net = (await s.convenor.get(`${wb}/network`)).body;
    expect(net.counts).toEqual({ released: 5, suppressed: 0, noTie: 1 });
    const ab = net.ties.find((t: { from: string; to: string }) => t.from === a.id && t.to === b.id);
    expect(ab).toMatchObject({ status: "released", n: 1, mean: 4 });
    expect(net.ties.find((t: { from: string; to: string }) => t.from === b.id && t.to === a.id).mean).toBe(2.5);
    const alpha = net.organisations.find((o: { id: string }) => o.id === a.id);
    expect(alpha).toMatchObject({ inDegree: 2, outDegree: 1, meanTrustReceived: 2.25 });
    expect(net.asymmetricPairs).toEqual([expect.objectContaining({ from: a.id, to: b.id, gap: 1.5, fromName: "Alpha Trust", toName: "Beta Council" })]);
    const competence = (await s.convenor.get(`${wb}/network?dimension=competence`)).body;
    expect(competence.organisations.find((o: { id: string }) => o.id === a.id).meanTrustReceived).toBe(2);

    const profile = (await s.convenor.get(`${wb}/network/organisations/${b.id}`)).body;
    expect(profile.ratedBy.map((t: { organisationName: string; mean: number }) => [t.organisationName, t.mean])).toEqual([["Alpha Trust", 4], ["Gamma Charity", 3]]);
    expect(profile.change).toBeNull();
    const graphml = (await s.convenor.get(`${wb}/network.graphml`)).text;
    expect(graphml.match(/<edge /g)).toHaveLength(5);
    expect(graphml).toContain("Alpha Trust");
    const csv = (await s.convenor.get(`${wb}/network/ties.csv`)).text.split("\r\n");
    expect(csv[0]).toBe("from,to,status,n,mean,competence,benevolence,integrity,from_id,to_id");
    expect(csv).toContain(`Alpha Trust,Gamma Charity,no_tie,1,,,,,${a.id},${c.id}`);
  });

  it("compares two waves: strengthened ties and change in trust received", async () => {
    const s = await setUp(1);
    const [a, b] = s.orgs as [(typeof s.orgs)[0], (typeof s.orgs)[0]];
    const nominees = s.orgs.map((o) => ({ organisationId: o.id, personId: o.people[0]! }));
    const orgOf = (personId: string) => s.orgs.find((o) => o.people.includes(personId))!;
    const first = await runWave(s, "organisational", 5, (pid) => (orgOf(pid)?.id === a.id ? { [b.id]: both(2) } : orgOf(pid)?.id === b.id ? { [a.id]: both(3) } : undefined), nominees);
    const second = await runWave(s, "organisational", 5, (pid) => (orgOf(pid)?.id === a.id ? { [b.id]: both(4) } : orgOf(pid)?.id === b.id ? { [a.id]: both(3) } : undefined), nominees);
    const cmp = (await s.convenor.get(`${second.wb}/network/compare/${first.wave.id}`)).body;
    expect(cmp.before.id).toBe(first.wave.id);
    expect(cmp.strengthened).toEqual([expect.objectContaining({ from: a.id, to: b.id, before: 2, after: 4, change: 2 })]);
    expect(cmp.unchanged).toHaveLength(1);
    expect(cmp.organisations.find((o: { id: string }) => o.id === b.id).meanTrustReceivedChange).toBe(2);
    const profile = (await s.convenor.get(`${second.wb}/network/organisations/${b.id}`)).body;
    expect(profile.change.previousWave.id).toBe(first.wave.id);
    expect(profile.change.strengthened).toHaveLength(1);
  });
});

describe("personal mode", () => {
  it("releases a tie only when k people from the rating organisation rated it, and tells only convenors why", async () => {
    const s = await setUp(3);
    const [a, b, c] = s.orgs as [(typeof s.orgs)[0], (typeof s.orgs)[0], (typeof s.orgs)[0]];
    const member = await ctx.user("Mem", "mem@example.org");
    expect((await ctx.addMember(s.convenor, s.base, { name: "Mem", email: member.email, role: "viewer" }, member.client)).status).toBe(201);
    const values = [2, 3, 4];
    const { wb } = await runWave(s, "personal", 3, (pid) => {
      const i = a.people.indexOf(pid);
      if (i >= 0) return { [b.id]: both(values[i]!) };
      const j = b.people.indexOf(pid);
      if (j >= 0 && j < 2) return { [a.id]: both(3), [c.id]: { noTie: true } };
      return undefined;
    });
    const net = (await s.convenor.get(`${wb}/network`)).body;
    expect(net.ties).toHaveLength(6);
    expect(net.ties.find((t: { from: string; to: string }) => t.from === a.id && t.to === b.id)).toMatchObject({ status: "released", n: 3, mean: 3 });
    const ba = net.ties.find((t: { from: string; to: string }) => t.from === b.id && t.to === a.id);
    expect(ba).toMatchObject({ status: "suppressed", n: null, mean: null, reason: "too_few" });
    expect(net.counts).toEqual({ released: 1, suppressed: 5, noTie: 0 });
    const asViewer = (await member.client.get(`${wb}/network`)).body;
    expect(asViewer.ties.every((t: { reason?: string }) => t.reason === undefined)).toBe(true);
  });
});
