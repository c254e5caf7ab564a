// Loads data for a view and reloads it when `deps` change; errors become AppErrors.
import { useEffect, useState } from "preact/hooks";
import { type AppError, toAppError } from "../ipc";

export type Load<T> =
  | { state: "loading" }
  | { state: "ready"; data: T }
  | { state: "failed"; error: AppError };

export function useLoad<T>(loader: () => Promise<T>, deps: readonly unknown[]): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    loader().then(
      (data) => live && setLoad({ state: "ready", data }),
      (reason: unknown) => live && setLoad({ state: "failed", error: toAppError(reason) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers pass the real deps
  }, deps);
  return load;
}
