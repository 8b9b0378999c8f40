//! "Lees voor": reads an explanation aloud with the browser's own speech
//! synthesis, in the language each part is written in. Pressing it again
//! stops. Not shown where the browser cannot speak.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, SpeechSynthesis, SpeechSynthesisUtterance};

use crate::i18n::{t, use_i18n};
use leptos_i18n::Locale as _;

/// What is read: the headings and paragraphs in the element `target`, not
/// those inside an element marked `data-no-read` (links, buttons).
const READ: &str = "h1, h2, h3, p";

/// The browser's speech synthesis, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let speech = web_sys::window()?.speech_synthesis().ok()?;
    let usable = !speech.is_undefined() && SpeechSynthesisUtterance::new().is_ok();
    usable.then_some(speech)
}

/// The BCP 47 tag a voice is chosen by, for a `lang` attribute: "nl-NL".
fn speech_tag(lang: &str) -> String {
    match lang {
        "nl" => "nl-NL",
        "en" => "en-GB",
        "tr" => "tr-TR",
        "pl" => "pl-PL",
        "uk" => "uk-UA",
        other => other,
    }
    .to_owned()
}

/// The texts in `target`, in order, each with its language's tag (the
/// nearest `lang`, else `language`'s); neighbours in the same language
/// joined, so the voice flows on.
fn parts(target: &str, language: &str) -> Vec<(String, String)> {
    let Some(container) = document().get_element_by_id(target) else {
        return Vec::new();
    };
    let Ok(found) = container.query_selector_all(READ) else {
        return Vec::new();
    };
    let mut parts: Vec<(String, String)> = Vec::new();
    for element in (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<Element>().ok()) {
        if element.closest("[data-no-read]").ok().flatten().is_some() {
            continue;
        }
        let text = element
            .dyn_ref::<HtmlElement>()
            .map(HtmlElement::inner_text)
            .unwrap_or_default();
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let lang = element
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_else(|| language.to_owned());
        let tag = speech_tag(&lang);
        match parts.last_mut() {
            Some((last_tag, last_text)) if *last_tag == tag => {
                last_text.push('\n');
                last_text.push_str(text);
            }
            _ => parts.push((tag, text.to_owned())),
        }
    }
    parts
}

/// The button that reads the element with id `target` aloud.
#[component]
pub fn ReadAloud(target: String) -> impl IntoView {
    let i18n = use_i18n();
    let speech = synthesis()?;
    let reading = RwSignal::new(false);
    let stop = {
        let speech = speech.clone();
        move || speech.cancel()
    };
    // Leaving the page stops the voice.
    on_cleanup({
        let stop = stop.clone();
        move || stop()
    });
    let toggle = move |_| {
        stop();
        if reading.get_untracked() {
            reading.set(false);
            return;
        }
        let parts = parts(&target, i18n.get_locale_untracked().as_str());
        let count = parts.len();
        for (i, (tag, text)) in parts.into_iter().enumerate() {
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
                continue;
            };
            utterance.set_lang(&tag);
            if i + 1 == count {
                let done = wasm_bindgen::closure::Closure::once_into_js(move || {
                    _ = reading.try_set(false);
                });
                utterance.set_onend(Some(done.unchecked_ref()));
            }
            speech.speak(&utterance);
        }
        reading.set(count > 0);
    };
    Some(view! {
        <p class="read-aloud" data-no-read>
            <button
                type="button"
                class="button"
                aria-pressed=move || reading.get().to_string()
                on:click=toggle
            >
                {move || if reading.get() {
                    t!(i18n, child.read_aloud.stop).into_any()
                } else {
                    t!(i18n, child.read_aloud.start).into_any()
                }}
            </button>
        </p>
    })
}
