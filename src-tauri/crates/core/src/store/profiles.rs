//! Profiles, their sites, public IPs and staff, in SQL.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use crate::{
    Error, Result,
    profile::{
        Id, Profile, ProfileDetail, ProfileInput, ProfileKind, PublicIp, PublicIpInput, Site,
        SiteInput, StaffInput, StaffMember, optional_email, optional_text, parse_public_ip,
        required_text,
    },
};

const PROFILE_COLUMNS: &str = "id, kind, name, created_at, updated_at";

fn profile_from_row(
    row: &Row<'_>,
) -> rusqlite::Result<(Id, String, String, jiff::Timestamp, jiff::Timestamp)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn into_profile(raw: (Id, String, String, jiff::Timestamp, jiff::Timestamp)) -> Result<Profile> {
    let (id, kind, name, created_at, updated_at) = raw;
    Ok(Profile {
        id,
        kind: ProfileKind::from_db(&kind)?,
        name,
        created_at,
        updated_at,
    })
}

fn is_unique_violation(err: &rusqlite::Error) -> bool {
    matches!(
        err,
        rusqlite::Error::SqliteFailure(e, _) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    )
}

/// Fails with `NotFound` unless `site_id` is one of `profile_id`'s sites.
fn check_site(conn: &Connection, profile_id: Id, site_id: Option<Id>) -> Result<()> {
    let Some(site_id) = site_id else {
        return Ok(());
    };
    let found: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM sites WHERE id = ?1 AND profile_id = ?2",
            params![site_id, profile_id],
            |r| r.get(0),
        )
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::invalid("siteId", "that site does not belong to this profile"))
}

