// The registry of built-in survey instruments: lookup by key and version, and item flattening.
import { accordTrust } from "./accord-trust.ts";
import { baseline } from "./baseline.ts";
import { pulse } from "./pulse.ts";
import type { Instrument, Item } from "./types.ts";

/** Thrown when a key, or a key and version, names no built-in instrument. */
export class UnknownInstrumentError extends Error {
  constructor(key: string, version?: number) {
    const known = Object.keys(INSTRUMENTS).sort().join(", ");
    super(
      version === undefined
        ? `Unknown survey instrument "${key}". Known instruments: ${known}.`
        : `Unknown survey instrument "${key}" version ${version}. Known instruments: ${known}.`,
    );
    this.name = "UnknownInstrumentError";
  }
}

/** The id an instrument version is stored under: `${key}@${version}`. */
export function instrumentId(instrument: Pick<Instrument, "key" | "version">): string {
  return `${instrument.key}@${instrument.version}`;
}

/** Instruments are shared definitions that stored answers are keyed against, so nothing may change them at run time. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function buildRegistry(list: readonly Instrument[]): Readonly<Record<string, Instrument>> {
  const out: Record<string, Instrument> = {};
  for (const instrument of list) {
    const id = instrumentId(instrument);
    if (Object.hasOwn(out, id)) throw new Error(`Survey instrument ${id} is registered twice.`);
    out[id] = deepFreeze(instrument);
  }
  return Object.freeze(out);
}

/** Every built-in instrument, keyed by `${key}@${version}`. Add a new version rather than editing a released one. */
export const INSTRUMENTS: Readonly<Record<string, Instrument>> = buildRegistry([baseline, accordTrust, pulse]);

/** The instrument with this key and version; throws UnknownInstrumentError if there is none. */
export function getInstrument(key: string, version: number): Instrument {
  const id = `${key}@${version}`;
  const found = Object.hasOwn(INSTRUMENTS, id) ? INSTRUMENTS[id] : undefined;
  if (found === undefined) throw new UnknownInstrumentError(key, version);
  return found;
}

/** The highest version of the instrument with this key; throws UnknownInstrumentError if there is none. */
export function latestInstrument(key: string): Instrument {
  let latest: Instrument | undefined;
  for (const instrument of Object.values(INSTRUMENTS)) {
    if (instrument.key === key && (latest === undefined || instrument.version > latest.version)) latest = instrument;
  }
  if (latest === undefined) throw new UnknownInstrumentError(key);
  return latest;
}

/** All items of an instrument in the order a respondent meets them. */
export function instrumentItems(instrument: Instrument): Item[] {
  return instrument.sections.flatMap((s) => s.items);
}
