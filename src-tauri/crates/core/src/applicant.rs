//! The applicant's details as the portal asks for them, with Pakistani formats checked.
//!
//! Every field is optional while the user fills the form; [`ApplicantDetails::normalized`]
//! checks what is there and writes it the way the portal expects (`#####-#######-#` for a
//! CNIC, `+92 3xx xxxxxxx` for a mobile). Which fields a category requires is decided by
//! [`ApplicantDetails::missing_for`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    Error, Result,
    profile::{optional_email, optional_text},
    rules::{Category, Registers},
};

/// What the applicant tells the portal about themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ApplicantDetails {
    /// As printed on the CNIC.
    pub full_name: Option<String>,
    /// `#####-#######-#`.
    pub cnic: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// `+92 3xx xxxxxxx`; for the mobile-number path, the number registered.
    pub mobile: Option<String>,
    /// For firms.
    pub company_name: Option<String>,
    /// FBR National Tax Number, `#######-#` (or a 13-digit CNIC for individuals).
    pub ntn: Option<String>,
    /// SECP company registration number (CUIN).
    pub secp_number: Option<String>,
    /// PSEB registration number (freelancer or call center).
    pub pseb_number: Option<String>,
    /// The ISP that provides the fixed IP.
    pub isp: Option<String>,
    /// The VPN service or product used.
    pub vpn_service: Option<String>,
    /// E.g. WireGuard, OpenVPN, IPsec.
    pub vpn_protocol: Option<String>,
    /// What the VPN is used for, in a sentence.
    pub purpose: Option<String>,
}

fn digits(value: &str) -> String {
    value.chars().filter(char::is_ascii_digit).collect()
}

/// Only digits and the usual separators.
fn only_number_chars(value: &str) -> bool {
    value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '+' | '(' | ')'))
}

/// Checks and formats a CNIC as `#####-#######-#`.
pub fn normalize_cnic(field: &'static str, value: &str) -> Result<String> {
    let d = digits(value);
    if d.len() != 13 || !only_number_chars(value) || value.contains('+') {
        return Err(Error::invalid(
            field,
            "a CNIC has 13 digits, written like 35202-1234567-1",
        ));
    }
    Ok(format!("{}-{}-{}", &d[..5], &d[5..12], &d[12..]))
}

/// Checks and formats a Pakistani mobile number as `+92 3xx xxxxxxx`.
///
/// Accepts `03001234567`, `+923001234567`, `0092 300 1234567` and `923001234567`.
pub fn normalize_mobile(field: &'static str, value: &str) -> Result<String> {
    let d = digits(value);
    let national = if !only_number_chars(value) {
        None
    } else if let Some(rest) = d.strip_prefix("0092") {
        Some(rest)
    } else if let Some(rest) = d.strip_prefix("92").filter(|r| r.len() == 10) {
        Some(rest)
    } else {
        d.strip_prefix('0')
    };
    match national {
        Some(n) if n.len() == 10 && n.starts_with('3') => {
            Ok(format!("+92 {} {}", &n[..3], &n[3..]))
        }
        _ => Err(Error::invalid(
            field,
            "write a Pakistani mobile number like 0300 1234567 or +92 300 1234567",
        )),
    }
}

/// Checks and formats an NTN: `#######-#`, or a 13-digit CNIC (individuals' NTN).
pub fn normalize_ntn(field: &'static str, value: &str) -> Result<String> {
    let d = digits(value);
    if only_number_chars(value) && !value.contains('+') {
        if d.len() == 8 {
            return Ok(format!("{}-{}", &d[..7], &d[7..]));
        }
        if d.len() == 13 {
            return normalize_cnic(field, value);
        }
    }
    Err(Error::invalid(
        field,
        "an NTN has 8 digits, written like 1234567-8 (individuals may use their 13-digit CNIC)",
    ))
}

fn registration_number(field: &'static str, label: &str, value: &str) -> Result<String> {
    let ok = (3..=40).contains(&value.len())
        && value.chars().any(|c| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | ' '));
    if ok {
        Ok(value.to_uppercase())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "{label} is letters, digits, dashes and slashes, as printed on the certificate"
            ),
        ))
    }
}

