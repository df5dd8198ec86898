//! Text helpers every stage shares: words and apostrophes, folding, and
//! British and American spelling. A leaf: it uses nothing else of dossier
//! and nothing of tantivy, so that `analyze` reads text without knowing the
//! index, and `index` and `search` read it the same way.

mod fold;
mod spelling;
mod words;

pub use fold::fold;
pub use spelling::american_spelling;
pub use words::{is_apostrophe, words, Word, Words};
