//! The printable one-page summary in an exported package: the applicant's details in the
//! order the portal asks for them, the IPs with their subscriber IDs, the documents and the
//! checks. Plain HTML with its own print styles; no scripts, no remote content.

use std::fmt::Write as _;

use crate::{
    checklist::CheckState,
    export::{ExportedFile, Package},
    i18n::{self, Arg},
};

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:11pt/1.4 system-ui,sans-serif;margin:2em;color:#111}\
:lang(ur){font-family:'Noto Naskh Arabic','Noto Nastaliq Urdu','Jameel Noori Nastaleeq','Urdu Typesetting',system-ui,sans-serif;line-height:1.8}\
h1{font-size:16pt;margin:0 0 .2em}h2{font-size:12pt;margin:1.2em 0 .3em}\
table{border-collapse:collapse;width:100%}th,td{text-align:start;padding:.2em .5em;border-bottom:1px solid #ccc;vertical-align:top}\
th{width:35%;font-weight:600}.mono{font-family:ui-monospace,monospace;font-size:9pt;word-break:break-all}\
.fail{color:#a00}.muted{color:#555}@page{size:A4;margin:1.5cm}@media print{body{margin:0}}";

/// The summary page, in the package's language. Values (names, numbers, IPs, hashes) are
/// shown as typed, left to right inside Urdu.
pub fn html(package: &Package<'_>, files: &[ExportedFile], missing: &[String]) -> String {
    let lang = package.lang;
    let c = i18n::domain();
    let say = |key: &str, params: &[(&str, Arg)]| esc(&c.say(lang, key, params));
    let word = |key: &str| esc(c.template(lang, key));
    let d = package.details;
    let checklist = package.checklist;
    let mut s = String::new();
    let category = checklist
        .category
        .as_ref()
        .map_or_else(String::new, |c| c.title.in_lang(lang).to_owned());
    let prepared = say(
        "summary.prepared",
        &[
            ("category", category.into()),
            ("date", package.now.strftime("%Y-%m-%d").to_string().into()),
        ],
    );
    let pack = checklist.decision.as_ref().map_or_else(String::new, |d| {
        format!(
            " · {}",
            say("summary.pack", &[("version", d.pack_version.into())])
        )
    });
    let _ = write!(
        s,
        "<!doctype html><html lang=\"{tag}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\
         <h1>{title}</h1><p class=\"muted\">{prepared}{pack}</p>",
        tag = lang.tag(),
        dir = if lang.is_rtl() { "rtl" } else { "ltr" },
        title = say(
            "summary.title",
            &[("name", package.profile.profile.name.as_str().into())]
        ),
    );
    let _ = write!(s, "<h2>{}</h2><table>", word("summary.applicant"));
    for (field, value) in d.fields() {
        if let Some(value) = value {
            let _ = write!(
                s,
                "<tr><th>{}</th><td dir=\"auto\">{}</td></tr>",
                word(&format!("details.{field}")),
                esc(value)
            );
        }
    }
    s.push_str("</table>");
    if !package.profile.public_ips.is_empty() {
        let _ = write!(
            s,
            "<h2>{}</h2><table><tr><th>IP</th><td><b>{}</b> · {}</td></tr>",
            word("summary.ips"),
            word("summary.subscriberId"),
            word("summary.label")
        );
        for ip in &package.profile.public_ips {
            let _ = write!(
                s,
                "<tr><th class=\"mono\" dir=\"ltr\">{}</th><td><bdi>{}</bdi> {}</td></tr>",
                esc(&ip.address),
                esc(ip.subscriber_id.as_deref().unwrap_or("—")),
                ip.label
                    .as_deref()
                    .map_or_else(String::new, |l| format!("· <bdi>{}</bdi>", esc(l))),
            );
        }
        s.push_str("</table>");
    }
    let _ = write!(s, "<h2>{}</h2><table>", word("summary.documents"));
    for f in files {
        let _ = write!(
            s,
            "<tr><th dir=\"ltr\">{}</th><td class=\"mono\" dir=\"ltr\">SHA-256 {}</td></tr>",
            esc(&f.name),
            esc(&f.sha256)
        );
    }
    for m in missing {
        let _ = write!(
            s,
            "<tr><th class=\"fail\">{}</th><td>{}</td></tr>",
            word("summary.missing"),
            esc(m)
        );
    }
    let _ = write!(s, "</table><h2>{}</h2><table>", word("summary.checks"));
    for check in &checklist.checks {
        let class = match check.state {
            CheckState::Pass => "",
            CheckState::Fail => "fail",
            CheckState::Unknown => "muted",
        };
        let _ = write!(
            s,
            "<tr><th class=\"{class}\">{}</th><td>{}</td></tr>",
            word(&format!(
                "documents.check.{}",
                i18n::variant_name(&check.state)
            )),
            esc(&check.note.text(lang))
        );
    }
    s.push_str("</table></body></html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn markup_in_user_text_is_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
