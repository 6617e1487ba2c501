// Loads the entries of another register as choices (an action's priority, a win's goals, a procedure's decision).
import { useEffect, useState } from "react";
import { fetchAll } from "../api/api.ts";
import { registersApi } from "../api/registers.ts";
import type { Option } from "../components/fields.tsx";

export interface EntryOptions {
  options: Option[];
  loading: boolean;
  failed: boolean;
}

/** Entries of `register` (not removed), by title; `register` undefined loads nothing. */
export function useEntryOptions(partnershipId: string, register: string | undefined): EntryOptions {
  const [state, setState] = useState<EntryOptions>({ options: [], loading: register !== undefined, failed: false });
  useEffect(() => {
    if (!register) return undefined;
    let live = true;
    setState((s) => ({ ...s, loading: true, failed: false }));
    fetchAll((cursor) => registersApi.listEntries(partnershipId, register, { sort: "title", order: "asc", limit: 200 }, cursor), 5).then(
      (items) => live && setState({ options: items.map((e) => ({ value: e.id, label: e.title })), loading: false, failed: false }),
      () => live && setState({ options: [], loading: false, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [partnershipId, register]);
  return state;
}
