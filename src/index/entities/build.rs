//! Builds the entity table of a commit: reads which names its passages
//! hold, groups them with [`resolve`], and counts each entity.

use std::collections::{BTreeMap, HashMap, HashSet};

use std::hash::{BuildHasherDefault, Hasher};

use tantivy::Searcher;

use super::docs::DocValues;
use super::file::{Parts, Row};
use super::ids::IdsByDoc;
use super::{value_id, EntityTable};
use crate::analyze::name_words;
use crate::error::Result;
use crate::index::documents::name_id;
use crate::index::schema::{FieldNames, Fields, QUOTE};
use crate::index::ArticleIds;
use crate::resolve::{resolve, Name, Source, Usage as SpellingUse};

/// Builds the table of the commit a searcher reads.
pub fn build(searcher: &Searcher, fields: &Fields, opstamp: u64) -> Result<EntityTable> {
    let dictionary = Dictionary::read(searcher, fields)?;
    let usage = Usage::count(searcher, fields, &dictionary)?;
    // Only names that live passages hold: terms of deleted ones linger.
    let live: Vec<usize> = (0..dictionary.values.len())
        .filter(|&v| usage.value_passages[v] > 0)
        .collect();
    let mut spellings = dictionary.spellings(&usage);
    let names: Vec<Name> = live
        .iter()
        .map(|&v| Name {
            source: dictionary.values[v].0,
            value: dictionary.values[v].1.clone(),
            passages: usage.value_passages[v],
            articles: usage.value_articles[v],
            spellings: std::mem::take(&mut spellings[v]),
        })
        .collect();
    let groups = resolve(&names);
    let mut entity_of_value = vec![NONE; dictionary.values.len()];
    for (e, group) in groups.iter().enumerate() {
        for &n in &group.members {
            entity_of_value[live[n]] = e as u32;
        }
    }
    let mut entities: Vec<Draft> = groups
        .into_iter()
        .map(|group| {
            let first = &names[group.members[0]].value;
            let id_text = format!("{}\0{}\0{first}", group.kind.as_str(), group.name);
            Draft {
                row: Row {
                    id: xxhash_rust::xxh3::xxh3_64(id_text.as_bytes()),
                    kind: group.kind,
                    passages: 0,
                    articles: 0,
                    quotes: 0,
                    name_end: 0,
                    variants_end: 0,
                    end: 0,
                },
                name: group.name,
                variants: Vec::new(),
                keys: Vec::new(),
            }
        })
        .collect();
    usage.count_entities(&entity_of_value, &mut entities);
    add_variants(&dictionary, &usage, &entity_of_value, &mut entities);
    let used = |id: &u64| usage.id_passages.contains_key(id) || usage.id_quotes.contains_key(id);
    let pairs = |ids: &Map<(u32, u32)>| -> Vec<(u64, u32)> {
        let mut pairs: Vec<(u64, u32)> = ids
            .iter()
            .filter(|(id, _)| used(id))
            .map(|(&id, &(v, _))| (id, entity_of_value[v as usize]))
            .filter(|&(_, e)| e != NONE)
            .collect();
        pairs.sort_unstable();
        pairs
    };
    let mut values: Vec<(u64, u32)> = dictionary
        .values
        .iter()
        .zip(&entity_of_value)
        .filter(|(_, &e)| e != NONE)
        .map(|((source, value), &e)| (value_id(*source, value), e))
        .collect();
    values.sort_unstable();
    let (rows, text) = lay_out(entities);
    Ok(EntityTable::from_parts(&Parts {
        opstamp,
        rows,
        text,
        mentions: pairs(&dictionary.mentions),
        speakers: pairs(&dictionary.speakers),
        values,
        docs: usage.docs.encode(&entity_of_value, NONE),
    }))
}

/// An entity while the table is built.
struct Draft {
    row: Row,
    name: String,
    variants: Vec<(String, u64)>,
    keys: Vec<String>,
}

