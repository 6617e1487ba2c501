// The Account page's API tokens section: list (with when each stops working), create (shown once, optionally expiring after 1–366 days) and revoke.
import { useCallback, useState, type FormEvent } from "react";
import { api } from "../api/api.ts";
import type { ApiToken, CreatedApiToken } from "../api/types.ts";
import { formatDate, formatDateTime } from "../format.ts";
import { usePaged } from "../hooks.ts";
import { checkRequired } from "../validation.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { CopyBox } from "./CopyBox.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { ActionError, ErrorPanel, LoadMore, Loading, SuccessBanner, TableWrap } from "./Feedback.tsx";
import { TextInput } from "./fields.tsx";
import { describeError, useFormErrors, type FieldProblem } from "./useFormErrors.ts";

const FIELDS = { name: "token-name", expiresInDays: "token-expires-in-days" };
const MAX_DAYS = 366;

/** "" (never expires) or a whole number of days from 1 to 366; otherwise the problem. */
function checkDays(value: string): string | null {
  const text = value.trim();
  if (text === "") return null;
  if (!/^\d+$/.test(text)) return "Enter a whole number of days, like 90, or leave it empty";
  const days = Number(text);
  if (days < 1 || days > MAX_DAYS) return `Enter a number of days from 1 to ${MAX_DAYS}, or leave it empty`;
  return null;
}

export function ApiTokens() {
  const load = useCallback((cursor: string | null) => api.listTokens(cursor), []);
  const list = usePaged(load);
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS);

  async function create(event: FormEvent) {
    event.preventDefault();
    const problems: FieldProblem[] = [];
    const nameProblem = checkRequired(name, "Enter a name for the token");
    if (nameProblem) problems.push({ field: "name", message: nameProblem });
    const daysProblem = checkDays(days);
    if (daysProblem) problems.push({ field: "expiresInDays", message: daysProblem });
    errors.show(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const token = await api.createToken(days.trim() === "" ? { name: name.trim() } : { name: name.trim(), expiresInDays: Number(days.trim()) });
      setName("");
      setDays("");
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
        and revoke it when you no longer need it. Every token stops working when your password is changed
        or reset.
      </p>
      {created ? (
        <SuccessBanner title={`Token “${created.name}” created`} onDismiss={() => setCreated(null)}>
          <CopyBox label="Your new API token" value={created.token} id="new-token" />
          <p className="body">
            <strong>Copy it now; it will not be shown again.</strong>{" "}
            {created.expiresAt ? `It works until ${formatDateTime(created.expiresAt)}.` : "It works until you revoke it or your password changes."}
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
                <th scope="col">Expires</th>
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
                  <td className="table__nowrap" data-label="Expires">
                    {token.expiresAt ? formatDate(token.expiresAt) : "Never"}
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
        <TextInput
          id={FIELDS.expiresInDays}
          label="Stops working after (days, optional)"
          hint={`From 1 to ${MAX_DAYS}, for example 90. Leave empty for a token that works until you revoke it.`}
          inputMode="numeric"
          width="third"
          value={days}
          onChange={setDays}
          error={errors.of("expiresInDays")}
          autoComplete="off"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating…" : "Create token"}
        </button>
      </form>
    </section>
  );
}
