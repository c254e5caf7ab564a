//! The checks a rules pack must pass beyond parsing: what the types cannot say.

use std::collections::HashSet;

use super::pack::{FORMAT, OutcomeKind, RulesPack, Text};
use crate::eligibility::{all_answers, matches};

/// Why a pack is malformed, in words a maintainer can act on.
pub type Problem = String;

fn slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn text(what: &str, t: &Text) -> Result<(), Problem> {
    if t.en.trim().is_empty() {
        return Err(format!("{what} has no English text"));
    }
    Ok(())
}

fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<HashSet<&'a str>, Problem> {
    let mut seen = HashSet::new();
    for id in ids {
        if !slug(id) {
            return Err(format!(
                "{what} id {id:?} must be lowercase letters, digits and dashes"
            ));
        }
        if !seen.insert(id) {
            return Err(format!("{what} id {id:?} appears twice"));
        }
    }
    Ok(seen)
}

/// Checks `pack`; the first problem found is returned.
pub fn validate(pack: &RulesPack) -> Result<(), Problem> {
    if pack.format != FORMAT {
        return Err(format!(
            "it is in format {}, this app reads format {FORMAT}",
            pack.format
        ));
    }
    if pack.version == 0 {
        return Err("its version must be 1 or more".into());
    }
    text("the pack title", &pack.title)?;
    let sources = unique("source", pack.sources.iter().map(|s| s.id.as_str()))?;
    for s in &pack.sources {
        text(&format!("source {}", s.id), &s.title)?;
        if !s.url.starts_with("https://") {
            return Err(format!("source {} must link to an https:// address", s.id));
        }
    }
    let source = |owner: &str, id: &str| {
        if sources.contains(id) {
            Ok(())
        } else {
            Err(format!("{owner} cites unknown source {id:?}"))
        }
    };
    let requirements = unique(
        "requirement",
        pack.requirements.iter().map(|r| r.id.as_str()),
    )?;
    for r in &pack.requirements {
        let owner = format!("requirement {}", r.id);
        text(&owner, &r.title)?;
        text(&owner, &r.description)?;
        source(&owner, &r.source)?;
        if r.file_types.is_empty() {
            return Err(format!("{owner} accepts no file type"));
        }
        let safe_name = !r.export_name.is_empty()
            && r.export_name.len() <= 64
            && r.export_name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !safe_name {
            return Err(format!(
                "{owner} export name {:?} must be letters, digits and dashes",
                r.export_name
            ));
        }
    }
    let categories = unique("category", pack.categories.iter().map(|c| c.id.as_str()))?;
    for c in &pack.categories {
        let owner = format!("category {}", c.id);
        text(&owner, &c.title)?;
        source(&owner, &c.source)?;
        if c.slots.is_empty() || c.slots.iter().any(Vec::is_empty) {
            return Err(format!("{owner} has an empty list of documents"));
        }
        for id in c.slots.iter().flatten() {
            if !requirements.contains(id.as_str()) {
                return Err(format!("{owner} needs unknown requirement {id:?}"));
            }
        }
    }
    unique("path", pack.paths.iter().map(|p| p.id.as_str()))?;
    for p in &pack.paths {
        let owner = format!("path {}", p.id);
        text(&owner, &p.why)?;
        source(&owner, &p.source)?;
        match (p.outcome, &p.category) {
            (OutcomeKind::Register, Some(id)) if categories.contains(id.as_str()) => {}
            (OutcomeKind::Register, Some(id)) => {
                return Err(format!("{owner} leads to unknown category {id:?}"));
            }
            (OutcomeKind::Register, None) => {
                return Err(format!("{owner} registers but names no category"));
            }
            (_, Some(_)) => {
                return Err(format!("{owner} names a category but does not register"));
            }
            (_, None) => {}
        }
    }
    if let Some(answers) = all_answers().find(|a| !pack.paths.iter().any(|p| matches(&p.when, a))) {
        return Err(format!("no path covers the answers {answers:?}"));
    }
    source(
        "the licensed-provider list",
        &pack.licensed_providers.source,
    )?;
    unique("deadline", pack.deadlines.iter().map(|d| d.id.as_str()))?;
    for d in &pack.deadlines {
        let owner = format!("deadline {}", d.id);
        text(&owner, &d.title)?;
        source(&owner, &d.source)?;
        if let Some(c) = d
            .categories
            .iter()
            .find(|c| !categories.contains(c.as_str()))
        {
            return Err(format!("{owner} concerns unknown category {c:?}"));
        }
    }
    Ok(())
}
