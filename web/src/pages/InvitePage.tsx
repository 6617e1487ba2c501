// /invite/:token – accept an invitation to a partnership or to lead a programme: as the signed-in invited address, by signing in first, or by creating the address's account with a password. Never says whether the address already has an account.
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { AcceptedInvitation, InvitationDetails } from "../api/types.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ErrorPanel, Loading, SuccessBanner } from "../components/Feedback.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem, type FormErrors } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { signInReturningTo } from "../return-path.ts";
import { useSession } from "../session.tsx";
import { checkPassword, checkRequired } from "../validation.ts";

const FIELDS = { name: "invite-name", password: "invite-password" };

/** The words that differ between joining a partnership and leading a programme. */
function wording(invitation: InvitationDetails) {
  const programme = invitation.kind === "programme";
  return {
    title: programme ? `Lead ${invitation.name}` : `Join ${invitation.name}`,
    heading: programme ? `Become a lead of ${invitation.name}` : `Join ${invitation.name}`,
    accept: programme ? "Accept and become a lead" : "Accept and join",
    create: programme ? "Create account and become a lead" : "Create account and join",
    accepting: programme ? "Accepting…" : "Joining…",
    nameHint: programme ? "How other leads of the programme will see you." : "How others in the partnership will see you.",
  };
}

function InvalidInvitation() {
  return (
    <>
      <h1 className="heading-l">This invitation link is not valid</h1>
      <p className="body">
        It may have been used already, replaced by a newer link, or expired: an invitation link works once, for 7
        days. Ask whoever invited you for a new one.
      </p>
      <p className="body">
        If you have already accepted it, <Link to="/sign-in">sign in</Link>.
      </p>
    </>
  );
}

function where(accepted: AcceptedInvitation): string {
  if (accepted.kind === "programme" && accepted.programmeId) return `/programmes/${encodeURIComponent(accepted.programmeId)}`;
  if (accepted.partnershipId) return `/partnerships/${encodeURIComponent(accepted.partnershipId)}`;
  return "/";
}

/** An account already uses the address (409): point to sign-in (back here afterwards) and to "Forgot your password?". */
function showConflict(errors: FormErrors, error: ApiError, token: string) {
  errors.show([
    { message: error.detail ?? "An accord account already uses this address." },
    { message: "Sign in to accept this invitation", to: signInReturningTo(`/invite/${token}`) },
    { message: "Forgot your password?", to: "/forgot-password" },
  ]);
}

export function InvitePage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const { user, setUser, signOut } = useSession();
  const [details, setDetails] = useState<InvitationDetails | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [signedOutHere, setSignedOutHere] = useState(false);
  const errors = useFormErrors(FIELDS);
  const invalid = loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 410);
  useTitle(invalid ? "Invitation link not valid" : details ? wording(details).title : "Your invitation");

  useEffect(() => {
    let live = true;
    setLoadError(null);
    api.getInvitation(token).then(
      (d) => {
        if (!live) return;
        setDetails(d);
        // For a programme the name is the address itself: let the person type theirs.
        setName(d.personName === d.email ? "" : d.personName);
      },
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
  const words = wording(invitation);
  const isProgramme = invitation.kind === "programme";

  async function accept(body: { password?: string; name?: string }) {
    setBusy(true);
    try {
      const accepted = await api.acceptInvitation(token, body);
      setUser(accepted.user);
      navigate(where(accepted));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) setLoadError(error);
      else if (error instanceof ApiError && error.status === 409 && body.password !== undefined) showConflict(errors, error, token);
      else errors.showError(error);
    }
  }

  function acceptAsMe(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    void accept({});
  }

  function createAccount(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Enter your name");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    const passwordProblem = checkPassword(password, "Choose a password");
    if (passwordProblem) problems.push({ field: "password", message: passwordProblem });
    errors.show(problems);
    if (problems.length > 0) return;
    void accept({ password, name: name.trim() });
  }

  async function signOutHere() {
    setSigningOut(true);
    try {
      await api.signOut();
    } catch {
      // Even if the server call fails, leave the UI signed out.
    }
    setSigningOut(false);
    errors.clear();
    signOut();
    setSignedOutHere(true);
  }

  const sameAddress = user !== null && user.email.toLowerCase() === invitation.email.toLowerCase();

  return (
    <div className="two-thirds">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <span className="caption">Invitation for {invitation.personName}</span>
      <h1 className="heading-l">{words.heading}</h1>
      {isProgramme ? (
        <>
          <p className="body">
            You have been invited to lead the programme <strong>{invitation.name}</strong> on accord, as{" "}
            <strong>{invitation.email}</strong>.
          </p>
          <p className="body">
            A programme puts partnerships side by side. Its leads see the figures each partnership chooses to share with
            it, never anyone’s individual answers, and can invite other leads.
          </p>
        </>
      ) : (
        <p className="body">
          You have been invited to join the partnership <strong>{invitation.name}</strong> on accord, as{" "}
          <strong>{invitation.email}</strong>.
        </p>
      )}
      {signedOutHere && user === null ? <SuccessBanner title="You have signed out" /> : null}

      {user !== null && sameAddress ? (
        <form onSubmit={acceptAsMe} noValidate>
          <p className="body">
            You are signed in as <strong>{user.email}</strong>.
          </p>
          <button type="submit" className="button" disabled={busy}>
            {busy ? words.accepting : words.accept}
          </button>
        </form>
      ) : null}

      {user !== null && !sameAddress ? (
        <div className="inset">
          <p className="body">
            You are signed in as <strong>{user.email}</strong>, but this invitation is for{" "}
            <strong>{invitation.email}</strong>.
          </p>
          <p className="body">
            To accept it, sign out, then sign in as {invitation.email} or create an account for that address. If you want
            to use {user.email} instead, ask whoever invited you to invite that address.
          </p>
          <button type="button" className="button button--secondary" onClick={() => void signOutHere()} disabled={signingOut}>
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      ) : null}

      {user === null ? (
        <>
          <section className="invite-choice" aria-labelledby="invite-existing-heading">
            <h2 className="heading-m" id="invite-existing-heading">
              I already use accord
            </h2>
            <p className="body">
              Sign in with your account for {invitation.email}. You will come back to this page to accept.
            </p>
            <p className="body">
              <Link to={signInReturningTo(`/invite/${token}`)} className="button button--secondary account-button">
                Sign in to accept
              </Link>
            </p>
            <p className="body">
              <Link to="/forgot-password" state={{ email: invitation.email }}>
                Forgot your password?
              </Link>
            </p>
          </section>
          <section className="invite-choice" aria-labelledby="invite-new-heading">
            <h2 className="heading-m" id="invite-new-heading">
              I’m new to accord
            </h2>
            <p className="body">
              Choose a password to create your account. You will sign in with {invitation.email} and this password.
            </p>
            <form onSubmit={createAccount} noValidate>
              <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
              <TextInput
                id={FIELDS.name}
                label="Your name"
                hint={words.nameHint}
                value={name}
                onChange={setName}
                error={errors.of("name")}
                autoComplete="name"
              />
              <TextInput
                id={FIELDS.password}
                label="Choose a password"
                hint="At least 10 characters. A few unrelated words make a good password."
                type="password"
                value={password}
                onChange={setPassword}
                error={errors.of("password")}
                autoComplete="new-password"
              />
              <button type="submit" className="button" disabled={busy}>
                {busy ? words.accepting : words.create}
              </button>
            </form>
          </section>
        </>
      ) : null}
    </div>
  );
}
