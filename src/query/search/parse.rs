//! A user's search text → an FTS5 MATCH expression over the stemmed columns.
//!
//! The syntax is FTS5's, so what works in sqlite3 works here: words, "phrases",
//! a prefix `Verteid*`, AND (also implied between terms), OR, NOT and
//! parentheses; NOT binds tighter than AND, AND tighter than OR. Each word is
//! stemmed as the index is, and every term is quoted in the expression, so
//! no input can reach FTS5 as syntax of its own.

use crate::stem::{stem, words};

/// What the user's search text means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Stems that must follow each other; `prefix` lets the last one be a
    /// prefix. One stem is a plain term.
    Phrase {
        stems: Vec<String>,
        prefix: bool,
    },
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>, Box<Expr>),
}

/// Why a search text is not a query, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("there is nothing to search for; give at least one word")]
    Empty,
    #[error("a quote is not closed; end the phrase with \"")]
    OpenQuote,
    #[error("a `(` is not closed; add the missing `)`")]
    OpenParen,
    #[error("a `)` has no `(` before it; remove it or add the `(`")]
    StrayParen,
    #[error("`()` holds nothing; put words between the parentheses or remove them")]
    EmptyParens,
    #[error("`*` must follow a word directly, as in Verteid*")]
    LoneStar,
    #[error("`{0}` needs a search term on both sides, as in `Kim {0} Putin`")]
    Dangling(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Open,
    Close,
    And,
    Or,
    Not,
    /// Words of a bare token or quoted phrase, and whether a `*` follows.
    Term {
        text: String,
        prefix: bool,
    },
}

fn lex(input: &str) -> Result<Vec<Tok>, ParseError> {
    let mut toks = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                toks.push(Tok::Open);
            }
            ')' => {
                chars.next();
                toks.push(Tok::Close);
            }
            '*' => return Err(ParseError::LoneStar),
            '"' => {
                chars.next();
                let mut text = String::new();
                loop {
                    match chars.next() {
                        None => return Err(ParseError::OpenQuote),
                        Some('"') => break,
                        Some(c) => text.push(c),
                    }
                }
                let prefix = chars.next_if_eq(&'*').is_some();
                toks.push(Tok::Term { text, prefix });
            }
            _ => {
                let mut text = String::new();
                while let Some(c) =
                    chars.next_if(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '"' | '*'))
                {
                    text.push(c);
                }
                let prefix = chars.next_if_eq(&'*').is_some();
                toks.push(match text.as_str() {
                    "AND" if !prefix => Tok::And,
                    "OR" if !prefix => Tok::Or,
                    "NOT" if !prefix => Tok::Not,
                    _ => Tok::Term { text, prefix },
                });
            }
        }
    }
    Ok(toks)
}

/// Parses a search text.
pub fn parse(input: &str) -> Result<Expr, ParseError> {
    let toks = lex(input)?;
    let mut p = Parser { toks, pos: 0 };
    let expr = p.or()?;
    // The loops consume every operator and term, so only a `)` can be left.
    match p.peek() {
        None => expr.ok_or(ParseError::Empty),
        Some(_) => Err(ParseError::StrayParen),
    }
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    /// `and (OR and)*`. None when the input holds no words here (only
    /// punctuation, which is not searchable).
    fn or(&mut self) -> Result<Option<Expr>, ParseError> {
        let mut left = self.and()?;
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            let right = self.and()?;
            left = Some(combine(left, right, "OR", Expr::Or)?);
        }
        Ok(left)
    }

    /// `not ([AND] not)*`
    fn and(&mut self) -> Result<Option<Expr>, ParseError> {
        let mut left = self.not()?;
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    self.pos += 1;
                    let right = self.not()?;
                    left = Some(combine(left, right, "AND", Expr::And)?);
                }
                Some(Tok::Open | Tok::Term { .. }) => {
                    let right = self.not()?;
                    // Juxtaposed terms: punctuation-only tokens simply drop out.
                    left = match (left, right) {
                        (Some(l), Some(r)) => Some(Expr::And(Box::new(l), Box::new(r))),
                        (l, r) => l.or(r),
                    };
                }
                _ => return Ok(left),
            }
        }
    }

    /// `primary (NOT primary)*`
    fn not(&mut self) -> Result<Option<Expr>, ParseError> {
        let mut left = self.primary()?;
        while self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            let right = self.primary()?;
            left = Some(combine(left, right, "NOT", Expr::Not)?);
        }
        Ok(left)
    }

    /// A term or a parenthesised group; None at the end or before a `)`,
    /// which the caller reports as a missing operand.
    fn primary(&mut self) -> Result<Option<Expr>, ParseError> {
        if self.peek() == Some(&Tok::Close) {
            return Ok(None);
        }
        match self.next() {
            Some(Tok::Open) => {
                if self.peek() == Some(&Tok::Close) {
                    return Err(ParseError::EmptyParens);
                }
                let inner = self.or()?;
                match self.next() {
                    Some(Tok::Close) => inner.map(Some).ok_or(ParseError::EmptyParens),
                    _ => Err(ParseError::OpenParen),
                }
            }
            Some(Tok::Term { text, prefix }) => {
                let stems: Vec<String> = words(&text).map(|w| stem(w.text)).collect();
                Ok((!stems.is_empty()).then_some(Expr::Phrase { stems, prefix }))
            }
            Some(Tok::And) => Err(ParseError::Dangling("AND")),
            Some(Tok::Or) => Err(ParseError::Dangling("OR")),
            Some(Tok::Not) => Err(ParseError::Dangling("NOT")),
            Some(Tok::Close) | None => Ok(None),
        }
    }
}

