// Where sign-in returns to: only a path inside accord (starting with one "/"), from the guard's state or a ?next= parameter.

/** The value if it is a path inside accord ("/…", not "//…" or "/\…", which browsers read as another site), else null. */
export function safePath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  if (value.startsWith("//") || value.includes("\\")) return null;
  return value;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInReturningTo(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
