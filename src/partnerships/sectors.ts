/** The fixed list of sectors a member organisation can belong to, with their display labels. */
export const SECTORS = [
  "nhs_trust",
  "primary_care",
  "local_authority",
  "social_care",
  "voluntary_community",
  "housing",
  "police_fire",
  "education",
  "private",
  "academic",
  "other",
] as const;

export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  nhs_trust: "NHS trust",
  primary_care: "Primary care",
  local_authority: "Local authority",
  social_care: "Social care provider",
  voluntary_community: "Voluntary / community",
  housing: "Housing",
  police_fire: "Police / fire",
  education: "Education",
  private: "Private",
  academic: "Academic",
  other: "Other",
};

export const ROLES = ["convenor", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];
