//! General English word lists that name-finding and attribution rely on:
//! titles, role nouns, organisation words, pronouns (the words of speech
//! are in [`super::speech_words`]). The
//! lists are data files in `data/words/`; this module asks them. They hold
//! no names: everything about a particular person or group is read from
//! the text.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

/// A list of lowercase words from a data file (`data/words/*.txt`: one
/// entry per line, `#` comments), hashed on first use: the lists are asked
/// about for every capitalized word of every article.
pub struct WordSet {
    text: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// A set over the entries of a list file's text.
    pub const fn new(text: &'static str) -> Self {
        WordSet {
            text,
            set: OnceLock::new(),
        }
    }

    pub(crate) fn entries(&self) -> &FxHashSet<&'static str> {
        self.set.get_or_init(|| entries_of(self.text).collect())
    }

    /// True when `word` (already lowercase) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.entries().contains(word)
    }

    /// The list's own copy of `word`, if it is there.
    pub fn get(&self, word: &str) -> Option<&'static str> {
        self.entries().get(word).copied()
    }
}

/// The entries of a list file's text: one a line, `#` comments left out.
fn entries_of(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A list of lowercase words from a data file whose order means
/// something (months, weekdays, numbers): an entry's place is its value.
pub struct OrderedWords {
    text: &'static str,
    words: OnceLock<Vec<&'static str>>,
}

impl OrderedWords {
    /// A list over the entries of a list file's text, in file order.
    pub const fn new(text: &'static str) -> Self {
        OrderedWords {
            text,
            words: OnceLock::new(),
        }
    }

    /// The entries, in order.
    pub fn words(&self) -> &[&'static str] {
        self.words.get_or_init(|| entries_of(self.text).collect())
    }

    /// The place of `word` (already lowercase) in the list.
    pub fn position(&self, word: &str) -> Option<usize> {
        self.words().iter().position(|w| *w == word)
    }

    /// The place of `word` in the list, whatever its ASCII case.
    pub fn position_ignoring_case(&self, word: &str) -> Option<usize> {
        self.words()
            .iter()
            .position(|w| w.eq_ignore_ascii_case(word))
    }
}

/// `word` in lowercase, copied only when it has capitals.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    // ASCII, most words, lowers byte by byte; the date reader asks this of
    // every capitalized word.
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(word.to_ascii_lowercase());
        }
        return Cow::Borrowed(word);
    }
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Words that are part of a title only next to a title head
/// (`Secretary of State`, `Foreign Minister`).
static TITLE_PARTS: WordSet = WordSet::new(include_str!("data/words/title_parts.txt"));

/// Title words that are titles on their own (others, like `State` or
/// `Foreign`, only inside a title such as `Secretary of State`).
static TITLE_HEADS: WordSet = WordSet::new(include_str!("data/words/title_heads.txt"));

/// True when a capitalized word can be part of a title (`Prime`, `Minister`).
pub fn is_title_word(word: &str) -> bool {
    let lower = lowercase(word.trim_end_matches('.'));
    TITLE_HEADS.contains(&lower) || TITLE_PARTS.contains(&lower)
}

/// True when a word is a title by itself (`Minister`, `Mr`, `Ayatollah`).
pub fn is_title_head(word: &str) -> bool {
    TITLE_HEADS.contains(&lowercase(word.trim_end_matches('.')))
}

/// Nouns that describe a person's role (`researcher`, `spokesman`).
static PERSON_ROLES: WordSet = WordSet::new(include_str!("data/words/person_roles.txt"));

/// Nouns for made things (`missile`, `vaccine`).
static PRODUCT_NOUNS: WordSet = WordSet::new(include_str!("data/words/product_nouns.txt"));

/// True for a noun naming a made thing, singular or plural (`missiles`).
pub fn is_product_noun(word: &str) -> bool {
    PRODUCT_NOUNS.contains(&singular(&lowercase(word)))
}

/// Nouns for texts a name can head (`charter`, `act`, `treaty`).
static DOCUMENT_NOUNS: WordSet = WordSet::new(include_str!("data/words/document_nouns.txt"));

/// True for a noun naming a text, singular or plural (`Accords`).
pub fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUNS.contains(&singular(&lowercase(word)))
}

/// Nouns that describe an organisation or a publication (`group`, `report`).
static GROUP_ROLES: WordSet = WordSet::new(include_str!("data/words/group_roles.txt"));

