/** Narrows a partnership's health figures to the rows about one organisation (pure). */
import type { Health } from "./contracts.ts";

export function narrowToOrganisation(h: Health, id: string): Health {
  const kp = h.institutions.keyPerson;
  return {
    ...h,
    perceived: { ...h.perceived, network: h.perceived.network.map((w) => ({ ...w, organisations: w.organisations.filter((o) => o.organisationId === id) })) },
    behaviour: { organisations: h.behaviour.organisations.filter((o) => o.organisationId === id), pairs: h.behaviour.pairs.filter((p) => p.a === id || p.b === id) },
    quadrant: { ...h.quadrant, rows: h.quadrant.rows.filter((r) => r.organisationId === id) },
    institutions: { ...h.institutions, keyPerson: { ...kp, pairs: kp.pairs.filter((p) => p.a === id || p.b === id) } },
    warnings: h.warnings.filter((w) => w.organisationId === id),
    activity: h.activity.filter((a) => a.organisationId === id),
    nextSteps: h.nextSteps.filter((s) => s.organisationIds.includes(id)),
  };
}
