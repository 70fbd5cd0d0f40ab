//! Page furniture out, the article's own text in.
//!
//! Feeds wrap an article in ads, comment counters, source lines, share
//! buttons and, on aggregators, a tail of teasers for unrelated stories. Those
//! teasers are the dangerous part: they name people and places the article
//! never mentions. The rules are data (`data/boilerplate.tsv`); this module
//! only knows how to apply each kind of rule, plus two shapes no list can
//! hold: a title repeated in ASCII transliteration, and the short slogan
//! fragments glued to the last paragraph before a tail.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::text::{ascii_fold, sentences};

/// A cleaned article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The heading line, or the lead sentence when there is no heading.
    pub title: String,
    /// The article's own text; paragraphs separated by `\n`.
    pub body: String,
    /// The URL from a source line, if there was one.
    pub url: Option<String>,
    /// Sources the text credits in furniture it removed ("(Quelle: KCNA)").
    pub credits: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Inline,
    Credit,
    CreditLine,
    SourceLine,
    Line,
    TeaserBlock,
    AdLabel,
    Tail,
    TailItem,
    Slogan,
    TitleSuffix,
}

/// A rule, compiled the first time its kind's set matches: most rules
/// never match a given corpus, and compiling each of the ~250 on its own at
/// the start, besides in its kind's set, was half of the 0.9 G instructions
/// the cleaning rules cost an import of 1,000 synthetic articles before its
/// first file (callgrind).
struct Rule {
    kind: Kind,
    /// The pattern as compiled, flags included.
    pattern: String,
    regex: OnceLock<Regex>,
}

impl Rule {
    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            // The pattern compiled in its kind's set already, which has the
            // same size limit for all of them together.
            Regex::new(&self.pattern)
                .unwrap_or_else(|e| panic!("data/boilerplate.tsv is broken (a build defect): {e}"))
        })
    }
}

struct Rules {
    rules: Vec<Rule>,
    /// All patterns of a kind in one set, so "does any rule match" is one pass.
    sets: foldhash::HashMap<Kind, regex::RegexSet>,
    /// The rules that cut inside a line (credits, inline furniture,
    /// slogans) in one set: most lines have none, and one pass over a
    /// paragraph says so instead of three.
    cuts: regex::RegexSet,
}

/// The kinds of rule that cut inside a line, in the order they are applied.
const CUTS: [Kind; 3] = [Kind::Credit, Kind::Inline, Kind::Slogan];

/// Compiles the rules now, as `extract::WARM_UP` does the extractor's.
pub fn warm_up() {
    LazyLock::force(&RULES);
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    Rules::parse(include_str!("../../data/boilerplate.tsv"))
        .unwrap_or_else(|e| panic!("data/boilerplate.tsv is broken (a build defect): {e}"))
});

impl Rules {
    fn parse(src: &str) -> Result<Rules, String> {
        let mut rules = Vec::new();
        for (n, line) in src.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, pattern) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: expected KIND<TAB>REGEX", n + 1))?;
            let kind = match kind {
                "inline" => Kind::Inline,
                "credit" => Kind::Credit,
                "credit-line" => Kind::CreditLine,
                "source-line" => Kind::SourceLine,
                "line" => Kind::Line,
                "teaser-block" => Kind::TeaserBlock,
                "ad-label" => Kind::AdLabel,
                "tail" => Kind::Tail,
                "tail-item" => Kind::TailItem,
                "slogan" => Kind::Slogan,
                "title-suffix" => Kind::TitleSuffix,
                other => return Err(format!("line {}: unknown kind {other}", n + 1)),
            };
            // An ASCII word boundary: a Unicode \b makes the regex engine
            // fall back to its slowest matcher on any line with a non-ASCII
            // letter, i.e. on every German line. No rule puts \b next to a
            // non-ASCII letter (a test checks); the two differ only where a
            // text glues such a letter to a rule's keyword.
            let pattern = format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)"));
            regex_syntax::Parser::new()
                .parse(&pattern)
                .map_err(|e| format!("line {}: {e}", n + 1))?;
            rules.push(Rule {
                kind,
                pattern,
                regex: OnceLock::new(),
            });
        }
        // The rules of `kinds` in one set.
        let set_of = |kinds: &[Kind]| {
            let patterns = rules.iter().filter(|r| kinds.contains(&r.kind));
            regex::RegexSetBuilder::new(patterns.map(|r| r.pattern.as_str()))
                .dfa_size_limit(16 << 20)
                .build()
                .map_err(|e| e.to_string())
        };
        let mut sets = foldhash::HashMap::default();
        for &Rule { kind, .. } in &rules {
            if let std::collections::hash_map::Entry::Vacant(e) = sets.entry(kind) {
                e.insert(set_of(&[kind])?);
            }
        }
        let cuts = set_of(&CUTS)?;
        Ok(Rules { rules, sets, cuts })
    }

    fn of(&self, kind: Kind) -> impl Iterator<Item = &Regex> {
        self.rules
            .iter()
            .filter(move |r| r.kind == kind)
            .map(Rule::regex)
    }

    fn any(&self, kind: Kind, line: &str) -> bool {
        self.sets.get(&kind).is_some_and(|s| s.is_match(line))
    }

    /// The rules of `kinds`, in that order, if any of them matches `text`;
    /// none otherwise. Most lines match no rule of a kind, and one pass of
    /// its set costs less than a pass of each rule. (Rules that match
    /// nothing change nothing, so none of them can match after them either.)
    fn worth_trying<'a>(
        &'a self,
        kinds: &'a [Kind],
        text: &str,
    ) -> impl Iterator<Item = &'a Regex> + 'a {
        let hit = kinds.iter().any(|&k| self.any(k, text));
        kinds
            .iter()
            .filter(move |_| hit)
            .flat_map(move |&k| self.of(k))
    }
}

