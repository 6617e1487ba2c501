// GOV.UK-style error summary shown at the top of a form, linking each problem to its field.
import { forwardRef, useId } from "react";
import { Link } from "react-router";

export interface SummaryItem {
  message: string;
  /** The id of the field the problem belongs to, if any. */
  fieldId?: string | undefined;
  /** Or an in-app path to the page where the problem can be fixed. */
  to?: string | undefined;
}

function focusField(event: React.MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  const label = document.querySelector<HTMLElement>(`label[for="${CSS.escape(fieldId)}"]`);
  (label ?? field).scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}

interface Props {
  items: SummaryItem[];
  title?: string;
}

export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary(
  { items, title = "There is a problem" },
  ref,
) {
  const titleId = useId();
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {items.map((item, index) =>
          item.to ? (
            <li key={index}>
              <Link to={item.to}>{item.message}</Link>
            </li>
          ) : item.fieldId ? (
            <li key={index}>
              <a href={`#${item.fieldId}`} onClick={(e) => focusField(e, item.fieldId as string)}>
                {item.message}
              </a>
            </li>
          ) : (
            <li key={index}>{item.message}</li>
          ),
        )}
      </ul>
    </div>
  );
});
