// One survey question as a fieldset of radios (choice or five-point agreement plus "Don't know"); "Other" reveals a text box.
import { Fragment } from "react";
import type { Answer, SurveyItem } from "../api/survey-types.ts";
import { AGREEMENT_OPTIONS, DONT_KNOW, itemFieldId } from "../surveys/answer-labels.ts";

interface Props {
  item: SurveyItem;
  answer: Answer | undefined;
  error: string | undefined;
  onChange: (answer: Answer) => void;
}

interface RadioOption {
  value: string | number;
  label: string;
  other?: boolean;
}

export function SurveyQuestion({ item, answer, error, onChange }: Props) {
  const base = itemFieldId(item.key);
  const hintId = item.hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const agreement = item.response.kind === "agreement5";
  const options: RadioOption[] = item.response.kind === "agreement5" ? AGREEMENT_OPTIONS : item.response.options;
  const otherTextId = `${base}-other-text`;

  const otherText = (
    <div className="radios__conditional">
      <label className="label" htmlFor={otherTextId}>
        Please say (optional)
      </label>
      <div className="hint" id={`${otherTextId}-hint`}>
        Written answers are shown only when at least 10 people have answered, shuffled, without saying who wrote them.
      </div>
      <textarea
        className="textarea"
        id={otherTextId}
        rows={3}
        maxLength={2000}
        aria-describedby={`${otherTextId}-hint`}
        value={answer?.text ?? ""}
        onChange={(e) => onChange({ value: answer?.value ?? "", text: e.target.value })}
      />
    </div>
  );

  const radio = (option: RadioOption, index: number) => {
    const id = index === 0 ? base : `${base}-${index}`;
    const checked = answer?.value === option.value;
    return (
      <Fragment key={String(option.value)}>
        <div className="radios__item">
          <input
            className="radios__input"
            id={id}
            name={base}
            type="radio"
            value={String(option.value)}
            checked={checked}
            onChange={() => onChange(option.other ? { value: option.value, text: answer?.text ?? "" } : { value: option.value })}
          />
          <label className="radios__label" htmlFor={id}>
            {option.label}
          </label>
        </div>
        {option.other && checked ? otherText : null}
      </Fragment>
    );
  };

  return (
    <div className={`form-group question${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="fieldset__legend">
          {item.text}
          {item.required ? null : <span className="hint-inline"> (optional)</span>}
        </legend>
        {item.hint ? (
          <div className="hint" id={hintId}>
            {item.hint}
          </div>
        ) : null}
        {error ? (
          <p className="error-message" id={errorId}>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <div className="radios">
          {options.map(radio)}
          {agreement ? (
            <>
              <div className="radios__divider">or</div>
              {radio({ value: DONT_KNOW, label: "Don’t know" }, options.length)}
            </>
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}
