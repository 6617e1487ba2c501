// /partnerships/:id/people – who takes part; convenors add people, invite them, change their details and roles, remove them.
import { useCallback, useEffect, useState } from "react";
import { api, fetchAll } from "../api/api.ts";
import { ApiError } from "../api/client.ts";
import type { Invitation, Organisation, Person, Role } from "../api/types.ts";
import { AddPersonForm } from "../components/AddPersonForm.tsx";
import { CopyBox } from "../components/CopyBox.tsx";
import { ActionError, ErrorPanel, LoadMore, Loading, SuccessBanner, TableWrap } from "../components/Feedback.tsx";
import { PersonRow } from "../components/PersonRow.tsx";
import { describeError } from "../components/useFormErrors.ts";
import { formatDate } from "../format.ts";
import { usePaged, useTitle } from "../hooks.ts";
import { usePartnership } from "./PartnershipLayout.tsx";

/** What a new invitation means: emailed to the person only, or a link for the convenor to pass on (and to nobody else). */
function InvitedNotice({ person, invitation, onDismiss }: { person: Person; invitation: Invitation; onDismiss: () => void }) {
  const until = formatDate(invitation.expiresAt);
  if (invitation.emailed || invitation.url === null) {
    return (
      <SuccessBanner title={`We’ve emailed an invitation to ${person.name}`} onDismiss={onDismiss}>
        <p className="body">
          It went to {person.email}. The link in it works once, until {until}. {person.name} can accept with their
          accord account, or create one.
        </p>
      </SuccessBanner>
    );
  }
  return (
    <SuccessBanner title={`Invitation ready for ${person.name}`} onDismiss={onDismiss}>
      <CopyBox label={`Invitation link for ${person.name}`} value={invitation.url} id="invitation-link" />
      <p className="body">
        This accord does not send email, so send this link to {person.name} yourself. It works once, for 7 days (until{" "}
        {until}).
      </p>
      <p className="body">
        <strong>
          Whoever opens it first can create the account for {person.email} and choose its password, so send it only to{" "}
          {person.name}.
        </strong>
      </p>
    </SuccessBanner>
  );
}

type Notice =
  | { kind: "invited"; person: Person; invitation: Invitation }
  | { kind: "text"; text: string };

export function PeoplePage() {
  const { partnership, isConvenor } = usePartnership();
  useTitle(`People – ${partnership.name}`);
  const load = useCallback((cursor: string | null) => api.listPeople(partnership.id, cursor), [partnership.id]);
  const list = usePaged(load);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchAll((cursor) => api.listOrganisations(partnership.id, cursor)).then(
      (orgs) => live && setOrganisations(orgs),
      () => undefined, // names fall back to "Unknown organisation"; the add form still works
    );
    return () => {
      live = false;
    };
  }, [partnership.id]);

  const orgName = (id: string | null) =>
    id === null ? "None" : (organisations.find((o) => o.id === id)?.name ?? "Unknown organisation");

  const replace = (person: Person) => list.setItems((items) => items.map((p) => (p.id === person.id ? person : p)));

  async function invite(person: Person) {
    setActionError(null);
    try {
      const invitation = await api.invitePerson(partnership.id, person.id);
      if (person.status === "not_invited") replace({ ...person, status: "invited" });
      setNotice({ kind: "invited", person, invitation });
    } catch (error) {
      setActionError(`Could not invite ${person.name}. ${describeError(error)}`);
      // 409: they have joined meanwhile; show them as they are now.
      if (error instanceof ApiError && error.status === 409) list.reload();
    }
  }

  async function changeRole(person: Person, role: Role): Promise<boolean> {
    setActionError(null);
    try {
      replace(await api.updatePerson(partnership.id, person.id, { role }));
      return true;
    } catch (error) {
      setActionError(`Could not change ${person.name}’s role. ${describeError(error)}`);
      return false;
    }
  }

  async function remove(person: Person) {
    setActionError(null);
    try {
      await api.deletePerson(partnership.id, person.id);
      list.setItems((items) => items.filter((p) => p.id !== person.id));
      setNotice({ kind: "text", text: `${person.name} removed from the partnership` });
    } catch (error) {
      setActionError(`Could not remove ${person.name}. ${describeError(error)}`);
    }
  }

  return (
    <>
      <h2 className="heading-m">People</h2>
      {notice?.kind === "text" ? <SuccessBanner title={notice.text} onDismiss={() => setNotice(null)} /> : null}
      {notice?.kind === "invited" ? <InvitedNotice person={notice.person} invitation={notice.invitation} onDismiss={() => setNotice(null)} /> : null}
      <ActionError message={actionError} />
      {list.loading ? <Loading what="Loading people" /> : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <p className="body">No people yet.</p> : null}
      {list.items.length > 0 ? (
        <TableWrap label="People">
          <table className="table table--stack">
            <caption className="visually-hidden">People in {partnership.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                {isConvenor ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.items.map((person) => (
                <PersonRow
                  key={person.id}
                  partnershipId={partnership.id}
                  person={person}
                  organisationName={orgName(person.organisationId)}
                  organisations={organisations}
                  isConvenor={isConvenor}
                  onDetailsSaved={(saved) => {
                    setActionError(null);
                    replace(saved);
                    setNotice({ kind: "text", text: `${saved.name}’s details saved` });
                  }}
                  onInvite={invite}
                  onChangeRole={changeRole}
                  onRemove={remove}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {list.items.some((p) => p.status === "active" && p.addressUnproven) ? (
        <p className="hint">
          Address not proven: they joined through an invitation link passed on by hand, and no email has confirmed the
          address yet. It is proven once they choose a new password through “Forgot your password?” (a link sent to that
          address), or accept an invitation sent by email.
        </p>
      ) : null}
      <LoadMore nextCursor={list.nextCursor} loading={list.loadingMore} onClick={list.loadMore} what="people" />
      {isConvenor ? (
        <AddPersonForm
          partnershipId={partnership.id}
          organisations={organisations}
          onAdded={(person) => {
            if (list.nextCursor) list.reload();
            else list.setItems((items) => [...items, person]);
            setNotice(null);
          }}
        />
      ) : null}
    </>
  );
}
