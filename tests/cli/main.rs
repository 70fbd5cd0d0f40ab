//! Integration tests: the `chronik` binary run against a scratch directory per test.

mod archive;
mod bad_input;
mod concurrency;
mod corpus;
mod crash;
mod csv;
mod damaged;
mod errors;
mod export;
mod extraction;
mod import;
mod odds;
mod props;
mod query;
mod reimport;
mod search;
mod ui;
mod workdir;