pub(super) fn check_profile(conn: &Connection, id: Id) -> Result<()> {
    let found: Option<i64> = conn
        .query_row("SELECT 1 FROM profiles WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::not_found(format!("profile {id}")))
}

fn touch(conn: &Connection, id: Id, now: jiff::Timestamp) -> Result<()> {
    conn.execute(
        "UPDATE profiles SET updated_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    Ok(())
}

impl Store {
    /// Every profile, oldest first.
    pub fn list_profiles(&self) -> Result<Vec<Profile>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {PROFILE_COLUMNS} FROM profiles ORDER BY id"
            ))?;
            let rows = stmt.query_map([], profile_from_row)?;
            rows.map(|r| into_profile(r?)).collect()
        })
    }

    /// Creates a profile.
    pub fn create_profile(&self, input: &ProfileInput) -> Result<Profile> {
        let name = required_text("name", "the name", &input.name)?;
        let now = self.now();
        self.with(|conn| {
            conn.execute(
                "INSERT INTO profiles (kind, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![input.kind.as_db(), name, now],
            )?;
            Ok(Profile {
                id: conn.last_insert_rowid(),
                kind: input.kind,
                name,
                created_at: now,
                updated_at: now,
            })
        })
    }

    /// Changes a profile's kind and name.
    pub fn update_profile(&self, id: Id, input: &ProfileInput) -> Result<Profile> {
        let name = required_text("name", "the name", &input.name)?;
        let now = self.now();
        self.with(|conn| {
            let changed = conn.execute(
                "UPDATE profiles SET kind = ?1, name = ?2, updated_at = ?3 WHERE id = ?4",
                params![input.kind.as_db(), name, now, id],
            )?;
            if changed == 0 {
                return Err(Error::not_found(format!("profile {id}")));
            }
            let raw = conn.query_row(
                &format!("SELECT {PROFILE_COLUMNS} FROM profiles WHERE id = ?1"),
                [id],
                profile_from_row,
            )?;
            into_profile(raw)
        })
    }

    /// Deletes a profile and everything that belongs to it.
    pub fn delete_profile(&self, id: Id) -> Result<()> {
        self.with(
            |conn| match conn.execute("DELETE FROM profiles WHERE id = ?1", [id])? {
                0 => Err(Error::not_found(format!("profile {id}"))),
                _ => Ok(()),
            },
        )
    }

    /// A profile with its sites, IPs and staff.
    pub fn profile_detail(&self, id: Id) -> Result<ProfileDetail> {
        self.with(|conn| {
            let raw = conn
                .query_row(
                    &format!("SELECT {PROFILE_COLUMNS} FROM profiles WHERE id = ?1"),
                    [id],
                    profile_from_row,
                )
                .optional()?
                .ok_or_else(|| Error::not_found(format!("profile {id}")))?;
            let profile = into_profile(raw)?;

            let sites = conn
                .prepare("SELECT id, profile_id, name, city FROM sites WHERE profile_id = ?1 ORDER BY id")?
                .query_map([id], |r| {
                    Ok(Site {
                        id: r.get(0)?,
                        profile_id: r.get(1)?,
                        name: r.get(2)?,
                        city: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let public_ips = conn
                .prepare(
                    "SELECT id, profile_id, site_id, address, label, subscriber_id FROM public_ips WHERE profile_id = ?1 ORDER BY id",
                )?
                .query_map([id], |r| {
                    Ok(PublicIp {
                        id: r.get(0)?,
                        profile_id: r.get(1)?,
                        site_id: r.get(2)?,
                        address: r.get(3)?,
                        label: r.get(4)?,
                        subscriber_id: r.get(5)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let staff = conn
                .prepare(
                    "SELECT id, profile_id, site_id, name, role, email FROM staff WHERE profile_id = ?1 ORDER BY id",
                )?
                .query_map([id], |r| {
                    Ok(StaffMember {
                        id: r.get(0)?,
                        profile_id: r.get(1)?,
                        site_id: r.get(2)?,
                        name: r.get(3)?,
                        role: r.get(4)?,
                        email: r.get(5)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ProfileDetail {
                profile,
                sites,
                public_ips,
                staff,
            })
        })
    }

    /// Adds an office to a profile.
    pub fn add_site(&self, profile_id: Id, input: &SiteInput) -> Result<Site> {
        let name = required_text("name", "the site name", &input.name)?;
        let city = optional_text("city", "the city", input.city.as_deref())?;
        let now = self.now();
        self.with(|conn| {
            check_profile(conn, profile_id)?;
            conn.execute(
                "INSERT INTO sites (profile_id, name, city, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![profile_id, name, city, now],
            )
            .map_err(|e| match is_unique_violation(&e) {
                true => Error::invalid("name", format!("there is already a site called {name:?}")),
                false => e.into(),
            })?;
            let id = conn.last_insert_rowid();
            touch(conn, profile_id, now)?;
            Ok(Site {
                id,
                profile_id,
                name,
                city,
            })
        })
    }

    /// Removes a site; its IPs and staff stay with the profile, unassigned.
    pub fn remove_site(&self, site_id: Id) -> Result<()> {
        self.remove_child("sites", "site", site_id)
    }

    /// Records a public IP for a profile.
    pub fn add_public_ip(&self, profile_id: Id, input: &PublicIpInput) -> Result<PublicIp> {
        let address = parse_public_ip("address", &input.address)?.to_string();
        let label = optional_text("label", "the label", input.label.as_deref())?;
        let subscriber_id = optional_text(
            "subscriberId",
            "the subscriber ID",
            input.subscriber_id.as_deref(),
        )?;
        let now = self.now();
        self.with(|conn| {
            check_profile(conn, profile_id)?;
            check_site(conn, profile_id, input.site_id)?;
            conn.execute(
                "INSERT INTO public_ips (profile_id, site_id, address, label, subscriber_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![profile_id, input.site_id, address, label, subscriber_id, now],
            )
            .map_err(|e| match is_unique_violation(&e) {
                true => Error::invalid("address", format!("{address} is already recorded for this profile")),
                false => e.into(),
            })?;
            let id = conn.last_insert_rowid();
            touch(conn, profile_id, now)?;
            Ok(PublicIp {
                id,
                profile_id,
                site_id: input.site_id,
                address,
                label,
                subscriber_id,
            })
        })
    }

    /// Forgets a recorded public IP.
    pub fn remove_public_ip(&self, ip_id: Id) -> Result<()> {
        self.remove_child("public_ips", "public IP", ip_id)
    }

    /// Adds a staff member to a profile.
    pub fn add_staff(&self, profile_id: Id, input: &StaffInput) -> Result<StaffMember> {
        let name = required_text("name", "the name", &input.name)?;
        let role = optional_text("role", "the role", input.role.as_deref())?;
        let email = optional_email("email", input.email.as_deref())?;
        let now = self.now();
        self.with(|conn| {
            check_profile(conn, profile_id)?;
            check_site(conn, profile_id, input.site_id)?;
            conn.execute(
                "INSERT INTO staff (profile_id, site_id, name, role, email, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![profile_id, input.site_id, name, role, email, now],
            )?;
            let id = conn.last_insert_rowid();
            touch(conn, profile_id, now)?;
            Ok(StaffMember {
                id,
                profile_id,
                site_id: input.site_id,
                name,
                role,
                email,
            })
        })
    }

    /// Removes a staff member.
    pub fn remove_staff(&self, staff_id: Id) -> Result<()> {
        self.remove_child("staff", "staff member", staff_id)
    }

    /// Deletes row `id` of a child table (`sites`, `public_ips`, `staff`) and touches its profile.
    fn remove_child(&self, table: &'static str, what: &str, id: Id) -> Result<()> {
        let now = self.now();
        self.with(|conn| {
            let tx = conn.transaction()?;
            let profile_id: Option<Id> = tx
                .query_row(
                    &format!("SELECT profile_id FROM {table} WHERE id = ?1"),
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            let profile_id = profile_id.ok_or_else(|| Error::not_found(format!("{what} {id}")))?;
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            touch(&tx, profile_id, now)?;
            tx.commit()?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::clock::FixedClock;

    fn store_at(ts: &str) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = Arc::new(FixedClock(ts.parse().expect("timestamp")));
        let store = Store::open_with_clock(&dir.path().join("db.sqlite3"), clock).expect("open");
        (dir, store)
    }

    fn firm(store: &Store) -> Profile {
        store
            .create_profile(&ProfileInput {
                kind: ProfileKind::Firm,
                name: "  Indus Soft  ".into(),
            })
            .expect("create firm")
    }

    #[test]
    fn a_firm_keeps_its_sites_ips_and_staff() {
        let (_dir, store) = store_at("2026-01-05T10:00:00Z");
        let p = firm(&store);
        assert_eq!(p.name, "Indus Soft", "names are trimmed");
        let lahore = store
            .add_site(
                p.id,
                &SiteInput {
                    name: "Head office".into(),
                    city: Some("Lahore".into()),
                },
            )
            .expect("site");
        store
            .add_public_ip(
                p.id,
                &PublicIpInput {
                    site_id: Some(lahore.id),
                    address: "39.32.10.5".into(),
                    label: Some("PTCL".into()),
                    subscriber_id: None,
                },
            )
            .expect("ip");
        store
            .add_staff(
                p.id,
                &StaffInput {
                    site_id: Some(lahore.id),
                    name: "Sara".into(),
                    role: None,
                    email: Some("sara@indus.pk".into()),
                },
            )
            .expect("staff");

        let detail = store.profile_detail(p.id).expect("detail");
        assert_eq!(detail.sites, vec![lahore.clone()]);
        assert_eq!(detail.public_ips[0].site_id, Some(lahore.id));
        assert_eq!(detail.staff[0].email.as_deref(), Some("sara@indus.pk"));

        store.remove_site(lahore.id).expect("remove site");
        let detail = store.profile_detail(p.id).expect("detail");
        assert!(detail.sites.is_empty());
        assert_eq!(detail.public_ips.len(), 1, "IPs stay when their site goes");
        assert_eq!(detail.public_ips[0].site_id, None, "and become unassigned");
    }

    #[test]
    fn the_same_ip_twice_is_refused_and_nothing_changes() {
        let (_dir, store) = store_at("2026-01-05T10:00:00Z");
        let p = firm(&store);
        let input = PublicIpInput {
            site_id: None,
            address: "39.32.10.5".into(),
            label: None,
            subscriber_id: None,
        };
        store.add_public_ip(p.id, &input).expect("first");
        let again = PublicIpInput {
            address: " 39.32.10.5".into(),
            ..input
        };
        let err = store.add_public_ip(p.id, &again).expect_err("duplicate");
        assert_eq!(err.field(), Some("address"));
        assert!(err.to_string().contains("already recorded"), "{err}");
        assert_eq!(
            store.profile_detail(p.id).expect("detail").public_ips.len(),
            1
        );
    }

    #[test]
    fn a_site_of_another_profile_cannot_be_used() {
        let (_dir, store) = store_at("2026-01-05T10:00:00Z");
        let a = firm(&store);
        let b = firm(&store);
        let site_of_b = store
            .add_site(
                b.id,
                &SiteInput {
                    name: "B".into(),
                    city: None,
                },
            )
            .expect("site");
        let err = store
            .add_public_ip(
                a.id,
                &PublicIpInput {
                    site_id: Some(site_of_b.id),
                    address: "39.32.10.5".into(),
                    label: None,
                    subscriber_id: None,
                },
            )
            .expect_err("foreign site");
        assert_eq!(err.field(), Some("siteId"));
    }

    #[test]
    fn deleting_a_profile_removes_what_belongs_to_it() {
        let (_dir, store) = store_at("2026-01-05T10:00:00Z");
        let p = firm(&store);
        store
            .add_site(
                p.id,
                &SiteInput {
                    name: "HQ".into(),
                    city: None,
                },
            )
            .expect("site");
        store.delete_profile(p.id).expect("delete");
        assert!(store.list_profiles().expect("list").is_empty());
        let err = store.profile_detail(p.id).expect_err("gone");
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        let err = store.delete_profile(p.id).expect_err("twice");
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
    }

    #[test]
    fn changes_stamp_the_profile_with_the_clock() {
        let (dir, store) = store_at("2026-01-05T10:00:00Z");
        let p = firm(&store);
        drop(store);
        let later = Arc::new(FixedClock("2026-02-01T08:30:00Z".parse().expect("ts")));
        let store = Store::open_with_clock(&dir.path().join("db.sqlite3"), later).expect("reopen");
        let updated = store
            .update_profile(
                p.id,
                &ProfileInput {
                    kind: ProfileKind::Freelancer,
                    name: "Ali".into(),
                },
            )
            .expect("update");
        assert_eq!(updated.created_at, p.created_at, "creation time is kept");
        assert_eq!(updated.updated_at.to_string(), "2026-02-01T08:30:00Z");
        assert_eq!(updated.kind, ProfileKind::Freelancer);
    }

    #[test]
    fn invalid_input_is_refused_before_touching_the_database() {
        let (_dir, store) = store_at("2026-01-05T10:00:00Z");
        let err = store
            .create_profile(&ProfileInput {
                kind: ProfileKind::Freelancer,
                name: " ".into(),
            })
            .expect_err("blank name");
        assert_eq!(err.field(), Some("name"));
        let p = firm(&store);
        let err = store
            .add_staff(
                p.id,
                &StaffInput {
                    site_id: None,
                    name: "Ali".into(),
                    role: None,
                    email: Some("nope".into()),
                },
            )
            .expect_err("bad email");
        assert_eq!(err.field(), Some("email"));
        assert!(store.profile_detail(p.id).expect("detail").staff.is_empty());
        let err = store
            .add_site(
                9999,
                &SiteInput {
                    name: "X".into(),
                    city: None,
                },
            )
            .expect_err("no profile");
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
    }

    #[test]
    fn the_subscriber_id_from_the_bill_is_kept_with_the_ip() {
        let (_dir, store) = store_at("2026-01-05T10:00:00Z");
        let p = firm(&store);
        let ip = store
            .add_public_ip(
                p.id,
                &PublicIpInput {
                    site_id: None,
                    address: "39.32.10.5".into(),
                    label: None,
                    subscriber_id: Some("  PTCL-0421-778812 ".into()),
                },
            )
            .expect("ip");
        assert_eq!(
            ip.subscriber_id.as_deref(),
            Some("PTCL-0421-778812"),
            "trimmed"
        );
        let detail = store.profile_detail(p.id).expect("detail");
        assert_eq!(
            detail.public_ips[0].subscriber_id.as_deref(),
            Some("PTCL-0421-778812")
        );
    }
}
