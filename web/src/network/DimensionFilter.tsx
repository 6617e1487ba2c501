// Shared by the network pages: the choice of which trust to show, and the message when a wave has no network to show.
import { Link } from "react-router";
import type { ApiError } from "../api/client.ts";
import type { DimensionChoice } from "../api/network-types.ts";
import { Select } from "../components/fields.tsx";
import { asDimension, DIMENSION_CHOICES } from "./network-format.ts";

export function DimensionFilter({ dimension, loading, onChange }: { dimension: DimensionChoice; loading: boolean; onChange: (d: DimensionChoice) => void }) {
  return (
    <div className="results-controls network-controls">
      <Select
        id="network-dimension"
        label="Show trust in"
        hint="Each tie is the average of three ratings; or look at one of them."
        value={dimension}
        onChange={(v) => onChange(asDimension(v))}
        options={DIMENSION_CHOICES}
      />
      <p className="loading" role="status">
        {loading ? "Updating the network…" : ""}
      </p>
    </div>
  );
}

export function NetworkUnavailable({ error, back }: { error: ApiError; back: string }) {
  return (
    <>
      <h2 className="heading-m">The trust network is not available</h2>
      <p className="body">
        {error.status === 409
          ? (error.detail ?? "The network appears once the wave has closed and its results are published.")
          : "This wave does not exist, or it has been removed."}
      </p>
      <p className="body">
        <Link to={back}>Back to the wave</Link>
      </p>
    </>
  );
}
