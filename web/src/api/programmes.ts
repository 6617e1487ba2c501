// Typed functions for programmes: create, list and delete, a programme's leads (and invitations to lead) and join code, its roll-up, and a partnership's sharing.
import { query, request } from "./client.ts";
import type {
  CreatedLeadInvitation,
  CreatedProgramme,
  PartnershipProgramme,
  ProgrammeDetail,
  ProgrammeListItem,
  Rollup,
  Shared,
  SortKey,
  SortOrder,
} from "./programme-types.ts";

const enc = encodeURIComponent;
const prog = (id: string) => `/programmes/${enc(id)}`;
const shared = (pid: string) => `/partnerships/${enc(pid)}/programmes`;

export const programmeApi = {
  list: () => request<{ items: ProgrammeListItem[] }>("GET", "/programmes").then((r) => r.items),
  create: (body: { name: string; description?: string }) => request<CreatedProgramme>("POST", "/programmes", body),
  get: (id: string) => request<ProgrammeDetail>("GET", prog(id)),
  /** Invites an address to lead; they become a lead when they accept. */
  inviteLead: (id: string, email: string) => request<CreatedLeadInvitation>("POST", `${prog(id)}/leads`, { email }),
  withdrawLeadInvitation: (id: string, invitationId: string) => request<void>("DELETE", `${prog(id)}/lead-invitations/${enc(invitationId)}`),
  /** Refused (409) for the last lead with an active account. */
  removeLead: (id: string, userId: string) => request<void>("DELETE", `${prog(id)}/leads/${enc(userId)}`),
  /** Soft delete; `confirm` is the programme's name, typed again. */
  remove: (id: string, confirm: string) => request<void>("DELETE", prog(id), { confirm }),
  newJoinCode: (id: string) => request<{ joinCode: string }>("POST", `${prog(id)}/join-code`, {}),
  rollup: (id: string, sort: SortKey, order: SortOrder) => request<Rollup>("GET", `${prog(id)}/rollup${query({ sort, order })}`),

  /** Programmes this partnership shares with, and its position in each (any member). */
  ofPartnership: (pid: string) => request<{ items: PartnershipProgramme[] }>("GET", shared(pid)).then((r) => r.items),
  share: (pid: string, joinCode: string) => request<Shared>("POST", shared(pid), { joinCode }),
  stopSharing: (pid: string, programmeId: string) => request<void>("DELETE", `${shared(pid)}/${enc(programmeId)}`),
};
