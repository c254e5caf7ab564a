// A group of radio buttons under one question: a fieldset with its legend, arrow-key friendly.
import { useId } from "preact/hooks";

interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V | null;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  hint?: string | undefined;
}

export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const id = useId();
  return (
    <fieldset class="radio-group" aria-describedby={props.hint ? `${id}-hint` : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} class="radio">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            required
            onChange={() => props.onChange(o.value)}
          />{" "}
          {o.label}
        </label>
      ))}
      {props.hint ? (
        <p class="muted small" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </fieldset>
  );
}
