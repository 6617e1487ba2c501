// /forgot-password – ask for a link to choose a new password; the same answer whether or not the address has an account.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import { api } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TextInput } from "../components/fields.tsx";
import { NoEmailNotice } from "../components/NoEmailNotice.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { plural } from "../format.ts";
import { useTitle } from "../hooks.ts";
import { checkEmail } from "../validation.ts";

const FIELDS = { email: "forgot-email" };

function startingEmail(state: unknown): string {
  if (state && typeof state === "object" && "email" in state) {
    const email = (state as { email: unknown }).email;
    if (typeof email === "string") return email;
  }
  return "";
}

/** Shown once the request is in: it never says whether the address has an account. */
function LinkOnItsWay({ email, onAgain }: { email: string; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="two-thirds">
      <h1 className="heading-l" tabIndex={-1} ref={heading}>
        Check your email
      </h1>
      <p className="body">
        If <strong>{email}</strong> has an accord account, we have sent it a link to choose a new password.
      </p>
      <p className="body">The link works once, within an hour. Choosing a new password signs you out everywhere else.</p>
      <h2 className="heading-s">No email?</h2>
      <ul className="list">
        <li>It can take a few minutes. Check your spam or junk folder.</li>
        <li>
          Check it is the address you use for accord, then{" "}
          <button type="button" className="link-button" onClick={onAgain}>
            ask for a new link
          </button>
          .
        </li>
        <li>If you still have nothing, ask the person who runs accord for your organisation.</li>
      </ul>
      <p className="body">
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}

export function ForgotPasswordPage() {
  const location = useLocation();
  const [email, setEmail] = useState(() => startingEmail(location.state));
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [noEmail, setNoEmail] = useState(false);
  const errors = useFormErrors(FIELDS);
  useTitle(sentTo ? "Check your email" : "Forgot your password?");

  if (sentTo) return <LinkOnItsWay email={sentTo} onAgain={() => setSentTo(null)} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNoEmail(false);
    const problems: FieldProblem[] = [];
    const problem = checkEmail(email);
    if (problem) problems.push({ field: "email", message: problem });
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await api.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (error) {
      if (error instanceof ApiError && error.status === 503 && error.code === "mail_not_configured") {
        errors.clear();
        setNoEmail(true);
      } else if (error instanceof ApiError && error.status === 429) {
        const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 3600) / 60));
        errors.show([{ message: error.detail ?? `Too many requests. Try again in ${plural(minutes, "minute")}.` }]);
      } else {
        errors.showError(error);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="two-thirds">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <h1 className="heading-l">Forgot your password?</h1>
      {noEmail ? <NoEmailNotice /> : null}
      <p className="body">
        Enter the email address you use for accord. If it has an account, we will email it a link to choose a new
        password.
      </p>
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
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Sending…" : "Send me a link"}
        </button>
      </form>
      <p className="body">
        Remembered it? <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
