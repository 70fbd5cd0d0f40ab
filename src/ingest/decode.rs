//! Bytes to text.
//!
//! Feeds arrive as UTF-8 (with or without BOM), UTF-16 (with BOM, or without
//! one when every other byte is NUL), or Windows-1252, ISO-8859-15 and Mac
//! Roman from older systems. Bytes that are not valid UTF-8 are read as Windows-1252,
//! which never fails: a whole file when it holds no valid UTF-8 beyond
//! ASCII, otherwise only the stray bytes, so that a UTF-8 file with one
//! broken byte keeps its umlauts instead of turning into mojibake. A whole
//! file is read as Mac Roman instead when that gives it more umlauts: the
//! two encodings put German letters on different bytes, and each turns the
//! other's into symbols (Mac Roman's "ä" is Windows-1252's "Š"). Everything becomes NFC Unicode with `\n`
//! line endings and no stray control characters, so that offsets and
//! comparisons downstream mean one thing. HTML entities that scrapers leave
//! behind (`&nbsp;`, `&quot;`) are decoded here too. Binary data is refused rather than
//! guessed at: a PDF or an image imported as "text" would only pollute the
//! archive.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("no text, only white space")]
    Blank,
    #[error("binary data, not text ({0})")]
    Binary(&'static str),
}

/// A decoded article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text as read, decoded to UTF-8 (BOM removed), before normalisation.
    pub raw: String,
    /// NFC, `\n` line endings, no control characters but `\n`.
    pub text: String,
    /// The encoding the bytes were read in.
    pub encoding: &'static str,
}

/// Magic numbers of formats that show up by mistake in article folders.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1F\x8B", "gzip data"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"\x7FELF", "executable"),
    (b"RIFF", "RIFF media"),
    (b"\xD0\xCF\x11\xE0", "Office document"),
];

/// Decodes `bytes` into normalised article text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (raw, encoding) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors || text.contains('\0') {
                return Err(DecodeError::Binary(
                    "invalid characters for its byte-order mark",
                ));
            }
            (text.into_owned(), enc.name())
        }
        None => {
            if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
                return Err(DecodeError::Binary(what));
            }
            if bytes.contains(&0) {
                let Some(enc) = utf16_without_bom(bytes) else {
                    return Err(DecodeError::Binary("contains NUL bytes"));
                };
                let (text, had_errors) = enc.decode_without_bom_handling(bytes);
                if had_errors || text.contains('\0') {
                    return Err(DecodeError::Binary("contains NUL bytes"));
                }
                let name = if enc == encoding_rs::UTF_16LE {
                    "UTF-16LE without byte-order mark"
                } else {
                    "UTF-16BE without byte-order mark"
                };
                (text.into_owned(), name)
            } else {
                match std::str::from_utf8(bytes) {
                    Ok(s) => (s.to_string(), "UTF-8"),
                    Err(_) => windows_1252_fallback(bytes),
                }
            }
        }
    };
    if raw.chars().filter(|c| is_stray_control(*c)).count() * 10 > raw.chars().count() {
        return Err(DecodeError::Binary("mostly control characters"));
    }
    let text = normalise(&raw);
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded {
        raw,
        text,
        encoding,
    })
}

/// Text in UTF-16 without a BOM has a NUL in nearly every other byte (the
/// high byte of Latin letters) and almost none in the bytes between.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs = bytes.len() / 2;
    if pairs < 2 {
        return None;
    }
    let nul_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .take(pairs)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Reads bytes that are not valid UTF-8. When valid multi-byte UTF-8
/// characters outnumber the invalid bytes, the file is UTF-8 with a few stray
/// bytes, and only those are read as Windows-1252; otherwise all of it is.
fn windows_1252_fallback(bytes: &[u8]) -> (String, &'static str) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if valid > invalid {
        let mut out = String::with_capacity(bytes.len());
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            out.push_str(&encoding_rs::WINDOWS_1252.decode(chunk.invalid()).0);
        }
        return (out, "UTF-8 with Windows-1252 bytes");
    }
    // ISO-8859-15 puts "€" where Windows-1252 has "¤" and leaves 80–9F
    // (Windows-1252's quotes and dashes) to control codes.
    if bytes.contains(&0xA4) && !bytes.iter().any(|b| (0x80..0xA0).contains(b)) {
        let (text, _, _) = encoding_rs::ISO_8859_15.decode(bytes);
        return (text.into_owned(), "ISO-8859-15");
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let (mac, _, _) = encoding_rs::MACINTOSH.decode(bytes);
    if umlauts(&mac) > umlauts(&text) {
        return (mac.into_owned(), "macintosh");
    }
    (text.into_owned(), "windows-1252")
}

