// The only file that talks to the Rust side. Every call is typed by the generated command map,
// every event by the generated event map, and every failure becomes an AppError with a code
// the UI can branch on and a readable message.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { Commands, Events } from "./bindings/commands";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { IpcError } from "./bindings/IpcError";
import { t } from "./i18n";

export type CommandName = keyof Commands;
type ArgsOf<K extends CommandName> = Commands[K]["args"] extends Record<string, never> ? [] : [Commands[K]["args"]];

/** A failed command: `code` decides what the UI does, `message` is shown to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = field;
  }
}

// Every code the backend sends: a code added in Rust and missing here is a type error.
const CODE_SET: Record<ErrorCode, true> = {
  invalidInput: true,
  notFound: true,
  storageUnavailable: true,
  keychainUnavailable: true,
  internal: true,
};
const CODES = Object.keys(CODE_SET);

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === "string" && typeof v.code === "string" && CODES.includes(v.code);
}

/** Turns anything a rejected promise can carry into an AppError with a readable message. */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (isIpcError(reason)) return new AppError(reason.code, reason.message, reason.field);
  let detail: string;
  if (typeof reason === "string" && reason.trim() !== "") detail = reason;
  else if (reason instanceof Error && reason.message !== "") detail = reason.message;
  else {
    try {
      detail = JSON.stringify(reason) ?? String(reason);
    } catch {
      detail = String(reason);
    }
  }
  return new AppError("internal", t("error.unexpected", { detail }));
}

/** Invokes a command with typed arguments and result; rejects with an AppError. */
export async function call<K extends CommandName>(cmd: K, ...args: ArgsOf<K>): Promise<Commands[K]["result"]> {
  try {
    return (await invoke<Commands[K]["result"]>(cmd, args[0] ?? {})) as Commands[K]["result"];
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** Calls `handler` with each `name` event the backend emits; resolves to a function that stops it. */
export async function onEvent<K extends keyof Events>(name: K, handler: (payload: Events[K]) => void): Promise<UnlistenFn> {
  return listen<Events[K]>(name, (event) => handler(event.payload));
}
