//! Migrations are embedded with `refinery::embed_migrations!`, which reads
//! `migrations/` at compile time; tell cargo to rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
