//! Every Dutch text a parent reads is plain Dutch (B1): scored with
//! Flesch-Douma, the Dutch Flesch reading ease,
//!
//!   206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence,
//!
//! and no sentence is longer than [`MAX_SENTENCE`] words. Around 60 to 70
//! is "fairly easy"; B1 texts usually score 65 or more.
//!
//! The texts: the default protocols (each step's six fields) and the UI
//! strings of the parent-facing namespaces in `locales/nl`. A text of at
//! least [`OWN_SCORE_WORDS`] words is scored on its own; the shorter ones
//! (titles, labels, buttons) are pooled per source into one score, because
//! a score of three words says little.
//!
//! `cargo test -p verzuimwijzer-shared --test readability -- --nocapture`
//! prints the table; a failing run always prints it.

use std::fmt::Write as _;
use std::path::PathBuf;

use shared::protocol::{Protocol, SchoolKind};

/// The lowest score a text (or a pool of short texts) may have.
const MIN_SCORE: f64 = 60.0;
/// The longest sentence, in words.
const MAX_SENTENCE: usize = 20;
/// Texts with fewer words are pooled per source.
const OWN_SCORE_WORDS: usize = 10;
/// The parent-facing namespaces.
const PARENT_NAMESPACES: [&str; 5] = ["common", "login", "report", "child", "talk"];

/// Words, sentences and syllables of a text.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct Counts {
    words: usize,
    sentences: usize,
    syllables: usize,
}

impl Counts {
    fn of(text: &str) -> Self {
        let sentences = sentences(text);
        Counts {
            words: sentences.iter().map(Vec::len).sum(),
            sentences: sentences.len(),
            syllables: sentences.iter().flatten().map(|w| syllables(w)).sum(),
        }
    }

    fn add(self, other: Counts) -> Counts {
        Counts {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
        }
    }

    fn words_per_sentence(self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }

    fn syllables_per_100_words(self) -> f64 {
        100.0 * self.syllables as f64 / self.words.max(1) as f64
    }

    /// Flesch-Douma.
    fn score(self) -> f64 {
        206.84 - 0.77 * self.syllables_per_100_words() - 0.93 * self.words_per_sentence()
    }
}

/// The sentences of a text, each as its words. A sentence ends at `.`, `!`
/// or `?` followed by a space or the end ("8.30 uur" stays one word), or at
/// a line break; a text without an end mark is one sentence (a label).
fn sentences(text: &str) -> Vec<Vec<String>> {
    let mut all = Vec::new();
    let mut current = Vec::new();
    for token in text.split_whitespace() {
        let word: String = token
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if !word.is_empty() {
            current.push(word);
        }
        if token.ends_with(['.', '!', '?']) && !current.is_empty() {
            all.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        all.push(current);
    }
    all
}

/// Vowel groups that are one syllable, longest first. Other vowels next to
/// each other are two syllables ("ide-aal", "bi-os-coop"), and a vowel with
/// a diaeresis always starts a new one ("ge-ïn-te-res-seerd").
const NUCLEI: [&str; 19] = [
    "aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ij", "ui",
    "ou", "au", "éé", "óó",
];

fn is_vowel(c: char) -> bool {
    "aeiouyéèêëáàâäóòôöúùûüíìîï".contains(c)
}

/// Dutch syllables, counted by vowel groups: good enough for a reading
/// score, not for hyphenation ("museum" counts 2, "e-mail" 3). A word
/// without a vowel (a number, "8.30") counts as one syllable.
fn syllables(word: &str) -> usize {
    let chars: Vec<char> = word.to_lowercase().chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_vowel(chars[i]) {
            i += 1;
            continue;
        }
        count += 1;
        let rest: String = chars[i..].iter().take(3).collect();
        let len = NUCLEI
            .iter()
            .find(|n| rest.starts_with(*n))
            .map_or(1, |n| n.chars().count());
        i += len;
    }
    count.max(1)
}

/// A text to score: where it comes from and what it says.
struct Text {
    source: String,
    id: String,
    text: String,
}

fn protocol_texts() -> Vec<Text> {
    let mut texts = Vec::new();
    for kind in SchoolKind::ALL {
        let protocol = Protocol::default_for(kind);
        let source = format!("protocol {}", kind.as_str());
        for step in &protocol.steps {
            for (field, text) in step.texts.fields() {
                texts.push(Text {
                    source: source.clone(),
                    id: format!("{}/{}/{field}", kind.as_str(), step.id),
                    text: text.to_owned(),
                });
            }
        }
    }
    texts
}

/// A UI string as a parent reads it: without `{{ placeholders }}` and tags.
fn strip_markup(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    loop {
        let next = [rest.find("{{"), rest.find('<')]
            .into_iter()
            .flatten()
            .min();
        let Some(start) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..start]);
        let close = if rest[start..].starts_with("{{") {
            "}}"
        } else {
            ">"
        };
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => return out,
        }
    }
}

fn flatten(prefix: &str, value: &serde_json::Value, into: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => into.push((prefix.to_owned(), s.clone())),
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                let key = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&key, value, into);
            }
        }
        _ => {}
    }
}

