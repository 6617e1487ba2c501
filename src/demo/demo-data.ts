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
];

const FIRST = ["Amara", "Tom", "Priya", "Gareth", "Sian", "Marek", "Joy", "Hannah", "Ali", "Ruth", "Dev", "Nia", "Owen", "Grace", "Yusuf", "Ellen", "Kwame", "Lucy", "Rhys", "Fatima", "Ben", "Chloe", "Imran", "Megan", "Pawel", "Zara", "Huw", "Aisha", "Liam", "Rosa"];
const LAST = ["Okafor", "Hughes", "Nair", "Lewis", "Roberts", "Nowak", "Mensah", "Clarke", "Rahman", "Evans", "Patel", "Jones", "Price", "Adeyemi", "Khan", "Morgan", "Boateng", "Davies", "Thomas", "Hussain", "Walker", "Wright", "Iqbal", "Powell", "Kowalski", "Ahmed", "Griffiths", "Bello", "Murphy", "Silva"];
const TITLES: Record<string, string[]> = {
  trust: ["Discharge lead", "Ward manager", "Therapy lead", "Matron", "Patient flow manager", "Consultant geriatrician"],
  pcn: ["Clinical director", "Practice manager", "Care coordinator", "Social prescriber", "GP partner"],
  council: ["Head of adult social care", "Commissioning manager", "Social work team manager", "Occupational therapist", "Reablement lead"],
  care: ["Registered manager", "Care coordinator", "Quality lead", "Operations director"],
  vcs: ["Chief officer", "Volunteer coordinator", "Community connector", "Services manager", "Befriending lead"],
  housing: ["Tenancy support lead", "Home adaptations officer", "Housing options manager", "Independent living manager", "Neighbourhood officer"],
};

/** Thirty people spread over the six organisations; the council's head of adult social care convenes. */
export const DEMO_PEOPLE: ReadonlyArray<{ name: string; org: string; role: Role; jobTitle: string }> = FIRST.map((first, i) => {
  const org = DEMO_ORGANISATIONS[i % DEMO_ORGANISATIONS.length]!.key;
  const titles = TITLES[org]!;
  const jobTitle = titles[Math.floor(i / DEMO_ORGANISATIONS.length) % titles.length]!;
  const role: Role = jobTitle === "Head of adult social care" ? "convenor" : i % 7 === 6 ? "viewer" : "member";
  return { name: `${first} ${LAST[i]!}`, org, role, jobTitle };
});

/** A stable, clearly fictional email for a demo person. */
export function demoEmail(name: string, suffix: string): string {
  const local = name.toLowerCase().replace(/[^a-z]+/g, ".").replace(/^\.|\.$/g, "");
  return `${local}+${suffix}@demo.example.org`;
}
