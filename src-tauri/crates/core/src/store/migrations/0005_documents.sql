-- Schema 5: eligibility, applicant details, the document vault's index and imported rules packs.

-- The wizard's answers per profile; the decision is recomputed from the current rules pack.
CREATE TABLE eligibility (
    profile_id INTEGER PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    answers TEXT NOT NULL,
    decided_at TEXT NOT NULL
);

-- The applicant's details as the portal asks for them (JSON of ApplicantDetails).
CREATE TABLE applicant_details (
    profile_id INTEGER PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    details TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Documents in the vault. The file itself is vault/blobs/<sha256[0..2]>/<sha256>.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    requirement_id TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size > 0),
    width INTEGER,
    height INTEGER,
    original_name TEXT NOT NULL,
    issued_on TEXT,
    expires_on TEXT,
    added_at TEXT NOT NULL,
    UNIQUE (profile_id, requirement_id, sha256)
);
CREATE INDEX documents_by_profile ON documents (profile_id, requirement_id);
CREATE INDEX documents_by_sha ON documents (sha256);

-- Rules packs imported from signed files, kept verbatim and verified again on every load.
CREATE TABLE rules_packs (
    version INTEGER PRIMARY KEY,
    file BLOB NOT NULL,
    imported_at TEXT NOT NULL
);