/// Nouns that say what type of organisation a name is (`the X faction`),
/// as opposed to nouns a name merely modifies (`US forces`).
static GROUP_TYPES: WordSet = WordSet::new(include_str!("data/words/group_types.txt"));

/// True for a noun naming a type of organisation.
pub fn is_group_type(word: &str) -> bool {
    GROUP_TYPES.contains(&singular(&lowercase(word)))
}

/// True for a noun naming a person's role.
pub fn is_person_role(word: &str) -> bool {
    PERSON_ROLES.contains(&singular(&lowercase(word)))
}

/// True for a noun naming a group or publication.
pub fn is_group_role(word: &str) -> bool {
    let lower = lowercase(word);
    GROUP_ROLES.contains(&lower) || GROUP_ROLES.contains(&singular(&lower))
}

/// A crude singular: enough to compare role nouns.
pub fn singular(word: &str) -> Cow<'_, str> {
    if let Some(stem) = word.strip_suffix("ies") {
        return Cow::Owned(format!("{stem}y"));
    }
    if word.ends_with("ss") || word.len() <= 3 {
        return Cow::Borrowed(word);
    }
    Cow::Borrowed(word.strip_suffix('s').unwrap_or(word))
}

/// Declares, for each list file of `data/words/`, the static that holds it
/// and the function that asks it in any case: one line a list, so that a new
/// list is one more line.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $list:ident $file:literal => $ask:ident;)*) => {$(
        static $list: WordSet = WordSet::new(include_str!(concat!("data/words/", $file)));

        $(#[$doc])*
        pub fn $ask(word: &str) -> bool {
            $list.contains(&lowercase(word))
        }
    )*};
}

word_lists! {
    /// True for a word that makes a capitalized phrase an organisation's
    /// name (`Forces`, `Council`).
    ORG_WORDS "org_words.txt" => is_org_word;
    /// True for a place whose bare `Republic of` name is another state
    /// than the place: the Republic of China (Taiwan), of Korea (the
    /// South), of the Congo.
    DIVIDED_STATES "divided_states.txt" => is_divided_state;
    /// True for a word that names a place's administrative area after its
    /// name, so that `Anbar Province` is Anbar and `Gaza Strip` is Gaza;
    /// unlike `Jordan Valley` or `Red Sea`, which are other places.
    DIVISIONS "divisions.txt" => is_division_word;
    /// True for a word that makes a name a place (`Valley`, `province`).
    GEOGRAPHIC "geographic.txt" => is_geographic_word;
    /// True for a people's or faith's adjective or noun whose name does not
    /// come from a place's name by a regular ending (`French`, `Arab`,
    /// `Sunni`).
    PEOPLE_WORDS "people_words.txt" => is_people_word;
    /// True for a word that says a figure went up (`rose`).
    RISE_WORDS "rise_words.txt" => is_rise_word;
    /// True for a word that says a figure went down (`fell`).
    FALL_WORDS "fall_words.txt" => is_fall_word;
    /// True for a word that opens people's names (`Julian`, `Herman`). The
    /// list is made from CoNLL-2003's training set by
    /// `scripts/make_given_names.py`.
    GIVEN_NAMES "given_names.txt" => is_given_name;
    /// True for a word whose dot does not end a sentence (`Mr.`, `gen`,
    /// `Inc`), written without its dot.
    DOTTED_ABBREVIATIONS "dotted_abbreviations.txt" => is_dotted_abbreviation;
    /// True for a verb whose object hears the words (`told`).
    LISTENER_VERBS "listener_verbs.txt" => is_listener_verb;
    /// True for a participle whose agent after `by` put the question
    /// (`contacted`, `interviewed`).
    CONTACT_VERBS "contact_verbs.txt" => is_contact_verb;
    /// True for a noun for someone who speaks for others (`spokesman`).
    SPOKESPERSON_WORDS "spokesperson_words.txt" => is_spokesperson_word;
    /// True for a determiner that introduces someone new (`an`, `one`).
    INDEFINITE_DETERMINERS "indefinite_determiners.txt" => is_indefinite_determiner;
}

/// Pronouns that refer back to a person.
pub fn is_person_pronoun(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "he" | "she")
}

/// Pronouns that refer back to a group or organisation.
pub fn is_group_pronoun(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "they" | "it")
}

/// Every personal pronoun a subject may be: `I`, `we`, `you`, and those
/// that refer back ([`is_person_pronoun`], [`is_group_pronoun`]).
pub fn is_personal_pronoun(word: &str) -> bool {
    is_person_pronoun(word)
        || is_group_pronoun(word)
        || matches!(word.to_lowercase().as_str(), "i" | "we" | "you")
}

