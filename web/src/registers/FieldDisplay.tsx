// Shows an entry's field values in words: names for organisation and person ids, linked titles for other entries.
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { registersApi } from "../api/registers.ts";
import type { EntryView, FieldSpec, FieldValue, OrganisationNote, RegisterMeta } from "../api/register-types.ts";
import { formatDay } from "../format.ts";
import { enumLabel } from "./format.ts";
import { entryPath, useRegisters } from "./RegistersLayout.tsx";

const titles = new Map<string, Promise<string>>();

/** Drops a remembered title after the entry changed. */
export function forgetEntryTitle(partnershipId: string, register: string, id: string): void {
  titles.delete(`${partnershipId}/${register}/${id}`);
}

/** A linked title for an entry of another register (fetched once per page load). */
export function EntryRef({ register, id }: { register: string; id: string }) {
  const { partnership } = useRegisters();
  const cacheKey = `${partnership.id}/${register}/${id}`;
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let promise = titles.get(cacheKey);
    if (!promise) {
      promise = registersApi.getEntry(partnership.id, register, id).then((e) => (e.deletedAt ? `${e.title} (removed)` : e.title));
      promise.catch(() => titles.delete(cacheKey));
      titles.set(cacheKey, promise);
    }
    promise.then(
      (t) => live && setTitle(t),
      () => live && setTitle("An entry that could not be loaded"),
    );
    return () => {
      live = false;
    };
  }, [cacheKey, partnership.id, register, id]);
  return <Link to={entryPath(partnership.id, register, id)}>{title ?? "Loading…"}</Link>;
}

function isEmpty(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

export function FieldDisplay({ field, value }: { field: FieldSpec; value: FieldValue | undefined }) {
  const { orgName, personName } = useRegisters();
  if (isEmpty(value)) return <span className="muted">Not given</span>;
  const ids = Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === "string") : [];
  switch (field.kind) {
    case "date":
      return <>{formatDay(String(value))}</>;
    case "enum":
      return <>{enumLabel(field, value)}</>;
    case "organisation":
      return <>{orgName(String(value))}</>;
    case "person":
      return <>{personName(String(value))}</>;
    case "entry":
      return <EntryRef register={field.register ?? ""} id={String(value)} />;
    case "organisations":
      return <>{ids.map(orgName).join(", ")}</>;
    case "entries":
      return (
        <ul className="list register-list">
          {ids.map((id) => (
            <li key={id}>
              <EntryRef register={field.register ?? ""} id={id} />
            </li>
          ))}
        </ul>
      );
    case "organisationNotes":
      return (
        <ul className="list register-list">
          {(value as OrganisationNote[]).map((n) => (
            <li key={n.organisationId}>
              <strong>{orgName(n.organisationId)}</strong>
              {n.note ? `: ${n.note}` : null}
            </li>
          ))}
        </ul>
      );
    case "text":
      return field.multiline ? <span className="pre-line">{String(value)}</span> : <>{String(value)}</>;
    default:
      return <>{String(value)}</>;
  }
}

/** Every field of an entry as a summary list. */
export function EntryFields({ meta, entry }: { meta: RegisterMeta; entry: EntryView }) {
  return (
    <dl className="summary-list">
      {meta.fields.map((f) => (
        <div className="summary-list__row" key={f.name}>
          <dt>{f.label}</dt>
          <dd>
            <FieldDisplay field={f} value={entry.data[f.name]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
