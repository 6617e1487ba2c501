// Session context: the signed-in user, whether first-run setup is needed, and how to change them.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api } from "./api/api.ts";
import { ApiError, onUnauthenticated } from "./api/client.ts";
import type { User } from "./api/types.ts";

export type SessionState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; setupNeeded: boolean; user: User | null; signedOut?: boolean };

interface SessionValue {
  state: SessionState;
  user: User | null;
  setUser: (user: User | null) => void;
  /** True after the user signed out on purpose (not when a session expired), so no "sign in to see that page". */
  signedOut: boolean;
  signOut: () => void;
  setSetupDone: () => void;
  reload: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

async function loadSession(): Promise<SessionState> {
  try {
    const { needed } = await api.setupStatus();
    if (needed) return { status: "ready", setupNeeded: true, user: null };
    try {
      const user = await api.me();
      return { status: "ready", setupNeeded: false, user };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return { status: "ready", setupNeeded: false, user: null };
      }
      throw error;
    }
  } catch (error) {
    const message =
      error instanceof ApiError ? error.message : "Something went wrong while starting accord.";
    return { status: "error", message };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void loadSession().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const setUser = useCallback((user: User | null) => {
    setState((prev) => ({
      status: "ready",
      setupNeeded: prev.status === "ready" ? prev.setupNeeded && user === null : false,
      user,
    }));
  }, []);

  const signOut = useCallback(() => {
    setState((prev) => ({ status: "ready", setupNeeded: prev.status === "ready" && prev.setupNeeded, user: null, signedOut: true }));
  }, []);

  const setSetupDone = useCallback(() => {
    setState((prev) => (prev.status === "ready" ? { ...prev, setupNeeded: false } : prev));
  }, []);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  // Any API call that finds the session gone signs the user out of the UI.
  useEffect(() => {
    onUnauthenticated(() => setUser(null));
    return () => onUnauthenticated(null);
  }, [setUser]);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      user: state.status === "ready" ? state.user : null,
      setUser,
      signedOut: state.status === "ready" && state.signedOut === true,
      signOut,
      setSetupDone,
      reload,
    }),
    [state, setUser, signOut, setSetupDone, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error("useSession must be used inside SessionProvider");
  return value;
}

/** The signed-in user; only for pages rendered behind RequireUser. */
export function useUser(): User {
  const { user } = useSession();
  if (user === null) throw new Error("useUser needs a signed-in user");
  return user;
}
