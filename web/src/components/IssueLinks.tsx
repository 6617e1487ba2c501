// The convenor's "Issue links" control for a wave (everyone or one person) and the box showing the links once.
import { useEffect, useId, useRef, useState } from "react";
import { api, fetchAll } from "../api/api.ts";
import type { IssuedLinks, Wave } from "../api/survey-types.ts";
import { surveyApi } from "../api/surveys.ts";
import type { Person } from "../api/types.ts";
import { plural } from "../format.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { ActionError, SuccessBanner } from "./Feedback.tsx";
import { Select } from "./fields.tsx";
import { describeError } from "./useFormErrors.ts";

function LinksBox({ issued, people, onDismiss }: { issued: IssuedLinks; people: Person[]; onDismiss: () => void }) {
  const textareaId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState("");
  const text = issued.links.map((l) => `${l.name} <${l.email}>: ${l.url}`).join("\n");
  const emailed = issued.links.filter((l) => l.emailed).length;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "Someone";

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("Copied");
    } catch {
      area.current?.focus();
      area.current?.select();
      setStatus("Selected – press Ctrl+C (or ⌘+C) to copy");
    }
  }

  return (
    <SuccessBanner title={`${plural(issued.links.length, "link")} issued`} onDismiss={onDismiss}>
      {issued.links.length > 0 ? (
        <>
          <p className="body">
            <strong>Copy them now; they are shown only once.</strong> Send each person their own link: it works once
            and needs no account.
            {emailed > 0 ? ` We also emailed ${plural(emailed, "person", "people")}.` : ""}
          </p>
          <div className="form-group">
            <label className="label" htmlFor={textareaId}>
              All links, one per line
            </label>
            <textarea
              ref={area}
              id={textareaId}
              className="textarea links-textarea"
              readOnly
              rows={Math.min(10, issued.links.length + 1)}
              value={text}
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            Copy all links
          </button>
          <p className="hint copy-box__status" role="status" aria-live="polite">
            {status}
          </p>
        </>
      ) : null}
      {issued.skipped.length > 0 ? (
        <>
          <p className="body">Not issued:</p>
          <ul className="list list--bullet">
            {issued.skipped.map((s) => (
              <li key={s.personId}>
                {nameOf(s.personId)} – {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </SuccessBanner>
  );
}

interface Props {
  partnershipId: string;
  wave: Wave;
  /** Called after links were issued, so the page can refresh the wave's counts. */
  onIssued: () => void;
}

export function IssueLinks({ partnershipId, wave, onIssued }: Props) {
  const [people, setPeople] = useState<Person[]>([]);
  const [who, setWho] = useState("");
  const [issued, setIssued] = useState<IssuedLinks | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchAll((cursor) => api.listPeople(partnershipId, cursor)).then(
      (list) => live && setPeople(list),
      () => undefined, // "Everyone" still works without the list
    );
    return () => {
      live = false;
    };
  }, [partnershipId]);

  const person = people.find((p) => p.id === who);
  const options = [{ value: "", label: "Everyone in the partnership" }, ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))];

  async function issue() {
    setError(null);
    try {
      setIssued(await surveyApi.issueLinks(partnershipId, wave.id, person ? [person.id] : undefined));
      onIssued();
    } catch (e) {
      setError(`Could not issue links. ${describeError(e)}`);
    }
  }

  return (
    <section aria-labelledby="issue-links-heading" className="section">
      <h3 className="heading-s" id="issue-links-heading">
        Personal links
      </h3>
      <p className="body">
        Each person gets their own single-use link{wave.status === "draft" ? ", which starts working when you open the wave" : ""}.
        Issuing again gives a new link to anyone who has not answered yet; their earlier link stops working.
      </p>
      {issued ? <LinksBox issued={issued} people={people} onDismiss={() => setIssued(null)} /> : null}
      <ActionError message={error} />
      <Select id="issue-links-who" label="Who for" value={who} onChange={setWho} options={options} />
      <ConfirmButton
        tone="primary"
        label="Issue links"
        subject={person ? `for ${person.name}` : "for everyone"}
        question={person ? `Issue a link for ${person.name}?` : "Issue links for everyone?"}
        detail="Any unused link issued before stops working."
        confirmLabel="Yes, issue links"
        onConfirm={issue}
      />
    </section>
  );
}
