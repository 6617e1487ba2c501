// The Account page's API tokens section: list, create (shown once) and revoke.
import { useCallback, useState, type FormEvent } from "react";
import { api } from "../api/api.ts";
import type { ApiToken, CreatedApiToken } from "../api/types.ts";
import { formatDateTime } from "../format.ts";
import { usePaged } from "../hooks.ts";
import { checkRequired } from "../validation.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { CopyBox } from "./CopyBox.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { ActionError, ErrorPanel, LoadMore, Loading, SuccessBanner, TableWrap } from "./Feedback.tsx";
import { TextInput } from "./fields.tsx";
import { describeError, useFormErrors } from "./useFormErrors.ts";

const FIELDS = { name: "token-name" };

export function ApiTokens() {
  const load = useCallback((cursor: string | null) => api.listTokens(cursor), []);
  const list = usePaged(load);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS);

  async function create(event: FormEvent) {
    event.preventDefault();
    const problem = checkRequired(name, "Enter a name for the token");
    errors.show(problem ? [{ field: "name", message: problem }] : []);
    if (problem) return;
    setBusy(true);
    try {
      const token = await api.createToken({ name: name.trim() });
      setName("");
      setNotice(null);
      setCreated(token);
      const { token: _secret, ...listed } = token;
      if (list.nextCursor) list.reload();
      else list.setItems((items) => [listed, ...items]);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiToken) {
    setActionError(null);
    try {
      await api.revokeToken(token.id);
      list.setItems((items) => items.filter((t) => t.id !== token.id));
      if (created?.id === token.id) setCreated(null);
      setNotice(`Token “${token.name}” revoked`);
    } catch (error) {
      setActionError(`Could not revoke “${token.name}”. ${describeError(error)}`);
    }
  }

  return (
    <section aria-labelledby="tokens-heading" className="section">
      <h2 className="heading-m" id="tokens-heading">
        API tokens
      </h2>
      <p className="body">
        Tokens let scripts and other tools use the accord API as you. Treat a token like a password,
        and revoke it when you no longer need it.
      </p>
      {created ? (
        <SuccessBanner title={`Token “${created.name}” created`} onDismiss={() => setCreated(null)}>
          <CopyBox label="Your new API token" value={created.token} id="new-token" />
          <p className="body">
            <strong>Copy it now; it will not be shown again.</strong>
          </p>
        </SuccessBanner>
      ) : null}
      {notice ? <SuccessBanner title={notice} onDismiss={() => setNotice(null)} /> : null}
      <ActionError message={actionError} />
      {list.loading ? <Loading what="Loading your tokens" /> : null}
      {list.error ? <ErrorPanel error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <p className="body">You have no API tokens.</p> : null}
      {list.items.length > 0 ? (
        <TableWrap label="API tokens">
          <table className="table table--stack">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td data-label="Starts with">
                    <code className="code">{token.prefix}…</code>
                  </td>
                  <td className="table__nowrap" data-label="Created">
                    {formatDateTime(token.createdAt)}
                  </td>
                  <td className="table__nowrap" data-label="Last used">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}
                  </td>
                  <td className="table__actions">
                    <ConfirmButton
                      label="Revoke"
                      subject={token.name}
                      question={`Revoke “${token.name}”?`}
                      confirmLabel="Yes, revoke"
                      onConfirm={() => revoke(token)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <LoadMore nextCursor={list.nextCursor} loading={list.loadingMore} onClick={list.loadMore} what="tokens" />
      <h3 className="heading-s">Create a token</h3>
      <ErrorSummary items={errors.summary} ref={errors.summaryRef} />
      <form onSubmit={(e) => void create(e)} noValidate className="two-thirds">
        <TextInput
          id={FIELDS.name}
          label="Token name"
          hint="Say what will use it, for example “Monthly report script”."
          value={name}
          onChange={setName}
          error={errors.of("name")}
          autoComplete="off"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating…" : "Create token"}
        </button>
      </form>
    </section>
  );
}
