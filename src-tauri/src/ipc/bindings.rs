//! Writes the TypeScript bindings in `ui/src/bindings/`: one file per Rust type (by ts-rs),
//! `commands.ts` (the typed command map) and `index.ts` (re-exports).
//!
//! Run `make bindings` after changing a command or a DTO; the test `bindings_are_fresh`
//! fails while the committed files differ from what this generates.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    path::{Path, PathBuf},
};

use ts_rs::{Config, ExportError, TS, TypeVisitor};

use super::{command_specs, event_specs};
use crate::error::IpcError;

/// The ts-rs configuration: 64-bit ids are plain JavaScript numbers (SQLite rowids stay far
/// below 2^53).
pub fn config() -> Config {
    Config::new().with_large_int("number")
}

type ExportFn = fn(&Config, &mut BTreeMap<String, PathBuf>) -> Result<(), ExportError>;
type ClaimFn = fn(&mut Claims);

/// Exports one type and everything it mentions, recording the importable names.
#[derive(Clone, Copy)]
pub struct Exporter(ExportFn, ClaimFn);

impl std::fmt::Debug for Exporter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Exporter")
    }
}

impl Exporter {
    /// The exporter of `T`: `T` itself if it is a named type, else the named types inside it
    /// (`Vec<Profile>` exports `Profile`).
    pub fn of<T: TS + 'static>() -> Self {
        Self(export_root::<T>, claim_root::<T>)
    }
}

/// Which Rust type writes each binding file; two types with one name would overwrite each
/// other's file silently, so every clash is recorded.
#[derive(Default)]
struct Claims {
    owners: BTreeMap<PathBuf, (std::any::TypeId, &'static str)>,
    clashes: Vec<String>,
}

impl TypeVisitor for Claims {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let Some(path) = T::output_path() else {
            T::visit_generics(self);
            return;
        };
        let me = (std::any::TypeId::of::<T>(), std::any::type_name::<T>());
        match self.owners.get(&path) {
            Some((id, _)) if *id == me.0 => {}
            Some((_, other)) => self.clashes.push(format!(
                "{} and {other} both write {}",
                me.1,
                path.display()
            )),
            None => {
                self.owners.insert(path, me);
                T::visit_dependencies(self);
                T::visit_generics(self);
            }
        }
    }
}

fn claim_root<T: TS + 'static>(claims: &mut Claims) {
    claims.visit::<T>();
}

/// Rust types that would write the same binding file (same name in TypeScript).
pub fn name_clashes() -> Vec<String> {
    let mut claims = Claims::default();
    (Exporter::of::<IpcError>().1)(&mut claims);
    for spec in command_specs() {
        for exporter in spec.exporters() {
            (exporter.1)(&mut claims);
        }
    }
    for event in event_specs() {
        (event.exporter().1)(&mut claims);
    }
    claims.clashes
}

struct Collector<'a> {
    cfg: &'a Config,
    imports: &'a mut BTreeMap<String, PathBuf>,
    error: Option<ExportError>,
}

impl TypeVisitor for Collector<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let Some(path) = T::output_path() else { return };
        if self.error.is_none() {
            self.error = T::export_all(self.cfg).err();
        }
        self.imports.insert(T::ident(self.cfg), path);
    }
}

fn export_root<T: TS + 'static>(
    cfg: &Config,
    imports: &mut BTreeMap<String, PathBuf>,
) -> Result<(), ExportError> {
    let mut collector = Collector {
        cfg,
        imports,
        error: None,
    };
    collector.visit::<T>();
    T::visit_generics(&mut collector);
    collector.error.map_or(Ok(()), Err)
}

fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        match (c, upper) {
            ('_', _) => upper = true,
            (c, true) => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            (c, false) => out.push(c),
        }
    }
    out
}

fn import_path(path: &Path) -> String {
    let stem = path.with_extension("");
    format!("./{}", stem.display()).replace('\\', "/")
}

