// /partnerships/:id/registers – every register, grouped by the three stages of building trust, each linking to its page.
import { Link } from "react-router";
import { useTitle } from "../hooks.ts";
import { STAGES } from "./format.ts";
import { useRegisters } from "./RegistersLayout.tsx";

export function RegistersIndexPage() {
  const { partnership, registers, base } = useRegisters();
  useTitle(`Registers – ${partnership.name}`);
  return (
    <>
      <h2 className="heading-m">Registers</h2>
      <p className="body">
        Shared records of what the partners agree, promise, offer and decide. Keeping them up to date turns trust into something
        you can see: promises kept, give and take, decisions that stick.
      </p>
      <p className="body">
        See what is <Link to={`${base}/attention`}>overdue or due soon</Link>, or the <Link to={`${base}/activity`}>latest activity</Link>{" "}
        across all registers.
      </p>
      {STAGES.map(({ stage, title, text }, index) => {
        const inStage = registers.filter((r) => r.stage === stage);
        if (inStage.length === 0) return null;
        return (
          <section key={stage} className="section register-stage" aria-labelledby={`stage-${stage}`}>
            <h3 className="heading-s" id={`stage-${stage}`}>
              <span className="register-stage__number">Stage {index + 1}:</span> {title}
            </h3>
            <p className="body">{text}</p>
            <ul className="card-list">
              {inStage.map((r) => (
                <li key={r.key} className="card">
                  <h4 className="card__title register-card__title">
                    <Link to={`${base}/${r.key}`}>{r.label}</Link>
                  </h4>
                  <p className="card__text">{r.purpose}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