/// Initials that news writes for common nouns, with their words.
static ABBREVIATIONS: &str = include_str!("data/words/abbreviations.txt");

/// Each entry of the abbreviations list: the initials in lower case and
/// their words (`ipo`, `initial public offering`).
pub fn abbreviations() -> impl Iterator<Item = (&'static str, &'static str)> {
    pairs(ABBREVIATIONS)
}

/// The entries of a list file whose lines pair a short form with what it
/// stands for (`ipo initial public offering`).
fn pairs(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries_of(text).filter_map(|line| line.split_once(' '))
}

/// The US state a news abbreviation names (`Calif.`, `Fla` → `california`,
/// `florida`), with or without its dot. Written as news writes them, with a
/// capital and then small letters: in capitals they are other things
/// (`VA`, Veterans Affairs; `TEX`, a ticker).
pub fn state_abbreviated(word: &str) -> Option<&'static str> {
    let word = word.trim().trim_end_matches('.');
    let mut letters = word.chars();
    let title_case =
        letters.next().is_some_and(char::is_uppercase) && letters.all(|c| c.is_ascii_lowercase());
    if !title_case {
        return None;
    }
    static STATES: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let states =
        STATES.get_or_init(|| pairs(include_str!("data/words/state_abbreviations.txt")).collect());
    states.get(lowercase(word).as_ref()).copied()
}

/// The words of a common noun's initials written in capitals, perhaps
/// plural (`GDP` → `gross domestic product`, `PACs`); `None` for any
/// other name. Such initials are no person, organisation or place,
/// however the tagger took them.
pub fn initials_words(name: &str) -> Option<&'static str> {
    static WORDS: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| abbreviations().collect());
    let lookup = |short: &str| {
        let capitals = !short.is_empty() && short.chars().all(|c| c.is_ascii_uppercase());
        capitals
            .then(|| words.get(short.to_ascii_lowercase().as_str()).copied())
            .flatten()
    };
    lookup(name).or_else(|| name.strip_suffix(['s', 'S']).and_then(lookup))
}

/// Capitalized words that start sentences without being names.
static FUNCTION_WORDS: WordSet = WordSet::new(include_str!("data/words/function_words.txt"));

/// True for a word that is capitalized only because it starts a sentence.
pub fn is_function_word(word: &str) -> bool {
    let lower = lowercase(word);
    if lower.contains('’') {
        return FUNCTION_WORDS.contains(&lower.replace('’', "'"));
    }
    FUNCTION_WORDS.contains(&lower)
}

/// Words that are never a whole name by themselves: wire boilerplate
/// (`REUTER`, `NOTE`), time zones, company suffixes (`data/not_names.txt`).
pub fn is_not_a_name_word(word: &str) -> bool {
    static WORDS: WordSet = WordSet::new(include_str!("data/not_names.txt"));
    WORDS.contains(lowercase(word.trim_end_matches('.')).as_ref())
}

/// The value of a number written as a word, `zero` to `ninety`: the ones
/// and teens, and the tens (`twenty`, `thirty`).
pub fn cardinal(word: &str) -> Option<u32> {
    let place = u32::try_from(NUMBERS.position(word)?).ok()?;
    Some(if place < 20 {
        place
    } else {
        20 + 10 * (place - 20)
    })
}

static NUMBERS: OrderedWords = OrderedWords::new(include_str!("data/words/numbers.txt"));

/// Month names, January first: the one list the date reader and the
/// entity rules share.
pub static MONTHS: OrderedWords = OrderedWords::new(include_str!("data/words/months.txt"));

/// Weekday names, Monday first.
pub static WEEKDAYS: OrderedWords = OrderedWords::new(include_str!("data/words/weekdays.txt"));

/// The month (1 to 12) a lower-case name or abbreviation names:
/// `october`, `oct`, `sept`.
pub fn month_named(lower: &str) -> Option<u8> {
    let number = |i: usize| u8::try_from(i + 1).ok();
    if let Some(i) = MONTHS.position(lower) {
        return number(i);
    }
    if lower == "sept" {
        return Some(9);
    }
    let i = MONTHS
        .words()
        .iter()
        .position(|name| lower.len() == 3 && name.starts_with(lower))?;
    number(i)
}

