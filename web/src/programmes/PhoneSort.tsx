// On phones the roll-up's column headings are hidden (rows become blocks), so sorting is offered as two selects and a button instead.
import { useEffect, useState, type FormEvent } from "react";
import { SORT_KEYS, type SortKey, type SortOrder } from "../api/programme-types.ts";
import { SORT_LABELS } from "./programme-format.ts";

interface Props {
  sort: SortKey;
  order: SortOrder;
  onSort: (sort: SortKey, order: SortOrder) => void;
}

export function PhoneSort({ sort, order, onSort }: Props) {
  const [key, setKey] = useState<SortKey>(sort);
  const [dir, setDir] = useState<SortOrder>(order);
  useEffect(() => {
    setKey(sort);
    setDir(order);
  }, [sort, order]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSort(key, dir);
  }

  return (
    <form className="programme-phone-sort inline-form" onSubmit={submit} noValidate>
      <label className="label" htmlFor="phone-sort-key">
        Sort by
      </label>
      <select id="phone-sort-key" className="select select--small" value={key} onChange={(e) => setKey(e.target.value as SortKey)}>
        {SORT_KEYS.map((k) => (
          <option key={k} value={k}>
            {SORT_LABELS[k][0]?.toUpperCase() + SORT_LABELS[k].slice(1)}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor="phone-sort-order">
        Order
      </label>
      <select id="phone-sort-order" className="select select--small" value={dir} onChange={(e) => setDir(e.target.value as SortOrder)}>
        <option value="desc">Highest first</option>
        <option value="asc">Lowest first</option>
      </select>
      <button type="submit" className="button button--secondary button--small">
        Sort
      </button>
    </form>
  );
}
