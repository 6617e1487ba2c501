// /sign-in – email and password; returns to the page the user first asked for.
import { useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { plural } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { useSession } from "../session.tsx";
import { checkEmail } from "../validation.ts";

const FIELDS = { email: "sign-in-email", password: "sign-in-password" };

function returnPath(state: unknown): string {
  if (state && typeof state === "object" && "from" in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === "string" && from.startsWith("/") && !from.startsWith("//")) return from;
  }
  return "/";
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

  if (user && !busy) return <Navigate to={returnPath(location.state)} replace />;

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
      navigate(returnPath(location.state));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 401) {
        errors.show([{ field: "email", message: "Email or password is not right" }]);
      } else if (error instanceof ApiError && error.status === 429) {
        const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
        errors.show([{ message: `Too many attempts, try again in ${plural(minutes, "minute")}` }]);
      } else {
        errors.showError(error);
      }
    }
  }

  return (
    <div className="two-thirds">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <h1 className="heading-l">Sign in to accord</h1>
      {returnPath(location.state) !== "/" ? (
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
      <h2 className="heading-s">New to accord?</h2>
      <p className="body">
        You join a partnership through the invitation link your convenor sends you. If you have
        lost your link, ask your convenor for a new one.
      </p>
    </div>
  );
}
