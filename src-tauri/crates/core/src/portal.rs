//! The portal helper: the official page to open, and each value the portal asks for, in the
//! order it asks, ready to copy. The app never fills in or submits the portal's form.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    Result,
    applications::{ApplicationKind, ApplicationPortal},
    profile::Id,
    rules::RulesPack,
    store::Store,
};

/// One value to paste into the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PortalField {
    /// The portal's name for it.
    pub label: String,
    /// What to paste; `None` when it is still missing (enter it in the app first).
    pub value: Option<String>,
}

/// Everything the helper shows for one application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PortalHelper {
    /// The official page (from the rules pack), if the application is filed on a portal.
    pub url: Option<String>,
    /// What that page is.
    pub page_title: Option<String>,
    /// The values, in the portal's order.
    pub fields: Vec<PortalField>,
}

/// The rules pack's source id of each portal's page.
fn source_id(portal: ApplicationPortal) -> Option<&'static str> {
    match portal {
        ApplicationPortal::Pta => Some("pta-portal"),
        ApplicationPortal::PsebOneWindow => Some("pseb-registration"),
        ApplicationPortal::Isp => None,
    }
}

/// The helper for application `id`.
pub fn helper(store: &Store, pack: &RulesPack, id: Id) -> Result<PortalHelper> {
    let app = store.application(id)?;
    let d = store.applicant_details(app.profile_id)?;
    let detail = store.profile_detail(app.profile_id)?;
    let source = source_id(app.portal).and_then(|s| pack.source(s));
    let subscriber_ids: Vec<String> = detail
        .public_ips
        .iter()
        .filter(|ip| app.registered_ips.contains(&ip.address))
        .filter_map(|ip| ip.subscriber_id.clone())
        .collect();
    let category = app
        .category_id
        .as_deref()
        .and_then(|c| pack.category(c))
        .map(|c| c.title.en.clone());
    let firm = detail.profile.kind == crate::profile::ProfileKind::Firm;
    let join = |v: &[String]| (!v.is_empty()).then(|| v.join(", "));
    let mut fields = vec![
        ("Application type", category),
        (
            "Applicant's full name (as on the CNIC)",
            d.full_name.clone(),
        ),
        ("CNIC number", d.cnic.clone()),
        ("Email", d.email.clone().or_else(|| app.contact.clone())),
        ("Mobile number", d.mobile.clone()),
    ];
    if firm || d.company_name.is_some() {
        fields.extend([
            ("Company name", d.company_name.clone()),
            ("NTN", d.ntn.clone()),
            ("SECP registration number", d.secp_number.clone()),
        ]);
    }
    if d.pseb_number.is_some() || app.kind == ApplicationKind::PsebRegistration {
        fields.push(("PSEB registration number", d.pseb_number.clone()));
    }
    if app.registered_ips.is_empty() {
        fields.push(("Mobile number to register", app.mobile_number.clone()));
    } else {
        fields.extend([
            ("Internet service provider", d.isp.clone()),
            ("Subscriber ID (from the ISP bill)", join(&subscriber_ids)),
            ("IP address(es) to whitelist", join(&app.registered_ips)),
        ]);
    }
    fields.extend([
        (
            "VPN service",
            app.vpn_service.clone().or(d.vpn_service.clone()),
        ),
        (
            "VPN protocol",
            app.vpn_protocol.clone().or(d.vpn_protocol.clone()),
        ),
        ("Purpose of use", d.purpose.clone()),
    ]);
    Ok(PortalHelper {
        url: source.map(|s| s.url.clone()),
        page_title: source.map(|s| s.title.en.clone()),
        fields: fields
            .into_iter()
            .map(|(label, value)| PortalField {
                label: label.to_owned(),
                value,
            })
            .collect(),
    })
}
