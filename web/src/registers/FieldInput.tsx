// One register field as a form control, chosen by its kind: text, date, choice, number, organisation, person or entry.
import type { FieldSpec, OrganisationNote } from "../api/register-types.ts";
import { Select, TextArea, TextInput } from "../components/fields.tsx";
import { CheckboxGroup, NotesGroup } from "./Checkboxes.tsx";
import type { FormValue } from "./form-values.ts";
import { useRegisters } from "./RegistersLayout.tsx";
import { useEntryOptions } from "./useEntryOptions.ts";

interface Props {
  id: string;
  field: FieldSpec;
  value: FormValue;
  onChange: (value: FormValue) => void;
  error: string | undefined;
  /** For an organisation field: the only organisation that may be chosen (a member's own, for the owner field). */
  onlyOrganisationId?: string | null;
}

function label(field: FieldSpec) {
  return field.required ? field.label : `${field.label} (optional)`;
}

export function FieldInput({ id, field, value, onChange, error, onlyOrganisationId }: Props) {
  const { organisations, people, registerByKey, partnership } = useRegisters();
  const wantsEntries = field.kind === "entry" || field.kind === "entries";
  const entries = useEntryOptions(partnership.id, wantsEntries ? field.register : undefined);
  const common = { id, label: label(field), hint: field.hint, error };
  const text = typeof value === "string" ? value : "";
  const list = Array.isArray(value) ? value : [];
  const orgOptions = organisations.map((o) => ({ value: o.id, label: o.name }));

  switch (field.kind) {
    case "text":
      return field.multiline ? (
        <TextArea {...common} value={text} onChange={onChange} maxLength={field.max} rows={field.max && field.max > 2000 ? 6 : 4} />
      ) : (
        <TextInput {...common} value={text} onChange={onChange} maxLength={field.max} autoComplete="off" />
      );
    case "date":
      return <TextInput {...common} type="date" width="half" value={text} onChange={onChange} />;
    case "int":
      return <TextInput {...common} inputMode="numeric" width="third" value={text} onChange={onChange} autoComplete="off" spellCheck={false} />;
    case "enum":
      return (
        <Select
          {...common}
          value={text}
          onChange={onChange}
          placeholder={field.required && field.default === undefined ? "Choose one" : field.default === undefined ? "Not set" : undefined}
          options={(field.values ?? []).map((v) => ({ value: v, label: field.labels?.[v] ?? v }))}
        />
      );
    case "organisation": {
      const options = onlyOrganisationId ? orgOptions.filter((o) => o.value === onlyOrganisationId || o.value === text) : orgOptions;
      return <Select {...common} value={text} onChange={onChange} placeholder={field.required ? "Choose an organisation" : "None"} options={options} />;
    }
    case "person":
      return (
        <Select
          {...common}
          value={text}
          onChange={onChange}
          placeholder={field.required ? "Choose a person" : "Nobody named"}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
      );
    case "entry": {
      const what = registerByKey(field.register ?? "")?.singular ?? "entry";
      return (
        <Select
          {...common}
          hint={entries.failed ? `Could not load the list of ${what} choices.` : entries.loading ? "Loading the choices…" : field.hint}
          value={text}
          onChange={onChange}
          placeholder={field.required ? `Choose a ${what}` : "None"}
          options={entries.options}
        />
      );
    }
    case "entries": {
      const what = registerByKey(field.register ?? "")?.label.toLowerCase() ?? "entries";
      return (
        <CheckboxGroup
          {...common}
          empty={entries.loading ? "Loading the choices…" : `There are no ${what} to choose from yet.`}
          options={entries.options}
          value={list as string[]}
          onChange={onChange}
        />
      );
    }
    case "organisations":
      return <CheckboxGroup {...common} empty="This partnership has no organisations yet." options={orgOptions} value={list as string[]} onChange={onChange} />;
    case "organisationNotes":
      return (
        <NotesGroup
          {...common}
          empty="This partnership has no organisations yet."
          options={orgOptions}
          value={list as OrganisationNote[]}
          onChange={onChange}
          noteLabel="How"
        />
      );
  }
}
