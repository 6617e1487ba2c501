// Form fields with a label above, optional hint and inline error, GOV.UK style.
import type { ReactNode } from "react";

interface BaseProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** Visually hide the label (it stays for screen readers). */
  hideLabel?: boolean;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Group({ id, label, hint, error, hideLabel, children }: BaseProps & { children: ReactNode }) {
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label className={hideLabel ? "visually-hidden" : "label"} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

interface InputProps extends BaseProps {
  type?: "text" | "email" | "password" | "date" | "number";
  inputMode?: "numeric";
  autoComplete?: string;
  width?: "full" | "half" | "third";
  spellCheck?: boolean;
  maxLength?: number;
}

export function TextInput(props: InputProps) {
  const { id, error, hint, value, onChange, type = "text", autoComplete, width = "full" } = props;
  return (
    <Group {...props}>
      <input
        className={`input input--${width}${error ? " input--error" : ""}`}
        id={id}
        name={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={props.inputMode}
        spellCheck={props.spellCheck ?? (type === "text" ? undefined : false)}
        maxLength={props.maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Group>
  );
}

export function TextArea(props: BaseProps & { rows?: number; maxLength?: number }) {
  const { id, error, hint, value, onChange, rows = 4 } = props;
  return (
    <Group {...props}>
      <textarea
        className={`textarea${error ? " input--error" : ""}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        maxLength={props.maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Group>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(props: BaseProps & { options: Option[]; placeholder?: string }) {
  const { id, error, hint, value, onChange, options, placeholder } = props;
  return (
    <Group {...props}>
      <select
        className={`select${error ? " input--error" : ""}`}
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

export interface RadioOption extends Option {
  hint?: string;
}

/** A fieldset of radios with a legend, optional hint and inline error; the first radio gets `id`. */
export function RadioGroup(props: Omit<BaseProps, "hideLabel"> & { options: RadioOption[] }) {
  const { id, label, error, hint, value, onChange, options } = props;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="fieldset__legend fieldset__legend--label">{label}</legend>
        {hint ? (
          <div className="hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <div className="radios">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div className="radios__item" key={o.value}>
                <input
                  className="radios__input"
                  id={optionId}
                  name={id}
                  type="radio"
                  value={o.value}
                  checked={value === o.value}
                  aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                  onChange={() => onChange(o.value)}
                />
                <label className="radios__label" htmlFor={optionId}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div className="hint radios__hint" id={`${optionId}-hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
