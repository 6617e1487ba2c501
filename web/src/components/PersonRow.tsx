// One row of the people table (with "address not proven" for someone who joined through a link passed on by hand), and the convenor's actions: invite, change details (name, organisation, job title) or role, remove.
import { useEffect, useRef, useState } from "react";
import { ROLES } from "../../../src/partnerships/sectors.ts";
import type { Organisation, Person, Role } from "../api/types.ts";
import { ROLE_LABELS, STATUS_LABELS } from "../format.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { EditPersonRow } from "./EditPersonRow.tsx";

interface Props {
  partnershipId: string;
  person: Person;
  organisationName: string;
  organisations: Organisation[];
  isConvenor: boolean;
  onDetailsSaved: (person: Person) => void;
  onInvite: (person: Person) => Promise<void>;
  onChangeRole: (person: Person, role: Role) => Promise<boolean>;
  onRemove: (person: Person) => Promise<void>;
}

function RoleEditor({ person, onSave, onCancel }: { person: Person; onSave: (role: Role) => Promise<void>; onCancel: () => void }) {
  const [role, setRole] = useState<Role>(person.role);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);
  const id = `role-${person.id}`;
  return (
    <div className="inline-form">
      <label className="visually-hidden" htmlFor={id}>
        Role for {person.name}
      </label>
      <select id={id} ref={select} className="select select--small" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onSave(role).finally(() => setBusy(false));
        }}
      >
        Save<span className="visually-hidden"> role for {person.name}</span>
      </button>
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

export function PersonRow(props: Props) {
  const { partnershipId, person, organisationName, organisations, isConvenor, onDetailsSaved, onInvite, onChangeRole, onRemove } = props;
  const [editingRole, setEditingRole] = useState(false);
  const [editingDetails, setEditingDetails] = useState(false);
  const [inviting, setInviting] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  const detailsButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const detailsCancelled = useRef(false);

  useEffect(() => {
    if (!editingRole && wasEditing.current) changeButton.current?.focus();
    wasEditing.current = editingRole;
  }, [editingRole]);

  useEffect(() => {
    if (!editingDetails && detailsCancelled.current) detailsButton.current?.focus();
    detailsCancelled.current = false;
  }, [editingDetails]);

  if (editingDetails) {
    return (
      <EditPersonRow
        partnershipId={partnershipId}
        person={person}
        organisations={organisations}
        columns={6}
        onCancel={() => {
          detailsCancelled.current = true;
          setEditingDetails(false);
        }}
        onSaved={(saved) => {
          setEditingDetails(false); // the page's success banner takes focus
          onDetailsSaved(saved);
        }}
      />
    );
  }

  return (
    <tr>
      <td>
        {person.name}
        {person.jobTitle ? <span className="table__sub">{person.jobTitle}</span> : null}
      </td>
      <td className="table__email" data-label="Email">
        {person.email}
      </td>
      <td data-label="Organisation">{organisationName}</td>
      <td data-label="Role">
        {editingRole ? (
          <RoleEditor
            person={person}
            onCancel={() => setEditingRole(false)}
            onSave={async (role) => {
              if (role === person.role || (await onChangeRole(person, role))) setEditingRole(false);
            }}
          />
        ) : (
          (ROLE_LABELS[person.role] ?? person.role)
        )}
      </td>
      <td data-label="Status">
        <span className={`tag tag--${person.status}`}>{STATUS_LABELS[person.status] ?? person.status}</span>
        {person.status === "active" && person.addressUnproven ? (
          <span className="table__sub">
            Address not proven<span className="visually-hidden"> (explained under the table)</span>
          </span>
        ) : null}
      </td>
      {isConvenor ? (
        <td className="table__actions">
          <ul className="actions">
            {person.status !== "active" ? (
              <li>
                <button
                  type="button"
                  className="link-button"
                  disabled={inviting}
                  onClick={() => {
                    setInviting(true);
                    void onInvite(person).finally(() => setInviting(false));
                  }}
                >
                  {inviting ? "Inviting…" : person.status === "invited" ? "Invite again" : "Invite"}
                  <span className="visually-hidden"> {person.name}</span>
                </button>
              </li>
            ) : null}
            <li>
              <button type="button" className="link-button" ref={detailsButton} onClick={() => setEditingDetails(true)}>
                Change details<span className="visually-hidden"> for {person.name}</span>
              </button>
            </li>
            {!editingRole ? (
              <li>
                <button type="button" className="link-button" ref={changeButton} onClick={() => setEditingRole(true)}>
                  Change role<span className="visually-hidden"> for {person.name}</span>
                </button>
              </li>
            ) : null}
            <li>
              <ConfirmButton
                label="Remove"
                subject={person.name}
                question={`Remove ${person.name} from this partnership?`}
                confirmLabel="Yes, remove"
                onConfirm={() => onRemove(person)}
              />
            </li>
          </ul>
        </td>
      ) : null}
    </tr>
  );
}