/// A line of the input with what we know about it.
struct Line {
    text: String,
    /// An empty line followed it in the input.
    blank_after: bool,
}

/// Cleans a decoded article text.
pub fn clean(text: &str) -> Cleaned {
    let rules = &*RULES;
    let mut out = Cleaned::default();
    let raw_lines: Vec<&str> = text.split('\n').collect();
    let mut lines: Vec<Line> = Vec::new();
    let mut in_teasers = false;
    // After an ad label, its first line is the ad's headline, whatever it
    // ends with ("3 Nächte ab 199 € p. P.").
    let mut ad_next = false;
    for (i, raw) in raw_lines.iter().enumerate() {
        let trimmed = raw.trim();
        if rules.any(Kind::AdLabel, trimmed) {
            ad_next = true;
            // Above the article a banner ad is one line; the headline-like
            // lines after it are the article's own kicker, title and stamp.
            in_teasers = !lines.is_empty();
            continue;
        }
        if ad_next && !trimmed.is_empty() {
            ad_next = false;
            if trimmed.split_whitespace().count() <= 20 {
                continue;
            }
        }
        if rules.any(Kind::TeaserBlock, trimmed) {
            in_teasers = true;
            continue;
        }
        let furniture =
            || rules.any(Kind::SourceLine, trimmed) || rules.any(Kind::CreditLine, trimmed);
        if in_teasers && !trimmed.is_empty() && !furniture() && is_teaser_headline(trimmed) {
            continue;
        }
        in_teasers = false;
        let blank_after = raw_lines
            .get(i + 1)
            .is_some_and(|next| next.trim().is_empty());
        let Some(kept) = clean_line(raw, rules, &mut out) else {
            continue;
        };
        lines.push(Line {
            text: kept,
            blank_after,
        });
    }
    cut_tail(&mut lines, rules);
    drop_trailing_headlines(&mut lines);
    drop_repeats(&mut lines);
    drop_header_names(&mut lines);

    let title_is_heading = lines.first().is_some_and(|first| {
        lines.len() > 1
            && (first.blank_after || !ends_like_sentence(&first.text))
            && first.text.split_whitespace().count() <= 25
    });
    if title_is_heading {
        out.title = strip_title_suffix(&lines.remove(0).text, rules);
    }
    out.body = lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if !title_is_heading {
        out.title = lead_sentence(&out.body);
    }
    out
}

/// Applies the line rules to one line; None when the whole line goes.
fn clean_line(raw: &str, rules: &Rules, out: &mut Cleaned) -> Option<String> {
    let line = raw.trim();
    if line.is_empty() {
        return None;
    }
    for re in rules.worth_trying(&[Kind::SourceLine], line) {
        if let Some(c) = re.captures(line) {
            if out.url.is_none() {
                out.url = c.get(1).map(|m| m.as_str().to_string());
            }
            return None;
        }
    }
    for re in rules.worth_trying(&[Kind::CreditLine], line) {
        if let Some(c) = re.captures(line) {
            if let Some(m) = c.get(1) {
                out.credits.push(m.as_str().trim().to_string());
            }
            return None;
        }
    }
    if rules.any(Kind::Line, line) {
        return None;
    }
    let mut kept = line.to_string();
    // On a line none of the cutting rules matches, no credit is cut, so
    // none can match what is left either.
    if rules.cuts.is_match(line) {
        cut_inside(line, &mut kept, rules, out);
    }
    let kept = collapse_spaces(&kept);
    // What is left of the line may be furniture itself; the line as it was
    // has just been asked.
    if kept.is_empty() || (kept != line && rules.any(Kind::Line, &kept)) {
        return None;
    }
    Some(kept)
}

