/** The invented organisations and people of the demo partnership (fictional names, example.org addresses). */
import type { Role, Sector } from "../partnerships/sectors.ts";

export const DEMO_PARTNERSHIP = {
  name: "Riverside Integrated Care Partnership (demo)",
  purpose:
    "A fictional partnership to explore accord: health, council, voluntary and housing partners working together on care for frail older people and people leaving hospital.",
};

export const DEMO_ORGANISATIONS: ReadonlyArray<{ key: string; name: string; sector: Sector }> = [
  { key: "trust", name: "Riverside University Hospitals NHS Trust", sector: "nhs_trust" },
  { key: "pcn", name: "Riverside North Primary Care Network", sector: "primary_care" },
  { key: "council", name: "Riverside City Council", sector: "local_authority" },
  { key: "care", name: "Willowbank Home Care", sector: "social_care" },
  { key: "vcs", name: "Riverside Age Well", sector: "voluntary_community" },
  { key: "housing", name: "Eastgate Housing Association", sector: "housing" },
  { key: "fire", name: "Riverside Fire and Rescue", sector: "police_fire" },
  { key: "uni", name: "Riverside University Health Research Unit", sector: "academic" },
];

export const DEMO_PEOPLE: ReadonlyArray<{ name: string; org: string; role: Role; jobTitle: string }> = [
  { name: "Amara Okafor", org: "trust", role: "member", jobTitle: "Discharge lead" },
  { name: "Tom Hughes", org: "trust", role: "viewer", jobTitle: "Ward manager" },
  { name: "Dr Priya Nair", org: "pcn", role: "member", jobTitle: "Clinical director" },
  { name: "Gareth Lewis", org: "council", role: "convenor", jobTitle: "Head of adult social care" },
  { name: "Sian Roberts", org: "council", role: "member", jobTitle: "Commissioning manager" },
  { name: "Marek Nowak", org: "care", role: "member", jobTitle: "Registered manager" },
  { name: "Joy Mensah", org: "vcs", role: "member", jobTitle: "Chief officer" },
  { name: "Hannah Clarke", org: "housing", role: "member", jobTitle: "Tenancy support lead" },
  { name: "Ali Rahman", org: "fire", role: "viewer", jobTitle: "Safe and well officer" },
  { name: "Prof. Ruth Evans", org: "uni", role: "viewer", jobTitle: "Evaluation lead" },
];

/** A stable, clearly fictional email for a demo person. */
export function demoEmail(name: string, suffix: string): string {
  const local = name.toLowerCase().replace(/^(dr|prof)\.?\s+/, "").replace(/[^a-z]+/g, ".").replace(/^\.|\.$/g, "");
  return `${local}+${suffix}@demo.example.org`;
}
