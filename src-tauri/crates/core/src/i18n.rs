//! The domain's words in English and Urdu, written once and shared by every front end.
//!
//! The core does not write sentences: it says *what* it found as a [`Message`], a key into the
//! catalogue with the values the sentence names. The desktop app merges the domain catalogue
//! (`locales/*.json` in this crate) into its own and words each message in the user's language;
//! the CLI, the desktop notifications and the exported summary word it here, with
//! [`Message::text`]. One template per key and language, so the CLI and the app never drift.
//!
//! Templates fill `{name}` placeholders. In Urdu every value is wrapped in Unicode isolates
//! (U+2068 … U+2069), so an IP, a number or a date keeps its own left-to-right order inside the
//! right-to-left sentence, the same rule the app follows.

use std::{collections::BTreeMap, collections::HashMap, sync::LazyLock};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{rules::Text, settings::Language};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Urdu, written right to left.
    Ur,
}

impl Lang {
    /// The language for a [`Language`] setting; `System` follows `system_locale` (e.g. the
    /// `LANG` variable, `ur_PK.UTF-8`), falling back to English.
    pub fn resolve(setting: Language, system_locale: Option<&str>) -> Self {
        match setting {
            Language::En => Self::En,
            Language::Ur => Self::Ur,
            Language::System => system_locale.and_then(Self::from_tag).unwrap_or(Self::En),
        }
    }

    /// The language a locale tag names (`ur`, `ur-PK`, `ur_PK.UTF-8`, `en_GB`), if supported.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let base = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Self::En),
            "ur" => Some(Self::Ur),
            _ => None,
        }
    }

    /// Whether text in this language runs right to left.
    pub fn is_rtl(self) -> bool {
        self == Self::Ur
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ur => "ur-PK",
        }
    }
}

/// A value a message names: a text (an IP, a name, a date), a number, or a word that is
/// itself in the catalogue ("a WireGuard tunnel", "fixed").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum Arg {
    /// Shown as it is.
    Text(String),
    /// A count; front ends format it for the language.
    Number(i64),
    /// The catalogue's words for `key`, in the message's language.
    Term {
        /// The catalogue key.
        key: String,
    },
    /// A text that carries its own translations (from the rules pack).
    Translated(Text),
}

impl Arg {
    /// The catalogue's words for `key`.
    pub fn term(key: &str) -> Self {
        Self::Term {
            key: key.to_owned(),
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Number(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Self::Number(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u8> for Arg {
    fn from(n: u8) -> Self {
        Self::Number(i64::from(n))
    }
}

/// Something to say: a catalogue key and the values its sentence names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// The key in the domain catalogue, e.g. `evidence.servicesAgree`.
    pub key: String,
    /// The values, by placeholder name.
    pub params: BTreeMap<String, Arg>,
}

impl Message {
    /// A message without values.
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            params: BTreeMap::new(),
        }
    }

    /// The same message with `name` set to `value`.
    #[must_use]
    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Self {
        self.params.insert(name.to_owned(), value.into());
        self
    }

    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        domain().fill(lang, &self.key, &self.params)
    }
}

/// Templates by key, in English and Urdu.
#[derive(Debug, Default)]
pub struct Catalogue {
    en: HashMap<String, String>,
    ur: HashMap<String, String>,
}

impl Catalogue {
    /// Parses the two JSON objects of key → template.
    pub fn from_json(en: &str, ur: &str) -> serde_json::Result<Self> {
        Ok(Self {
            en: serde_json::from_str(en)?,
            ur: serde_json::from_str(ur)?,
        })
    }

    fn map(&self, lang: Lang) -> &HashMap<String, String> {
        match lang {
            Lang::En => &self.en,
            Lang::Ur => &self.ur,
        }
    }

    /// Every key, in `lang`'s catalogue.
    pub fn keys(&self, lang: Lang) -> impl Iterator<Item = &str> {
        self.map(lang).keys().map(String::as_str)
    }

    /// The template for `key` in `lang`: English where Urdu lacks it, the key itself where
    /// both do (a bug the catalogue tests catch, never a blank).
    pub fn template<'a>(&'a self, lang: Lang, key: &'a str) -> &'a str {
        self.map(lang)
            .get(key)
            .or_else(|| self.en.get(key))
            .map_or(key, String::as_str)
    }

