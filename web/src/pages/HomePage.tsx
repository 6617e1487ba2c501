// / – "Your partnerships": the list of partnerships the user belongs to, a form to create one, and a demo to explore.
import { useCallback, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { api } from "../api/api.ts";
import { DemoOffer } from "../components/DemoOffer.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ErrorPanel, LoadMore, Loading } from "../components/Feedback.tsx";
import { TextArea, TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { ROLE_LABELS } from "../format.ts";
import { usePaged, useTitle } from "../hooks.ts";
import { checkRequired } from "../validation.ts";

const FIELDS = { name: "partnership-name", purpose: "partnership-purpose" };

function CreatePartnershipForm() {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [purpose, setPurpose] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Enter a name for the partnership");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    const purposeProblem = checkRequired(purpose, "Say what the partnership is for");
    if (purposeProblem) problems.push({ field: "purpose", message: purposeProblem });
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const created = await api.createPartnership({ name: name.trim(), purpose: purpose.trim() });
      navigate(`/partnerships/${encodeURIComponent(created.id)}`);
    } catch (error) {
      setBusy(false);
      errors.showError(error);
    }
  }

  return (
    <section aria-labelledby="create-partnership-heading" className="section">
      <h2 className="heading-m" id="create-partnership-heading">
        Create a partnership
      </h2>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput id={FIELDS.name} label="Name" hint="For example, North Shire Integrated Care Partnership" value={name} onChange={setName} error={errors.of("name")} />
        <TextArea
          id={FIELDS.purpose}
          label="Purpose"
          hint="What the partnership is for, in a sentence or two. You can change it later."
          value={purpose}
          onChange={setPurpose}
          error={errors.of("purpose")}
          rows={3}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating…" : "Create partnership"}
        </button>
      </form>
    </section>
  );
}

export function HomePage() {
  useTitle("Your partnerships");
  const load = useCallback((cursor: string | null) => api.listPartnerships(cursor), []);
  const list = usePaged(load);

  return (
    <>
      <h1 className="heading-l">Your partnerships</h1>
      {list.loading ? <Loading what="Loading your partnerships" /> : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <p className="body">
          You are not in any partnerships yet. Create one below, explore a demo, or ask a convenor to invite you.
        </p>
      ) : null}
      {list.items.length > 0 ? (
        <ul className="card-list">
          {list.items.map((p) => (
            <li key={p.id} className="card">
              <h2 className="heading-s card__title">
                <Link to={`/partnerships/${encodeURIComponent(p.id)}`}>{p.name}</Link>
              </h2>
              <p className="card__text">{p.purpose}</p>
              <p className="card__meta">
                Your role: <strong>{ROLE_LABELS[p.myRole] ?? p.myRole}</strong>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore nextCursor={list.nextCursor} loading={list.loadingMore} onClick={list.loadMore} what="partnerships" />
      <p className="body">
        Looking after many partnerships, such as an integrated care system? <Link to="/programmes">Your programmes</Link> put them side by side.
      </p>
      <CreatePartnershipForm />
      {!list.loading && !list.error ? <DemoOffer prominent={list.items.length === 0} /> : null}
    </>
  );
}