impl ApplicantDetails {
    /// Checks every field that is filled and returns them trimmed and formatted.
    pub fn normalized(&self) -> Result<Self> {
        fn text(field: &'static str, label: &str, v: &Option<String>) -> Result<Option<String>> {
            optional_text(field, label, v.as_deref())
        }
        fn with(
            field: &'static str,
            label: &str,
            v: &Option<String>,
            f: &dyn Fn(&'static str, &str) -> Result<String>,
        ) -> Result<Option<String>> {
            text(field, label, v)?.map(|v| f(field, &v)).transpose()
        }
        Ok(Self {
            full_name: text("fullName", "the full name", &self.full_name)?,
            cnic: with("cnic", "the CNIC", &self.cnic, &normalize_cnic)?,
            email: optional_email("email", self.email.as_deref())?,
            mobile: with(
                "mobile",
                "the mobile number",
                &self.mobile,
                &normalize_mobile,
            )?,
            company_name: text("companyName", "the company name", &self.company_name)?,
            ntn: with("ntn", "the NTN", &self.ntn, &normalize_ntn)?,
            secp_number: with(
                "secpNumber",
                "the SECP number",
                &self.secp_number,
                &|f, v| registration_number(f, "the SECP registration number", v),
            )?,
            pseb_number: with(
                "psebNumber",
                "the PSEB number",
                &self.pseb_number,
                &|f, v| registration_number(f, "the PSEB registration number", v),
            )?,
            isp: text("isp", "the ISP", &self.isp)?,
            vpn_service: text("vpnService", "the VPN service", &self.vpn_service)?,
            vpn_protocol: text("vpnProtocol", "the VPN protocol", &self.vpn_protocol)?,
            purpose: text("purpose", "the purpose", &self.purpose)?,
        })
    }

    /// Every field with its value, in the portal's order, named as in the DTO (camelCase), which
    /// is also its label's key in the domain catalogue (`details.<field>`).
    pub fn fields(&self) -> [(&'static str, Option<&str>); 12] {
        [
            ("fullName", self.full_name.as_deref()),
            ("cnic", self.cnic.as_deref()),
            ("email", self.email.as_deref()),
            ("mobile", self.mobile.as_deref()),
            ("companyName", self.company_name.as_deref()),
            ("ntn", self.ntn.as_deref()),
            ("secpNumber", self.secp_number.as_deref()),
            ("psebNumber", self.pseb_number.as_deref()),
            ("isp", self.isp.as_deref()),
            ("vpnService", self.vpn_service.as_deref()),
            ("vpnProtocol", self.vpn_protocol.as_deref()),
            ("purpose", self.purpose.as_deref()),
        ]
    }

    /// The fields (camelCase names) `category` needs that are still empty.
    pub fn missing_for(&self, category: &Category) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let need =
            |missing: &mut Vec<&'static str>, field: &'static str, value: &Option<String>| {
                if value.is_none() {
                    missing.push(field);
                }
            };
        need(&mut missing, "fullName", &self.full_name);
        need(&mut missing, "cnic", &self.cnic);
        need(&mut missing, "email", &self.email);
        need(&mut missing, "mobile", &self.mobile);
        need(&mut missing, "purpose", &self.purpose);
        let firm = category
            .slots
            .iter()
            .flatten()
            .any(|r| matches!(r.as_str(), "incorporation-certificate" | "ntn-certificate"));
        if firm {
            need(&mut missing, "companyName", &self.company_name);
            if self.ntn.is_none() && self.secp_number.is_none() {
                missing.push("ntn");
            }
        }
        if category.registers == Registers::StaticIp {
            need(&mut missing, "isp", &self.isp);
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cnics_are_formatted_and_wrong_lengths_refused() {
        assert_eq!(
            normalize_cnic("cnic", "3520212345671").expect("ok"),
            "35202-1234567-1"
        );
        assert_eq!(
            normalize_cnic("cnic", " 35202-1234567-1 ").expect("ok"),
            "35202-1234567-1"
        );
        for bad in [
            "35202-123456-1",
            "35202-1234567-12",
            "3520A1234567",
            "+3520212345671",
        ] {
            let err = normalize_cnic("cnic", bad).expect_err(bad);
            assert_eq!(err.field(), Some("cnic"));
            assert!(err.to_string().contains("13 digits"), "{err}");
        }
    }

    #[test]
    fn mobiles_in_every_usual_form_become_one() {
        for ok in [
            "03001234567",
            "+92 300 1234567",
            "0092-300-1234567",
            "923001234567",
            "0300-1234567",
        ] {
            assert_eq!(
                normalize_mobile("mobile", ok).expect(ok),
                "+92 300 1234567",
                "{ok}"
            );
        }
        for bad in [
            "0421234567",
            "+44 7700 900123",
            "0300123456",
            "03001234567x",
            "04235761234",
        ] {
            assert!(
                normalize_mobile("mobile", bad).is_err(),
                "{bad} should be refused"
            );
        }
    }

    #[test]
    fn ntns_take_both_forms() {
        assert_eq!(normalize_ntn("ntn", "12345678").expect("ok"), "1234567-8");
        assert_eq!(
            normalize_ntn("ntn", "3520212345671").expect("ok"),
            "35202-1234567-1"
        );
        assert!(normalize_ntn("ntn", "123").is_err());
    }

    #[test]
    fn normalized_reports_the_first_bad_field() {
        let details = ApplicantDetails {
            full_name: Some("  Ayesha Khan ".into()),
            cnic: Some("35202 1234567 1".into()),
            email: Some("ayesha@example".into()),
            ..Default::default()
        };
        let err = details.normalized().expect_err("bad email");
        assert_eq!(err.field(), Some("email"));
        let fixed = ApplicantDetails {
            email: Some("ayesha@example.pk".into()),
            pseb_number: Some("pseb/fl/2025/123".into()),
            ..details
        }
        .normalized()
        .expect("valid");
        assert_eq!(fixed.full_name.as_deref(), Some("Ayesha Khan"));
        assert_eq!(fixed.cnic.as_deref(), Some("35202-1234567-1"));
        assert_eq!(fixed.pseb_number.as_deref(), Some("PSEB/FL/2025/123"));
    }

    #[test]
    fn a_company_needs_its_name_and_tax_or_secp_number() {
        let pack = crate::rules::shipped();
        let company = pack.category("company").expect("company");
        let missing = ApplicantDetails::default().missing_for(company);
        assert!(
            missing.contains(&"companyName")
                && missing.contains(&"ntn")
                && missing.contains(&"isp")
        );
        let freelancer_mobile = pack.category("freelancer-mobile").expect("mobile path");
        let missing = ApplicantDetails::default().missing_for(freelancer_mobile);
        assert!(
            !missing.contains(&"companyName") && !missing.contains(&"isp"),
            "{missing:?}"
        );
    }
}
