//! Bytes to text.
//!
//! Feeds arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or
//! Windows-1252 from older systems. Everything becomes NFC Unicode with `\n`
//! line endings and no stray control characters, so that offsets and
//! comparisons downstream mean one thing. Binary data is refused rather than
//! guessed at: a PDF or an image imported as "text" would only pollute the
//! archive.

use unicode_normalization::UnicodeNormalization;

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
                return Err(DecodeError::Binary("contains NUL bytes"));
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => (s.to_string(), "UTF-8"),
                Err(_) => {
                    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                    (text.into_owned(), "windows-1252")
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

/// Line endings to `\n`, tabs and odd spaces to a space, stray controls and
/// invisible format characters out, then NFC.
pub fn normalise(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    for c in unified.nfc() {
        match c {
            '\n' => out.push('\n'),
            '\t' | '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2028}' => out.push(' '),
            '\u{2029}' => out.push('\n'),
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            c if is_stray_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t' && c != '\r'
}

#[cfg(test)]
mod tests {
    use super::*;

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
