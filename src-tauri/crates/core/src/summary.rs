//! The printable one-page summary in an exported package: the applicant's details in the
//! order the portal asks for them, the IPs with their subscriber IDs, the documents and the
//! checks. Plain HTML with its own print styles; no scripts, no remote content.

use std::fmt::Write as _;

use crate::{
    checklist::CheckState,
    export::{ExportedFile, Package},
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
h1{font-size:16pt;margin:0 0 .2em}h2{font-size:12pt;margin:1.2em 0 .3em}\
table{border-collapse:collapse;width:100%}th,td{text-align:start;padding:.2em .5em;border-bottom:1px solid #ccc;vertical-align:top}\
th{width:35%;font-weight:600}.mono{font-family:ui-monospace,monospace;font-size:9pt;word-break:break-all}\
.fail{color:#a00}.muted{color:#555}@page{size:A4;margin:1.5cm}@media print{body{margin:0}}";

/// The summary page.
pub fn html(package: &Package<'_>, files: &[ExportedFile], missing: &[String]) -> String {
    let d = package.details;
    let checklist = package.checklist;
    let mut s = String::new();
    let category = checklist
        .category
        .as_ref()
        .map_or_else(String::new, |c| c.title.en.clone());
    let _ = write!(
        s,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\
         <h1>{title}</h1><p class=\"muted\">{category} · prepared {date} by VPN Compliance Assistant{pack}</p>",
        title = esc(&format!(
            "Application summary: {}",
            package.profile.profile.name
        )),
        category = esc(&category),
        date = package.now.strftime("%Y-%m-%d"),
        pack = checklist
            .decision
            .as_ref()
            .map_or_else(String::new, |d| format!(", rules pack {}", d.pack_version)),
    );
    s.push_str("<h2>Applicant</h2><table>");
    for (label, value) in d.labelled() {
        if let Some(value) = value {
            let _ = write!(s, "<tr><th>{label}</th><td>{}</td></tr>", esc(value));
        }
    }
    s.push_str("</table>");
    if !package.profile.public_ips.is_empty() {
        s.push_str("<h2>IPs to register</h2><table><tr><th>IP</th><td><b>Subscriber ID</b> · label</td></tr>");
        for ip in &package.profile.public_ips {
            let _ = write!(
                s,
                "<tr><th class=\"mono\">{}</th><td>{} {}</td></tr>",
                esc(&ip.address),
                esc(ip.subscriber_id.as_deref().unwrap_or("—")),
                ip.label
                    .as_deref()
                    .map_or_else(String::new, |l| format!("· {}", esc(l))),
            );
        }
        s.push_str("</table>");
    }
    s.push_str("<h2>Documents</h2><table>");
    for f in files {
        let _ = write!(
            s,
            "<tr><th>{}</th><td class=\"mono\">SHA-256 {}</td></tr>",
            esc(&f.name),
            esc(&f.sha256)
        );
    }
    for m in missing {
        let _ = write!(
            s,
            "<tr><th class=\"fail\">Missing</th><td>{}</td></tr>",
            esc(m)
        );
    }
    s.push_str("</table><h2>Checks before submitting</h2><table>");
    for c in &checklist.checks {
        let (class, word) = match c.state {
            CheckState::Pass => ("", "OK"),
            CheckState::Fail => ("fail", "Fix"),
            CheckState::Unknown => ("muted", "Unknown"),
        };
        let _ = write!(
            s,
            "<tr><th class=\"{class}\">{word}</th><td>{}</td></tr>",
            esc(&c.message)
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
