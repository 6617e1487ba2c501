// /account – the user's details (and whether their address is proven), change password (ends other sessions and every API token), and API tokens.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { User } from "../api/types.ts";
import { ApiTokens } from "../components/ApiTokens.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ActionError, SuccessBanner } from "../components/Feedback.tsx";
import { TextInput } from "../components/fields.tsx";
import { NoEmailNotice } from "../components/NoEmailNotice.tsx";
import { describeError, useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { useUser } from "../session.tsx";
import { checkPassword } from "../validation.ts";

const FIELDS = { currentPassword: "current-password", newPassword: "new-password" };

/**
 * For an account whose first password came through a link someone passed on: explains, and offers the way to prove
 * the address (a reset link sent to it), or, when accord sends no email, the person who runs it.
 */
function UnprovenAddress({ user }: { user: User }) {
  const [state, setState] = useState<"idle" | "busy" | "sent" | "no-email">("idle");
  const [error, setError] = useState<string | null>(null);
  const sent = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state === "sent") sent.current?.focus();
  }, [state]);

  async function sendLink() {
    setError(null);
    setState("busy");
    try {
      await api.requestPasswordReset(user.email);
      setState("sent");
    } catch (e) {
      if (e instanceof ApiError && e.status === 503 && e.code === "mail_not_configured") setState("no-email");
      else {
        setState("idle");
        setError(e instanceof ApiError && e.status === 429 ? (e.detail ?? "Too many requests. Try again later.") : describeError(e));
      }
    }
  }

  return (
    <section className="notice account-unproven" aria-labelledby="unproven-heading">
      <h2 className="heading-s" id="unproven-heading">
        Your email address has not been proven
      </h2>
      <p className="body">
        Your password was set through an invitation link that a convenor or programme lead passed on to you, not one we
        emailed to you, so accord has not yet checked that {user.email} is yours. Until it has, invitations passed on the
        same way to other partnerships or programmes will not work for your account.
      </p>
      <p className="body">
        To prove it, choose a new password through “Forgot your password?”: the link is sent to your address. This signs
        you out everywhere else and ends your API tokens.
      </p>
      <ActionError message={error} />
      {state === "sent" ? (
        <p className="inline-success" tabIndex={-1} ref={sent}>
          We have sent a link to {user.email}. Open it within an hour to choose a new password.
        </p>
      ) : state === "no-email" ? (
        <NoEmailNotice id="unproven-no-email" extra="A password they set proves your address too." />
      ) : (
        <button type="button" className="button button--secondary" disabled={state === "busy"} onClick={() => void sendLink()}>
          {state === "busy" ? "Sending…" : `Email a link to ${user.email}`}
        </button>
      )}
    </section>
  );
}

function ChangePassword({ onChanged }: { onChanged: () => void }) {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const problems: FieldProblem[] = [];
    if (currentPassword === "") problems.push({ field: "currentPassword", message: "Enter your current password" });
    const newProblem = checkPassword(newPassword, "Enter a new password");
    if (newProblem) problems.push({ field: "newPassword", message: newProblem });
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await api.changePassword({ currentPassword, newPassword });
      setCurrent("");
      setNew("");
      setDone(true);
      onChanged();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="password-heading" className="section">
      <h2 className="heading-m" id="password-heading">
        Change your password
      </h2>
      {done ? (
        <SuccessBanner title="Your password has been changed" onDismiss={() => setDone(false)}>
          <p className="body">
            Every other browser signed in to your account has been signed out, and all your API tokens have stopped
            working. Create new tokens below for any scripts that need one.
          </p>
        </SuccessBanner>
      ) : null}
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <p className="body two-thirds">
        Changing your password signs you out of every other browser and stops all your API tokens working. You stay
        signed in here.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput
          id={FIELDS.currentPassword}
          label="Current password"
          type="password"
          value={currentPassword}
          onChange={setCurrent}
          error={errors.of("currentPassword")}
          autoComplete="current-password"
        />
        <TextInput
          id={FIELDS.newPassword}
          label="New password"
          hint="At least 10 characters. A few unrelated words make a good password."
          type="password"
          value={newPassword}
          onChange={setNew}
          error={errors.of("newPassword")}
          autoComplete="new-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Changing…" : "Change password"}
        </button>
      </form>
    </section>
  );
}

export function AccountPage() {
  const user = useUser();
  // A password change ends every token: the list is loaded afresh.
  const [tokensGeneration, setTokensGeneration] = useState(0);
  useTitle("Your account");
  return (
    <>
      <h1 className="heading-l">Your account</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Name</dt>
          <dd>{user.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Email address</dt>
          <dd>
            {user.email}
            {user.emailProven ? null : <span className="table__sub">Not proven yet</span>}
          </dd>
        </div>
      </dl>
      {user.emailProven ? null : <UnprovenAddress user={user} />}
      <ChangePassword onChanged={() => setTokensGeneration((g) => g + 1)} />
      <ApiTokens key={tokensGeneration} />
    </>
  );
}
