// One section of the health pages: a heading, its content and a "How this is computed" disclosure.
import type { ReactNode } from "react";

interface Props {
  id: string;
  title: string;
  /** health.explanations, and the keys whose text belongs to this section. */
  explanations: Record<string, string>;
  keys: string[];
  children: ReactNode;
}

export function HealthSection({ id, title, explanations, keys, children }: Props) {
  const texts = keys.map((k) => explanations[k]).filter((t): t is string => typeof t === "string" && t.trim() !== "");
  return (
    <section className="health-section" aria-labelledby={`${id}-heading`}>
      <h3 className="heading-m health-section__title" id={`${id}-heading`}>
        {title}
      </h3>
      {texts.length > 0 ? (
        <details className="details health-explain">
          <summary className="details__summary">How this is computed</summary>
          {texts.map((t, i) => (
            <p className="body" key={i}>
              {t}
            </p>
          ))}
        </details>
      ) : null}
      {children}
    </section>
  );
}
