/** How the CSV imports read their body: text/csv (or text/plain), strict UTF-8, and a 422 naming the line and column of a byte that is not. */
import { AppError } from "../errors/app-error.ts";
import { notUtf8Problem } from "../registers/csv-codec.ts";
import type { BodyKind } from "./body.ts";
import { positionOf } from "./utf8.ts";

export const CSV_BODY: BodyKind = {
  accepts: (essence) => essence === "text/csv" || essence === "text/plain",
  expected: "Send the file as CSV with content-type text/csv (text/plain is read too), encoded as UTF-8",
  notUtf8: (bytes, offset) => {
    const problem = notUtf8Problem(positionOf(bytes, offset));
    return new AppError("validation_failed", `${problem.path}: ${problem.message}`, { fields: [problem] });
  },
};