    /// The template for `key` in `lang` with its placeholders filled from `params`. A
    /// placeholder without a value stays visible as `{name}` rather than vanishing.
    pub fn fill(&self, lang: Lang, key: &str, params: &BTreeMap<String, Arg>) -> String {
        let template = self.template(lang, key);
        // A template that is one value and nothing else has no surrounding text to protect.
        let isolate = lang.is_rtl()
            && !template
                .strip_prefix('{')
                .and_then(|t| t.strip_suffix('}'))
                .is_some_and(is_name);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}').map(|close| (&after[..close], close)) {
                Some((name, close)) if is_name(name) => {
                    let value = match params.get(name) {
                        Some(Arg::Text(s)) => Some(s.clone()),
                        Some(Arg::Number(n)) => Some(n.to_string()),
                        // A word of the sentence's own language: nothing to isolate.
                        Some(Arg::Term { key }) => {
                            out.push_str(self.template(lang, key));
                            None
                        }
                        Some(Arg::Translated(text)) => match (lang, &text.ur) {
                            (Lang::Ur, Some(ur)) => {
                                out.push_str(ur);
                                None
                            }
                            // English inside Urdu is isolated like any other value.
                            _ => Some(text.en.clone()),
                        },
                        None => {
                            out.push_str(&rest[open..open + close + 2]);
                            None
                        }
                    };
                    if let Some(value) = value {
                        if isolate {
                            out.push('\u{2068}');
                            out.push_str(&value);
                            out.push('\u{2069}');
                        } else {
                            out.push_str(&value);
                        }
                    }
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// [`Catalogue::fill`] with values given inline.
    pub fn say(&self, lang: Lang, key: &str, params: &[(&str, Arg)]) -> String {
        let params = params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        self.fill(lang, key, &params)
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The placeholder names a template uses.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

static DOMAIN: LazyLock<Catalogue> = LazyLock::new(|| {
    Catalogue::from_json(
        include_str!("../locales/en.json"),
        include_str!("../locales/ur.json"),
    )
    .unwrap_or_else(|e| {
        // Caught by the tests; at run time the keys show instead of sentences.
        tracing::error!("the domain catalogue does not parse: {e}");
        Catalogue::default()
    })
});

/// The domain catalogue (`locales/en.json`, `locales/ur.json`).
pub fn domain() -> &'static Catalogue {
    &DOMAIN
}

/// The name serde gives `value`'s variant: a unit variant's string, or an internally tagged
/// variant's `kind`. Catalogue keys end in it (`verdict.kind.behindCgnat`), as in the UI.
pub fn variant_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(v) => v
            .get("kind")
            .and_then(|k| k.as_str())
            .unwrap_or_default()
            .to_owned(),
        Err(_) => String::new(),
    }
}

/// A list of values in `lang`: "a, b and c" / "a، b اور c".
pub fn list(lang: Lang, items: &[String]) -> String {
    let (comma, and) = match lang {
        Lang::En => (", ", " and "),
        Lang::Ur => ("، ", " اور "),
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{}{and}{last}", head.join(comma)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;

    #[test]
    fn both_domain_catalogues_parse_and_have_the_same_keys_and_placeholders() {
        let en: HashMap<String, String> =
            serde_json::from_str(include_str!("../locales/en.json")).expect("en.json");
        let ur: HashMap<String, String> =
            serde_json::from_str(include_str!("../locales/ur.json")).expect("ur.json");
        assert!(en.len() > 100, "{} keys", en.len());
        let mut missing: Vec<_> = en.keys().filter(|k| !ur.contains_key(*k)).collect();
        missing.extend(ur.keys().filter(|k| !en.contains_key(*k)));
        assert!(missing.is_empty(), "keys in one language only: {missing:?}");
        for (key, english) in &en {
            assert_eq!(
                placeholders(english),
                placeholders(&ur[key]),
                "{key}: the Urdu template must name the same values"
            );
            assert!(!ur[key].trim().is_empty(), "{key} is blank in Urdu");
        }
        assert_eq!(domain().keys(Lang::En).count(), en.len());
    }

    /// Every literal key the core's code says (`Message::new("…")`, `Arg::term("…")`,
    /// `say(lang, "…")`) is in the catalogue, so no user ever sees a bare key.
    #[test]
    fn every_key_the_code_uses_is_in_the_catalogue() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = Vec::new();
        let mut stack = vec![src];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("read src") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let code = std::fs::read_to_string(&path).expect("read");
                    for opener in ["Message::new(\"", "Arg::term(\"", "Message::new(match"] {
                        for (at, _) in code.match_indices(opener) {
                            let rest = &code[at + opener.len()..];
                            // `Message::new(match … { … => "key", … })`: the arms' keys.
                            let span = if opener.ends_with("match") {
                                &rest[..rest.find("})").unwrap_or(0)]
                            } else {
                                &rest[..rest.find('"').unwrap_or(0)]
                            };
                            if opener.ends_with("match") {
                                for arm in span.split("=> \"").skip(1) {
                                    used.push(arm[..arm.find('"').unwrap_or(0)].to_owned());
                                }
                            } else {
                                used.push(span.to_owned());
                            }
                        }
                    }
                }
            }
        }
        used.retain(|k| k.contains('.'));
        assert!(used.len() > 40, "found only {} keys", used.len());
        let en: Vec<&str> = domain().keys(Lang::En).collect();
        let missing: Vec<_> = used.iter().filter(|k| !en.contains(&k.as_str())).collect();
        assert!(
            missing.is_empty(),
            "keys not in locales/en.json: {missing:?}"
        );
    }

    #[test]
    fn values_fill_in_and_are_isolated_in_urdu() {
        let c = Catalogue::from_json(
            r#"{"k": "{ip} held for {days} days", "only": "en only"}"#,
            r#"{"k": "{ip} {days} دن سے وہی ہے"}"#,
        )
        .expect("parse");
        let params = [("ip", Arg::from("39.32.10.5")), ("days", Arg::from(20u32))];
        assert_eq!(c.say(Lang::En, "k", &params), "39.32.10.5 held for 20 days");
        assert_eq!(
            c.say(Lang::Ur, "k", &params),
            "\u{2068}39.32.10.5\u{2069} \u{2068}20\u{2069} دن سے وہی ہے"
        );
        assert_eq!(
            c.say(Lang::Ur, "only", &[]),
            "en only",
            "English fills a gap"
        );
        assert_eq!(
            c.say(
                Lang::En,
                "k",
                &[("ip", Arg::term("only")), ("days", 2u32.into())]
            ),
            "en only held for 2 days",
            "a term is the catalogue's words"
        );
        let pack_text = |ur: Option<&str>| {
            Arg::Translated(Text {
                en: "CNIC".into(),
                ur: ur.map(str::to_owned),
            })
        };
        assert_eq!(
            c.say(
                Lang::Ur,
                "k",
                &[
                    ("ip", pack_text(Some("شناختی کارڈ"))),
                    ("days", 1u32.into())
                ]
            ),
            "شناختی کارڈ \u{2068}1\u{2069} دن سے وہی ہے"
        );
        assert_eq!(
            c.say(
                Lang::Ur,
                "k",
                &[("ip", pack_text(None)), ("days", 1u32.into())]
            ),
            "\u{2068}CNIC\u{2069} \u{2068}1\u{2069} دن سے وہی ہے",
            "English in Urdu is isolated"
        );
        assert_eq!(c.say(Lang::En, "absent", &[]), "absent");
        let own =
            Catalogue::from_json(r#"{"said": "{text}"}"#, r#"{"said": "{text}"}"#).expect("parse");
        assert_eq!(
            own.say(Lang::Ur, "said", &[("text", "Call the ISP".into())]),
            "Call the ISP",
            "a value alone needs no isolating"
        );
        assert_eq!(
            c.say(Lang::En, "k", &[]),
            "{ip} held for {days} days",
            "a missing value stays visible"
        );
    }

    #[test]
    fn braces_that_are_not_placeholders_are_kept() {
        let c = Catalogue::from_json(r#"{"k": "a {b c} {} {x"}"#, "{}").expect("parse");
        let json =
            serde_json::to_string(&Message::new("k").arg("n", 2u32).arg("t", Arg::term("x")))
                .expect("encode");
        assert_eq!(json, r#"{"key":"k","params":{"n":2,"t":{"key":"x"}}}"#);
        assert_eq!(
            serde_json::from_str::<Message>(r#"{"key":"k","params":{"p":{"en":"a","ur":"ب"}}}"#)
                .expect("decode")
                .params["p"],
            Arg::Translated(Text {
                en: "a".into(),
                ur: Some("ب".into())
            })
        );
        assert_eq!(c.say(Lang::En, "k", &[("x", "1".into())]), "a {b c} {} {x");
    }

    #[test]
    fn the_language_setting_and_the_system_locale_pick_the_language() {
        assert_eq!(Lang::resolve(Language::Ur, Some("en_GB.UTF-8")), Lang::Ur);
        assert_eq!(
            Lang::resolve(Language::System, Some("ur_PK.UTF-8")),
            Lang::Ur
        );
        assert_eq!(Lang::resolve(Language::System, Some("ur")), Lang::Ur);
        assert_eq!(Lang::resolve(Language::System, Some("fr_FR")), Lang::En);
        assert_eq!(Lang::resolve(Language::System, None), Lang::En);
        assert_eq!(Lang::resolve(Language::En, Some("ur_PK")), Lang::En);
    }

    #[test]
    fn lists_join_in_each_language() {
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(list(Lang::En, &items), "a, b and c");
        assert_eq!(list(Lang::Ur, &items), "a، b اور c");
        assert_eq!(list(Lang::En, &items[..1]), "a");
        assert_eq!(list(Lang::En, &[]), "");
    }
}
