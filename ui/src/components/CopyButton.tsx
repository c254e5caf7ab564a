// Copies `text` to the clipboard and says so on the button until the next click.
import { useState } from "preact/hooks";

interface Props {
  text: string;
  label: string;
  copiedLabel: string;
  ariaLabel?: string;
  small?: boolean;
}

export function CopyButton({ text, label, copiedLabel, ariaLabel, small }: Props) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class={small ? "secondary small" : "secondary"}
      aria-label={ariaLabel}
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? copiedLabel : label}
    </button>
  );
}