/// The rows and the one text of the table's entities.
fn lay_out(entities: Vec<Draft>) -> (Vec<Row>, String) {
    let mut text = String::new();
    let mut rows = Vec::with_capacity(entities.len());
    let offset = |text: &String| u32::try_from(text.len()).unwrap_or(u32::MAX);
    for mut draft in entities {
        text.push_str(&draft.name);
        draft.row.name_end = offset(&text);
        for (spelling, passages) in &draft.variants {
            text.push_str(&format!("{spelling}\t{passages}\n"));
        }
        draft.row.variants_end = offset(&text);
        for key in &draft.keys {
            text.push_str(key);
            text.push('\n');
        }
        draft.row.end = offset(&text);
        rows.push(draft.row);
    }
    (rows, text)
}

/// Maps and sets keyed by one `u64`, looked up tens of millions of times
/// per commit on a large index: one multiply mixes the key, where SipHash
/// (which no key here needs) took most of the time.
type Map<V> = HashMap<u64, V, BuildHasherDefault<Mix>>;
type Set = HashSet<u64, BuildHasherDefault<Mix>>;

/// A hasher for `u64` keys: a multiply by an odd constant and a fold.
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(self.0 ^ u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        let mixed = (n ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = mixed ^ (mixed >> 29);
    }
}

/// One key for a value or entity index and an article, exactly.
fn pair(index: u32, article: u32) -> u64 {
    (u64::from(index) << 32) | u64::from(article)
}

/// One key for a name id (a hash) and an article. Two pairs share a key
/// only as often as two 64-bit hashes collide, which would lose one
/// article from one spelling's count.
fn id_pair(id: u64, article: u32) -> u64 {
    id ^ u64::from(article).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
}

/// No entity: a value no live passage holds.
const NONE: u32 = u32::MAX;

/// Every name path of the commit (`entity_names`, `speaker_names`), by id.
struct Dictionary {
    /// (source, value as resolved in its article), sorted.
    values: Vec<(Source, String)>,
    /// Spellings as written.
    written: Vec<String>,
    /// Name id → (value, spelling).
    mentions: Map<(u32, u32)>,
    /// Speaker id → (value, spelling).
    speakers: Map<(u32, u32)>,
}

impl Dictionary {
    /// Reads the paths' terms. Terms of deleted passages linger until a
    /// merge; they only add ids that no live passage holds.
    fn read(searcher: &Searcher, fields: &Fields) -> Result<Dictionary> {
        let mut found: Vec<(bool, u64, Source, String, String)> = Vec::new();
        let mut seen = Set::default();
        for (speaker, field) in [(false, fields.entity_names), (true, fields.speaker_names)] {
            for_each_term(searcher, field, |encoded| {
                let id = name_id(encoded);
                if !seen.insert(id) {
                    return;
                }
                if let Some((source, value, written)) = parse_path(speaker, encoded) {
                    found.push((speaker, id, source, value.into(), written.into()));
                }
            })?;
        }
        // Each distinct value and spelling once; sorted as references, as
        // there are many more terms than distinct strings.
        let mut values: Vec<(Source, &str)> = found.iter().map(|f| (f.2, f.3.as_str())).collect();
        values.sort_unstable();
        values.dedup();
        let mut written: Vec<&str> = found.iter().map(|f| f.4.as_str()).collect();
        written.sort_unstable();
        written.dedup();
        let value_index = |source: Source, value: &str| -> u32 {
            values.binary_search(&(source, value)).unwrap_or_default() as u32
        };
        let written_index = |w: &str| written.binary_search(&w).unwrap_or_default() as u32;
        let mut mentions = Map::default();
        let mut speakers = Map::default();
        for (speaker, id, source, value, spelled) in &found {
            let entry = (value_index(*source, value), written_index(spelled));
            if *speaker {
                speakers.insert(*id, entry);
            } else {
                mentions.insert(*id, entry);
            }
        }
        Ok(Dictionary {
            values: values.iter().map(|&(s, v)| (s, v.to_owned())).collect(),
            written: written.iter().map(|&w| w.to_owned()).collect(),
            mentions,
            speakers,
        })
    }
}