/// Writes every binding into `dir`, which should be empty or hold only earlier bindings.
pub fn generate(dir: &Path) -> Result<(), ExportError> {
    let cfg = config().with_out_dir(dir);
    std::fs::create_dir_all(dir)?;

    let specs = command_specs();
    let events = event_specs();
    let mut imports = BTreeMap::new();
    for spec in &specs {
        for exporter in spec.exporters() {
            (exporter.0)(&cfg, &mut imports)?;
        }
    }
    for event in &events {
        (event.exporter().0)(&cfg, &mut imports)?;
    }
    (Exporter::of::<IpcError>().0)(&cfg, &mut BTreeMap::new())?;

    let mut ts = String::from(
        "// Generated from the command list in src-tauri/src/ipc/mod.rs by src-tauri/src/ipc/bindings.rs.\n\
         // Do not edit: run `make bindings`.\n\n",
    );
    for (name, path) in &imports {
        let _ = writeln!(
            ts,
            "import type {{ {name} }} from \"{}\";",
            import_path(path)
        );
    }
    ts.push_str("\n/** Every command: its arguments (as Tauri expects them, camelCase) and its result. */\nexport type Commands = {\n");
    for spec in &specs {
        let args = if spec.args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            let fields: Vec<String> = spec
                .args
                .iter()
                .map(|a| format!("{}: {}", camel_case(a.rust_name), a.ts_type))
                .collect();
            format!("{{ {} }}", fields.join("; "))
        };
        let _ = writeln!(
            ts,
            "  {}: {{ args: {args}; result: {} }};",
            spec.name, spec.result_ts_type
        );
    }
    ts.push_str(
        "};\n\n/** The command names, in declaration order. */\nexport const COMMAND_NAMES = [\n",
    );
    for spec in &specs {
        let _ = writeln!(ts, "  \"{}\",", spec.name);
    }
    ts.push_str("] as const satisfies readonly (keyof Commands)[];\n");
    ts.push_str(
        "\n/** Every event the backend emits, with its payload. */\nexport type Events = {\n",
    );
    for event in &events {
        let _ = writeln!(ts, "  \"{}\": {};", event.name, event.payload_ts_type);
    }
    ts.push_str("};\n");
    std::fs::write(dir.join("commands.ts"), ts)?;

    let mut types: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter_map(|n| n.strip_suffix(".ts").map(str::to_owned))
        .filter(|n| n != "index" && n != "commands")
        .collect();
    types.sort();
    let mut index = String::from(
        "// Generated by src-tauri/src/ipc/bindings.rs. Do not edit: run `make bindings`.\n",
    );
    for t in &types {
        let _ = writeln!(index, "export type {{ {t} }} from \"./{t}\";");
    }
    index.push_str("export type { Commands, Events } from \"./commands\";\nexport { COMMAND_NAMES } from \"./commands\";\n");
    std::fs::write(dir.join("index.ts"), index)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings")
    }

    fn read_all(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        (name, std::fs::read_to_string(e.path()).unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Regenerates into a temporary folder and compares with the committed bindings.
    /// With `VCA_UPDATE_BINDINGS=1` (what `make bindings` sets) it rewrites them instead.
    #[test]
    fn bindings_are_fresh() {
        let committed = committed_dir();
        if std::env::var_os("VCA_UPDATE_BINDINGS").is_some() {
            let _ = std::fs::remove_dir_all(&committed);
            generate(&committed).expect("write bindings");
            return;
        }
        let tmp = tempfile::tempdir().expect("tempdir");
        generate(tmp.path()).expect("generate bindings");
        let want = read_all(tmp.path());
        let have = read_all(&committed);
        let stale: Vec<&String> = want
            .keys()
            .chain(have.keys())
            .filter(|k| want.get(*k) != have.get(*k))
            .collect();
        assert!(
            stale.is_empty(),
            "the TypeScript bindings in ui/src/bindings are stale ({stale:?}); run `make bindings`"
        );
    }

    #[test]
    fn no_two_rust_types_share_a_typescript_name() {
        assert_eq!(name_clashes(), Vec::<String>::new());
    }

    #[test]
    fn argument_names_follow_tauris_camel_case() {
        assert_eq!(camel_case("profile_id"), "profileId");
        assert_eq!(camel_case("id"), "id");
    }
}