/// Joins both sides of a binary operator; a missing side is the user's mistake.
fn combine(
    left: Option<Expr>,
    right: Option<Expr>,
    op: &'static str,
    make: fn(Box<Expr>, Box<Expr>) -> Expr,
) -> Result<Expr, ParseError> {
    match (left, right) {
        (Some(l), Some(r)) => Ok(make(Box::new(l), Box::new(r))),
        _ => Err(ParseError::Dangling(op)),
    }
}

impl Expr {
    /// The FTS5 MATCH expression; every term is a quoted string of stems.
    pub fn to_fts(&self) -> String {
        match self {
            Expr::Phrase { stems, prefix } => {
                let quoted = format!("\"{}\"", stems.join(" ").replace('"', "\"\""));
                if *prefix {
                    quoted + "*"
                } else {
                    quoted
                }
            }
            Expr::And(l, r) => format!("({} AND {})", l.to_fts(), r.to_fts()),
            Expr::Or(l, r) => format!("({} OR {})", l.to_fts(), r.to_fts()),
            Expr::Not(l, r) => format!("({} NOT {})", l.to_fts(), r.to_fts()),
        }
    }

    /// The stems a matching article contains (not those after NOT), for
    /// marking them in a snippet; the flag says whether it is a prefix.
    pub fn positive_terms(&self) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut Vec<(String, bool)>) {
        match self {
            Expr::Phrase { stems, prefix } => {
                for (i, s) in stems.iter().enumerate() {
                    out.push((s.clone(), *prefix && i + 1 == stems.len()));
                }
            }
            Expr::And(l, r) | Expr::Or(l, r) => {
                l.collect(out);
                r.collect(out);
            }
            Expr::Not(l, _) => l.collect(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fts(q: &str) -> String {
        parse(q).unwrap().to_fts()
    }

    #[test]
    fn words_are_stemmed_and_quoted() {
        assert_eq!(fts("Verteidigungsministers"), "\"verteidigungsminist\"");
        assert_eq!(fts("Pjöngjang"), "\"pjongjang\"");
        assert_eq!(fts("Kim Putin"), "(\"kim\" AND \"putin\")");
    }

    #[test]
    fn phrases_prefixes_and_hyphens() {
        assert_eq!(fts("\"russische Delegation\""), "\"russisch delegation\"");
        assert_eq!(fts("Verteid*"), "\"verteid\"*");
        assert_eq!(fts("\"Kim Jong\"*"), "\"kim jong\"*");
        assert_eq!(fts("Kim-Jong-un"), "\"kim jong un\"");
    }

    #[test]
    fn operators_bind_not_and_or() {
        assert_eq!(
            fts("Kim OR Putin Lawrow"),
            "(\"kim\" OR (\"putin\" AND \"lawrow\"))"
        );
        assert_eq!(
            fts("Kim NOT Putin AND Moskau"),
            "((\"kim\" NOT \"putin\") AND \"moskau\")"
        );
        assert_eq!(
            fts("(Kim OR Putin) AND Moskau"),
            "((\"kim\" OR \"putin\") AND \"moskau\")"
        );
        // Lower-case operators are words, as in FTS5.
        assert_eq!(fts("Kim or"), "(\"kim\" AND \"or\")");
    }

    #[test]
    fn punctuation_alone_drops_out() {
        assert_eq!(fts("Kim & Putin"), "(\"kim\" AND \"putin\")");
        assert_eq!(parse("&&"), Err(ParseError::Empty));
    }

    #[test]
    fn malformed_queries_say_what_is_wrong() {
        for (q, e) in [
            ("", ParseError::Empty),
            ("   ", ParseError::Empty),
            ("\"Kim Jong", ParseError::OpenQuote),
            ("(Kim OR Putin", ParseError::OpenParen),
            ("Kim)", ParseError::StrayParen),
            ("()", ParseError::EmptyParens),
            ("Kim *", ParseError::LoneStar),
            ("Kim OR", ParseError::Dangling("OR")),
            ("OR Kim", ParseError::Dangling("OR")),
            ("NOT Kim", ParseError::Dangling("NOT")),
            ("Kim AND AND Putin", ParseError::Dangling("AND")),
            ("Kim NOT", ParseError::Dangling("NOT")),
            ("(Kim OR) Putin", ParseError::Dangling("OR")),
        ] {
            assert_eq!(parse(q), Err(e), "{q}");
        }
    }

    #[test]
    fn positive_terms_leave_out_negations() {
        let e = parse("Kim OR \"russische Delegation\" NOT Putin Verteid*").unwrap();
        assert_eq!(
            e.positive_terms(),
            vec![
                ("kim".to_string(), false),
                ("russisch".to_string(), false),
                ("delegation".to_string(), false),
                ("verteid".to_string(), true),
            ]
        );
    }
}