/// Month and weekday names and abbreviations: capitalized, but never
/// names of entities.
pub fn is_calendar_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    month_named(&lower).is_some() || WEEKDAYS.position(&lower).is_some()
}

static NAME_PARTICLES: WordSet = WordSet::new(include_str!("data/words/name_particles.txt"));

/// Lower-case particles that may stand inside a name (`Ahl al-Haq`, `bin`),
/// alone or, for an Arabic article, joined to the next word (`al-Haq`).
/// Case matters, unlike the other lists: `Al Gore` holds none.
pub fn is_name_particle(word: &str) -> bool {
    // Asked of every word of every name: a word longer than any particle
    // is not hashed, and only its first bytes are searched for a hyphen.
    let longest = *LONGEST_PARTICLE;
    match word.bytes().take(longest).position(|b| b == b'-') {
        Some(dash) => NAME_PARTICLES.contains(&word[..=dash]),
        None => word.len() <= longest && NAME_PARTICLES.contains(word),
    }
}

static LONGEST_PARTICLE: LazyLock<usize> = LazyLock::new(|| {
    NAME_PARTICLES
        .entries()
        .iter()
        .map(|w| w.len())
        .max()
        .unwrap_or(0)
});

/// Lower-case words that may join the parts of an organisation's name
/// (`Islamic Resistance in Iraq`, `Institute for Strategic Studies`).
pub fn is_name_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "in" | "and" | "on" | "the" | "de" | "du" | "des"
    )
}

/// Words after a person's name that start the place or organisation the
/// person is of (`Sen. Tom Carper of Delaware`, `Joel Pollak of Breitbart
/// California`): where a run of capitals is cut into two names.
pub fn is_place_joiner(word: &str) -> bool {
    matches!(word, "of" | "in" | "for" | "on" | "at" | "from")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_particles_match_as_written_and_before_a_hyphen() {
        for particle in ["bin", "von", "al", "al-Haq", "ash-Sham", "el-"] {
            assert!(is_name_particle(particle), "{particle}");
        }
        for word in ["Al", "Bin", "Al-Haq", "de-escalation", "x-al", "alone"] {
            assert!(!is_name_particle(word), "{word}");
        }
    }

    #[test]
    fn ordered_lists_give_each_word_its_place() {
        assert_eq!((MONTHS.words().len(), WEEKDAYS.words().len()), (12, 7));
        assert_eq!(month_named("january"), Some(1));
        assert_eq!(month_named("dec"), Some(12));
        assert_eq!(month_named("sept"), Some(9));
        assert_eq!(WEEKDAYS.position_ignoring_case("Sunday"), Some(6));
        let values = ["zero", "nine", "nineteen", "twenty", "ninety"].map(cardinal);
        assert_eq!(values, [Some(0), Some(9), Some(19), Some(20), Some(90)]);
        assert_eq!(cardinal("hundred"), None);
    }

    #[test]
    fn common_initials_are_read_in_capitals_alone() {
        assert_eq!(initials_words("GDP"), Some("gross domestic product"));
        for initials in ["PACs", "MEPS", "IPO"] {
            assert!(initials_words(initials).is_some(), "{initials}");
        }
        for other in ["Ev", "NATO", "GDP growth", "s", "Pacs", "vat"] {
            assert_eq!(initials_words(other), None, "{other}");
        }
    }

    #[test]
    fn every_list_file_holds_lower_case_entries() {
        let lists = [
            &TITLE_PARTS,
            &TITLE_HEADS,
            &PERSON_ROLES,
            &GROUP_ROLES,
            &GROUP_TYPES,
            &ORG_WORDS,
            &DIVIDED_STATES,
            &DIVISIONS,
            &GEOGRAPHIC,
            &PEOPLE_WORDS,
            &FUNCTION_WORDS,
            &RISE_WORDS,
            &FALL_WORDS,
            &PRODUCT_NOUNS,
        ];
        for list in lists {
            let entries = list.entries();
            assert!(!entries.is_empty());
            assert!(
                entries.iter().all(|e| e.to_lowercase() == *e),
                "{entries:?}"
            );
        }
        assert!(
            DIVIDED_STATES.contains("the congo"),
            "an entry of two words"
        );
    }

    #[test]
    fn roles_and_titles() {
        assert!(is_person_role("researchers"));
        assert!(is_group_role("newspaper"));
        assert!(
            is_title_word("Minister") && is_title_head("Ayatollah") && !is_title_head("Foreign")
        );
    }
}
