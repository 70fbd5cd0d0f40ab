//! chronik turns a pile of news articles into a SQLite archive people can question.
//!
//! The crate reads as the pipeline it is:
//!
//! - [`ingest`]: find files ([`ingest::discover`]), turn bytes into text
//!   ([`ingest::decode`]), take page furniture out ([`ingest::clean`]) and read
//!   outlet, URL and date ([`ingest::meta`]). Text in, values out; no SQLite.
//! - [`extract`]: pure functions of a cleaned article: names, entity resolution,
//!   dates, events, citations. No SQLite either, so every stage is unit-testable
//!   and can run in parallel.
//! - [`store`]: the single writer that puts an article and everything derived
//!   from it into the archive in one transaction.
//! - [`archive`]: opening a database: version checks, refinery migrations, pragmas.
//! - [`query`]: canned queries, search, read-only SQL and the output formats.
//! - [`stem`]: German word stems, shared by the search index and search queries.
//! - [`cli`]: one file per command; holds no SQL of its own.
//!
//! Knowledge that is not logic (gazetteer, boilerplate rules, month names,
//! event triggers) lives in `data/` and is compiled into the binary, so a
//! single file is all a user needs.

pub mod archive;
pub mod cli;
pub mod extract;
pub mod import;
pub mod ingest;
pub mod knowledge;
pub mod query;
pub mod reindex;
pub mod stem;
pub mod store;
pub mod text;
