// /setup – first run: create the first account, then go to the home page (or straight into a demo partnership).
import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { api } from "../api/api.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { useSession } from "../session.tsx";
import { checkEmail, checkPassword } from "../validation.ts";

const FIELDS = { name: "setup-name", email: "setup-email", password: "setup-password" };

export function SetupPage() {
  const { state, user, setUser } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const setupNeeded = state.status === "ready" && state.setupNeeded;
  useTitle(setupNeeded || busy ? "Set up accord" : "accord is already set up");

  if (!setupNeeded && !busy) {
    if (user) return <Navigate to="/" replace />;
    return (
      <>
        <h1 className="heading-l">accord is already set up</h1>
        <p className="body">
          Someone has already created the first account. <Link to="/sign-in">Sign in</Link>, or ask
          your convenor to invite you to a partnership.
        </p>
      </>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Which button sent the form: "Create account and explore a demo" also builds the demo partnership.
    const withDemo = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === "demo";
    const problems: FieldProblem[] = [];
    if (name.trim() === "") problems.push({ field: "name", message: "Enter your name" });
    const emailProblem = checkEmail(email);
    if (emailProblem) problems.push({ field: "email", message: emailProblem });
    const passwordProblem = checkPassword(password, "Enter a password");
    if (passwordProblem) problems.push({ field: "password", message: passwordProblem });
    errors.show(problems);
    if (problems.length > 0) return;

    setBusy(true);
    try {
      const created = await api.setup({ name: name.trim(), email: email.trim(), password });
      setUser(created);
      if (withDemo) {
        const demo = await api.createDemo();
        navigate(`/partnerships/${encodeURIComponent(demo.id)}`);
      } else navigate("/");
    } catch (error) {
      setBusy(false);
      errors.showError(error);
    }
  }

  return (
    <div className="two-thirds">
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <h1 className="heading-l">Set up accord</h1>
      <p className="body">
        This is the first time accord has run here. Create the first account: it will be yours,
        and you will use it to create your first partnership, add its organisations and people,
        and invite them.
      </p>
      <p className="body">
        You only do this once. Everyone else joins through an invitation link that a convenor sends
        them.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput id={FIELDS.name} label="Your name" value={name} onChange={setName} error={errors.of("name")} autoComplete="name" />
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
          hint="Must be at least 10 characters. A few unrelated words make a good password."
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.of("password")}
          autoComplete="new-password"
        />
        <div className="button-group">
          <button type="submit" name="next" value="plain" className="button" disabled={busy}>
            {busy ? "Setting up…" : "Create account"}
          </button>
          <button type="submit" name="next" value="demo" className="button button--secondary" disabled={busy}>
            Create account and explore a demo
          </button>
        </div>
        <p className="hint">
          The demo is a fictional partnership with invented organisations and people and two published
          trust surveys, so every page has something to show. You can remove it later.
        </p>
      </form>
    </div>
  );
}
