//! Reading articles: find the files, turn bytes into text, take the page
//! furniture out and read outlet, URL and date. Nothing here touches SQLite.

pub mod clean;
pub mod decode;
pub mod discover;
pub mod meta;
pub mod readahead;
