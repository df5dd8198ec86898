//! Reads an article once for everything that needs its sentences and
//! names: each paragraph tokenized with its quotations as single tokens,
//! split into sentences, its names found; and the article's register of
//! names, with their roles and fullest forms.

use std::ops::Range;

use super::lexer::{sentences, tokenize, tokens_within, with_quotations, Token, TokenKind};
use super::names::{find_mentions, Mention};
use super::quotations::Quotation;
use super::register::Register;
use super::tagger::{tag_article, NameLabel, Tagged};
use super::wordlists::{
    is_function_word, is_group_role, is_group_type, is_person_role, is_place_joiner,
};

/// An article as read: its paragraphs and its names.
pub struct Reading<'a> {
    /// Each paragraph, tokenized.
    pub views: Vec<View<'a>>,
    /// Every name of the article.
    pub register: Register,
    /// Names outside quotations, in reading order.
    pub events: Vec<Event>,
    /// For each register entry, the indices of its events, in order.
    entry_events: Vec<Vec<usize>>,
    /// The tagger's names, in body offsets and order.
    tagged: Vec<Tagged>,
}

/// One paragraph, tokenized, with its names.
pub struct View<'a> {
    /// The paragraph's text.
    pub text: &'a str,
    /// Body offset of the paragraph.
    pub base: usize,
    /// Its quotations, in paragraph offsets.
    pub quotations: Vec<Quotation>,
    /// Its tokens, each quotation one token.
    pub tokens: Vec<Token>,
    /// Its tokens with the quotations' words read as words: what the
    /// tagger and the date reader read, and what the names inside each
    /// quotation are found in.
    pub plain: Vec<Token>,
    /// Its sentences, as token ranges.
    pub sentences: Vec<Range<usize>>,
    /// The names of each sentence.
    pub mentions: Vec<Vec<Mention>>,
}

/// A name outside quotations, in reading order, for pronouns to refer to.
pub struct Event {
    /// Body offset of the name.
    pub position: usize,
    /// Its entry in the register.
    pub entry: usize,
    /// Its body byte range.
    pub range: Range<usize>,
}

/// Reads an article's paragraphs (ranges of `text`, with which of them
/// are headings) with their quotations.
pub fn read<'a>(
    text: &'a str,
    paragraphs: &[Range<usize>],
    headings: &[bool],
    quotations: &[Vec<Quotation>],
) -> Reading<'a> {
    let mut views: Vec<View<'a>> = paragraphs
        .iter()
        .zip(quotations)
        .map(|(range, quotes)| view(text, range.clone(), quotes))
        .collect();
    let mut reading = Reading {
        views: Vec::new(),
        register: Register::default(),
        events: Vec::new(),
        entry_events: Vec::new(),
        tagged: Vec::new(),
    };
    let paragraphs: Vec<(&str, &[Token])> =
        views.iter().map(|v| (v.text, v.plain.as_slice())).collect();
    let tagged = tag_article(&paragraphs, headings);
    for (view, names) in views.iter_mut().zip(tagged) {
        split_person_from_place(view, &names);
        join_across_and(view, &names);
        let base = view.base;
        reading.tagged.extend(names.into_iter().map(|t| Tagged {
            range: t.range.start + base..t.range.end + base,
            label: t.label,
        }));
    }
    for view in &views {
        reading.register_paragraph(view);
    }
    reading.index_events_by_entry();
    // A capitalized word opening a sentence is a name when the article
    // confirms it elsewhere, or when the tagger takes it for a person or an
    // organisation (`Trump later defended ...`).
    for view in &mut views {
        for mention in view.mentions.iter_mut().flatten() {
            let range = view.base + mention.range.start..view.base + mention.range.end;
            let tagged = matches!(
                reading.label_at(&range),
                Some(NameLabel::Person | NameLabel::Org)
            );
            mention.doubtful &= !tagged
                && !reading
                    .register
                    .is_confirmed(&view.text[mention.range.clone()]);
        }
    }
    reading.views = views;
    reading
}

