// Uploads a CSV file into a register; nothing is imported if any row is wrong, and every problem is listed by line.
import { useRef, useState, type FormEvent } from "react";
import { ApiError } from "../api/client.ts";
import { registersApi } from "../api/registers.ts";
import type { RegisterMeta } from "../api/register-types.ts";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary.tsx";
import { describeError } from "../components/useFormErrors.ts";
import { plural } from "../format.ts";
import { useRegisters } from "./RegistersLayout.tsx";

/** The server takes imports up to 1 MiB. */
const MAX_BYTES = 1024 * 1024;

/** "line 3: dueOn" → "Line 3, Due on" (the column's label where it is one of the register's fields). */
function wherePath(meta: RegisterMeta, path: string): string {
  const match = /^line (\d+)(?::\s*(.+))?$/i.exec(path.trim());
  if (!match) return path;
  const column = match[2];
  const name = column?.split(".")[0];
  const label = column ? (meta.fields.find((f) => f.name === name)?.label ?? column) : null;
  return label ? `Line ${match[1]}, ${label}` : `Line ${match[1]}`;
}

export function CsvImport({ meta, onImported }: { meta: RegisterMeta; onImported: (count: number) => void }) {
  const { partnership } = useRegisters();
  const fileRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `import-${meta.key}`;

  function fail(items: SummaryItem[]) {
    setProblems(items);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return fail([{ message: "Choose a CSV file to import", fieldId: id }]);
    if (file.size > MAX_BYTES) return fail([{ message: "The file is bigger than 1 MB. Split it and import the parts one at a time.", fieldId: id }]);
    setBusy(true);
    try {
      const text = await file.text();
      const { imported } = await registersApi.importCsv(partnership.id, meta.key, text);
      setProblems([]);
      setDone(`${plural(imported, "entry", "entries")} imported from ${file.name}`);
      if (fileRef.current) fileRef.current.value = "";
      onImported(imported);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        fail(error.errors.map((e) => ({ message: e.path ? `${wherePath(meta, e.path)}: ${e.message}` : e.message })));
      } else {
        fail([{ message: describeError(error) }]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h3 className="heading-s" id={`${id}-heading`}>
        Import from a spreadsheet
      </h3>
      <p className="body">
        Save the spreadsheet as CSV with a first line naming the columns as in the download. Name organisations as they are
        written here, people by their email address, and linked entries by their title. If any row has a problem, nothing is
        imported and every problem is listed by its line number.
      </p>
      <ErrorSummary items={problems} ref={summaryRef} title={problems.length > 1 ? `There are ${problems.length} problems in the file` : "There is a problem"} />
      <div role="status">{done ? <p className="inline-success">{done}</p> : null}</div>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={`form-group${problems.length > 0 ? " form-group--error" : ""}`}>
          <label className="label" htmlFor={id}>
            CSV file
          </label>
          <input className="file-upload" id={id} name={id} type="file" accept=".csv,text/csv" ref={fileRef} />
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? "Importing…" : "Import file"}
        </button>
      </form>
    </section>
  );
}
