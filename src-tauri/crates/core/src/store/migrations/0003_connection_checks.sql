-- Schema 3: every connection check that found an address, newest last. The summary columns
-- serve history queries (how long an IP held, how often it changed); `detail` keeps the
-- whole check as JSON so the evidence can be shown again exactly as it was.
CREATE TABLE connection_checks (
    id          INTEGER PRIMARY KEY,
    checked_at  TEXT NOT NULL,
    public_v4   TEXT,
    public_v6   TEXT,
    vpn_active  INTEGER NOT NULL CHECK (vpn_active IN (0, 1)),
    detail      TEXT NOT NULL
) STRICT;

CREATE INDEX connection_checks_by_time ON connection_checks(checked_at);
