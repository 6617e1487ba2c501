// /sign-in – email and password; returns to the page the user first asked for (the guard's state, or ?next= for a path inside accord).
import { useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { plural } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { safePath } from "../return-path.ts";
import { useSession } from "../session.tsx";
import { checkEmail } from "../validation.ts";

const FIELDS = { email: "sign-in-email", password: "sign-in-password" };

function returnPath(state: unknown, search: string): string {
  if (state && typeof state === "object" && "from" in state) {
    const from = safePath((state as { from: unknown }).from);
    if (from) return from;
  }
  return safePath(new URLSearchParams(search).get("next")) ?? "/";
}

/** The server says how long to wait ("Try again in 3 minute(s)."); without it, work it out from Retry-After. */
function tooManyAttempts(error: ApiError): string {
  if (error.detail) return error.detail;
  const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
  return `Too many attempts. Try again in ${plural(minutes, "minute")}.`;
}

export function SignInPage() {
  const { user, setUser } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  useTitle("Sign in");
  const next = returnPath(location.state, location.search);

  if (user && !busy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const emailProblem = checkEmail(email);
    if (emailProblem) problems.push({ field: "email", message: emailProblem });
    if (password === "") problems.push({ field: "password", message: "Enter your password" });
    errors.show(problems);
    if (problems.length > 0) return;

    setBusy(true);
    try {
      const signedIn = await api.signIn({ email: email.trim(), password });
      setUser(signedIn);
      navigate(next);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 401) {
        errors.show([{ field: "email", message: "Email or password is not right" }]);
      } else if (error instanceof ApiError && error.status === 429) {
        errors.show([{ message: tooManyAttempts(error) }]);
      } else {
        errors.showError(error);
      }
    }
  }

  return (
    <div className="two-thirds">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <h1 className="heading-l">Sign in to accord</h1>
      {next.startsWith("/invite/") ? (
        <p className="inset">Sign in with your accord account. You will go straight back to your invitation afterwards.</p>
      ) : next !== "/" ? (
        <p className="inset">You need to sign in to see that page. You will go straight there afterwards.</p>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id={FIELDS.email}
          label="Email address"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.of("email")}
          autoComplete="email"
        />
        <TextInput
          id={FIELDS.password}
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.of("password")}
          autoComplete="current-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="body">
        <Link to="/forgot-password" state={{ email: email.trim() }}>
          Forgot your password?
        </Link>
      </p>
      <h2 className="heading-s">New to accord?</h2>
      <p className="body">
        You join a partnership through the invitation link your convenor sends you. If you have
        lost your link, ask your convenor for a new one.
      </p>
    </div>
  );
}
