//! An article's register of names: who is named how, with which title or
//! role, and what the fullest form of a short name (`al-Sudani`) is; and
//! the word-level tests of names that it and the entity grouping share
//! (`name_words`, `is_short_form`).

use super::names::{fold, particle_prefixed, NameKind};
use super::speech_words::reporting_lemma;
use super::wordlists::{
    is_function_word, is_given_name, is_group_role, is_name_connector, is_name_particle,
    is_org_word, is_person_role, is_title_head, is_title_word, singular,
};

/// Every name an article gives, with what it tells about each.
#[derive(Debug, Default)]
pub struct Register {
    entries: Vec<Entry>,
}

/// A name and what is known about it in one article.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The name as written in its fullest occurrence.
    pub name: String,
    /// Its folded words.
    pub folded: Vec<String>,
    /// Its folded words without particles (`al`, `bin`), as short forms
    /// are compared.
    core: Vec<String>,
    /// Whether it reads as one name, not a list or a headline: what a
    /// short form may resolve to (see `reads_as_one_name`).
    one_name: bool,
    /// Person, organisation, or unknown.
    pub kind: NameKind,
    /// Role nouns and title initials it was introduced with (`researcher`, `fm`).
    pub roles: Vec<String>,
    /// Written at least once where it is surely a name.
    pub confirmed: bool,
    /// Written at least once with a personal title.
    pub titled: bool,
}

impl Register {
    /// Records a name, with its title or role nouns; returns its entry index.
    /// `confirmed` tells that it was written where it is surely a name.
    pub fn add(
        &mut self,
        name: &str,
        title: Option<&str>,
        roles: &[String],
        confirmed: bool,
    ) -> usize {
        let folded = fold_words(name);
        let mut new_roles: Vec<String> = Vec::with_capacity(roles.len());
        let title_roles = title.map(title_roles).unwrap_or_default();
        for role in roles.iter().cloned().chain(title_roles) {
            if !new_roles.contains(&role) {
                new_roles.push(role);
            }
        }
        let kind = kind_of(name, title.is_some(), &new_roles);
        if let Some(i) = self.entries.iter().position(|e| e.folded == folded) {
            // Evidence adds up over the article: `the X movement` makes X an
            // organisation even if its first mention looked like a person's name.
            let entry = &mut self.entries[i];
            // Each role once: a name written 10,000 times after its title
            // must not make every later look-up 10,000 times slower.
            for role in new_roles {
                if !entry.roles.contains(&role) {
                    entry.roles.push(role);
                }
            }
            entry.titled |= title.is_some();
            entry.kind = kind_of(&entry.name, entry.titled, &entry.roles);
            entry.confirmed |= confirmed;
            return i;
        }
        let core = without_particles(&folded);
        self.entries.push(Entry {
            name: name.to_owned(),
            one_name: reads_as_one_name(&core),
            core,
            folded,
            kind,
            roles: new_roles,
            titled: title.is_some(),
            confirmed,
        });
        self.entries.len() - 1
    }
    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entry at `index`.
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// The fullest name the article gives for `name`: the longest name that
    /// ends with its last word and contains all its words in order. Short
    /// forms of persons resolve to persons, and a name's kind is the most
    /// definite one its forms were given.
    pub fn fullest(&self, name: &str) -> Option<&Entry> {
        let folded = fold_words(name);
        let same = || self.entries.iter().find(|e| e.folded == folded);
        let longer: Vec<&Entry> = self.longer_forms(&folded).map(|(_, e)| e).collect();
        // Full names that are not themselves short forms of a longer one.
        let fullest: Vec<&Entry> = longer
            .iter()
            .copied()
            .filter(|e| {
                !longer
                    .iter()
                    .any(|o| o.folded.len() > e.folded.len() && is_short_form(&e.core, &o.core))
            })
            .collect();
        match fullest.as_slice() {
            // Two different people end the same way: the short form stays as written.
            [_, _, ..] => same(),
            _ => longer
                .into_iter()
                .max_by_key(|e| e.folded.len())
                .or_else(same),
        }
    }

    /// The indices of the names that `name` is a short form of (`Lynch`
    /// of `Loretta Lynch`), whatever else it may stand for.
    pub fn fuller_forms(&self, name: &str) -> Vec<usize> {
        self.longer_forms(&fold_words(name))
            .map(|(i, _)| i)
            .collect()
    }

