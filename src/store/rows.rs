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
//!
//! The writers never go on after a failed statement: an error rolls back
//! the whole transaction (see `import`, `reindex`). So their hot inserts
//! say `OR FAIL`, which leaves the rows before a failing one in place
//! instead of undoing them, and thus needs no statement journal at all.
//! Keeping those journals (copying pages into them, opening and closing
//! their savepoints) was about a tenth of the import writer's instructions
//! at 3,000 articles (callgrind).

use rusqlite::{Connection, Statement};

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

    /// The statements with `tail` after their rows ("ON CONFLICT ...").
    pub(super) fn ending(mut self, tail: &str) -> Rows {
        for sql in &mut self.sql {
            sql.push(' ');
            sql.push_str(tail);
        }
        self
    }

    /// Inserts `count` rows, at most `max` per statement. `shared` binds
    /// a statement's shared parameters (`?1` on); `row(statement, n, at)`
    /// binds row `n`'s own parameters, the first of them at index `at`.
    pub(super) fn insert(
        &self,
        conn: &Connection,
        count: usize,
        shared: impl Fn(&mut Statement<'_>) -> rusqlite::Result<()>,
        row: impl Fn(&mut Statement<'_>, usize, usize) -> rusqlite::Result<()>,
    ) -> rusqlite::Result<()> {
        let mut done = 0;
        while done < count {
            let n = (count - done).min(self.sql.len());
            let mut statement = conn.prepare_cached(&self.sql[n - 1])?;
            shared(&mut statement)?;
            for i in 0..n {
                row(&mut statement, done + i, self.shared + i * self.own + 1)?;
            }
            statement.raw_execute()?;
            done += n;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Rows;

    #[test]
    fn each_row_gets_its_own_parameters_after_the_shared_ones() {
        let rows = Rows::new("INSERT INTO t (a, b, c) VALUES", "(?1, @1, @2)", 1, 2, 3);
        assert_eq!(rows.sql.len(), 3);
        assert_eq!(rows.sql[0], "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)");
        assert_eq!(
            rows.sql[2],
            "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3), (?1, ?4, ?5), (?1, ?6, ?7)"
        );
    }

    #[test]
    fn rows_go_in_in_order_over_as_many_statements_as_needed() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, a, b)")
            .unwrap();
        // Two rows per statement: five rows take three statements.
        let rows = Rows::new("INSERT INTO t (a, b) VALUES", "(?1, @1)", 1, 1, 2);
        let values = ["p", "q", "r", "s", "t"];
        rows.insert(
            &conn,
            values.len(),
            |s| s.raw_bind_parameter(1, "x"),
            |s, n, at| s.raw_bind_parameter(at, values[n]),
        )
        .unwrap();
        let got: Vec<(i64, String, String)> = conn
            .prepare("SELECT id, a, b FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let want: Vec<(i64, String, String)> = (1..)
            .zip(values)
            .map(|(id, b)| (id, "x".to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
    }
}
