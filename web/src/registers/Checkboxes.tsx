// A fieldset of checkboxes (legend, hint, inline error); the first box gets `id`. Optionally a note field under each ticked box.
import type { ReactNode } from "react";
import type { OrganisationNote } from "../api/register-types.ts";

interface Option {
  value: string;
  label: string;
}

interface GroupProps {
  id: string;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  empty: string;
  options: Option[];
  children: (option: Option, optionId: string) => ReactNode;
}

function Group({ id, label, hint, error, empty, options, children }: GroupProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={described}>
        <legend className="fieldset__legend fieldset__legend--label">{label}</legend>
        {hint ? (
          <div className="hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        {options.length === 0 ? <p className="muted" id={id} tabIndex={-1}>{empty}</p> : null}
        <div className="checkboxes">{options.map((o, i) => children(o, i === 0 ? id : `${id}-${i}`))}</div>
      </fieldset>
    </div>
  );
}

function Box({ optionId, label, checked, onChange }: { optionId: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <div className="checkboxes__item">
      <input className="checkboxes__input" id={optionId} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="checkboxes__label" htmlFor={optionId}>
        {label}
      </label>
    </div>
  );
}

interface Props {
  id: string;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  empty: string;
  options: Option[];
}

export function CheckboxGroup(props: Props & { value: string[]; onChange: (value: string[]) => void }) {
  const { value, onChange } = props;
  return (
    <Group {...props}>
      {(o, optionId) => (
        <Box
          key={o.value}
          optionId={optionId}
          label={o.label}
          checked={value.includes(o.value)}
          onChange={(on) => onChange(on ? [...value, o.value] : value.filter((v) => v !== o.value))}
        />
      )}
    </Group>
  );
}

/** Organisations ticked, each with a short note (e.g. how it would benefit). */
export function NotesGroup(props: Props & { value: OrganisationNote[]; onChange: (value: OrganisationNote[]) => void; noteLabel: string }) {
  const { value, onChange, noteLabel } = props;
  return (
    <Group {...props}>
      {(o, optionId) => {
        const chosen = value.find((n) => n.organisationId === o.value);
        return (
          <div key={o.value}>
            <Box
              optionId={optionId}
              label={o.label}
              checked={chosen !== undefined}
              onChange={(on) =>
                onChange(on ? [...value, { organisationId: o.value, note: "" }] : value.filter((n) => n.organisationId !== o.value))
              }
            />
            {chosen ? (
              <div className="checkboxes__conditional">
                <label className="label" htmlFor={`${optionId}-note`}>
                  {noteLabel} <span className="visually-hidden">for {o.label}</span>
                </label>
                <input
                  className="input"
                  id={`${optionId}-note`}
                  type="text"
                  maxLength={500}
                  value={chosen.note}
                  onChange={(e) => onChange(value.map((n) => (n.organisationId === o.value ? { ...n, note: e.target.value } : n)))}
                />
              </div>
            ) : null}
          </div>
        );
      }}
    </Group>
  );
}
