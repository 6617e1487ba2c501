// /invite/:token – accept an invitation to a partnership, choosing a password if the person is new.
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { InvitationDetails } from "../api/types.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ErrorPanel, Loading } from "../components/Feedback.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { useSession } from "../session.tsx";
import { checkPassword } from "../validation.ts";

const FIELDS = { password: "invite-password" };

function InvalidInvitation() {
  return (
    <>
      <h1 className="heading-l">This invitation link is not valid</h1>
      <p className="body">
        This invitation link is not valid. It may have been used already or expired. Ask your
        convenor for a new one.
      </p>
      <p className="body">
        If you have already joined, <Link to="/sign-in">sign in</Link>.
      </p>
    </>
  );
}

export function InvitePage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const { user, setUser } = useSession();
  const [details, setDetails] = useState<InvitationDetails | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const [attempt, setAttempt] = useState(0);
  const invalid = loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 410);
  useTitle(invalid ? "Invitation link not valid" : details ? `Join ${details.partnershipName}` : "Your invitation");

  useEffect(() => {
    let live = true;
    setLoadError(null);
    api.getInvitation(token).then(
      (d) => live && setDetails(d),
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [token, attempt]);

  if (invalid) return <InvalidInvitation />;
  if (loadError) {
    return (
      <>
        <h1 className="heading-l">Your invitation</h1>
        <ErrorPanel error={loadError} onRetry={() => setAttempt((a) => a + 1)} />
      </>
    );
  }
  if (!details) return <Loading what="Checking your invitation" />;
  const invitation = details;

  async function accept(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    if (invitation.needsPassword) {
      const problem = checkPassword(password, "Choose a password");
      if (problem) problems.push({ field: "password", message: problem });
    }
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const joined = await api.acceptInvitation(token, invitation.needsPassword ? { password } : {});
      setUser(joined);
      navigate(`/partnerships/${encodeURIComponent(invitation.partnershipId)}`);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) setLoadError(error);
      else errors.showError(error);
    }
  }

  const otherUser = user !== null && user.email.toLowerCase() !== invitation.email.toLowerCase();

  return (
    <div className="two-thirds">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <span className="caption">Invitation for {invitation.personName}</span>
      <h1 className="heading-l">Join {invitation.partnershipName}</h1>
      <p className="body">
        You have been invited to join <strong>{invitation.partnershipName}</strong> on accord as{" "}
        <strong>{invitation.email}</strong>.
      </p>
      {otherUser ? (
        <p className="inset">
          You are signed in as {user.email}, but this invitation is for {invitation.email}.
        </p>
      ) : null}
      <form onSubmit={(e) => void accept(e)} noValidate>
        {invitation.needsPassword ? (
          <>
            <p className="body">Choose a password. You will use it with your email address to sign in.</p>
            <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
            <TextInput
              id={FIELDS.password}
              label="Choose a password"
              hint="Must be at least 10 characters. A few unrelated words make a good password."
              type="password"
              value={password}
              onChange={setPassword}
              error={errors.of("password")}
              autoComplete="new-password"
            />
          </>
        ) : (
          <p className="body">You already have an accord account, so there is nothing else to set up.</p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Joining…" : "Accept and join"}
        </button>
      </form>
    </div>
  );
}
