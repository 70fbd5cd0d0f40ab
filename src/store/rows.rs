//! Many rows per INSERT statement.
//!
//! SQLite copies every page a statement changes into a statement journal
//! first, so that it can undo that statement alone should it fail halfway,
//! and an insert that fires triggers (the counts of schema V4, the event
//! links' dates and outlets) is such a statement. One row per statement
//! copied the same hot pages (the last leaves of the indexes and counts)
//! once per row: with a mention insert per mention, that copying was an
//! eighth of the writer's samples at 10,000 articles. Rows go in in the
//! order given, and each fires its triggers as before, so ids and counts
//! are what one insert per row gives.

/// The statements inserting 1 to `max` rows into one table.
pub(super) struct Rows {
    sql: Vec<String>,
    shared: usize,
    own: usize,
}

impl Rows {
    /// `head` runs up to and with `VALUES`; `row` is one row's tuple, in
    /// which `?1` to `?{shared}` are parameters every row shares and `@1`
    /// to `@{own}` the row's own (at most 9).
    pub(super) fn new(head: &str, row: &str, shared: usize, own: usize, max: usize) -> Rows {
        let tuple = |i: usize| {
            (1..=own).fold(row.to_string(), |t, k| {
                t.replace(&format!("@{k}"), &format!("?{}", shared + i * own + k))
            })
        };
        let sql = (1..=max)
            .map(|n| {
                let tuples: Vec<String> = (0..n).map(tuple).collect();
                format!("{head} {}", tuples.join(", "))
            })
            .collect();
        Rows { sql, shared, own }
    }

    /// Rows per statement, at most.
    pub(super) fn max(&self) -> usize {
        self.sql.len()
    }

    /// The statement inserting `n` rows, 1 ≤ n ≤ [`Rows::max`].
    pub(super) fn sql(&self, n: usize) -> &str {
        &self.sql[n - 1]
    }

    /// The parameter index of row `i`'s own parameter `k` (both from 0).
    pub(super) fn param(&self, i: usize, k: usize) -> usize {
        self.shared + i * self.own + k + 1
    }
}

#[cfg(test)]
mod tests {
    use super::Rows;

    #[test]
    fn each_row_gets_its_own_parameters_after_the_shared_ones() {
        let rows = Rows::new("INSERT INTO t (a, b, c) VALUES", "(?1, @1, @2)", 1, 2, 3);
        assert_eq!(rows.max(), 3);
        assert_eq!(rows.sql(1), "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)");
        assert_eq!(
            rows.sql(3),
            "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3), (?1, ?4, ?5), (?1, ?6, ?7)"
        );
        assert_eq!(rows.param(2, 1), 7);
    }

    #[test]
    fn rows_go_in_in_order() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, a, b)")
            .unwrap();
        let rows = Rows::new("INSERT INTO t (a, b) VALUES", "(?1, @1)", 1, 1, 4);
        let mut stmt = conn.prepare(rows.sql(3)).unwrap();
        stmt.raw_bind_parameter(1, "x").unwrap();
        for (i, b) in ["p", "q", "r"].iter().enumerate() {
            stmt.raw_bind_parameter(rows.param(i, 0), b).unwrap();
        }
        assert_eq!(stmt.raw_execute().unwrap(), 3);
        let got: Vec<(i64, String)> = conn
            .prepare("SELECT id, b FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(got, vec![(1, "p".into()), (2, "q".into()), (3, "r".into())]);
    }
}