/// `the International Trade and Industry Ministry`, `S and P`: two names
/// with only `and` between them are one when the tagger found one
/// organisation spanning both.
fn join_across_and(view: &mut View<'_>, tagged: &[Tagged]) {
    let tokens = &view.tokens;
    let text = view.text;
    for mentions in &mut view.mentions {
        let mut joined: Vec<Mention> = Vec::with_capacity(mentions.len());
        for mention in mentions.drain(..) {
            if let Some(last) = joined.last_mut() {
                let and = mention.start == last.tokens.end + 1
                    && matches!(tokens[last.tokens.end].text(text), "and" | "&");
                if and && tagged_org_spans(tagged, last.range.start..mention.range.end) {
                    last.tokens.end = mention.tokens.end;
                    last.range.end = mention.range.end;
                    continue;
                }
            }
            joined.push(mention);
        }
        *mentions = joined;
    }
}

/// Whether one organisation the tagger found covers `range`.
fn tagged_org_spans(tagged: &[Tagged], range: Range<usize>) -> bool {
    let at = tagged.partition_point(|t| t.range.end <= range.start);
    tagged.get(at).is_some_and(|t| {
        t.label == NameLabel::Org && t.range.start <= range.start && t.range.end >= range.end
    })
}

/// `Joel Pollak of Breitbart California`: a run of capitals that joins a
/// person to their place or organisation (`of`, `in`, `at`, `from` ...)
/// is two names when the tagger found a person ending before the joining
/// word. `Bank of America`, which it tags whole, stays one.
fn split_person_from_place(view: &mut View<'_>, tagged: &[Tagged]) {
    let tokens = &view.tokens;
    let text = view.text;
    for mentions in &mut view.mentions {
        let mut split = Vec::with_capacity(mentions.len());
        for mention in mentions.drain(..) {
            // The tagger's names are in text order: a paragraph may hold
            // a million of them (a 50 MB line), so look, don't scan.
            let at = tagged.partition_point(|t| t.range.start < mention.range.start);
            let person_end = tagged
                .get(at)
                .filter(|t| t.label == NameLabel::Person && t.range.start == mention.range.start)
                .map(|t| t.range.end)
                .filter(|&end| end < mention.range.end);
            let cut = person_end.and_then(|end| {
                let joiner = mention
                    .tokens
                    .clone()
                    .find(|&t| tokens[t].range.start > end)?;
                let joins = is_place_joiner(tokens[joiner].text(text));
                (joins && tokens[joiner - 1].range.end == end).then_some(joiner)
            });
            let Some(joiner) = cut else {
                split.push(mention);
                continue;
            };
            let rest = joiner + 1..mention.tokens.end;
            let rest_start = rest
                .clone()
                .find(|&t| !is_function_word(tokens[t].text(text)));
            split.push(Mention {
                tokens: mention.tokens.start..joiner,
                range: mention.range.start..tokens[joiner - 1].range.end,
                ..mention.clone()
            });
            if let Some(first) = rest_start {
                split.push(Mention {
                    start: first,
                    tokens: first..rest.end,
                    range: tokens[first].range.start..mention.range.end,
                    title: None,
                    role_only: false,
                    doubtful: false,
                });
            }
        }
        *mentions = split;
    }
}

fn view<'a>(text: &'a str, range: Range<usize>, quotes: &[Quotation]) -> View<'a> {
    let base = range.start;
    let local = |r: &Range<usize>| r.start - base..r.end - base;
    let quotations: Vec<Quotation> = quotes
        .iter()
        .map(|q| Quotation {
            inner: local(&q.inner),
            outer: local(&q.outer),
            closed: q.closed,
        })
        .collect();
    let text = &text[range];
    let plain = tokenize(text, &[]);
    let tokens =
        with_quotations(&plain, &quotations).unwrap_or_else(|| tokenize(text, &quotations));
    let sentences = sentences(text, &tokens);
    let mentions = sentences
        .iter()
        .map(|s| find_mentions(text, &tokens, s.clone()))
        .collect();
    View {
        text,
        base,
        quotations,
        tokens,
        plain,
        sentences,
        mentions,
    }
}

