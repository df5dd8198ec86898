//! Builds the entity table of a commit: reads which names its passages
//! hold, groups them with [`resolve`], and counts each entity.

use std::collections::{BTreeMap, HashMap, HashSet};

use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use tantivy::{DocId, Searcher};

use super::file::{Parts, Row};
use super::ids::SegmentIds;
use super::usage::Usage;
use super::{value_id, EntityTable};
use crate::analyze::name_words;
use crate::error::Result;
use crate::index::schema::Fields;
use crate::resolve::{resolve, Name, Source, Usage as SpellingUse};

/// How a commit is cut into work for every core: a segment that holds
/// most of a large index is read in runs of terms and counted in pieces of
/// documents.
#[derive(Debug, Clone, Copy)]
struct Split {
    terms_per_run: usize,
    docs_per_piece: DocId,
}

impl Default for Split {
    fn default() -> Self {
        Split {
            terms_per_run: 50_000,
            docs_per_piece: 200_000,
        }
    }
}

/// Builds the table of the commit a searcher reads.
pub fn build(searcher: &Searcher, fields: &Fields, opstamp: u64) -> Result<EntityTable> {
    build_split(searcher, fields, opstamp, Split::default())
}

fn build_split(
    searcher: &Searcher,
    fields: &Fields,
    opstamp: u64,
    split: Split,
) -> Result<EntityTable> {
    let segments = SegmentIds::read_all(searcher, fields, split.terms_per_run)?;
    let dictionary = Dictionary::read(&segments);
    let usage = Usage::count(&segments, &dictionary, split.docs_per_piece);
    drop(segments);
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
    // Counting and spelling the entities read the passages apart.
    let count = entities.len();
    let ((passages, articles), ()) = rayon::join(
        || usage.count_entities(&entity_of_value, count),
        || add_variants(&dictionary, &usage, &entity_of_value, &mut entities),
    );
    let narrow = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    for ((entity, passages), articles) in entities.iter_mut().zip(passages).zip(articles) {
        entity.row.passages = narrow(passages);
        entity.row.articles = narrow(articles);
    }
    let pairs = |speakers: bool| -> Vec<(u64, u32)> {
        let mut pairs: Vec<(u64, u32)> = dictionary
            .slots
            .iter()
            .enumerate()
            .filter(|&(i, slot)| slot.speaker == speakers && usage.is_used(i))
            .map(|(_, slot)| (slot.id, entity_of_value[slot.value as usize]))
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
        mentions: pairs(false),
        speakers: pairs(true),
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
pub(super) type Map<V> = HashMap<u64, V, BuildHasherDefault<Mix>>;
type Set = HashSet<u64, BuildHasherDefault<Mix>>;

/// A hasher for `u64` keys: a multiply by an odd constant and a fold.
#[derive(Default)]
pub(super) struct Mix(u64);

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

/// No entity: a value no live passage holds.
pub(super) const NONE: u32 = u32::MAX;

/// Every name path of the commit (`entity_names`, `speaker_names`). Each
/// distinct id has a slot: its place in `slots` and in [`Usage`]'s counts,
/// so that counting indexes vectors instead of hashing ids.
pub(super) struct Dictionary {
    /// (source, value as resolved in its article), sorted.
    pub(super) values: Vec<(Source, String)>,
    /// Spellings as written.
    written: Vec<String>,
    /// Every id of a name or speaker, with what it stands for.
    pub(super) slots: Vec<Slot>,
    /// Id → its place in `slots`.
    slot_of: Map<u32>,
}

/// One name id: its value, its spelling, and whether it names a speaker.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    id: u64,
    pub(super) value: u32,
    written: u32,
    pub(super) speaker: bool,
}

impl Dictionary {
    /// Gathers the paths of every segment. Terms of deleted passages
    /// linger until a merge; they only add ids that no live passage holds.
    fn read(segments: &[SegmentIds]) -> Dictionary {
        let mut found: Vec<(bool, u64, Source, &str, &str)> = Vec::new();
        let mut seen = Set::default();
        for speaker in [false, true] {
            for segment in segments {
                let terms = match speaker {
                    false => &segment.names,
                    true => &segment.speakers,
                };
                for (id, encoded) in terms.paths() {
                    if !seen.insert(id) {
                        continue;
                    }
                    if let Some((source, value, written)) = parse_path(speaker, encoded) {
                        found.push((speaker, id, source, value, written));
                    }
                }
            }
        }
        // Each distinct value and spelling once; sorted as references, as
        // there are many more terms than distinct strings.
        let mut values: Vec<(Source, &str)> = found.iter().map(|f| (f.2, f.3)).collect();
        let mut written: Vec<&str> = found.iter().map(|f| f.4).collect();
        rayon::join(
            || values.par_sort_unstable(),
            || written.par_sort_unstable(),
        );
        values.dedup();
        written.dedup();
        let value_index = |source: Source, value: &str| -> u32 {
            values.binary_search(&(source, value)).unwrap_or_default() as u32
        };
        let written_index = |w: &str| written.binary_search(&w).unwrap_or_default() as u32;
        let slots: Vec<Slot> = found
            .par_iter()
            .map(|&(speaker, id, source, value, spelled)| Slot {
                id,
                value: value_index(source, value),
                written: written_index(spelled),
                speaker,
            })
            .collect();
        let slot_of = slots
            .iter()
            .enumerate()
            .map(|(i, slot)| (slot.id, i as u32))
            .collect();
        Dictionary {
            values: values.iter().map(|&(s, v)| (s, v.to_owned())).collect(),
            written: written.iter().map(|&w| w.to_owned()).collect(),
            slots,
            slot_of,
        }
    }

    /// The slot of each of a segment's ids (`NONE` for one of the other
    /// field's, or unknown), looked up once per term instead of once per
    /// posting.
    pub(super) fn slots_of(&self, ids: &[u64], speakers: bool) -> Vec<u32> {
        ids.iter()
            .map(|id| match self.slot_of.get(id) {
                Some(&i) if self.slots[i as usize].speaker == speakers => i,
                _ => NONE,
            })
            .collect()
    }

    /// Per value: its spellings as live passages hold them, with their
    /// use, in alphabetical order.
    fn spellings(&self, usage: &Usage) -> Vec<Vec<(String, SpellingUse)>> {
        let mut spellings: Vec<BTreeMap<&str, SpellingUse>> =
            vec![BTreeMap::new(); self.values.len()];
        for (i, slot) in self.slots.iter().enumerate() {
            if usage.id_articles[i] > 0 {
                let total = spellings[slot.value as usize]
                    .entry(self.written[slot.written as usize].as_str())
                    .or_default();
                total.articles += usage.id_articles[i];
                total.passages += usage.id_passages[i];
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

/// Spellings with their passages, quotations, and the keys filters match.
fn add_variants(
    dictionary: &Dictionary,
    usage: &Usage,
    entity_of_value: &[u32],
    entities: &mut [Draft],
) {
    let mut spellings: Vec<BTreeMap<&str, u64>> = vec![BTreeMap::new(); entities.len()];
    for (i, slot) in dictionary.slots.iter().enumerate() {
        let e = entity_of_value[slot.value as usize];
        if e == NONE || !usage.is_used(i) {
            continue;
        }
        let e = e as usize;
        entities[e].row.quotes += u32::try_from(usage.id_quotes[i]).unwrap_or(u32::MAX);
        *spellings[e]
            .entry(dictionary.written[slot.written as usize].as_str())
            .or_default() += usage.id_passages[i];
    }
    for (value, &e) in dictionary.values.iter().zip(entity_of_value) {
        if e != NONE {
            spellings[e as usize].entry(value.1.as_str()).or_default();
        }
    }
    // Folding every spelling into the words filters match is the costly
    // part: entities are done on every core.
    let entities = entities.par_iter_mut().zip(spellings);
    entities.for_each(|(entity, spelled)| {
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
    });
}

#[cfg(test)]
mod tests {
    use tantivy::schema::{Facet, TantivyDocument};
    use tantivy::{doc, Index, Term};

    use super::*;
    use crate::index::documents::{add_name_path, name_id};
    use crate::index::schema::{self, PASSAGE, QUOTE};

    /// A passage (or quotation, `record`) of `article` in `file`, naming
    /// `names` (kind, value, as written) and quoting `speakers` (value, as
    /// written), as `documents` writes them: a quotation holds its names'
    /// ids without their paths.
    fn document(
        fields: &Fields,
        (file, article): (&str, &str),
        record: u64,
        names: &[[&str; 3]],
        speakers: &[[&str; 2]],
    ) -> TantivyDocument {
        let mut document =
            doc!(fields.file => file, fields.doc => article, fields.record => record);
        for name in names {
            let path = Facet::from_path(name);
            match record {
                QUOTE => document.add_u64(fields.name_ids, name_id(path.encoded_str())),
                _ => add_name_path(&mut document, fields.entity_names, fields.name_ids, path),
            }
        }
        for speaker in speakers {
            let path = Facet::from_path(speaker);
            add_name_path(
                &mut document,
                fields.speaker_names,
                fields.speaker_ids,
                path,
            );
        }
        document
    }

    /// Two segments of passages and quotations, one file of the first
    /// deleted after the second was written.
    fn two_segments() -> tantivy::Result<(Searcher, Fields)> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        crate::index::register_tokenizer(&index);
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        let quill = ["person", "Nora Quill", "Quill"];
        let harbour = ["org", "Harbour Council", "Harbour Council"];
        let vell = ["place", "Vell", "Vell"];
        let a = ("a.txt", "a.txt");
        let said = [["Nora Quill", "Quill"]];
        let passage = |article, names: &[[&str; 3]], speakers: &[[&str; 2]]| {
            document(&fields, article, PASSAGE, names, speakers)
        };
        writer.add_document(passage(a, &[quill, vell], &said))?;
        writer.add_document(document(&fields, a, QUOTE, &[quill], &said))?;
        writer.add_document(passage(a, &[harbour, quill], &[]))?;
        writer.add_document(passage(("gone.txt", "gone.txt"), &[harbour], &[]))?;
        writer.commit()?;
        let b = ("b.jsonl", "b.jsonl#2");
        writer.add_document(passage(b, &[vell], &[]))?;
        writer.add_document(passage(b, &[["person", "Nora Quill", "Nora Quill"]], &[]))?;
        writer.delete_term(Term::from_field_text(fields.file, "gone.txt"));
        writer.commit()?;
        Ok((index.reader()?.searcher(), fields))
    }

    #[test]
    fn any_cut_into_runs_and_pieces_gives_the_same_table() -> Result<()> {
        let (searcher, fields) = two_segments()?;
        assert_eq!(searcher.segment_readers().len(), 2);
        let whole = build(&searcher, &fields, 7)?;
        for (terms_per_run, docs_per_piece) in [(1, 1), (2, 3)] {
            let split = Split {
                terms_per_run,
                docs_per_piece,
            };
            let cut = build_split(&searcher, &fields, 7, split)?;
            assert_eq!(cut.bytes.as_slice(), whole.bytes.as_slice(), "{split:?}");
        }
        let counts: Vec<(&str, u64, u64, u64)> = whole
            .entities()
            .map(|(_, e)| (e.name(), e.passages(), e.articles(), e.quotes()))
            .collect();
        assert!(counts.contains(&("Nora Quill", 3, 2, 1)), "{counts:?}");
        assert!(counts.contains(&("Vell", 2, 2, 0)), "{counts:?}");
        // The deleted passage counts no more.
        assert!(counts.contains(&("Harbour Council", 1, 1, 0)), "{counts:?}");
        Ok(())
    }
}
