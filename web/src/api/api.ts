// Typed functions for each accord API endpoint the web UI calls.
import { query, request } from "./client.ts";
import type {
  AcceptedInvitation,
  ApiToken,
  AuditEntry,
  CreatedApiToken,
  Invitation,
  InvitationDetails,
  Organisation,
  Page,
  Partnership,
  Person,
  Role,
  Sector,
  User,
} from "./types.ts";

const enc = encodeURIComponent;
const p = (pid: string) => `/partnerships/${enc(pid)}`;

export const api = {
  // Setup and session
  setupStatus: () => request<{ needed: boolean }>("GET", "/setup", undefined, { quiet401: true }),
  setup: (body: { name: string; email: string; password: string }) =>
    request<User>("POST", "/setup", body, { quiet401: true }),
  signIn: (body: { email: string; password: string }) =>
    request<User>("POST", "/auth/sign-in", body, { quiet401: true }),
  signOut: () => request<void>("POST", "/auth/sign-out", undefined, { quiet401: true }),
  me: () => request<User>("GET", "/me", undefined, { quiet401: true }),
  /** Also ends the user's other sessions and every API token. */
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<void>("POST", "/me/password", body),

  // Password reset by email (no session needed)
  /** 202 whether or not the address has an account; 429 with Retry-After; 503 mail_not_configured. */
  requestPasswordReset: (email: string) =>
    request<{ detail?: string }>("POST", "/auth/password-reset", { email }, { quiet401: true }),
  getPasswordReset: (token: string) =>
    request<{ email: string }>("GET", `/auth/password-reset/${enc(token)}`, undefined, { quiet401: true }),
  /** Sets the password, ends every session and API token, and signs in. */
  completePasswordReset: (token: string, password: string) =>
    request<User>("POST", `/auth/password-reset/${enc(token)}`, { password }, { quiet401: true }),

  // API tokens
  listTokens: (cursor?: string | null) => request<Page<ApiToken>>("GET", `/me/tokens${query({ cursor })}`),
  createToken: (body: { name: string; expiresInDays?: number }) => request<CreatedApiToken>("POST", "/me/tokens", body),
  revokeToken: (tokenId: string) => request<void>("DELETE", `/me/tokens/${enc(tokenId)}`),

  // Partnerships
  listPartnerships: (cursor?: string | null) =>
    request<Page<Partnership>>("GET", `/partnerships${query({ cursor })}`),
  createPartnership: (body: { name: string; purpose: string }) =>
    request<Partnership>("POST", "/partnerships", body),
  getPartnership: (pid: string) => request<Partnership>("GET", p(pid)),
  updatePartnership: (pid: string, body: { name?: string; purpose?: string }) =>
    request<Partnership>("PATCH", p(pid), body),
  removePartnership: (pid: string) => request<void>("DELETE", p(pid)),

  // Demo: a partnership of invented organisations and people, convened by the caller
  createDemo: () => request<Partnership>("POST", "/demo", {}),

  // Organisations
  listOrganisations: (pid: string, cursor?: string | null) =>
    request<Page<Organisation>>("GET", `${p(pid)}/organisations${query({ cursor })}`),
  createOrganisation: (pid: string, body: { name: string; sector: Sector | "" }) =>
    request<Organisation>("POST", `${p(pid)}/organisations`, body),
  updateOrganisation: (pid: string, oid: string, body: { name?: string; sector?: Sector }) =>
    request<Organisation>("PATCH", `${p(pid)}/organisations/${enc(oid)}`, body),
  deleteOrganisation: (pid: string, oid: string) =>
    request<void>("DELETE", `${p(pid)}/organisations/${enc(oid)}`),

  // People
  listPeople: (pid: string, cursor?: string | null) =>
    request<Page<Person>>("GET", `${p(pid)}/people${query({ cursor })}`),
  createPerson: (
    pid: string,
    body: { name: string; email: string; organisationId: string | null; role: Role | ""; jobTitle: string | null },
  ) => request<Person>("POST", `${p(pid)}/people`, body),
  updatePerson: (
    pid: string,
    personId: string,
    body: { name?: string; organisationId?: string | null; role?: Role; jobTitle?: string | null },
  ) => request<Person>("PATCH", `${p(pid)}/people/${enc(personId)}`, body),
  deletePerson: (pid: string, personId: string) =>
    request<void>("DELETE", `${p(pid)}/people/${enc(personId)}`),
  invitePerson: (pid: string, personId: string) =>
    request<Invitation>("POST", `${p(pid)}/people/${enc(personId)}/invitations`, {}),

  // Audit
  listAudit: (pid: string, cursor?: string | null) =>
    request<Page<AuditEntry>>("GET", `${p(pid)}/audit${query({ cursor })}`),

  // Invitations (no session needed)
  getInvitation: (token: string) =>
    request<InvitationDetails>("GET", `/invitations/${enc(token)}`, undefined, { quiet401: true }),
  /** Signed in: `{}`. Not signed in: `{ password, name? }` creates the invited address's account. */
  acceptInvitation: (token: string, body: { password?: string; name?: string }) =>
    request<AcceptedInvitation>("POST", `/invitations/${enc(token)}/accept`, body, { quiet401: true }),
};

/** Fetches every page of a paginated list (bounded, for select options). */
export async function fetchAll<T>(
  load: (cursor: string | null) => Promise<Page<T>>,
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await load(cursor);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}
