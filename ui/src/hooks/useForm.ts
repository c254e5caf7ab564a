// Submits a form through a command: tracks pending state, puts invalid-input errors next to
// their field and hands every other error to the shell.
import { useState } from "preact/hooks";
import { useShell } from "../context";
import { toAppError } from "../ipc";

export interface FormState {
  pending: boolean;
  fieldErrors: Readonly<Record<string, string>>;
  submit(action: () => Promise<void>): Promise<boolean>;
}

export function useForm(): FormState {
  const shell = useShell();
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  return {
    pending,
    fieldErrors,
    async submit(action) {
      setPending(true);
      setFieldErrors({});
      try {
        await action();
        return true;
      } catch (reason) {
        const error = toAppError(reason);
        if (error.code === "invalidInput" && error.field !== null) setFieldErrors({ [error.field]: error.message });
        else shell.reportError(error);
        return false;
      } finally {
        setPending(false);
      }
    },
  };
}
