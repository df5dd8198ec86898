//! Name phrases around a token of a frame: the name, pronoun or
//! description that starts or ends there, through titles, roles,
//! appositions and `X of Place`.

use super::frame::Frame;
use super::Candidate;
use crate::analyze::places::{is_demonym, is_known_place};
use crate::analyze::speech_words::{is_phrase_opener, is_speech_noun, is_verb_companion};
use crate::analyze::wordlists::{
    is_group_pronoun, is_group_role, is_group_type, is_indefinite_determiner, is_person_pronoun,
    is_person_role, is_spokesperson_word,
};

impl Frame<'_, '_> {
    /// The name whose run (title included) starts at `t`.
    pub(super) fn mention_starting(&self, t: usize) -> Option<usize> {
        self.view.mentions[self.s]
            .iter()
            .position(|m| m.start == t || m.tokens.start == t)
    }

    pub(super) fn mention_ending(&self, t: usize) -> Option<usize> {
        self.view.mentions[self.s]
            .iter()
            .position(|m| m.tokens.end == t + 1)
    }

    /// `Sen. Rob Ferrand of Delaware`, `Marta Vell of Columbia, South
    /// Carolina`: the person a place or organisation after `of` belongs
    /// to. Names are cut at `of` only after a title or where the tagger
    /// found a person, so `Bank of America` stays one name.
    pub(super) fn person_of(&self, m: usize) -> Option<usize> {
        let start = self.view.mentions[self.s][m].start;
        let mut before = start.checked_sub(1)?;
        // `Tobin Achebe of The Nation`: past the article.
        if self
            .word(before)
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            before = before.checked_sub(1)?;
        }
        if self.is_punct(before, ",") {
            // `..., South Carolina`: the place before the comma.
            let place = self.mention_ending(before.checked_sub(1)?)?;
            return self.person_of(place);
        }
        let of = Some(before).filter(|&o| self.word(o) == Some("of"))?;
        self.mention_ending(of.checked_sub(1)?)
    }

    /// `White House press secretary Dana Quill`: after an organisation's
    /// name, a role in lower case and then a person's name.
    pub(super) fn named_after_role(&self, t: usize) -> Option<(Candidate, usize)> {
        let mut saw_role = false;
        for n in t..(t + 4).min(self.sentence.end) {
            if let Some(m) = self.mention_starting(n) {
                let mention = &self.view.mentions[self.s][m];
                return (saw_role || mention.title.is_some()).then_some((
                    Candidate::Name {
                        sentence: self.s,
                        mention: m,
                    },
                    mention.tokens.end,
                ));
            }
            let word = self.word(n)?;
            // `Ferrand said of the Republican front-runner`: the verb
            // ends the name's phrase; but a bare verb before a role is a
            // noun (`press secretary`), unlike `told supporters`.
            let verb = self.reporting_verb(n).is_some_and(|lemma| {
                !lemma.eq_ignore_ascii_case(word) || !self.word(n + 1).is_some_and(is_person_role)
            });
            if !word.chars().next().is_some_and(char::is_lowercase) || verb {
                return None;
            }
            saw_role |= is_person_role(word);
        }
        None
    }

    /// The speaker named after a reporting verb, from token `t`: as
    /// [`Self::phrase_right_with_end`], but a possessive name gives way to
    /// what it owns (`said Harbour's Nora Quill`).
    pub(super) fn speaker_after_verb(&self, t: usize) -> Option<(Candidate, usize)> {
        let found = self.phrase_right_with_end(t)?;
        let (Candidate::Name { mention, .. }, end) = found else {
            return Some(found);
        };
        let owner =
            self.is_possessive(&found.0) && end == self.view.mentions[self.s][mention].tokens.end;
        owner
            .then(|| self.owned_by_name(end))
            .flatten()
            .or(Some(found))
    }

    /// What a possessive name ending before token `t` owns, when that
    /// is who speaks: a name (`said Harbour's Nora Quill`, `Cleveland's
    /// Plain Dealer`), or a role and the name set off after it (`Vellia's
    /// prime minister, Pim Arden`), else the role itself.
    fn owned_by_name(&self, t: usize) -> Option<(Candidate, usize)> {
        if self.mention_starting(t).is_some() {
            return self.phrase_right_with_end(t);
        }
        let mut role = None;
        for n in t..(t + 6).min(self.sentence.end) {
            let Some(word) = self.word(n) else {
                let named = (role.is_some() && self.is_punct(n, ","))
                    .then(|| self.mention_starting(n + 1))
                    .flatten();
                if let Some(m) = named {
                    let name = Candidate::Name {
                        sentence: self.s,
                        mention: m,
                    };
                    return Some((name, self.view.mentions[self.s][m].tokens.end));
                }
                break;
            };
            if !word.chars().next().is_some_and(char::is_lowercase) {
                break;
            }
            if is_person_role(word) {
                role = Some(n);
            }
        }
        role.map(|token| (Candidate::Description { token }, token + 1))
    }

    /// `the Iraqi authorities`: a one-word name used as an adjective.
    pub(super) fn is_modifier(&self, m: usize) -> bool {
        let mention = &self.view.mentions[self.s][m];
        let next_is_lowercase = self
            .word(mention.tokens.end)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        let next = mention.tokens.end;
        let next_is_verb =
            self.reporting_verb(next).is_some() || self.word(next).is_some_and(is_verb_companion);
        // `the Iraqi government said`: the group is the name's; but in `a
        // Japanese government official` the head is the official.
        let group_head = is_group_role(self.word(next).unwrap_or_default())
            && !self.word(next + 1).is_some_and(is_person_role);
        mention.tokens.len() == 1 && next_is_lowercase && !next_is_verb && !group_head
    }

    /// `an IAAF spokesman`, `a Google spokesperson`: the name before a
    /// spokesperson is whom they speak for, unless it is a place or people.
    fn is_spokesperson_of(&self, m: usize) -> bool {
        let mention = &self.view.mentions[self.s][m];
        let name = &self.view.text[mention.range.clone()];
        self.word(mention.tokens.end)
            .is_some_and(is_spokesperson_word)
            && !is_known_place(name)
            && !is_demonym(name)
    }

    pub(super) fn phrase_right(&self, t: usize) -> Option<Candidate> {
        self.phrase_right_with_end(t).map(|(c, _)| c)
    }

    /// A name, pronoun or description starting at `t`, and the token after it.
    pub(super) fn phrase_right_with_end(&self, t: usize) -> Option<(Candidate, usize)> {
        if let Some(m) = self.mention_starting(t) {
            let mention = &self.view.mentions[self.s][m];
            if let Some(person) = self.named_after_role(mention.tokens.end) {
                return Some(person);
            }
            let name = Candidate::Name {
                sentence: self.s,
                mention: m,
            };
            // `Ashgrove's office said`, `Ashgrove's spokesman said`: what
            // the name owns speaks for it.
            let owned = self.is_possessive(&name)
                && self
                    .word(mention.tokens.end)
                    .is_some_and(|w| is_group_role(w) || is_spokesperson_word(w));
            let end = mention.tokens.end + usize::from(owned);
            let said = self.reporting_verb(end).is_some();
            if !mention.doubtful || said {
                return Some((name, end));
            }
        }
        let word = self.word(t)?;
        if is_person_pronoun(word) || is_group_pronoun(word) {
            return Some((
                Candidate::Pronoun {
                    token: t,
                    person: is_person_pronoun(word),
                },
                t + 1,
            ));
        }
        if is_phrase_opener(word) {
            for n in t + 1..(t + 5).min(self.sentence.end) {
                // `a New Hampshire lawyer`, `a senior Chinese official`: a
                // place or people before a role says where the person is
                // from, not who. (`a Justice Department spokesman` speaks
                // for the department.)
                // `one Japanese refiner`: after an indefinite determiner a
                // people's adjective says where an unnamed one is from
                // (but `the Iraqi government` is Iraq's).
                let before_role = |m: usize| {
                    let mention = &self.view.mentions[self.s][m];
                    let name = &self.view.text[mention.range.clone()];
                    let role = self.word(mention.tokens.end).is_some_and(|w| {
                        is_person_role(w) || (is_indefinite_determiner(word) && is_group_role(w))
                    });
                    role && (is_known_place(name) || is_demonym(name))
                };
                if let Some(m) = self.mention_starting(n).filter(|&m| {
                    self.is_spokesperson_of(m) || (!self.is_modifier(m) && !before_role(m))
                }) {
                    return Some((
                        Candidate::Name {
                            sentence: self.s,
                            mention: m,
                        },
                        self.view.mentions[self.s][m].tokens.end,
                    ));
                }
                let noun = self.word(n)?;
                if is_person_role(noun) || is_group_role(noun) {
                    // `a government official`: a compound's last noun is its head.
                    let head = match self.word(n + 1) {
                        Some(next) if is_group_role(noun) && is_person_role(next) => n + 1,
                        _ => n,
                    };
                    return self
                        .source_of(head)
                        .or(Some((Candidate::Description { token: head }, head + 1)));
                }
            }
        }
        None
    }

    /// `a statement from his office`, `a spokesman for the ministry`:
    /// whom the words or the speaker named by `head` come from.
    fn source_of(&self, head: usize) -> Option<(Candidate, usize)> {
        let noun = self.word(head)?;
        let fits = match self.word(head + 1)? {
            "from" => is_speech_noun(noun),
            "for" => is_spokesperson_word(noun),
            _ => false,
        };
        let from = head + 2;
        let owner = self.word(from).filter(|_| fits)?.to_lowercase();
        // `his office`, `their campaign`: the one the pronoun stands for.
        let person = match owner.as_str() {
            "his" | "her" => true,
            "their" | "its" => false,
            _ => return self.phrase_right_with_end(from),
        };
        let owned = self
            .word(from + 1)
            .is_some_and(|w| is_group_role(w) || is_spokesperson_word(w));
        owned.then_some((
            Candidate::Pronoun {
                token: from,
                person,
            },
            from + 2,
        ))
    }

    /// A name, pronoun or description ending at `t`.
    pub(super) fn phrase_left(&self, t: usize) -> Option<Candidate> {
        if self.is_punct(t, ")") {
            let before = self.skip_bracket_left(t);
            // An unmatched bracket leads nowhere.
            return (before != t).then(|| self.phrase_left(before)).flatten();
        }
        if self.is_punct(t, ",") {
            return self.apposition_subject(t);
        }
        if let Some(m) = self.mention_ending(t) {
            return Some(Candidate::Name {
                sentence: self.s,
                mention: self.person_of(m).unwrap_or(m),
            });
        }
        let word = self.word(t)?;
        if word == "who" || word == "which" {
            let comma = t.checked_sub(1).filter(|&c| self.is_punct(c, ","))?;
            return self.phrase_left(comma.checked_sub(1)?);
        }
        if is_person_pronoun(word) || is_group_pronoun(word) {
            return Some(Candidate::Pronoun {
                token: t,
                person: is_person_pronoun(word),
            });
        }
        if is_person_role(word) || is_group_role(word) {
            // `the Kataib Sayyid al-Shuhada faction`, but not `US forces`.
            let named_group = t
                .checked_sub(1)
                .and_then(|p| self.mention_ending(p))
                .filter(|&m| {
                    let mention = &self.view.mentions[self.s][m];
                    let acronym = self.view.text[mention.range.clone()]
                        .chars()
                        .all(|c| c.is_uppercase());
                    is_group_type(word) && (mention.tokens.len() >= 2 || acronym)
                });
            let speaks_for = t
                .checked_sub(1)
                .and_then(|p| self.mention_ending(p))
                .filter(|&m| self.is_spokesperson_of(m));
            if let Some(m) = named_group.or(speaks_for) {
                return Some(Candidate::Name {
                    sentence: self.s,
                    mention: m,
                });
            }
            let determiner =
                (t.saturating_sub(4)..t).any(|d| self.word(d).is_some_and(is_phrase_opener));
            return determiner.then_some(Candidate::Description { token: t });
        }
        None
    }

    /// The subject before a chain of appositions ending at `comma`: in
    /// `X, president of Y, which represents Z, said` it is `X`, the
    /// farthest name in the chain that is not an introductory phrase.
    pub(super) fn apposition_subject(&self, comma: usize) -> Option<Candidate> {
        if let Some(name) = self.titled_name_set_off(comma) {
            return Some(name);
        }
        let mut best = None;
        let mut at = comma;
        for _ in 0..4 {
            let start = at.saturating_sub(25).max(self.sentence.start);
            let Some(open) = (start..at)
                .rev()
                .find(|&t| self.is_punct(t, ",") || self.is_quote(t))
            else {
                break;
            };
            if !self.is_punct(open, ",") {
                break;
            }
            let Some(before) = open.checked_sub(1) else {
                break;
            };
            let candidate = self
                .phrase_left(self.skip_bracket_left(before))
                .map(|c| self.named_in_apposition(c, open, at));
            // `In a statement, Dana Quill, a spokesman ..., said`: a
            // description farther out does not replace a name.
            let named = matches!(best, Some(Candidate::Name { .. }));
            let gives_way = |c: &Candidate| named && matches!(c, Candidate::Description { .. });
            if let Some(candidate) = candidate.filter(|c| !self.is_introductory(c) && !gives_way(c))
            {
                best = Some(candidate);
            }
            at = open;
        }
        best
    }

    /// `..., after winning the primary, Gov. Dana Quill (R-OH), said`: a
    /// titled name that fills the stretch between the comma before it and
    /// `comma` is the subject; what comes before it only sets the scene.
    fn titled_name_set_off(&self, comma: usize) -> Option<Candidate> {
        let m = self.mention_ending(self.skip_bracket_left(comma.checked_sub(1)?))?;
        let mention = &self.view.mentions[self.s][m];
        let opens = mention.start.checked_sub(1)?;
        // `Chairman of Wisenbaker Production Co`, `MP for West Ham`: a
        // title of a place or organisation may run into its name.
        let of = |title: &String| title.split_whitespace().any(|w| matches!(w, "of" | "for"));
        let titled = mention.title.as_ref().is_some_and(|title| !of(title));
        (titled && self.is_punct(opens, ",")).then_some(Candidate::Name {
            sentence: self.s,
            mention: m,
        })
    }

    /// `A top adviser, Dana Quill, said`: a description gives way to the
    /// name set off after it, between the commas `open` and `close`.
    fn named_in_apposition(&self, candidate: Candidate, open: usize, close: usize) -> Candidate {
        if !matches!(candidate, Candidate::Description { .. }) {
            return candidate;
        }
        match self.phrase_right_with_end(open + 1) {
            Some((name @ Candidate::Name { .. }, end)) if end == close => name,
            _ => candidate,
        }
    }
}
