-- Schema 2: user settings as typed key/value rows, and which profile is the one being worked on.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL
) STRICT;
