//! The CLI's words: its own labels (`locales/*.json` in this crate) and the domain's (the
//! core's catalogue), in the language of `--lang`, `VCA_LANG` or the system.

use std::sync::LazyLock;

use vca_core::i18n::{self, Arg, Catalogue, Lang, Message};

static CLI: LazyLock<Catalogue> = LazyLock::new(|| {
    Catalogue::from_json(
        include_str!("../locales/en.json"),
        include_str!("../locales/ur.json"),
    )
    .unwrap_or_else(|e| {
        tracing::error!("the CLI catalogue does not parse: {e}");
        Catalogue::default()
    })
});

/// Without Unicode isolates: terminals either lay out bidirectional text themselves or not at
/// all, and many draw the isolate marks as boxes.
pub fn plain(text: String) -> String {
    if text.contains(['\u{2068}', '\u{2069}']) {
        text.replace(['\u{2068}', '\u{2069}'], "")
    } else {
        text
    }
}

/// Words in one language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub lang: Lang,
}

impl Words {
    /// A label of the CLI's own (`cli.*`) or of the domain, with its values.
    pub fn say(self, key: &str, params: &[(&str, Arg)]) -> String {
        plain(if key.starts_with("cli.") {
            CLI.say(self.lang, key, params)
        } else {
            i18n::domain().say(self.lang, key, params)
        })
    }

    /// A label without values.
    pub fn word(self, key: &str) -> String {
        self.say(key, &[])
    }

    /// A message from the core.
    pub fn message(self, m: &Message) -> String {
        plain(m.text(self.lang))
    }

    /// A text from the rules pack.
    pub fn pack(self, t: &vca_core::rules::Text) -> String {
        t.in_lang(self.lang).to_owned()
    }

    /// The domain's word for an enum value, under `prefix` (`verdict.kind`).
    pub fn variant<T: serde::Serialize>(self, prefix: &str, value: &T) -> String {
        self.word(&format!("{prefix}.{}", i18n::variant_name(value)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn both_cli_catalogues_have_the_same_keys_and_placeholders() {
        let en: HashMap<String, String> =
            serde_json::from_str(include_str!("../locales/en.json")).expect("en.json");
        let ur: HashMap<String, String> =
            serde_json::from_str(include_str!("../locales/ur.json")).expect("ur.json");
        assert!(en.len() > 20);
        for (key, english) in &en {
            let urdu = ur.get(key).unwrap_or_else(|| panic!("{key} has no Urdu"));
            assert_eq!(
                i18n::placeholders(english),
                i18n::placeholders(urdu),
                "{key}"
            );
        }
        assert_eq!(en.len(), ur.len(), "Urdu has keys English lacks");
    }

    /// Every `cli.*` key the code names is in the catalogue.
    #[test]
    fn every_key_the_cli_uses_is_in_its_catalogue() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let en: HashMap<String, String> =
            serde_json::from_str(include_str!("../locales/en.json")).expect("en.json");
        let mut used = 0;
        for entry in std::fs::read_dir(src).expect("src") {
            let code = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
            for (at, _) in code.match_indices("\"cli.") {
                let key = &code[at + 1..];
                let key = &key[..key.find('"').unwrap_or(0)];
                if key.ends_with('.') || key.contains('{') {
                    continue; // a prefix, completed at run time
                }
                used += 1;
                assert!(en.contains_key(key), "{key} is not in locales/en.json");
            }
        }
        assert!(used > 20, "found {used} keys");
    }
}
