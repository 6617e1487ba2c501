// On an organisational-mode wave: who answers for each organisation. Convenors choose one of each organisation's people while the wave is draft or open.
import { useEffect, useState, type FormEvent } from "react";
import { api, fetchAll } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { Nominee } from "../api/network-types.ts";
import { networkApi } from "../api/network.ts";
import type { Wave } from "../api/survey-types.ts";
import type { Organisation, Person } from "../api/types.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { ErrorPanel, Loading, SuccessBanner } from "../components/Feedback.tsx";
import { Select } from "../components/fields.tsx";
import { useFormErrors, type FieldProblem } from "../components/useFormErrors.ts";

const fieldId = (organisationId: string) => `nominee-${organisationId}`;

interface Loaded {
  organisations: Organisation[];
  people: Person[];
  nominees: Nominee[];
}

function NomineeList({ nominees, organisations }: { nominees: Nominee[]; organisations: Organisation[] }) {
  return (
    <dl className="summary-list">
      {organisations.map((o) => (
        <div className="summary-list__row" key={o.id}>
          <dt>{o.name}</dt>
          <dd>{nominees.find((n) => n.organisationId === o.id)?.personName ?? <span className="muted">Nobody chosen – this organisation will not rate the others</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NomineesEditor({ partnershipId, wave, canEdit }: { partnershipId: string; wave: Wave; canEdit: boolean }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [generation, setGeneration] = useState(0);
  const fields = Object.fromEntries((loaded?.organisations ?? []).map((o) => [o.id, fieldId(o.id)]));
  const errors = useFormErrors(fields);

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([
      fetchAll((c) => api.listOrganisations(partnershipId, c)),
      canEdit ? fetchAll((c) => api.listPeople(partnershipId, c)) : Promise.resolve([] as Person[]),
      networkApi.nominees(partnershipId, wave.id),
    ]).then(
      ([organisations, people, nominees]) => {
        if (!live) return;
        setLoaded({ organisations, people, nominees: nominees.items });
        setChoice(Object.fromEntries(nominees.items.map((n) => [n.organisationId, n.personId])));
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [partnershipId, wave.id, canEdit, generation]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!loaded) return;
    setSaved(false);
    const sent = loaded.organisations.filter((o) => choice[o.id]).map((o) => ({ organisationId: o.id, personId: choice[o.id]! }));
    setBusy(true);
    try {
      const result = await networkApi.setNominees(partnershipId, wave.id, sent);
      setLoaded({ ...loaded, nominees: result.items });
      errors.clear();
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError && e.errors.length > 0) {
        errors.show(
          e.errors.map((p): FieldProblem => {
            const index = Number(/^nominees\.(\d+)\./.exec(p.path ?? "")?.[1] ?? NaN);
            const org = sent[index]?.organisationId;
            return org ? { field: org, message: `${loaded.organisations.find((o) => o.id === org)?.name ?? "Organisation"}: ${p.message}` } : { message: p.message };
          }),
        );
      } else errors.showError(e);
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (error) body = <ErrorPanel error={error} onRetry={() => setGeneration((g) => g + 1)} />;
  else if (!loaded) body = <Loading what="Loading who answers for each organisation" />;
  else if (!canEdit) body = <NomineeList nominees={loaded.nominees} organisations={loaded.organisations} />;
  else {
    body = (
      <>
        {saved ? <SuccessBanner title="Saved who answers for each organisation" onDismiss={() => setSaved(false)} /> : null}
        <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
        <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
          {loaded.organisations.map((o) => {
            const people = loaded.people.filter((p) => p.organisationId === o.id);
            if (people.length === 0) {
              return (
                <p className="body" key={o.id}>
                  <strong>{o.name}</strong>: nobody in this organisation yet. Add people to it on the People tab.
                </p>
              );
            }
            return (
              <Select
                key={o.id}
                id={fieldId(o.id)}
                label={`Answers for ${o.name}`}
                value={choice[o.id] ?? ""}
                onChange={(v) => setChoice((c) => ({ ...c, [o.id]: v }))}
                options={people.map((p) => ({ value: p.id, label: p.jobTitle ? `${p.name} (${p.jobTitle})` : p.name }))}
                placeholder="Nobody – this organisation does not rate the others"
                error={errors.of(o.id)}
              />
            );
          })}
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Saving…" : "Save who answers"}
          </button>
        </form>
      </>
    );
  }

  return (
    <section aria-labelledby="nominees-heading" className="section">
      <h3 className="heading-s" id="nominees-heading">
        Who answers for each organisation
      </h3>
      <p className="body">
        In this wave one person rates the other organisations on behalf of their own. Their ratings are shown with the
        organisation’s name. Everyone else answers only the survey questions.
        {canEdit ? " Issue links to these people too, so they can answer." : ""}
      </p>
      {body}
    </section>
  );
}
