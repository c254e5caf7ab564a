-- Schema 1: the applicant. A profile is a freelancer or a firm; a firm has sites (offices),
-- public IPs (optionally tied to a site) and staff. Timestamps are RFC 3339 UTC text.
CREATE TABLE profiles (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('freelancer', 'firm')),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE sites (
    id          INTEGER PRIMARY KEY,
    profile_id  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    city        TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (profile_id, name)
) STRICT;

CREATE TABLE public_ips (
    id          INTEGER PRIMARY KEY,
    profile_id  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    site_id     INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    address     TEXT NOT NULL,
    label       TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (profile_id, address)
) STRICT;

CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    profile_id  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    site_id     INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT,
    email       TEXT,
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX sites_by_profile ON sites(profile_id);
CREATE INDEX public_ips_by_profile ON public_ips(profile_id);
CREATE INDEX staff_by_profile ON staff(profile_id);
