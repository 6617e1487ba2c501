// Pairs who rate each other quite differently, written as prompts for a conversation.
import type { AsymmetricPair } from "../api/network-types.ts";
import { one } from "./network-format.ts";

export function AsymmetricPairs({ pairs }: { pairs: AsymmetricPair[] }) {
  if (pairs.length === 0) {
    return <p className="body">No pair rates each other a whole point or more apart.</p>;
  }
  return (
    <>
      <p className="body">These pairs see their relationship differently. Each is worth a conversation between the two.</p>
      <ul className="list prompts">
        {pairs.map((p) => (
          <li key={`${p.from}>${p.to}`} className="prompts__item">
            {p.fromName} rates {p.toName} <strong>{one(p.weight)}</strong>, but {p.toName} rates {p.fromName}{" "}
            <strong>{one(p.reverseWeight)}</strong>.<span className="table__sub">A gap of {one(p.gap)} points.</span>
          </li>
        ))}
      </ul>
    </>
  );
}