/// Cuts credits (noting them), inline furniture and slogans from `kept`,
/// which holds `line`.
fn cut_inside(line: &str, kept: &mut String, rules: &Rules, out: &mut Cleaned) {
    for re in rules.worth_trying(&[Kind::Credit], line) {
        for c in re.captures_iter(kept) {
            if let Some(m) = c.get(1) {
                out.credits.push(m.as_str().trim().to_string());
            }
        }
        if let Cow::Owned(cut) = re.replace_all(kept, "") {
            *kept = cut;
        }
    }
    for re in rules.worth_trying(&[Kind::Inline, Kind::Slogan], kept) {
        // A rule with a group keeps what the group holds (a byline's date).
        let keep = if re.captures_len() > 1 { "${1}" } else { " " };
        if let Cow::Owned(cut) = re.replace_all(kept, keep) {
            *kept = cut;
        }
    }
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Cuts an aggregator tail: from the first tail marker, or from the teaser
/// before the first "Read more", together with the header-like lines that
/// introduce it, and the slogan fragments glued to the paragraph before it.
fn cut_tail(lines: &mut Vec<Line>, rules: &Rules) {
    // A "Read more" between two paragraphs of reporting is a stray link,
    // not a teaser list: it goes alone. So does a lone one with reporting
    // after it.
    let words = |i: usize| {
        lines
            .get(i)
            .map_or(0, |l: &Line| l.text.split_whitespace().count())
    };
    let items: Vec<usize> = (0..lines.len())
        .filter(|&i| rules.any(Kind::TailItem, &lines[i].text))
        .collect();
    let prose_after = |i: usize| {
        lines[i + 1..]
            .iter()
            .any(|l| l.text.split_whitespace().count() >= 20 && ends_like_sentence(&l.text))
    };
    let lone = items.len() == 1;
    let stray: Vec<usize> = items
        .iter()
        .copied()
        .filter(|&i| {
            i > 0
                && (words(i - 1) > TEASER_WORDS
                    || words(i + 1) > TEASER_WORDS
                    || (lone && prose_after(i)))
        })
        .collect();
    for i in stray.into_iter().rev() {
        lines.remove(i);
    }
    let marker = lines.iter().position(|l| rules.any(Kind::Tail, &l.text));
    // The teaser a "Read more" ends is the line right above it; a paragraph
    // set off by an empty line is the article's end, and the "Read more"
    // heads a list below.
    let item = lines
        .iter()
        .position(|l| rules.any(Kind::TailItem, &l.text))
        .map(|i| match i.checked_sub(1) {
            Some(before) if !lines[before].blank_after => before,
            _ => i,
        });
    let Some(mut cut) = [marker, item].into_iter().flatten().min() else {
        return;
    };
    while cut > 1 && is_header_like(&lines[cut - 1].text) {
        cut -= 1;
    }
    lines.truncate(cut);
    if let Some(last) = lines.last_mut() {
        last.text = strip_trailing_fragments(&last.text);
    }
}

/// The most words an aggregator's teaser has (headline and snippet run
/// together); a longer line is a paragraph of the article.
const TEASER_WORDS: usize = 35;

/// Headlines after the article's last paragraph of prose link to other
/// stories ("Trump gewinnt US-Wahl – was das für die Ukraine bedeutet"): an
/// article ends with a sentence, a teaser list with headlines.
fn drop_trailing_headlines(lines: &mut Vec<Line>) {
    let prose = |l: &Line| l.text.split_whitespace().count() >= 15 && ends_like_sentence(&l.text);
    let Some(last) = lines.iter().rposition(prose) else {
        return;
    };
    // A stamp with a date ("Stand: 05.06.2025") is for the metadata step.
    let dated = |t: &str| t.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4);
    let mut i = last + 1;
    while i < lines.len() {
        let t = &lines[i].text;
        if is_teaser_headline(t) && !ends_like_sentence(t) && !dated(t) {
            lines.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Drops the lines between the title and the first paragraph of prose that
/// are nothing but a name ("Matthias Arnold"): an author's line without its
/// "Von". Below the prose, such a line is kept (a caption, a signature
/// that the tail rules judge).
fn drop_header_names(lines: &mut Vec<Line>) {
    let prose = lines
        .iter()
        .position(|l| ends_like_sentence(&l.text) && l.text.split_whitespace().count() >= 8)
        .unwrap_or(0);
    let mut i = 1;
    let mut end = prose;
    while i < end {
        if is_bare_name(&lines[i].text) {
            lines.remove(i);
            end -= 1;
        } else {
            i += 1;
        }
    }
}

/// Two or three capitalised words and nothing else: "Tobias Strasser",
/// "Anna-Lena Berg", "FLORIAN WEIDINGER".
fn is_bare_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.split('-').all(|part| {
                let mut chars = part.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && part.chars().count() >= 2
                    && chars.all(char::is_alphabetic)
            })
        })
}

/// A teaser's headline: short, and not a sentence.
fn is_teaser_headline(line: &str) -> bool {
    line.split_whitespace().count() <= 15 && !line.ends_with(['.', '!', '?', '“', '"'])
}

/// A short line without sentence punctuation: a heading or a label.
fn is_header_like(line: &str) -> bool {
    line.split_whitespace().count() <= 8 && !ends_like_sentence(line)
}

fn ends_like_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '“', '"', '»', ':', ')'])
}

