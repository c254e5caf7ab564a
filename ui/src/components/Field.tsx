// A labelled input with its error message wired for screen readers.
import type { JSX } from "preact";
import { useId } from "preact/hooks";
import { t } from "../i18n";

interface FieldProps {
  label: string;
  value: string;
  onInput(value: string): void;
  error?: string | undefined;
  optional?: boolean;
  type?: "text" | "email" | "password";
  /** A sentence under the field that helps fill it in. */
  hint?: string;
  name: string;
  autoComplete?: string;
  inputMode?: JSX.HTMLAttributes<HTMLInputElement>["inputMode"];
  dir?: "ltr" | "rtl" | "auto";
}

export function TextField(props: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter((x) => x !== null).join(" ");
  return (
    <div class="field">
      <label for={id}>
        {props.label} {props.optional ? <span class="muted">{t("app.optional")}</span> : null}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        dir={props.dir}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? "off"}
        required={!props.optional}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy === "" ? undefined : describedBy}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.hint ? (
        <p class="muted small" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={errorId} role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  name: string;
}

export function SelectField<V extends string>(props: SelectProps<V>) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
