-- Schema 6: credentials. Only that a credential exists is kept here; its secret is in the OS
-- keychain, service 'pk.vca.assistant', entry `keychain_user`.
CREATE TABLE credentials (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    label TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(label) BETWEEN 1 AND 80),
    account TEXT,
    keychain_user TEXT NOT NULL UNIQUE,
    backend TEXT NOT NULL,
    created_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
