//! Placeholder: replaced by the real resolver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
    Unresolved,
}
impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unresolved => "unresolved",
        }
    }
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Option<String>,
    pub precision: Precision,
}
pub fn find_dates(_text: &str, _published: Option<jiff::civil::Date>) -> Vec<DateMention> {
    Vec::new()
}