impl Dictionary {
    /// Every id with its value and spelling.
    fn ids(&self) -> impl Iterator<Item = (u64, (u32, u32))> + '_ {
        self.mentions
            .iter()
            .chain(&self.speakers)
            .map(|(id, entry)| (*id, *entry))
    }

    /// Per value: its spellings as live passages hold them, with their
    /// use, in alphabetical order.
    fn spellings(&self, usage: &Usage) -> Vec<Vec<(String, SpellingUse)>> {
        let mut spellings: Vec<BTreeMap<&str, SpellingUse>> =
            vec![BTreeMap::new(); self.values.len()];
        for (id, (v, w)) in self.ids() {
            if let Some(&articles) = usage.id_articles.get(&id) {
                let total = spellings[v as usize]
                    .entry(self.written[w as usize].as_str())
                    .or_default();
                total.articles += articles;
                total.passages += usage.id_passages.get(&id).copied().unwrap_or(0);
            }
        }
        spellings
            .into_iter()
            .map(|s| s.into_iter().map(|(w, n)| (w.to_owned(), n)).collect())
            .collect()
    }
}

/// A path term's source, value and spelling: `kind\0value\0written`
/// for a name, `value\0written` for a speaker.
fn parse_path(speaker: bool, encoded: &str) -> Option<(Source, &str, &str)> {
    let mut steps = encoded.split('\0');
    let source = if speaker {
        Source::Speaker
    } else {
        source_of(steps.next()?)?
    };
    match (steps.next(), steps.next(), steps.next()) {
        (Some(value), Some(written), None) => Some((source, value, written)),
        _ => None,
    }
}

fn source_of(kind: &str) -> Option<Source> {
    match kind {
        "person" => Some(Source::Person),
        "org" => Some(Source::Org),
        "place" => Some(Source::Place),
        _ => None,
    }
}

/// Per live passage, its article and the values it holds, in one buffer
/// rather than a vector each (a 10x index holds two million).
#[derive(Default)]
struct Passages {
    articles: Vec<u32>,
    ends: Vec<u32>,
    values: Vec<u32>,
}

impl Passages {
    fn push(&mut self, article: u32, values: &[u32]) {
        self.articles.push(article);
        self.values.extend_from_slice(values);
        self.ends.push(self.values.len() as u32);
    }

    fn iter(&self) -> impl Iterator<Item = (u32, &[u32])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.articles
            .iter()
            .zip(starts.zip(&self.ends))
            .map(|(&article, (start, &end))| (article, &self.values[start as usize..end as usize]))
    }
}

/// What the live documents of a commit hold.
struct Usage {
    /// Per value: passages and articles that hold it.
    value_passages: Vec<u64>,
    value_articles: Vec<u64>,
    /// Per name or speaker id: passages that hold it.
    id_passages: Map<u64>,
    /// Per name or speaker id: articles that hold it.
    id_articles: Map<u64>,
    /// Per speaker id: quotations attributed to it.
    id_quotes: Map<u64>,
    /// Per live passage: its article and the values it holds.
    passages: Passages,
    /// Per live passage, by segment and document: the values of its names
    /// and of its speakers.
    docs: DocValues,
}