    /// The entries, with their indices, longer than the name of `folded`
    /// words that it can stand for.
    fn longer_forms<'a>(
        &'a self,
        folded: &[String],
    ) -> impl Iterator<Item = (usize, &'a Entry)> + 'a {
        let words = without_particles(folded);
        let length = folded.len();
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.folded.len() > length && is_short_form(&words, &e.core))
            .filter(|(_, e)| can_be_shortened(e))
    }

    /// True when `name` was written somewhere in the article where it is
    /// surely a name (not only as a capitalized first word of a sentence).
    pub fn is_confirmed(&self, name: &str) -> bool {
        self.fullest(name).is_some_and(|e| e.confirmed)
    }

    /// The kind of a name, taking every form of it in the article into account.
    pub fn kind(&self, name: &str) -> NameKind {
        let words = without_particles(&fold_words(name));
        self.entries
            .iter()
            .filter(|e| is_short_form(&words, &e.core) || is_short_form(&e.core, &words))
            .fold(NameKind::Unknown, |kind, e| merge_kind(kind, e.kind))
    }

    /// The indices of the entries with a role matching `noun` (a role noun
    /// or title initials such as `fm`).
    pub fn with_role(&self, noun: &str) -> impl Iterator<Item = usize> + '_ {
        let noun = singular(&noun.to_lowercase()).into_owned();
        self.entries_where(move |e| e.roles.iter().any(|r| singular(r) == noun))
    }

    /// The indices of the entries that satisfy `keep`.
    pub fn entries_where<'a>(
        &'a self,
        keep: impl Fn(&Entry) -> bool + 'a,
    ) -> impl Iterator<Item = usize> + 'a {
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, e)| keep(e))
            .map(|(i, _)| i)
    }

    /// The index of the entry whose name is exactly `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.name == name)
    }
}

/// The most words, particles and single letters aside (`U.S.`, `A.`), of
/// a name that shorter forms are read as: longer runs of capitalised
/// words are lists (`Ann Lind Omar Haddad Rosa Park Tom Reed`).
const MAX_FULL_NAME_WORDS: usize = 5;

/// Whether a run of capitalised words reads as one name. A list does not,
/// nor a headline with a function word or a present-tense reporting verb
/// inside (`Harbour Board Does Not Like Ann Lind`, `Lind Says Board Will
/// Fold`): taken for the fullest form of `Lind`, one made every `Lind
/// said` of its article that headline's. First and last words may be
/// either (`Will Smith`, `Theresa May`), and so may an initial (`John A.
/// Reed`), a given name (`Ann Will Reed`) or a past form (`Omar Said
/// Haddad`).
fn reads_as_one_name(core: &[String]) -> bool {
    let inner = core
        .get(1..core.len().saturating_sub(1))
        .unwrap_or_default();
    let is_letter = |w: &String| w.chars().nth(1).is_none();
    let headline_word = |w: &String| {
        let says = w.ends_with('s') && reporting_lemma(w).is_some();
        !is_letter(w) && !is_given_name(w) && (is_function_word(w) || says)
    };
    let words = core.iter().filter(|w| !is_letter(w)).count();
    words <= MAX_FULL_NAME_WORDS && !inner.iter().any(headline_word)
}

/// Only a person's name has short forms (`al-Sudani` for `Mohammed Shia
/// al-Sudani`); `Iraq` is not short for `Islamic Resistance in Iraq`.
fn can_be_shortened(entry: &Entry) -> bool {
    if !entry.one_name {
        return false;
    }
    match entry.kind {
        NameKind::Person => true,
        NameKind::Unknown => {
            entry.folded.len() >= 2 && !entry.folded.iter().any(|w| is_name_connector(w))
        }
        NameKind::Org => false,
    }
}

fn without_particles(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !is_name_particle(w))
        .cloned()
        .collect()
}