/// Removes trailing sentences of one or two words ("Jeden Tag. Überall."),
/// which at a tail boundary are slogans, not reporting.
fn strip_trailing_fragments(text: &str) -> String {
    let mut end = text.len();
    loop {
        let spans = sentences(&text[..end]);
        if spans.len() < 2 {
            break;
        }
        let (s, e) = spans[spans.len() - 1];
        if text[s..e].split_whitespace().count() > 2 {
            break;
        }
        end = spans[spans.len() - 2].1;
    }
    text[..end].trim_end().to_string()
}

/// Drops a line that repeats an earlier one, also when only transliterated
/// ("Militaerdelegation" for "Militärdelegation").
fn drop_repeats(lines: &mut Vec<Line>) {
    let mut seen: Vec<String> = Vec::new();
    lines.retain(|l| {
        let key = ascii_fold(&l.text);
        if key.len() >= 12 && seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

fn strip_title_suffix(title: &str, rules: &Rules) -> String {
    let mut t = title.to_string();
    for re in rules.of(Kind::TitleSuffix) {
        t = re.replace(&t, "").into_owned();
    }
    t.trim().to_string()
}

/// The first sentence of the body, without a leading outlet credit such as
/// "(Dan Tri) – ".
fn lead_sentence(body: &str) -> String {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\([^()]{1,40}\)\s*[–—-]\s*").unwrap_or_else(|e| panic!("{e}"))
    });
    let first = sentences(body)
        .first()
        .map(|&(s, e)| &body[s..e])
        .unwrap_or("");
    CREDIT.replace(first, "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph of reporting: long enough, and ending like a sentence.
    const PROSE: &str = "Der Minister ist am Mittwoch nach Hanoi gereist und hat dort mit seinem Amtskollegen über Handel und Sicherheit gesprochen.";

    #[test]
    fn removes_ads_counters_and_source_lines() {
        let c = clean(
            "Erster Satz über Moskau. [Anzeige_1]\nZweiter Satz.\n[Anzeige_2]\nQuelle: https://example.org/a-1.html\nKommentar (0)",
        );
        assert_eq!(c.body, "Erster Satz über Moskau.\nZweiter Satz.");
        assert_eq!(c.url.as_deref(), Some("https://example.org/a-1.html"));
        assert_eq!(c.title, "Erster Satz über Moskau.");
    }

    #[test]
    fn removes_paywall_promotions_and_correspondent_lines() {
        let c = clean(&format!(
            "Titel der Meldung\nAnna Beispiel, Ulm\nExklusiv für Abonnenten\nDirekt aus dem dpa-Newskanal\n\
             Mit XY Plus alle Artikel lesen – jetzt 4 Wochen für 0 €\n{PROSE}\n\
             Jetzt weiterlesen mit AB Plus – 1 Monat für 0,99 €\nHast du eine News? Schick sie uns!\n\
             Moskau, Peking und Ulm, Berlin.\nDanach reiste der Minister weiter nach Vientiane und sprach dort mit dem Regierungschef."
        ));
        assert_eq!(
            c.body,
            format!("{PROSE}\nMoskau, Peking und Ulm, Berlin.\nDanach reiste der Minister weiter nach Vientiane und sprach dort mit dem Regierungschef.")
        );
    }

    #[test]
    fn aggregator_headers_and_breadcrumbs_opening_with_a_domain_go() {
        let c = clean(&format!(
            "Titel der Meldung\nBeispiel Zeitung · vor 1 Tag\nBeispiel.de › Politik › Welt\n{PROSE}\n\
             Die Zeitung · ihr Leser · vor 3 Tagen kam er an.\nUlm.de › die Stadt. Dort war es kalt."
        ));
        // A sentence that happens to hold the separators stays.
        assert_eq!(
            c.body,
            format!("{PROSE}\nDie Zeitung · ihr Leser · vor 3 Tagen kam er an.\nUlm.de › die Stadt. Dort war es kalt.")
        );
    }

    #[test]
    fn ads_stamps_consent_lines_and_bylines_with_their_agency_go() {
        let c = clean(&format!(
            "Titel der Meldung\nDatenschutz: Beispiel.de und unsere 99 Partner verarbeiten Ihre Daten. Zustimmen und weiter | Einstellungen\n\
             Erstellt: vor 4 Std. | Lesezeit: 3 Min.\nPortal · Beispiel Zeitung · vor 2 Std.\nVon Eva Beispiel (mit dpa)\n{PROSE}\n\
             Anzeige\nSilvester am See: 3 Nächte ab 199 € p. P.\nDanach reiste der Minister weiter nach Vientiane."
        ));
        assert_eq!(
            c.body,
            format!("{PROSE}\nDanach reiste der Minister weiter nach Vientiane.")
        );
    }

    #[test]
    fn agency_credits_players_reader_service_and_header_names_go() {
        let prose =
            "Die erste Reisegruppe seit der Pandemie ist am Freitag in der Hauptstadt gelandet.";
        let text = format!(
            "Titel der Meldung\nBeispiel.ch / SDA\nMaria Beispiel\nArtikel anhören (3:41 Min.)\nDas Wichtigste in Kürze\n\
             VON JAN MUSTERMANN am 29. Juli 2024\nFP+ Dieser Artikel ist Teil unseres Digitalangebots\n{prose}\n\
             Die Gruppe vor dem Abflug. Foto: Pressedienst Beispiel/dpa\n\
             Video: Der Besuch in Bildern (1:45 Min.)\nFehler gefunden? Jetzt melden.\nKommentare lesen (143 Beiträge)\n\
             Empfohlener redaktioneller Inhalt: Mit Ihrer Zustimmung wird hier ein externer Beitrag geladen.\n\
             Petra Muster mit dpa/AFP\nAktualisiert vor 2 Stunden\nDer Gast traf dann Anna Berg."
        );
        let c = clean(&text);
        assert_eq!(c.title, "Titel der Meldung");
        assert_eq!(
            c.body,
            format!(
                "29. Juli 2024\n{prose}\nDie Gruppe vor dem Abflug.\nDer Gast traf dann Anna Berg."
            )
        );
        assert_eq!(
            c.credits,
            vec!["SDA", "Pressedienst Beispiel/dpa", "dpa/AFP"]
        );
    }

    #[test]
    fn keeps_captions_and_records_credits() {
        let c =
            clean("Text eins.\nKim empfängt den Gast. (Quelle: KCNA) |\nGrüße (Foto: Reuters).");
        assert_eq!(c.body, "Text eins.\nKim empfängt den Gast.\nGrüße.");
        assert_eq!(c.credits, vec!["KCNA", "Reuters"]);
    }

    #[test]
    fn heading_and_transliterated_repeat() {
        let c = clean(
            "Nordkorea empfängt Gäste — World\n\nNordkorea empfaengt Gaeste — World\n\nUntertitel ohne Punkt\n\nDer Text beginnt hier.\n\n:\n\nabc-allgemeines",
        );
        assert_eq!(c.title, "Nordkorea empfängt Gäste");
        assert_eq!(c.body, "Untertitel ohne Punkt\nDer Text beginnt hier.");
    }

    #[test]
    fn cuts_aggregator_tail_with_teasers_and_slogan() {
        let c = clean(
            "Erster Absatz.\nLetzter Absatz endet hier. Jeden Tag. Überall.\nBeispiel Latest News, Beispiel Headlines\nSimilar News:You can also read news.\nTeaser über Selmayr.\nRead more »\nNoch ein Teaser.\nRead more »",
        );
        assert_eq!(c.body, "Erster Absatz.\nLetzter Absatz endet hier.");
    }

    #[test]
    fn read_more_alone_cuts_from_the_teaser_before_it() {
        let c = clean("Eins ist wahr.\nZwei ist auch wahr.\nTeaser über Luhansk.\nMehr lesen »\n");
        assert_eq!(c.body, "Eins ist wahr.\nZwei ist auch wahr.");
        // Set off by an empty line, the paragraph above is the article's end.
        let c = clean("Titel\nEins ist wahr.\nDer Sprecher wies den Bericht zurück.\n\nRead more\nTeaser über Luhansk\n");
        assert_eq!(
            c.body,
            "Eins ist wahr.\nDer Sprecher wies den Bericht zurück."
        );
    }

    #[test]
    fn teaser_blocks_and_share_lines_go() {
        let c = clean(
            "Der Vertrag trat in Kraft.\nMehr zum Thema\nGeorgien: Proteste in Tiflis\nSyrien: Kämpfe um Hama\nDiesen Artikel teilen\nAuf WhatsApp teilen\nMehr aus Weltpolitik\nLesen Sie auch: Scholz telefoniert mit Macron\nQuelle: https://example.org/2025/01/12/x",
        );
        assert_eq!(c.body, "Der Vertrag trat in Kraft.");
        assert_eq!(c.url.as_deref(), Some("https://example.org/2025/01/12/x"));
    }

    #[test]
    fn cookie_newsletter_share_and_paywall_lines_go() {
        let c = clean(
            "Wir verwenden Cookies und ähnliche Technologien. Alle akzeptieren | Einstellungen\nDer Text.\nJetzt den XY-Newsletter abonnieren und nichts verpassen!\nFolgen Sie uns auf Instagram, X und Telegram!\nTeilen: Facebook | X | WhatsApp\nPer E-Mail teilen | Drucken\nJetzt Z+ testen: Alle Analysen für 1 Euro lesen\nSZ Plus\nZweiter Satz über Moskau.",
        );
        assert_eq!(c.body, "Der Text.\nZweiter Satz über Moskau.");
    }

    #[test]
    fn wire_end_marks_counters_and_consent_go() {
        let c = clean(
            "Wir und unsere 212 Partner nutzen Ihre Daten für Werbung. Zustimmen | Ablehnen\nDiese Seite verwendet technisch notwendige Cookies.\nDatenschutzeinstellungen\nAlle akzeptieren\nDer Gipfel in Duschanbe endete.\n73 Postings\nLeserkommentare\nForenbeiträge (7)\nJetzt kommentieren\n- Ende -\n(AFP/dpa)\n(Ende)",
        );
        assert_eq!(c.body, "Der Gipfel in Duschanbe endete.");
    }

    #[test]
    fn teaser_labels_take_their_headlines_with_them() {
        let c = clean(
            "Die Delegation reiste ab.\nMehr: Schalke gewinnt Derby gegen Dortmund\nPassend zum Thema\nTennisstar eröffnet Hotel in Genf\nDas könnte Sie auch interessieren\nLesetipp: Wie Zürich wohnt\nAbonnieren Sie unseren WhatsApp-Kanal\nJetzt auf Telegram folgen!\nZu unserem Telegram-Kanal\nAnmelden\nIhre E-Mail-Adresse",
        );
        assert_eq!(c.body, "Die Delegation reiste ab.");
    }

    #[test]
    fn section_teasers_credits_counters_and_channel_calls_go() {
        let c = clean(
            "Der Minister reiste nach Hanoi.\nSport: Testclub verpflichtet neuen Trainer\nJetzt auf Radio Sport: Finale in Graz\nBildrechte: Testagentur/Pool\nDieses Thema im Programm: Abendschau, 12. März 2025, 19:00 Uhr\nMehr dazu in Minister reist nach Hanoi\nred, radio.example/Agenturen\n- Anzeige -\nForum: 41 Postings\nAutor: Jana Roth, Korrespondentin in Wien\nDie Zeitung auf Whatsapp: Jetzt abonnieren\nAbonnieren Sie Radio Test auf Telegram\nKultur und Sport: Beide Länder vereinbarten einen Austausch.",
        );
        assert_eq!(
            c.body,
            "Der Minister reiste nach Hanoi.\nKultur und Sport: Beide Länder vereinbarten einen Austausch."
        );
    }

    #[test]
    fn app_prompts_player_consent_downloads_air_times_and_one_line_ads_go() {
        let c = clean(
            "Der Gipfel in Hanoi endete.\nJetzt die xy24-App laden!\nZustimmung erforderlich: Um dieses Video abzuspielen, benötigen wir Ihre Einwilligung. Jetzt zustimmen\nAudio herunterladen (2,4 MB | MP3)\nSendung am Mo., 10.10.2022, 18:00 Uhr, Radio Test\nAnzeige: Ferienhaus an der Ostsee ab 59 € pro Nacht\nDie Anzeige gegen den Minister wurde zurückgezogen.\nDie App der Behörde warnte die Bürger.\nAbo\nPremium",
        );
        assert_eq!(
            c.body,
            "Der Gipfel in Hanoi endete.\nDie Anzeige gegen den Minister wurde zurückgezogen.\nDie App der Behörde warnte die Bürger."
        );
    }

    #[test]
    fn a_banner_ad_above_the_article_leaves_its_title_and_stamp() {
        let c = clean(
            "Werbung\nHerbstferien im Engadin: 3 Nächte ab CHF 399.–\nAufstand in Russland\nMarsch auf Moskau endet nach einem Tag\nSonntag, 25. Juni 2023 – 08:12 Uhr\nDer Söldnerchef hat gestern Rostow besetzt.\nAnzeige\nDepot eröffnen ab 0 €\nNeue Zinsen für Sparer\nDer Kreml schwieg.",
        );
        assert_eq!(c.title, "Aufstand in Russland");
        assert_eq!(
            c.body,
            "Marsch auf Moskau endet nach einem Tag\nSonntag, 25. Juni 2023 – 08:12 Uhr\nDer Söldnerchef hat gestern Rostow besetzt.\nDer Kreml schwieg."
        );
    }

    #[test]
    fn numbered_outlets_breadcrumbs_tickers_and_finance_boxes_go() {
        let c = clean(
            "abc24 › Politik\nDer Rubel fiel am Montag.\nVideo: abc24 Abendschau | 02.09.2020 | 19:30 Uhr\nHol dir jetzt die ABC24-App!\nUSD/RUB 84,72 (+2,1 %) · EUR/RUB 92,61 (+2,3 %) · Brent 74,18 (+0,4 %)\nDer Kreml schwieg.\nWerte im Artikel\nUSD/RUB · EUR/RUB · Brent Crude Oil\nDisclaimer: Die Beiträge sind keine Kaufempfehlung.\nRedaktion Wien / APA\nnewsfeed – Nachrichten aus über 300 Quellen\nAuch bei newsfeed:\nTestclub gewinnt 2:1",
        );
        assert_eq!(c.body, "Der Rubel fiel am Montag.\nDer Kreml schwieg.");
    }

    #[test]
    fn sentences_that_look_like_labels_stay() {
        let text = "Linksextremisten blockierten die Straße.\nZum Thema Sicherheit sagte der Minister nichts.\nMehrheit im Parlament steht.\nMehr als 300 Abgeordnete stimmten zu.\nDie Behörde rief die Bürger auf, ihrem Telegram-Kanal zu folgen.\nDer Sprecher schrieb auf seinem Telegram-Kanal, der Angriff sei abgewehrt.\nZum Panamakanal sagte er nichts.\nFolgt dem Abkommen ein Frieden?\nKommentare von Diplomaten blieben aus.\nDas Ende der Verhandlungen ist offen.";
        let c = clean(text);
        assert_eq!(c.title, "Linksextremisten blockierten die Straße.");
        assert_eq!(c.body, text);
    }

    #[test]
    fn author_boxes_bylines_labelled_teasers_and_donation_calls_go() {
        let c = clean(
            "Die Delegation reiste ab.\nWeiterlesen: Fußballklub feiert Aufstieg\nZur Autorin: Eva Roth ist Korrespondentin der Beispielzeitung in Wien.\nRedaktion: Hanna Berg\nJetzt unterstützen: Unabhängiger Journalismus braucht Sie.\nHanna Berg schreibt für die Beispielzeitung aus Prag und lebt in Brünn.",
        );
        assert_eq!(c.body, "Die Delegation reiste ab.");
        let text = "Die Delegation reiste ab.\nZur Person: Der Minister ist seit 2019 im Amt.\nText: Der Vertrag umfasst zwölf Artikel.\nMehr lesen konnte man in der Erklärung nicht.\nDie Regierung rief dazu auf, die Ukraine zu unterstützen.\nDer Sender berichtet seit Jahren über den Krieg.\nOlaf Scholz schrieb für die Zeitung einen Gastbeitrag.";
        let c = clean(text);
        assert_eq!(c.body, text);
    }

    #[test]
    fn bylines_stamps_navigation_promotions_and_buttons_go() {
        let prose = PROSE;
        let c = clean(&format!(
            "Zeitung | Nachrichten | Fotos | Videos\nVon Jana Roth, Wien\nVon Lee Ha-eun (lee@example.com)\nVon: Redaktion Politik & Ausland\nVeröffentlicht am\n{prose}\nTestplus: Wie die Armee den Krieg verändert\nKommentare: 214\nbeispiel.at/politik/ausland\nZeitung-Abo: Jetzt 4 Wochen gratis testen\nTEST-Kanal auf Telegram abonnieren\nwatson ist auch auf WhatsApp – jetzt folgen!\n*Beispiel.de ist Teil des TEST.MEDIA-Netzwerks.\nDieser Artikel wurde mit maschineller Unterstützung erstellt und redaktionell geprüft.\nSie haben Fragen zu unserem Angebot? Kontaktieren Sie uns.\nMehr anzeigen\nZum Kommentar springen\nTennis: Testspieler sagt Teilnahme ab\nMehr News aus aller Welt: Alle Nachrichten im Überblick"
        ));
        assert_eq!(c.body, prose);
        let kept = "Von Moskau nach Pjöngjang reiste die Delegation mit dem Zug.\nStand: 05.06.2025, 06:12 Uhr";
        assert_eq!(
            clean(&format!("{prose}\n{kept}")).body,
            format!("{prose}\n{kept}")
        );
    }

    #[test]
    fn breadcrumbs_reading_times_buttons_and_update_notes_go() {
        let prose = PROSE;
        let more = "Die Gespräche in der Hauptstadt sollen am Donnerstag fortgesetzt werden, hieß es aus Kreisen der Delegation.";
        let c = clean(&format!(
            "Startseite > Politik > Ausland\nTestmeldung über den Besuch\nNews › Welt › Asien\nLesezeit: 3 Min.\n4 Minuten Lesezeit\nArtikel vorlesen lassen\nEinstellungen\n{prose}\nBildunterschrift: Der Minister bei der Ankunft.\nE-Mail-Adresse eingeben\nSponsored: Die besten Konten im Vergleich\nMelden Sie sich an, um zu kommentieren.\nHinweis: Dieser Artikel wurde aktualisiert.\nAlle Rechte vorbehalten. Nachdruck nur mit Genehmigung.\n{more}"
        ));
        assert_eq!(c.title, "Testmeldung über den Besuch");
        assert_eq!(c.body, format!("{prose}\n{more}"));
        // Sentences with the same words stay.
        let kept = "Der Minister sagte, die Lesezeit der Akten sei zu kurz gewesen.\nDie Einstellungen der Bevölkerung änderten sich > 2024 kaum.";
        assert_eq!(
            clean(&format!("{prose}\n{kept}\n{more}")).body,
            format!("{prose}\n{kept}\n{more}")
        );
    }

    #[test]
    fn one_separator_labels_and_jump_buttons_go_but_stamps_stay() {
        let prose = PROSE;
        let c = clean(&format!(
            "Testblatt | Deutsch\nPOLITIK | AUSLAND\nPolitik › Außenpolitik\nTestmeldung aus Hanoi\nZum Ticker-Anfang springen\n05.03.2024, 14:32 Uhr | dpa\n{prose}"
        ));
        assert_eq!(c.title, "Testmeldung aus Hanoi");
        assert_eq!(c.body, format!("05.03.2024, 14:32 Uhr | dpa\n{prose}"));
        // "Mehr aus …" takes its headlines along; a journalist's line goes.
        let c = clean(&format!(
            "{prose}\nMehr aus Ausland\nTestspieler: Rücktritt war «richtig»\nLena Testfrau ist Korrespondentin der «Testzeitung» für Osteuropa."
        ));
        assert_eq!(c.body, prose);
        let kept = "Evan Testmann ist Reporter des «Testblatts» und sitzt seit März in Haft.";
        assert_eq!(
            clean(&format!("{prose}\n{kept}")).body,
            format!("{prose}\n{kept}")
        );
    }

    #[test]
    fn read_more_between_paragraphs_goes_alone() {
        let one = "Mit dem Bau der neuen Brücke über den Grenzfluss wurde Ende April begonnen, bislang verbindet nur eine alte Eisenbahnbrücke die beiden Länder miteinander und sonst nichts.";
        let two = "Vorangetrieben werden die Projekte von der zwischenstaatlichen Kommission, deren russischer Vorsitzender im November in der Hauptstadt ein Protokoll über Zusammenarbeit unterzeichnet hatte.";
        let c = clean(&format!("{one}\nRead more\n{two}"));
        assert_eq!(c.body, format!("{one}\n{two}"));
    }

    #[test]
    fn headlines_after_the_last_paragraph_are_teasers() {
        let prose = PROSE;
        let c = clean(&format!(
            "{prose}\nTestpartei gewinnt Wahl – was das für die Region bedeutet\nNach dem Aus: Trainer verteidigt Spieler"
        ));
        assert_eq!(c.body, prose);
        // A closing sentence stays, however short.
        let text = format!("{prose}\nDie Gespräche gehen weiter.");
        assert_eq!(clean(&text).body, text);
    }

    #[test]
    fn no_rule_puts_a_word_boundary_next_to_a_non_ascii_letter() {
        // Both rule files have their \b made ASCII when compiled.
        let files = [
            (
                "data/boilerplate.tsv",
                include_str!("../../data/boilerplate.tsv"),
            ),
            ("data/events.tsv", include_str!("../../data/events.tsv")),
        ];
        for (file, rules) in files {
            assert!(
                rules.contains(r"\b"),
                "{file} has no \\b: this test checks nothing"
            );
            for (n, line) in rules.lines().enumerate() {
                let chars: Vec<char> = line.chars().collect();
                for i in 0..chars.len().saturating_sub(1) {
                    if chars[i] == '\\' && chars[i + 1] == 'b' {
                        let before = i.checked_sub(1).map(|j| chars[j]);
                        let after = chars.get(i + 2).copied();
                        for c in [before, after].into_iter().flatten() {
                            assert!(
                                !c.is_alphabetic() || c.is_ascii(),
                                "{file} line {}: \\b next to {c}",
                                n + 1
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn lead_sentence_title_without_outlet_credit() {
        let c = clean("(Dan Tri) – In einer Erklärung am 29. November sprach er. Mehr folgt.");
        assert_eq!(c.title, "In einer Erklärung am 29. November sprach er.");
        assert!(c.body.starts_with("(Dan Tri) – In einer"));
    }

    #[test]
    fn slogans_support_calls_prefixed_consent_and_aggregator_labels_go() {
        let c = clean(&format!(
            "Titel der Meldung\nQuaxi – Deine News. Deine Quellen.\nXY24 Startseite › Deutschland & Welt\n\
             t-beispiel – Nachrichten für Deutschland\nQuaxi News · Für dich · Politik\n\
             Datenschutz-Einstellungen: Wir und bis zu 140 Partner verwenden Cookies.\n\
             Ihre Privatsphäre ist uns wichtig: Wir und 204 Partner speichern Informationen.\n\
             XY+ Sie haben Ihr Kontingent an freien Artikeln erreicht. Jetzt weiterlesen\n\
             Testblatt Zeitung · 5h\n\
             Wir verarbeiten Ihre Daten gemeinsam mit 96 Partnern zu Analysezwecken.\n\
             Alle akzeptieren – Nur notwendige – Anpassen\n\
             Wir respektieren Ihre Privatsphäre. Mit Klick auf „Akzeptieren“ erlauben Sie uns, Cookies zu setzen.\n\
             Wir brauchen Sie: Wir und unsere 87 Partner speichern Informationen. Zustimmen | Ablehnen\n{PROSE}\n\
             Beispielblatt: Wir haben keine Paywall. Unterstützen Sie unabhängigen Journalismus – ab 3 Euro.\n\
             Die Vereine wollen unabhängigen Journalismus unterstützen, sagte sie.\n\
             Mehr in Quaxi News:\nFC Beispiel gewinnt 2:1"
        ));
        // A sentence about supporting journalism stays.
        assert_eq!(
            c.body,
            format!(
                "{PROSE}\nDie Vereine wollen unabhängigen Journalismus unterstützen, sagte sie."
            )
        );
    }
}
