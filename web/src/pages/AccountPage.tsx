// /account – the user's details, change password, and API tokens.
import { useState, type FormEvent } from "react";
import { api } from "../api/api.ts";
import { ApiTokens } from "../components/ApiTokens.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { SuccessBanner } from "../components/Feedback.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { useUser } from "../session.tsx";
import { checkPassword } from "../validation.ts";

const FIELDS = { currentPassword: "current-password", newPassword: "new-password" };

function ChangePassword() {
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
      {done ? <SuccessBanner title="Your password has been changed" onDismiss={() => setDone(false)} /> : null}
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
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
          hint="Must be at least 10 characters."
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
          <dd>{user.email}</dd>
        </div>
      </dl>
      <ChangePassword />
      <ApiTokens />
    </>
  );
}