/// The folded words of a name.
fn fold_words(name: &str) -> Vec<String> {
    fold(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The words of a name for matching: folded, without particles
/// (`Mohammed Shia’ al-Sudani` → `mohammed shia sudani`).
pub fn name_words(name: &str) -> Vec<String> {
    fold_words(name)
        .into_iter()
        .filter(|w| !is_name_particle(w))
        .collect()
}

/// True when `short` is `full`'s last word, with any other words of
/// `short` found in `full` in order.
pub fn is_short_form(short: &[impl AsRef<str>], full: &[impl AsRef<str>]) -> bool {
    let (Some(last), Some(full_last)) = (short.last(), full.last()) else {
        return false;
    };
    if last.as_ref() != full_last.as_ref() {
        return false;
    }
    let mut rest = full.iter();
    short.iter().all(|w| rest.any(|f| f.as_ref() == w.as_ref()))
}

/// Role nouns a title gives: its head words and the initials of its
/// capitalized words and their tails (`Deputy Foreign Minister` gives
/// `minister`, `dfm` and `fm`).
fn title_roles(title: &str) -> Vec<String> {
    let words: Vec<&str> = title
        .split_whitespace()
        .filter(|w| is_title_word(w))
        .collect();
    let mut roles: Vec<String> = words
        .iter()
        .filter(|w| is_title_head(w))
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let capitals: String = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    let capitals: Vec<char> = capitals.to_lowercase().chars().collect();
    for start in 0..capitals.len().saturating_sub(1) {
        roles.push(capitals[start..].iter().collect());
    }
    roles
}

fn kind_of(name: &str, titled: bool, roles: &[String]) -> NameKind {
    let words: Vec<&str> = name.split_whitespace().collect();
    let acronym =
        words.len() == 1 && name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || c == '.');
    if acronym
        || words.iter().any(|w| is_org_word(w))
        || roles.iter().any(|r| is_group_role(r) && !is_person_role(r))
    {
        NameKind::Org
    } else if titled || roles.iter().any(|r| is_person_role(r)) || looks_like_personal_name(&words)
    {
        NameKind::Person
    } else {
        NameKind::Unknown
    }
}

/// `Mukhallad al-Darb`, `Ahmed bin Salman`: a given name and a family name
/// with an Arabic or European particle.
fn looks_like_personal_name(words: &[&str]) -> bool {
    words.len() >= 2
        && words.len() <= 4
        && words[1..]
            .iter()
            .any(|w| particle_prefixed(w) || is_name_particle(w))
        && !particle_prefixed(words[0])
}

fn merge_kind(a: NameKind, b: NameKind) -> NameKind {
    match (a, b) {
        (NameKind::Unknown, other) | (other, NameKind::Unknown) => other,
        (first, _) => first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_resolve_to_the_fullest_name() {
        let mut register = Register::default();
        register.add("Karim Yusuf’ al-Dabbagh", Some("Prime Minister"), &[], true);
        register.add("Dabbagh", None, &[], true);
        register.add("Gideon Na'im", Some("Israeli Foreign Minister"), &[], true);
        assert_eq!(
            register.fullest("Al-Dabbagh’s").map(|e| e.name.as_str()),
            Some("Karim Yusuf’ al-Dabbagh")
        );
        assert_eq!(
            register.fullest("Na’im").map(|e| e.name.as_str()),
            Some("Gideon Na'im")
        );
        assert!(register.fullest("Blinken").is_none());
        register.add("Islamic Resistance in Iraq", None, &[], true);
        assert!(
            register.fullest("Iraq").is_none(),
            "a place is not short for an organisation"
        );
        let fm: Vec<&str> = register
            .with_role("FM")
            .map(|i| register.entry(i).name.as_str())
            .collect();
        assert_eq!(fm, ["Gideon Na'im"]);
        assert_eq!(
            title_roles("Deputy Foreign Minister"),
            ["minister", "dfm", "fm"]
        );
        assert!(
            title_roles("Émir Ölçek Minister").contains(&"minister".to_owned()),
            "no panic on accents"
        );
    }

    #[test]
    fn a_headline_is_no_fullest_name() {
        let mut register = Register::default();
        register.add("Local Crowd Does Not Like Ann Lind", None, &[], true);
        register.add("Lind", None, &[], true);
        let fullest = |name| register.fullest(name).map(|e| e.name.as_str());
        assert_eq!(fullest("Lind"), Some("Lind"));
        register.add("Ann Lind", None, &[], true);
        let fullest = |name| register.fullest(name).map(|e| e.name.as_str());
        assert_eq!(fullest("Lind"), Some("Ann Lind"));
        register.add("Omar Haddad Rosa Park Tom Reed", None, &[], true);
        register.add("Will A. Reed", None, &[], true);
        let fullest = |name| register.fullest(name).map(|e| e.name.as_str());
        assert_eq!(fullest("Reed"), Some("Will A. Reed"), "a list is no name");
        let one_name = |name: &str| reads_as_one_name(&without_particles(&fold_words(name)));
        assert!(one_name("Omar Said Haddad") && one_name("Mohammed bin Said al-Haddad"));
        assert!(!one_name("Lind Says Board Will Fold"));
    }
}
