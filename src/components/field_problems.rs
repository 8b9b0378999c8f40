//! Problems with a form's fields: each shown next to its field and tied to it
//! for screen readers (`aria-invalid`, `aria-describedby` to `{field}-fout`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Problems to show: (the field's name in the request body, message).
pub type Problems = Vec<(&'static str, String)>;

/// The problems the form shows now, and how each field reads them.
#[derive(Clone, Copy)]
pub struct FieldProblems(RwSignal<Problems>);

impl FieldProblems {
    pub fn new() -> Self {
        Self(RwSignal::new(Problems::new()))
    }

    /// Shows these problems instead of the ones shown now.
    pub fn set(self, problems: Problems) {
        self.0.set(problems);
    }

    /// Reads the problems shown now (tracked).
    pub fn with<R>(self, f: impl FnOnce(&Problems) -> R) -> R {
        self.0.with(f)
    }

    /// The message for `field`, if it has a problem.
    pub fn message(self, field: &str) -> Option<String> {
        self.0
            .with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
    }

    /// `aria-invalid` for `field`.
    pub fn invalid(self, field: &str) -> Option<&'static str> {
        self.message(field).map(|_| "true")
    }

    /// `aria-describedby` for `field`: its hints, then its problem.
    pub fn described_by(self, field: &str, hints: &str) -> Option<String> {
        let error = self.message(field).map(|_| format!("{field}-fout"));
        let ids: Vec<String> = hints
            .split_whitespace()
            .map(str::to_owned)
            .chain(error)
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// A problem goes away as soon as the parent changes that field.
    pub fn clear(self, fields: &[&str]) {
        if self
            .0
            .with_untracked(|p| p.iter().any(|(f, _)| fields.contains(f)))
        {
            self.0.update(|p| p.retain(|(f, _)| !fields.contains(f)));
        }
    }
}

impl Default for FieldProblems {
    fn default() -> Self {
        Self::new()
    }
}

/// The message for one field, tied to it by the id `{field}-fout`.
#[component]
pub fn FieldProblem(field: &'static str, problems: FieldProblems) -> impl IntoView {
    move || {
        problems.message(field).map(|message| {
            view! {
                <p class="field-error" id=format!("{field}-fout")>
                    {message}
                </p>
            }
        })
    }
}

/// Moves keyboard focus to an element, e.g. the first field with a problem.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        _ = element.focus();
    }
}