/// German letters outside ASCII within words: what a right guess of a
/// legacy encoding gives more of. Within words, because the wrong guess
/// also makes a few: Windows-1252's "…", "§" and "€" are Mac Roman's "Ö",
/// "ß" and "Ä", but they stand after a word or alone.
fn umlauts(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    chars
        .windows(3)
        .filter(|w| {
            "äöüÄÖÜß".contains(w[1])
                && w[2].is_alphabetic()
                && (w[0].is_alphabetic() || w[1].is_uppercase())
        })
        .count()
}

/// HTML entities left by a scraper (`&nbsp;`, `&quot;`, `&amp;`, `&#8211;`)
/// become their characters; line endings to `\n`, tabs and odd spaces to a
/// space, stray controls and invisible format characters out, then NFC.
pub fn normalise(s: &str) -> String {
    let s = html_escape::decode_html_entities(s);
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    // Almost every text is in NFC already, which a quick check tells far
    // faster than composing it again character by character.
    if is_nfc_quick(unified.chars()) == IsNormalized::Yes {
        tidy_spaces(&unified)
    } else {
        tidy_spaces(&unified.nfc().collect::<String>())
    }
}

/// Odd spaces to a space, stray controls and invisible format characters
/// out. Most characters stay, so the text between two changes is copied at
/// once rather than character by character.
fn tidy_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut kept_from = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    // Every character changed starts with one of these bytes (controls are
    // U+0000-U+001F and U+007F-U+009F, the rest are U+00A0-U+00AD and
    // U+2007-U+FEFF); the bytes between are skipped without decoding.
    let may_change = |b: u8| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF;
    while let Some(skip) = bytes[i..].iter().position(|&b| may_change(b)) {
        i += skip;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let at = i;
        i += c.len_utf8();
        let Some(replacement) = tidied(c) else {
            continue;
        };
        out.push_str(&text[kept_from..at]);
        out.push_str(replacement);
        kept_from = i;
    }
    out.push_str(&text[kept_from..]);
    out
}

