//! Network evidence for the connection check: which public address the internet sees.
//!
//! This crate asks independent providers (HTTP echo services and DNS names) at the same
//! time and settles on an address once a quorum agrees ([`discover`]). Every endpoint,
//! timeout and the quorum come from [`config::NetConfig`], so tests and users behind a
//! proxy can point them anywhere. It returns the core's evidence types; it makes no
//! verdicts and stores nothing.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use vca_netcheck::{config::{Family, NetConfig}, provider::HttpClients};
//!
//! let cfg = Arc::new(NetConfig::default());
//! let clients = HttpClients::new(&cfg)?;
//! let v4 = vca_netcheck::discover(cfg, clients, Family::V4).await;
//! println!("{:?}: {:?}", v4.status, v4.address);
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

pub mod answer;
mod check;
pub mod config;
mod discover;
mod dns;
pub mod local;
pub mod provider;
pub mod ptr;
pub mod rdap;
pub mod router;

pub use check::check;
pub use discover::discover;
