-- Schema 8: a reminder says what it is as catalogue messages (JSON `{"key", "params"}`), so it
-- is worded in the user's language when it is shown or announced. `title` and `body` keep the
-- English words; rows from schema 7 have no messages and are shown as their English text.
ALTER TABLE reminders ADD COLUMN title_message TEXT;
ALTER TABLE reminders ADD COLUMN body_message TEXT;
