// Form for a convenor to create a survey wave as a draft: name, survey, organisation ratings, open and close dates, minimum group size k.
import { useState, type FormEvent } from "react";
import type { NetworkMode } from "../api/network-types.ts";
import type { InstrumentKey, Wave } from "../api/survey-types.ts";
import { MODE_HINTS, MODE_LABELS } from "../network/network-format.ts";
import { surveyApi } from "../api/surveys.ts";
import { checkRequired } from "../validation.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { RadioGroup, TextInput } from "./fields.tsx";
import { useFormErrors, type FieldProblem } from "./useFormErrors.ts";

const FIELDS = {
  name: "wave-name",
  instrumentKey: "wave-instrument",
  opensOn: "wave-opens-on",
  closesOn: "wave-closes-on",
  k: "wave-k",
  networkMode: "wave-network-mode",
};

const NETWORK_MODES = (["none", "organisational", "personal"] as const).map((value) => ({ value, label: MODE_LABELS[value], hint: MODE_HINTS[value] }));

const INSTRUMENTS = [
  { value: "accord-trust", label: "accord trust survey", hint: "The baseline question plus trust at three levels and the practices that build it. About 10 minutes." },
  { value: "baseline", label: "Baseline trust question", hint: "One question: how far do we trust each other to work more collaboratively? About 1 minute." },
  { value: "pulse", label: "Meeting pulse", hint: "Three quick questions at the end of a partnership meeting. About 1 minute." },
];

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function CreateWaveForm({ partnershipId, onCreated }: { partnershipId: string; onCreated: (wave: Wave) => void }) {
  const [name, setName] = useState("");
  const [instrumentKey, setInstrumentKey] = useState("");
  const [opensOn, setOpensOn] = useState(() => isoDay(new Date()));
  const [closesOn, setClosesOn] = useState(() => isoDay(new Date(Date.now() + 14 * 86_400_000)));
  const [k, setK] = useState("5");
  const [networkMode, setNetworkMode] = useState<string>("none");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Name the wave, for example “Baseline, spring 2026”");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    if (instrumentKey === "") problems.push({ field: "instrumentKey", message: "Choose which survey to run" });
    if (!DATE.test(opensOn)) problems.push({ field: "opensOn", message: "Enter the date the wave opens, like 2026-03-01" });
    if (!DATE.test(closesOn)) problems.push({ field: "closesOn", message: "Enter the date the wave closes, like 2026-03-31" });
    else if (DATE.test(opensOn) && closesOn < opensOn) problems.push({ field: "closesOn", message: "The close date must be on or after the open date" });
    const kNumber = Number(k);
    if (!Number.isInteger(kNumber) || kNumber < 3 || kNumber > 50) {
      problems.push({ field: "k", message: "Enter a minimum group size from 3 to 50" });
    }
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const wave = await surveyApi.createWave(partnershipId, {
        name: name.trim(),
        instrumentKey: instrumentKey as InstrumentKey,
        opensOn,
        closesOn,
        k: kNumber,
        networkMode: networkMode as NetworkMode,
      });
      onCreated(wave);
    } catch (error) {
      setBusy(false);
      errors.showError(error);
    }
  }

  return (
    <section aria-labelledby="create-wave-heading" className="section">
      <h3 className="heading-s" id="create-wave-heading">
        Create a wave
      </h3>
      <p className="body">A wave starts as a draft. Nobody can answer until you open it and issue links.</p>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <form onSubmit={(e) => void submit(e)} noValidate className="two-thirds">
        <TextInput id={FIELDS.name} label="Name" hint="For example “Baseline, spring 2026”." value={name} onChange={setName} error={errors.of("name")} autoComplete="off" />
        <RadioGroup
          id={FIELDS.instrumentKey}
          label="Survey"
          value={instrumentKey}
          onChange={setInstrumentKey}
          options={INSTRUMENTS}
          error={errors.of("instrumentKey")}
        />
        <RadioGroup
          id={FIELDS.networkMode}
          label="Ratings between organisations"
          hint="Besides the survey, people can rate how far they trust each of the other organisations (reliability, support for shared aims, openness). The results draw the trust network between organisations."
          value={networkMode}
          onChange={setNetworkMode}
          options={NETWORK_MODES}
          error={errors.of("networkMode")}
        />
        <TextInput id={FIELDS.opensOn} label="Opens on" type="date" width="half" value={opensOn} onChange={setOpensOn} error={errors.of("opensOn")} />
        <TextInput id={FIELDS.closesOn} label="Closes on" type="date" width="half" value={closesOn} onChange={setClosesOn} error={errors.of("closesOn")} />
        <TextInput
          id={FIELDS.k}
          label="Minimum group size (k)"
          hint="Answers are shown only for groups of at least k people. 5 is usual; it can never be below 3 and is fixed once the wave opens."
          type="text"
          inputMode="numeric"
          width="third"
          value={k}
          onChange={setK}
          error={errors.of("k")}
          autoComplete="off"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating…" : "Create wave"}
        </button>
      </form>
    </section>
  );
}
