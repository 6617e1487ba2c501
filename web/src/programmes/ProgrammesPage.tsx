// /programmes – the programmes I lead, and a form to start one (its join code is shown once, with a copy box).
import { useCallback, useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import type { CreatedProgramme } from "../api/programme-types.ts";
import { programmeApi } from "../api/programmes.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ErrorPanel, Loading, SuccessBanner } from "../components/Feedback.tsx";
import { TextArea, TextInput } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";
import { useTitle } from "../hooks.ts";
import { useLoad } from "../useLoad.ts";
import { checkRequired } from "../validation.ts";
import { JoinCodeBox } from "./JoinCode.tsx";
import { programmePath } from "./programme-format.ts";
import { WhatIsShared } from "./SharingWords.tsx";
import "../styles/programmes.css";

const FIELDS = { name: "programme-name", description: "programme-description" };

function CreateProgrammeForm({ onCreated }: { onCreated: (created: CreatedProgramme) => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Enter the programme’s name");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const text = description.trim();
      const created = await programmeApi.create({ name: name.trim(), ...(text ? { description: text } : {}) });
      setName("");
      setDescription("");
      onCreated(created);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="create-programme-heading" className="section">
      <h2 className="heading-m" id="create-programme-heading">
        Start a programme
      </h2>
      <p className="body">
        A programme puts partnerships side by side, for example every partnership in an integrated care system. You become its lead and get a join code to
        send to their convenors.
      </p>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput id={FIELDS.name} label="Name" hint="For example, North East Integrated Care" value={name} onChange={setName} error={errors.of("name")} />
        <TextArea
          id={FIELDS.description}
          label="Description (optional)"
          hint="What the programme is for, so convenors know what they are joining"
          value={description}
          onChange={setDescription}
          error={errors.of("description")}
          rows={3}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Starting…" : "Start programme"}
        </button>
      </form>
      <details className="details two-thirds">
        <summary className="details__summary">What do partnerships share?</summary>
        <WhatIsShared />
      </details>
    </section>
  );
}

export function ProgrammesPage() {
  useTitle("Your programmes");
  const load = useCallback(() => programmeApi.list(), []);
  const list = useLoad(load);
  const [created, setCreated] = useState<CreatedProgramme | null>(null);
  // Set when a programme was just deleted, or the user stopped leading one.
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const items = list.data ?? [];

  return (
    <div className="programmes">
      <h1 className="heading-l">Your programmes</h1>
      {notice && !created ? <SuccessBanner title={notice} /> : null}
      {created ? (
        <>
          <JoinCodeBox code={created.joinCode} programmeName={created.programme.name} />
          <p className="body">
            <Link to={programmePath(created.programme.id)}>Go to {created.programme.name}</Link>
          </p>
        </>
      ) : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading what="Loading your programmes" /> : null}
      {list.data && items.length === 0 ? <p className="body">You do not lead any programmes yet. Start one below, or ask a programme’s lead to add you.</p> : null}
      {items.length > 0 ? (
        <ul className="card-list">
          {items.map((p) => (
            <li key={p.id} className="card">
              <h2 className="heading-s card__title">
                <Link to={programmePath(p.id)}>{p.name}</Link>
              </h2>
              {p.description ? <p className="card__text">{p.description}</p> : null}
              <p className="card__meta">
                {p.partnershipCount === 1 ? "1 partnership sharing" : `${p.partnershipCount} partnerships sharing`}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <CreateProgrammeForm
        onCreated={(c) => {
          setCreated(c);
          list.reload();
        }}
      />
    </div>
  );
}
