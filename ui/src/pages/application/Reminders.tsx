// What needs attention now (due reminders, with "Done"), what comes next, and a reminder of
// the user's own.
import { useState } from "preact/hooks";
import type { Application } from "../../bindings/Application";
import type { Reminder } from "../../bindings/Reminder";
import type { RemindersView } from "../../bindings/RemindersView";
import { TextField } from "../../components/Field";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { formatDate, say, t } from "../../i18n";
import { call } from "../../ipc";

export function Reminders({ profileId, view, applications }: { profileId: number; view: RemindersView; applications: Application[] }) {
  return (
    <>
      {view.due.length > 0 ? (
        <section class="card attention" aria-labelledby="attention-title" aria-live="polite" data-testid="attention">
          <h2 id="attention-title">{t("application.attention", { count: view.due.length })}</h2>
          <ul class="plain">
            {view.due.map((r) => (
              <ReminderRow key={r.id} reminder={r} />
            ))}
          </ul>
        </section>
      ) : null}
      <details class="card">
        <summary>{t("application.upcoming", { count: view.upcoming.length })}</summary>
        <ul class="plain" data-testid="upcoming">
          {view.upcoming.map((r) => (
            <li key={r.id} class="reminder">
              <time dateTime={r.dueAt}>{formatDate(r.dueAt)}</time> · <span dir="auto">{say(r.title)}</span>
            </li>
          ))}
        </ul>
        <CustomReminderForm profileId={profileId} applications={applications} />
      </details>
    </>
  );
}

function ReminderRow({ reminder }: { reminder: Reminder }) {
  const shell = useShell();
  const form = useForm();
  return (
    <li class={`reminder reminder-${reminder.kind}`} data-reminder={reminder.kind}>
      <div>
        <strong dir="auto">{say(reminder.title)}</strong>
        {reminder.body ? <p class="muted small">{say(reminder.body)}</p> : null}
      </div>
      <button
        type="button"
        disabled={form.pending}
        aria-label={t("application.doneFor", { title: say(reminder.title) })}
        onClick={() =>
          void form.submit(async () => {
            await call("complete_reminder", { id: reminder.id });
            shell.dataChanged();
          })
        }
      >
        {t("application.done")}
      </button>
    </li>
  );
}

function CustomReminderForm({ profileId, applications }: { profileId: number; applications: Application[] }) {
  const shell = useShell();
  const form = useForm();
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [applicationId, setApplicationId] = useState("");
  return (
    <form
      class="row reminder-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async () => {
          await call("add_reminder", {
            profileId,
            input: { title, dueOn, applicationId: applicationId === "" ? null : Number(applicationId) },
          });
          setTitle("");
          shell.dataChanged();
        });
      }}
    >
      <TextField name="reminderTitle" label={t("application.remindWhat")} value={title} onInput={setTitle} error={form.fieldErrors.title} />
      <label>
        {t("application.remindOn")} <input type="date" name="dueOn" value={dueOn} required onInput={(e) => setDueOn(e.currentTarget.value)} />
      </label>
      <label>
        {t("application.remindAbout")}{" "}
        <select name="applicationId" value={applicationId} onChange={(e) => setApplicationId(e.currentTarget.value)}>
          <option value="">{t("application.remindNothing")}</option>
          {applications.map((a) => (
            <option key={a.id} value={String(a.id)}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={form.pending}>
        {t("application.remindAdd")}
      </button>
    </form>
  );
}
