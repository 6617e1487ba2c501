// Give/take balance per pair of organisations and per organisation, derived from delivered offers and asks.
import { compareText } from "./dates.ts";

export type OfferAskKind = "offer" | "ask";
export type OfferAskStatus = "open" | "taken_up" | "delivered" | "not_delivered" | "withdrawn";

export interface OfferOrAsk {
  id: string;
  kind: OfferAskKind;
  /** Who made the offer or the ask. */
  fromOrganisationId: string;
  /** Who took it up (accepted the offer, or answered the ask); null while nobody has. */
  takenUpByOrganisationId: string | null;
  status: OfferAskStatus;
}

/** One unordered pair, with a < b in code-unit order. balance = aGaveToB − bGaveToA (positive: a has given more). */
export interface PairBalance {
  a: string;
  b: string;
  aGaveToB: number;
  bGaveToA: number;
  balance: number;
}

export interface OrganisationGiving {
  organisationId: string;
  gave: number;
  received: number;
}

export interface ReciprocityBalance {
  /** Pairs with at least one delivered item between them, sorted by a then b. */
  pairs: PairBalance[];
  /** Every organisation in a delivered item (plus any listed), sorted by organisationId. */
  organisations: OrganisationGiving[];
}

/**
 * Who gave to whom in one item, or null if it does not count. Only delivered items count, and only with a
 * taker other than the maker. An offer is given by its maker to its taker; an ask is given by its taker
 * (who answered it) to its maker.
 */
export function giving(item: OfferOrAsk): { giver: string; receiver: string } | null {
  const taker = item.takenUpByOrganisationId;
  if (item.status !== "delivered" || taker === null || taker === item.fromOrganisationId) return null;
  return item.kind === "offer"
    ? { giver: item.fromOrganisationId, receiver: taker }
    : { giver: taker, receiver: item.fromOrganisationId };
}

/** The balance, derived from delivered offers and asks, per unordered pair and per organisation. */
export function reciprocityBalance(items: readonly OfferOrAsk[], organisationIds: readonly string[] = []): ReciprocityBalance {
  const pairs = new Map<string, PairBalance>();
  const orgs = new Map<string, OrganisationGiving>();
  const org = (id: string): OrganisationGiving => {
    let o = orgs.get(id);
    if (!o) {
      o = { organisationId: id, gave: 0, received: 0 };
      orgs.set(id, o);
    }
    return o;
  };
  for (const id of organisationIds) org(id);
  for (const item of items) {
    const g = giving(item);
    if (!g) continue;
    org(g.giver).gave += 1;
    org(g.receiver).received += 1;
    const [a, b] = compareText(g.giver, g.receiver) < 0 ? [g.giver, g.receiver] : [g.receiver, g.giver];
    const key = JSON.stringify([a, b]);
    let p = pairs.get(key);
    if (!p) {
      p = { a, b, aGaveToB: 0, bGaveToA: 0, balance: 0 };
      pairs.set(key, p);
    }
    if (g.giver === a) p.aGaveToB += 1;
    else p.bGaveToA += 1;
  }
  for (const p of pairs.values()) p.balance = p.aGaveToB - p.bGaveToA;
  return {
    pairs: [...pairs.values()].sort((x, y) => compareText(x.a, y.a) || compareText(x.b, y.b)),
    organisations: [...orgs.values()].sort((x, y) => compareText(x.organisationId, y.organisationId)),
  };
}

/** How much more `from` has given to `to` than received from it (0 if they have exchanged nothing). Antisymmetric. */
export function balanceBetween(result: ReciprocityBalance, from: string, to: string): number {
  const [a, b] = compareText(from, to) < 0 ? [from, to] : [to, from];
  const p = result.pairs.find((x) => x.a === a && x.b === b);
  if (!p || from === to) return 0;
  return from === a ? p.balance : 0 - p.balance;
}