impl Reading<'_> {
    /// The names the tagger found in a paragraph, in body offsets.
    pub fn names_in(&self, view: &View<'_>) -> &[Tagged] {
        let end = view.base + view.text.len();
        let first = self.tagged.partition_point(|t| t.range.start < view.base);
        let last = self.tagged.partition_point(|t| t.range.start < end);
        &self.tagged[first..last]
    }

    /// What the tagger says of the name at body range `range`: the label
    /// of the tagged name that overlaps it most, if any does.
    /// The tagger's label of the name most overlapping `range` (body offsets).
    pub fn label_at(&self, range: &Range<usize>) -> Option<NameLabel> {
        let first = self.tagged.partition_point(|t| t.range.end <= range.start);
        self.tagged[first..]
            .iter()
            .take_while(|t| t.range.start < range.end)
            .max_by_key(|t| t.range.end.min(range.end) - t.range.start.max(range.start))
            .map(|t| t.label)
    }

    /// The tagger's kind for register entry `entry`: the label most of its
    /// mentions outside quotations were given, if any was tagged.
    pub fn tagged_kind(&self, entry: usize) -> Option<NameLabel> {
        let mut votes: Vec<(NameLabel, usize)> = Vec::new();
        for &i in self.entry_events.get(entry).into_iter().flatten() {
            if let Some(label) = self.label_at(&self.events[i].range) {
                match votes.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, n)) => *n += 1,
                    None => votes.push((label, 1)),
                }
            }
        }
        // A tie goes to the label that first appeared later (the last of
        // the most voted): on PolNeAR this resolves one more pronoun right
        // than giving it to the earlier label.
        votes
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(label, _)| label)
    }

    /// The events before body offset `position`, in reading order.
    pub fn events_before(&self, position: usize) -> &[Event] {
        let end = self.events.partition_point(|e| e.position < position);
        &self.events[..end]
    }

    /// The last event of register entry `entry` before body offset
    /// `position`: found by bisection, as long articles have many events.
    pub fn last_event_of(&self, entry: usize, position: usize) -> Option<&Event> {
        let indices = self.entry_events.get(entry)?;
        let before = indices.partition_point(|&i| self.events[i].position < position);
        before.checked_sub(1).map(|k| &self.events[indices[k]])
    }

    /// The entry among `entries` whose last event before `position` is the
    /// latest, with that event.
    pub fn most_recent(
        &self,
        entries: impl Iterator<Item = usize>,
        position: usize,
    ) -> Option<&Event> {
        entries
            .filter_map(|entry| self.last_event_of(entry, position))
            .max_by_key(|event| event.position)
    }

    fn index_events_by_entry(&mut self) {
        // `events_before` and `last_event_of` bisect: reading order is
        // body order.
        debug_assert!(self.events.is_sorted_by_key(|e| e.position));
        let mut by_entry: Vec<Vec<usize>> = Vec::new();
        for (i, event) in self.events.iter().enumerate() {
            if by_entry.len() <= event.entry {
                by_entry.resize_with(event.entry + 1, Vec::new);
            }
            by_entry[event.entry].push(i);
        }
        self.entry_events = by_entry;
    }

    fn register_paragraph(&mut self, view: &View<'_>) {
        for (s, sentence) in view.sentences.iter().enumerate() {
            for mention in &view.mentions[s] {
                if mention.role_only {
                    continue;
                }
                let roles = roles_around(view, sentence.clone(), mention);
                let name = &view.text[mention.range.clone()];
                let entry =
                    self.register
                        .add(name, mention.title.as_deref(), &roles, !mention.doubtful);
                self.events.push(Event {
                    position: view.base + mention.range.start,
                    entry,
                    range: view.base + mention.range.start..view.base + mention.range.end,
                });
            }
        }
        for quotation in &view.quotations {
            let inner = &view.text[quotation.inner.clone()];
            let tokens = tokens_within(&view.plain, &quotation.inner)
                .unwrap_or_else(|| tokenize(inner, &[]));
            for mention in find_mentions(inner, &tokens, 0..tokens.len()) {
                if !mention.role_only && !mention.doubtful {
                    self.register.add(
                        &inner[mention.range.clone()],
                        mention.title.as_deref(),
                        &[],
                        true,
                    );
                }
            }
        }
    }
}

