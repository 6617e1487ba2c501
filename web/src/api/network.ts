// Typed functions for the trust network endpoints: nominees, a wave's network, an organisation's profile, comparison, downloads.
import { query, request } from "./client.ts";
import type { DimensionChoice, Nominee, NetworkComparison, OrganisationProfile, WaveNetwork } from "./network-types.ts";

const enc = encodeURIComponent;
const wave = (pid: string, wid: string) => `/partnerships/${enc(pid)}/waves/${enc(wid)}`;
const dim = (dimension: DimensionChoice) => query({ dimension: dimension === "overall" ? null : dimension });

export const networkApi = {
  nominees: (pid: string, wid: string) => request<{ items: Nominee[] }>("GET", `${wave(pid, wid)}/nominees`),
  setNominees: (pid: string, wid: string, nominees: { organisationId: string; personId: string }[]) =>
    request<{ items: Nominee[] }>("PUT", `${wave(pid, wid)}/nominees`, { nominees }),
  network: (pid: string, wid: string, dimension: DimensionChoice) => request<WaveNetwork>("GET", `${wave(pid, wid)}/network${dim(dimension)}`),
  profile: (pid: string, wid: string, organisationId: string, dimension: DimensionChoice) =>
    request<OrganisationProfile>("GET", `${wave(pid, wid)}/network/organisations/${enc(organisationId)}${dim(dimension)}`),
  compare: (pid: string, wid: string, otherId: string, dimension: DimensionChoice) =>
    request<NetworkComparison>("GET", `${wave(pid, wid)}/network/compare/${enc(otherId)}${dim(dimension)}`),
  /** Plain links (cookie session) for the browser to download. */
  downloads: (pid: string, wid: string, dimension: DimensionChoice) => ({
    ties: `/api/v1${wave(pid, wid)}/network/ties.csv${dim(dimension)}`,
    organisations: `/api/v1${wave(pid, wid)}/network/organisations.csv${dim(dimension)}`,
    graphml: `/api/v1${wave(pid, wid)}/network.graphml${dim(dimension)}`,
  }),
};
