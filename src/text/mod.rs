//! Text helpers every stage shares: words and apostrophes, folding,
//! British and American spelling, and calendar dates. A leaf: it uses nothing else of dossier
//! and nothing of tantivy, so that `analyze` reads text without knowing the
//! index, and `index` and `search` read it the same way.

mod date;
mod fold;
mod spelling;
mod words;

pub use date::{day_number, iso_week, iso_week_monday, weekday, DateValue};
pub use fold::fold;
pub use spelling::american_spelling;
pub use words::{
    is_apostrophe, is_possessive, is_word_char, possessive_apostrophe, words, Word, Words,
};
