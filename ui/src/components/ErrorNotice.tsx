// Shows an AppError as words: a title by code, the message, and what to do.
import type { AppError } from "../ipc";
import { t } from "../i18n";

interface Props {
  error: AppError;
  onDismiss?: () => void;
  onRetry?: () => void;
}

export function ErrorNotice({ error, onDismiss, onRetry }: Props) {
  const storage = error.code === "storageUnavailable";
  const keychain = error.code === "keychainUnavailable";
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-title">{storage ? t("error.storageTitle") : keychain ? t("error.keychainTitle") : t("error.title")}</p>
      <p class="notice-message">{error.message}</p>
      {storage ? <p>{t("error.storageHelp")}</p> : null}
      {keychain ? <p>{t("error.keychainHelp")}</p> : null}
      {error.code === "internal" ? <p>{t("error.internalHelp")}</p> : null}
      <div class="actions">
        {onRetry ? (
          <button type="button" onClick={onRetry}>
            {t("app.retry")}
          </button>
        ) : null}
        {onDismiss ? (
          <button type="button" class="secondary" onClick={onDismiss}>
            {t("app.dismiss")}
          </button>
        ) : null}
      </div>
    </div>
  );
}
