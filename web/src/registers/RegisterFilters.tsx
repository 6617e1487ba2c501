// Filter and sort controls for a register's list, kept in the address (?status=&organisationId=&q=&deleted=&sort=&order=).
import { useState, type FormEvent } from "react";
import type { DeletedFilter, EntryQuery, RegisterMeta, SortKey } from "../api/register-types.ts";
import { Select, TextInput } from "../components/fields.tsx";
import { DUE_REGISTERS, fieldOf } from "./format.ts";
import { useRegisters } from "./RegistersLayout.tsx";

const DELETED: { value: DeletedFilter; label: string }[] = [
  { value: "exclude", label: "Hide removed entries" },
  { value: "include", label: "Show removed entries too" },
  { value: "only", label: "Only removed entries" },
];

export function sortOptions(meta: RegisterMeta): { value: SortKey; label: string }[] {
  return [
    { value: "created", label: "Date added" },
    { value: "updated", label: "Last changed" },
    { value: "title", label: fieldOf(meta, meta.titleField)?.label ?? "Title" },
    ...(DUE_REGISTERS.has(meta.key) ? [{ value: "due" as const, label: "Due date" }] : []),
  ];
}

/** Newest first for dates of change, A to Z and soonest first otherwise (as the server does). */
export function defaultOrder(sort: string): "asc" | "desc" {
  return sort === "created" || sort === "updated" ? "desc" : "asc";
}

function orderOptions(sort: string): { value: string; label: string }[] {
  if (sort === "title") return [{ value: "asc", label: "A to Z" }, { value: "desc", label: "Z to A" }];
  if (sort === "due") return [{ value: "asc", label: "Soonest first" }, { value: "desc", label: "Latest first" }];
  return [{ value: "desc", label: "Newest first" }, { value: "asc", label: "Oldest first" }];
}

/** The list query the address asks for (unknown values are dropped). */
export function queryFromParams(meta: RegisterMeta, params: URLSearchParams): EntryQuery {
  const q: EntryQuery = {};
  const status = params.get("status");
  if (status && fieldOf(meta, meta.statusField)?.values?.includes(status)) q.status = status;
  const org = params.get("organisationId");
  if (org) q.organisationId = org;
  const text = params.get("q")?.trim();
  if (text) q.q = text;
  const deleted = params.get("deleted");
  if (deleted === "include" || deleted === "only") q.deleted = deleted;
  const sort = params.get("sort");
  const sorts = sortOptions(meta);
  if (sorts.some((s) => s.value === sort)) q.sort = sort as SortKey;
  const order = params.get("order");
  if (order === "asc" || order === "desc") q.order = order;
  return q;
}

export function RegisterFilters({ meta, value, onApply }: { meta: RegisterMeta; value: EntryQuery; onApply: (q: EntryQuery) => void }) {
  const { organisations } = useRegisters();
  const statusField = fieldOf(meta, meta.statusField);
  const [status, setStatus] = useState(value.status ?? "");
  const [organisationId, setOrganisationId] = useState(value.organisationId ?? "");
  const [text, setText] = useState(value.q ?? "");
  const [deleted, setDeleted] = useState<string>(value.deleted ?? "exclude");
  const [sort, setSort] = useState<string>(value.sort ?? "created");
  const [order, setOrder] = useState<string>(value.order ?? defaultOrder(value.sort ?? "created"));
  const filtered = Boolean(value.status || value.organisationId || value.q || value.deleted);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: EntryQuery = {};
    if (status) next.status = status;
    if (organisationId) next.organisationId = organisationId;
    if (text.trim()) next.q = text.trim();
    if (deleted === "include" || deleted === "only") next.deleted = deleted;
    if (sort !== "created") next.sort = sort as SortKey;
    if ((order === "asc" || order === "desc") && order !== defaultOrder(sort)) next.order = order;
    onApply(next);
  }

  function clear() {
    setStatus("");
    setOrganisationId("");
    setText("");
    setDeleted("exclude");
    setSort("created");
    setOrder("desc");
    onApply({});
  }

  const id = `filter-${meta.key}`;
  return (
    <form className="register-filters" onSubmit={submit} noValidate role="search" aria-label={`Filter ${meta.label.toLowerCase()}`}>
      <div className="register-filters__fields">
        <TextInput id={`${id}-q`} label="Search" hint={`Looks for these words in “${fieldOf(meta, meta.titleField)?.label ?? "the title"}”`} value={text} onChange={setText} autoComplete="off" />
        {statusField ? (
          <Select
            id={`${id}-status`}
            label={statusField.label}
            value={status}
            onChange={setStatus}
            placeholder="Any"
            options={(statusField.values ?? []).map((v) => ({ value: v, label: statusField.labels?.[v] ?? v }))}
          />
        ) : null}
        <Select
          id={`${id}-organisation`}
          label="Organisation"
          value={organisationId}
          onChange={setOrganisationId}
          placeholder="Any"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select id={`${id}-deleted`} label="Removed entries" value={deleted} onChange={setDeleted} options={DELETED} />
        <Select
          id={`${id}-sort`}
          label="Sort by"
          value={sort}
          onChange={(v) => {
            setSort(v);
            setOrder(defaultOrder(v));
          }}
          options={sortOptions(meta)}
        />
        <Select id={`${id}-order`} label="Order" value={order} onChange={setOrder} options={orderOptions(sort)} />
      </div>
      <div className="button-group">
        <button type="submit" className="button button--secondary">
          Apply filters
        </button>
        {filtered ? (
          <button type="button" className="link-button" onClick={clear}>
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