/// What [`tidy_spaces`] puts for `c`, if it changes it.
fn tidied(c: char) -> Option<&'static str> {
    match c {
        '\t' | '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2028}' => Some(" "),
        '\u{2029}' => Some("\n"),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Some(""),
        c if is_stray_control(c) => Some(""),
        _ => None,
    }
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t' && c != '\r'
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Skipping to the bytes that may start a change tidies exactly as
        /// looking at every character does.
        #[test]
        fn tidy_spaces_is_the_character_rule(s in "(?:[ -~\t\n\r]|[\u{0}-\u{1f}\u{7f}-\u{a0}\u{ad}\u{2007}\u{2028}\u{2029}\u{200b}-\u{200d}\u{2060}\u{202f}\u{feff}äé€]|\\PC){0,40}") {
            let mut expected = String::new();
            for c in s.chars() {
                match tidied(c) {
                    Some(replacement) => expected.push_str(replacement),
                    None => expected.push(c),
                }
            }
            proptest::prop_assert_eq!(tidy_spaces(&s), expected);
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Pjöngjang".as_bytes()).unwrap();
        assert_eq!(plain.text, "Pjöngjang");
        assert_eq!(plain.encoding, "UTF-8");
        let bom = decode(b"\xEF\xBB\xBFPj\xC3\xB6ngjang").unwrap();
        assert_eq!(bom.text, "Pjöngjang");
        assert_eq!(bom.raw, "Pjöngjang");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(
            "Kim Jong Un\r\n"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert_eq!(decode(&le).unwrap().text, "Kim Jong Un\n");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Moskau".encode_utf16().flat_map(|u| u.to_be_bytes()));
        let d = decode(&be).unwrap();
        assert_eq!(d.text, "Moskau");
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        // "Präsident – Moskau" in Windows-1252: ä = E4, en dash = 96.
        let d = decode(b"Pr\xE4sident \x96 Moskau").unwrap();
        assert_eq!(d.text, "Präsident – Moskau");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn broken_utf8_keeps_its_utf8_and_reads_stray_bytes_as_windows_1252() {
        // "Präsident in Pjöngjang" in UTF-8, then one Windows-1252 "ä" (E4).
        let d = decode(b"Pr\xC3\xA4sident in Pj\xC3\xB6ngjang, K\xE4lte.").unwrap();
        assert_eq!(d.text, "Präsident in Pjöngjang, Kälte.");
        assert_eq!(d.encoding, "UTF-8 with Windows-1252 bytes");
        // A truncated sequence at the very end is one stray byte too.
        assert_eq!(
            decode(b"S\xC3\xBCd, Pj\xC3\xB6ngjang \xC3").unwrap().text,
            "Süd, Pjöngjang Ã"
        );
        // Real Windows-1252 with an accidental UTF-8-shaped pair ("ß“" is
        // DF 93) stays Windows-1252 as a whole.
        let d = decode(b"\x84Gru\xDF\x93 aus M\xFCnchen").unwrap();
        assert_eq!(d.text, "„Gruß“ aus München");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn utf16_without_bom_is_read_when_every_other_byte_is_nul() {
        let le: Vec<u8> = "Kim Jong Un in Pjöngjang"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let d = decode(&le).unwrap();
        assert_eq!(d.text, "Kim Jong Un in Pjöngjang");
        assert_eq!(d.encoding, "UTF-16LE without byte-order mark");
        let be: Vec<u8> = "Moskau"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Moskau");
        // A text with a few NULs in it is not UTF-16.
        assert_eq!(
            decode(b"Text mit\0NUL und noch mehr Text"),
            Err(DecodeError::Binary("contains NUL bytes"))
        );
    }

    #[test]
    fn mac_roman_when_it_gives_the_umlauts() {
        // "Größe für Pjöngjang" in Mac Roman: ö = 9A, ß = A7, ü = 9F.
        let d = decode(b"Gr\x9A\xA7e f\x9Fr Pj\x9Angjang").unwrap();
        assert_eq!(d.text, "Größe für Pjöngjang");
        assert_eq!(d.encoding, "macintosh");
        // Windows-1252 without umlauts, but with "…", "§" and "€" (Mac
        // Roman's "Ö", "ß", "Ä"), stays Windows-1252.
        let d = decode(b"Kim sagte\x85 \xA7 5 kostet 3 \x80 und Moskau").unwrap();
        assert_eq!(d.text, "Kim sagte… § 5 kostet 3 € und Moskau");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn iso_8859_15_when_it_has_a_euro_sign() {
        let d = decode(b"5 \xA4 f\xFCr Pj\xF6ngjang").unwrap();
        assert_eq!(d.text, "5 € für Pjöngjang");
        assert_eq!(d.encoding, "ISO-8859-15");
        // With Windows-1252's quotes (84, 93) A4 is its "¤".
        assert_eq!(decode(b"\x84\xA4\x93").unwrap().text, "„¤“");
    }

    #[test]
    fn html_entities_left_by_scrapers_are_decoded() {
        assert_eq!(
            normalise("Kim sagte &quot;Ja&quot;&nbsp;&amp; ging &#8211; AT&T bleibt."),
            "Kim sagte \"Ja\" & ging – AT&T bleibt."
        );
    }

    #[test]
    fn line_endings_nfc_and_controls() {
        // "o" + combining diaeresis becomes one "ö"; CR LF and CR become LF.
        let d = decode("Pjo\u{0308}ngjang\r\nA\rB\u{0007}C\u{200B}D".as_bytes()).unwrap();
        assert_eq!(d.text, "Pjöngjang\nA\nBCD");
        assert_eq!(d.text.chars().filter(|c| *c == 'ö').count(), 1);
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t \r\n"), Err(DecodeError::Blank));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary("PNG image"))
        );
        assert_eq!(
            decode(b"Text mit\0NUL"),
            Err(DecodeError::Binary("contains NUL bytes"))
        );
        assert!(matches!(
            decode(b"%PDF-1.7 ..."),
            Err(DecodeError::Binary(_))
        ));
    }
}