fn ui_texts() -> Vec<Text> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../locales/nl");
    let mut texts = Vec::new();
    for namespace in PARENT_NAMESPACES {
        let path = dir.join(format!("{namespace}.json"));
        let json =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut strings = Vec::new();
        flatten("", &value, &mut strings);
        let source = format!("locales/nl/{namespace}.json");
        texts.extend(strings.into_iter().map(|(key, text)| Text {
            source: source.clone(),
            id: format!("{namespace}.{key}"),
            text: strip_markup(&text),
        }));
    }
    texts
}

/// One line of the table.
struct Row {
    id: String,
    counts: Counts,
}

impl Row {
    fn line(&self) -> String {
        let c = self.counts;
        format!(
            "{:<58} {:>5} {:>5} {:>6.1} {:>7.1} {:>6.1}",
            self.id,
            c.words,
            c.sentences,
            c.words_per_sentence(),
            c.syllables_per_100_words(),
            c.score()
        )
    }
}

#[test]
fn every_dutch_text_for_parents_is_plain() {
    let texts: Vec<Text> = protocol_texts().into_iter().chain(ui_texts()).collect();
    let mut rows = Vec::new();
    let mut pools: Vec<(String, Counts, usize)> = Vec::new();
    let mut short = Vec::new();
    let mut problems = Vec::new();
    for text in &texts {
        let counts = Counts::of(&text.text);
        for sentence in sentences(&text.text) {
            if sentence.len() > MAX_SENTENCE {
                problems.push(format!(
                    "{} ({}): a sentence of {} words: \"{}\"",
                    text.id,
                    text.source,
                    sentence.len(),
                    sentence.join(" ")
                ));
            }
        }
        if counts.words >= OWN_SCORE_WORDS {
            if counts.score() < MIN_SCORE {
                problems.push(format!(
                    "{} ({}): score {:.1} < {MIN_SCORE}",
                    text.id,
                    text.source,
                    counts.score()
                ));
            }
            rows.push(Row {
                id: text.id.clone(),
                counts,
            });
        } else if counts.words > 0 {
            short.push((text, counts));
            match pools.iter_mut().find(|(source, ..)| *source == text.source) {
                Some((_, pool, n)) => {
                    *pool = pool.add(counts);
                    *n += 1;
                }
                None => pools.push((text.source.clone(), counts, 1)),
            }
        }
    }
    for (source, counts, n) in &pools {
        if counts.score() < MIN_SCORE {
            problems.push(format!(
                "{source}: the {n} short texts score {:.1} together < {MIN_SCORE}",
                counts.score()
            ));
            // The hardest of them, to know where to start.
            let mut hardest: Vec<_> = short.iter().filter(|(t, _)| t.source == *source).collect();
            hardest.sort_by(|a, b| {
                let per_word = |c: &Counts| c.syllables as f64 / c.words as f64;
                per_word(&b.1).total_cmp(&per_word(&a.1))
            });
            for (text, c) in hardest.iter().take(15) {
                problems.push(format!(
                    "    {} ({} syllables in {} words): \"{}\"",
                    text.id, c.syllables, c.words, text.text
                ));
            }
        }
        rows.push(Row {
            id: format!("{source}: {n} short texts"),
            counts: *counts,
        });
    }

    let mut table = format!(
        "{:<58} {:>5} {:>5} {:>6} {:>7} {:>6}\n",
        "text", "words", "sent.", "w/sent", "syl/100", "score"
    );
    for row in &rows {
        let _ = writeln!(table, "{}", row.line());
    }
    let all = rows.iter().fold(Counts::default(), |a, r| a.add(r.counts));
    let _ = writeln!(
        table,
        "{}",
        Row {
            id: "ALL".into(),
            counts: all
        }
        .line()
    );
    let lowest = rows
        .iter()
        .min_by(|a, b| a.counts.score().total_cmp(&b.counts.score()));
    if let Some(low) = lowest {
        let _ = writeln!(table, "lowest: {}", low.line());
    }
    // Printed on every run: `--nocapture` shows it, a failure always does.
    println!("{table}");
    assert!(
        problems.is_empty(),
        "{} problems (thresholds: score ≥ {MIN_SCORE}, sentences ≤ {MAX_SENTENCE} words):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn syllables_follow_dutch_vowel_groups() {
    let cases = [
        ("kind", 1),
        ("ouders", 2),
        ("leerplichtambtenaar", 5),
        ("uitnodigen", 4),
        ("mooi", 1),
        ("nieuw", 1),
        ("ideaal", 3),
        ("geïnteresseerd", 5),
        ("coördinator", 5),
        ("één", 1),
        ("16", 1),
        ("Ziekmelding", 3),
    ];
    for (word, n) in cases {
        assert_eq!(syllables(word), n, "{word}");
    }
}

#[test]
fn sentences_end_at_marks_not_inside_times() {
    let s = sentences("Meld uw kind af vóór 8.30 uur. Dan belt de school niet! Klaar?");
    assert_eq!(s.len(), 3);
    assert_eq!(s[0], ["Meld", "uw", "kind", "af", "vóór", "8.30", "uur"]);
    assert_eq!(sentences("Opslaan").len(), 1);
    assert_eq!(
        strip_markup("Hallo {{ name }}, <b>welkom</b>."),
        "Hallo , welkom."
    );
    // "Een huis. Een kind." 4 words, 2 sentences, 4 syllables.
    let c = Counts::of("Een huis. Een kind.");
    assert_eq!((c.words, c.sentences, c.syllables), (4, 2, 4));
    assert!((c.score() - (206.84 - 77.0 - 1.86)).abs() < 1e-9);
}
