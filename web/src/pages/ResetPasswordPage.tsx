// /reset-password/:token – choose a new password through a link sent by email: ends every other session and API token, then signs in.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { User } from "../api/types.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { useSession } from "../session.tsx";
import { checkPassword } from "../validation.ts";

const FIELDS = { password: "reset-password" };

function InvalidLink() {
  return (
    <div className="two-thirds">
      <h1 className="heading-l">This link is not valid</h1>
      <p className="body">
        It may have been used already, replaced by a newer link, or expired: a link to choose a new password works
        once, within an hour.
      </p>
      <p className="body">
        <Link to="/forgot-password">Ask for a new link</Link>, or <Link to="/sign-in">sign in</Link> if you know your
        password.
      </p>
    </div>
  );
}

function PasswordChanged({ user }: { user: User }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="two-thirds">
      <h1 className="heading-l" tabIndex={-1} ref={heading}>
        Your new password is set
      </h1>
      <p className="body">
        You are signed in as <strong>{user.email}</strong>.
      </p>
      <p className="inset">
        Every other browser signed in to your account has been signed out, and all your API tokens have stopped working.
        If a script used one, create a new token on your <Link to="/account">account page</Link>.
      </p>
      <p className="body">
        <Link to="/" className="button account-button">
          Go to your partnerships
        </Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const { setUser } = useSession();
  const [email, setEmail] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<User | null>(null);
  const errors = useFormErrors(FIELDS);
  const invalid = loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 410);
  useTitle(done ? "Your new password is set" : invalid ? "Link not valid" : "Choose a new password");

  useEffect(() => {
    let live = true;
    setLoadError(null);
    api.getPasswordReset(token).then(
      (info) => live && setEmail(info.email),
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [token, attempt]);

  if (done) return <PasswordChanged user={done} />;
  if (invalid) return <InvalidLink />;
  if (loadError) {
    return (
      <>
        <h1 className="heading-l">Choose a new password</h1>
        <ErrorPanel error={loadError} onRetry={() => setAttempt((a) => a + 1)} />
      </>
    );
  }
  if (email === null) return <Loading what="Checking your link" />;
  const address = email;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const problem = checkPassword(password, "Enter a new password");
    if (problem) problems.push({ field: "password", message: problem });
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const user = await api.completePasswordReset(token, password);
      setUser(user);
      setDone(user);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) setLoadError(error);
      else errors.showError(error);
    }
  }

  return (
    <div className="two-thirds">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <h1 className="heading-l">Choose a new password</h1>
      <p className="body">
        For your accord account <strong>{address}</strong>.
      </p>
      <p className="inset">
        This signs you out of every other browser and stops all your API tokens working. Scripts that use a token will
        need a new one.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <input type="email" name="username" autoComplete="username" value={address} readOnly hidden />
        <TextInput
          id={FIELDS.password}
          label="New password"
          hint="At least 10 characters. A few unrelated words make a good password."
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.of("password")}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : "Save new password"}
        </button>
      </form>
    </div>
  );
}
