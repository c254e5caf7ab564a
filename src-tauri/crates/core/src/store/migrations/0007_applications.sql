-- Schema 7: applications, their append-only timeline, and reminders.

-- One registration request (or a side ticket that blocks one: the ISP's static-IP request,
-- PSEB registration). `registered_ips` is a JSON array of addresses.
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    blocks_id INTEGER REFERENCES applications (id) ON DELETE SET NULL,
    portal TEXT NOT NULL,
    category_id TEXT,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    reference TEXT,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    submitted_at TEXT,
    registered_ips TEXT NOT NULL DEFAULT '[]',
    mobile_number TEXT,
    vpn_service TEXT,
    vpn_protocol TEXT,
    contact TEXT,
    notes TEXT,
    renewal_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- A reference number belongs to one application per portal.
CREATE UNIQUE INDEX applications_reference
    ON applications (portal, reference COLLATE NOCASE) WHERE reference IS NOT NULL;
CREATE INDEX applications_profile ON applications (profile_id, updated_at);
CREATE INDEX applications_updated ON applications (updated_at, id);

-- What happened to an application, in order. Never changed or deleted (except with the
-- application itself, which only a draft can be).
CREATE TABLE application_events (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT,
    reason TEXT
);
CREATE INDEX application_events_application ON application_events (application_id, id);

CREATE TRIGGER application_events_append_only_update
BEFORE UPDATE ON application_events
BEGIN
    SELECT RAISE(ABORT, 'timeline entries cannot be changed');
END;

CREATE TRIGGER application_events_append_only_delete
BEFORE DELETE ON application_events
WHEN EXISTS (SELECT 1 FROM applications WHERE id = OLD.application_id)
BEGIN
    SELECT RAISE(ABORT, 'timeline entries cannot be deleted');
END;

-- Files kept with a timeline entry (e.g. the confirmation email saved as PDF); the file is
-- in the vault like a document's.
CREATE TABLE event_attachments (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES application_events (id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size > 0),
    original_name TEXT NOT NULL
);
CREATE INDEX event_attachments_event ON event_attachments (event_id);
CREATE INDEX event_attachments_sha256 ON event_attachments (sha256);

-- Things to remember at a time. `key` says what a reminder is about, so generating the
-- same reminder again changes nothing; `fired_at` is set once, when it was announced.
-- `due_at` is Unix seconds, so "is it due" is a plain comparison.
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER REFERENCES profiles (id) ON DELETE CASCADE,
    application_id INTEGER REFERENCES applications (id) ON DELETE CASCADE,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    due_at INTEGER NOT NULL,
    fired_at TEXT,
    done_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX reminders_pending ON reminders (done_at, due_at);
