// The add and change form for any register, generated from its field specs; changes are sent with the version loaded.
import { useMemo, useState, type FormEvent } from "react";
import { isCrossedEdit, registersApi } from "../api/registers.ts";
import type { EntryView, RegisterMeta } from "../api/register-types.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { useFormErrors } from "../components/useFormErrors.ts";
import { FieldInput } from "./FieldInput.tsx";
import { changeBody, checkValues, createBody, toFormValues, type FormValue, type FormValues } from "./form-values.ts";
import { withArticle } from "./format.ts";
import { useRegisters } from "./RegistersLayout.tsx";

interface Props {
  meta: RegisterMeta;
  /** The entry being changed; absent when adding. */
  entry?: EntryView;
  idPrefix: string;
  onSaved: (entry: EntryView) => void;
  onCancel?: () => void;
  /** Asks the page to load the entry again (after someone else changed it). */
  onReload?: () => void;
}

export function EntryForm({ meta, entry, idPrefix, onSaved, onCancel, onReload }: Props) {
  const { partnership, myOrganisationId } = useRegisters();
  const preset = useMemo(() => {
    // A member can only add entries for their own organisation, so start with it chosen.
    if (entry || partnership.myRole !== "member" || !meta.ownerField || !myOrganisationId) return {};
    return { [meta.ownerField]: myOrganisationId };
  }, [entry, partnership.myRole, meta.ownerField, myOrganisationId]);
  const initial = useMemo(() => toFormValues(meta.fields, entry?.data ?? null, preset), [meta.fields, entry, preset]);
  const [values, setValues] = useState<FormValues>(initial);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const ids = useMemo(() => Object.fromEntries(meta.fields.map((f) => [f.name, `${idPrefix}-${f.name}`])), [meta.fields, idPrefix]);
  const errors = useFormErrors(ids);

  const set = (name: string) => (value: FormValue) => setValues((v) => ({ ...v, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setConflict(false);
    setUnchanged(false);
    const problems = checkValues(meta.fields, values);
    errors.show(problems);
    if (problems.length > 0) return;
    let body;
    if (entry) {
      body = changeBody(meta.fields, values, initial);
      if (Object.keys(body).length === 0) {
        setUnchanged(true);
        return;
      }
    } else {
      body = createBody(meta.fields, values);
    }
    setBusy(true);
    try {
      const saved = entry
        ? await registersApi.updateEntry(partnership.id, meta.key, entry.id, entry.version, body)
        : await registersApi.createEntry(partnership.id, meta.key, body);
      setBusy(false);
      if (!entry) setValues(toFormValues(meta.fields, null, preset));
      errors.clear();
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      if (isCrossedEdit(error)) {
        // Nothing was saved: say so plainly, and let them reload rather than overwrite what someone else did.
        setConflict(true);
        errors.show([{ message: `Someone else changed this ${meta.singular} after you opened it, so your changes were not saved. Reload it to see their changes, then make yours again.` }]);
      } else {
        errors.showError(error);
      }
    }
  }

  const verb = entry ? "Save changes" : `Add ${meta.singular}`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds register-form" aria-label={entry ? `Change this ${meta.singular}` : `Add ${withArticle(meta.singular)}`}>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      {conflict && onReload ? (
        <p>
          <button type="button" className="button button--secondary" onClick={onReload}>
            Reload the {meta.singular}
          </button>
        </p>
      ) : null}
      {meta.fields.map((f) => (
        <FieldInput
          key={f.name}
          id={ids[f.name] ?? f.name}
          field={f}
          value={values[f.name] ?? ""}
          onChange={set(f.name)}
          error={errors.of(f.name)}
          onlyOrganisationId={partnership.myRole === "member" && f.name === meta.ownerField ? myOrganisationId : null}
        />
      ))}
      <div role="status">{unchanged ? <p className="inline-success">Nothing has changed, so there was nothing to save.</p> : null}</div>
      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : verb}
        </button>
        {onCancel ? (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