/// Role nouns that introduce a name where it stands: a role before it
/// (`security expert X`), a group noun after it (`the X faction`), an
/// apposition (`X, a researcher at Y,`) or a source (`a report by X`).
pub fn roles_around(view: &View<'_>, sentence: Range<usize>, mention: &Mention) -> Vec<String> {
    let word = |t: usize| {
        view.tokens
            .get(t)
            .filter(|tok| tok.kind == TokenKind::Word && sentence.contains(&t))
            .map(|tok| tok.text(view.text).to_lowercase())
    };
    let mut roles = Vec::new();
    let before = mention.tokens.start.checked_sub(1);
    if let Some(noun) = before
        .and_then(word)
        .filter(|w| is_person_role(w) || is_group_role(w))
    {
        roles.push(noun);
    }
    if let Some(noun) = word(mention.tokens.end).filter(|w| is_group_type(w)) {
        roles.push(noun);
    }
    let source = before
        .and_then(|b| {
            if word(b).as_deref() == Some("the") {
                b.checked_sub(1)
            } else {
                Some(b)
            }
        })
        .filter(|&b| word(b).as_deref() == Some("by"))
        .and_then(|b| b.checked_sub(1))
        .and_then(word)
        .filter(|w| is_group_role(w));
    roles.extend(source);
    // `In Ninewa, the governor ...` opens a sentence; it is no apposition.
    let setting = before
        .and_then(word)
        .is_some_and(|w| matches!(w.as_str(), "in" | "at" | "on" | "across" | "from"));
    if !setting {
        roles.extend(apposition_role(view, sentence.clone(), mention.tokens.end));
    }
    // `X and other factions`, `groups like X`: X is one of them.
    let end = mention.tokens.end;
    if word(end).as_deref() == Some("and") && word(end + 1).as_deref() == Some("other") {
        roles.extend(word(end + 2).filter(|w| is_group_role(w)));
    }
    let like = before.filter(|&b| word(b).as_deref() == Some("like"));
    roles.extend(
        like.and_then(|b| b.checked_sub(1))
            .and_then(word)
            .filter(|w| is_group_role(w)),
    );
    roles
}

/// The head noun of an apposition starting at `t` (`, an Iraqi researcher
/// specialising in ...,` gives `researcher`), skipping an acronym in brackets.
fn apposition_role(view: &View<'_>, sentence: Range<usize>, mut t: usize) -> Option<String> {
    let is = |t: usize, c: char| sentence.contains(&t) && view.tokens[t].is_punct(c);
    if is(t, '(') && is(t + 2, ')') {
        t += 3;
    }
    if !is(t, ',') {
        return None;
    }
    // A noun phrase: a verb (`the council has forced`) means a clause, not
    // an apposition.
    let is_verb = |w: &str| {
        w.ends_with("ed")
            || matches!(
                w,
                "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "said"
                    | "says"
            )
    };
    let head = (t + 1..(t + 8).min(sentence.end))
        .take_while(|&i| view.tokens[i].kind == TokenKind::Word)
        .take_while(|&i| !is_verb(view.tokens[i].text(view.text)))
        .take_while(|&i| {
            !matches!(
                view.tokens[i].text(view.text),
                "of" | "for" | "in" | "at" | "who" | "which" | "and"
            )
        })
        .find(|&i| {
            let word = view.tokens[i].text(view.text);
            is_person_role(word) || is_group_role(word)
        })?;
    let next = view
        .tokens
        .get(head + 1)
        .filter(|_| sentence.contains(&(head + 1)));
    let closes_apposition = next.is_none_or(|n| match n.kind {
        TokenKind::Punct(_) => true,
        TokenKind::Quote(_) => false,
        TokenKind::Word => {
            let word = n.text(view.text);
            word.ends_with("ing")
                || matches!(
                    word,
                    "of" | "for"
                        | "at"
                        | "in"
                        | "with"
                        | "from"
                        | "on"
                        | "to"
                        | "and"
                        | "who"
                        | "based"
                )
        }
    });
    closes_apposition.then(|| view.tokens[head].text(view.text).to_lowercase())
}
