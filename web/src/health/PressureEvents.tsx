// Pressure events on the partnership's timeline: the list for everyone; convenors add, change and remove them.
import { useCallback, useState } from "react";
import type { PressureEvent, PressureEventInput } from "../api/health-types.ts";
import { healthApi } from "../api/health.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { ActionError, ErrorPanel, Loading, SuccessBanner } from "../components/Feedback.tsx";
import { describeError } from "../components/useFormErrors.ts";
import { formatDay } from "../format.ts";
import { useLoad } from "../useLoad.ts";
import { PRESSURE_KIND_LABELS } from "./health-format.ts";
import { PressureEventForm } from "./PressureEventForm.tsx";

interface Props {
  partnershipId: string;
  isConvenor: boolean;
  /** Called after a change, so the figures read against the events are loaded again. */
  onChanged: () => void;
}

export function PressureEvents({ partnershipId, isConvenor, onChanged }: Props) {
  const load = useCallback(() => healthApi.listPressureEvents(partnershipId), [partnershipId]);
  const events = useLoad(load);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const changed = (message: string) => {
    setDone(message);
    setFailed(null);
    events.reload();
    onChanged();
  };
  const add = async (body: PressureEventInput) => {
    const created = await healthApi.createPressureEvent(partnershipId, body);
    changed(`Added “${created.label}”`);
  };
  const update = (e: PressureEvent) => async (body: PressureEventInput) => {
    const saved = await healthApi.updatePressureEvent(partnershipId, e.id, body);
    setEditing(null);
    changed(`Changed “${saved.label}”`);
  };
  const remove = (e: PressureEvent) => async () => {
    try {
      await healthApi.removePressureEvent(partnershipId, e.id);
      changed(`Removed “${e.label}”`);
    } catch (error) {
      setFailed(describeError(error));
    }
  };

  if (events.error) return <ErrorPanel error={events.error} onRetry={events.reload} />;
  if (!events.data) return <Loading what="Loading pressure events" />;
  const items = [...events.data].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <>
      {done ? <SuccessBanner title={done} focus={false} onDismiss={() => setDone(null)} /> : null}
      <ActionError message={failed} />
      {items.length === 0 ? (
        <p className="body">No pressure events recorded.</p>
      ) : (
        <ul className="health-events" aria-label="Pressure events">
          {items.map((e) => (
            <li key={e.id} className="health-events__item">
              <p className="health-events__title">
                <strong>{e.label}</strong> <span className="tag">{PRESSURE_KIND_LABELS[e.kind] ?? e.kind}</span>
              </p>
              <p className="body">
                {formatDay(e.startsOn)} to {formatDay(e.endsOn)}
              </p>
              {e.note ? <p className="body">{e.note}</p> : null}
              {isConvenor && editing === e.id ? (
                <PressureEventForm event={e} idPrefix={`pe-${e.id}`} submitLabel="Save changes" onSubmit={update(e)} onCancel={() => setEditing(null)} />
              ) : null}
              {isConvenor && editing !== e.id ? (
                <div className="health-events__actions">
                  <button type="button" className="link-button" onClick={() => setEditing(e.id)}>
                    Change<span className="visually-hidden"> {e.label}</span>
                  </button>
                  <ConfirmButton label="Remove" subject={e.label} question={`Remove “${e.label}”?`} confirmLabel="Remove event" onConfirm={remove(e)} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {isConvenor ? (
        <>
          <h4 className="heading-s">Add a pressure event</h4>
          <PressureEventForm idPrefix="pe-new" submitLabel="Add pressure event" onSubmit={add} />
        </>
      ) : null}
    </>
  );
}