impl Usage {
    fn count(searcher: &Searcher, fields: &Fields, dictionary: &Dictionary) -> Result<Usage> {
        let mut usage = Usage {
            value_passages: vec![0; dictionary.values.len()],
            value_articles: vec![0; dictionary.values.len()],
            id_passages: Map::default(),
            id_articles: Map::default(),
            id_quotes: Map::default(),
            passages: Passages::default(),
            docs: DocValues::default(),
        };
        let mut articles: Map<u32> = Map::default();
        let mut id_seen = Set::default();
        let mut values = Vec::new();
        let (mut names, mut speakers) = (Vec::new(), Vec::new());
        for segment in searcher.segment_readers() {
            let id = segment.segment_id().uuid_string();
            usage.docs.start_segment(id, segment.max_doc());
            let fast = segment.fast_fields();
            let record = fast.u64(FieldNames::record)?;
            let name_ids = IdsByDoc::read(segment, fields.name_ids)?;
            let speaker_ids = IdsByDoc::read(segment, fields.speaker_ids)?;
            let article_ids = ArticleIds::of_segment(segment)?;
            for doc in segment.doc_ids_alive() {
                if record.first(doc) == Some(QUOTE) {
                    for id in speaker_ids.of(doc) {
                        *usage.id_quotes.entry(id).or_default() += 1;
                    }
                    continue;
                }
                let article_id = article_ids.of(doc);
                let next = articles.len() as u32;
                let article = *articles.entry(article_id).or_insert(next);
                values.clear();
                names.clear();
                speakers.clear();
                let ids = name_ids
                    .of(doc)
                    .filter_map(|id| Some((id, dictionary.mentions.get(&id)?.0, false)))
                    .chain(
                        speaker_ids
                            .of(doc)
                            .filter_map(|id| Some((id, dictionary.speakers.get(&id)?.0, true))),
                    );
                for (id, value, spoken) in ids {
                    *usage.id_passages.entry(id).or_default() += 1;
                    if id_seen.insert(id_pair(id, article)) {
                        *usage.id_articles.entry(id).or_default() += 1;
                    }
                    if spoken { &mut speakers } else { &mut names }.push(value);
                }
                usage.docs.push(doc, &names, &speakers);
                values.extend_from_slice(&names);
                values.extend_from_slice(&speakers);
                values.sort_unstable();
                values.dedup();
                for &v in &values {
                    usage.value_passages[v as usize] += 1;
                }
                usage.passages.push(article, &values);
            }
        }
        let mut seen = Set::default();
        for (article, values) in usage.passages.iter() {
            for &v in values {
                if seen.insert(pair(v, article)) {
                    usage.value_articles[v as usize] += 1;
                }
            }
        }
        Ok(usage)
    }

    /// Passages, articles and quotations of each entity, each counted once.
    fn count_entities(&self, entity_of_value: &[u32], entities: &mut [Draft]) {
        let mut seen = Set::default();
        let mut in_passage: Vec<u32> = Vec::new();
        for (article, values) in self.passages.iter() {
            in_passage.clear();
            in_passage.extend(
                values
                    .iter()
                    .map(|&v| entity_of_value[v as usize])
                    .filter(|&e| e != NONE),
            );
            in_passage.sort_unstable();
            in_passage.dedup();
            for &e in &in_passage {
                entities[e as usize].row.passages += 1;
                if seen.insert(pair(e, article)) {
                    entities[e as usize].row.articles += 1;
                }
            }
        }
    }
}

/// Spellings with their passages, quotations, and the keys filters match.
fn add_variants(
    dictionary: &Dictionary,
    usage: &Usage,
    entity_of_value: &[u32],
    entities: &mut [Draft],
) {
    let mut spellings: Vec<BTreeMap<&str, u64>> = vec![BTreeMap::new(); entities.len()];
    for (id, (v, w)) in dictionary.ids() {
        let e = entity_of_value[v as usize];
        if e == NONE {
            continue;
        }
        let e = e as usize;
        let passages = usage.id_passages.get(&id).copied().unwrap_or(0);
        let quotes = usage.id_quotes.get(&id).copied().unwrap_or(0);
        if passages + quotes == 0 {
            continue;
        }
        entities[e].row.quotes += u32::try_from(quotes).unwrap_or(u32::MAX);
        *spellings[e]
            .entry(dictionary.written[w as usize].as_str())
            .or_default() += passages;
    }
    for (value, &e) in dictionary.values.iter().zip(entity_of_value) {
        if e != NONE {
            spellings[e as usize].entry(value.1.as_str()).or_default();
        }
    }
    for (entity, spelled) in entities.iter_mut().zip(spellings) {
        let mut keys: Vec<String> = spelled
            .keys()
            .chain([&entity.name.as_str()])
            .map(|s| name_words(s).join(" "))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        entity.keys = keys;
        let mut variants: Vec<(String, u64)> = spelled
            .into_iter()
            .map(|(s, n)| (s.to_owned(), n))
            .collect();
        variants.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        entity.variants = variants;
    }
}

/// Calls `f` with every term of a path field (`entity_names`, `speaker_names`), in every
/// segment.
fn for_each_term(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    mut f: impl FnMut(&str),
) -> Result<()> {
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            f(&String::from_utf8_lossy(terms.key()));
        }
    }
    Ok(())
}
