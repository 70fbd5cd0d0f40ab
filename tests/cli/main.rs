//! Integration tests: the `chronik` binary run against a scratch directory per test.

mod archive;
mod csv;
mod errors;
mod export;
mod extraction;
mod import;
mod query;
mod search;
mod ui;
mod workdir;
