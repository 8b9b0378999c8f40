//! Problems with a form's fields: each shown next to its field and tied to it
//! for screen readers (`aria-invalid`, `aria-describedby` to `{field}-fout`).

use leptos::prelude::*;
use shared::{ApiError, FieldError};
use wasm_bindgen::JsCast;

use crate::i18n::fill;
use crate::i18n::{t_string, use_i18n};

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

    /// Shows what checking a form found, in the order of `fields`: each
    /// problem next to its field, and one about none of them (the form's
    /// key) in `general`, on top. Returns the first problem's field, to
    /// focus; `None` when nothing was found.
    pub fn show(
        self,
        mut found: Problems,
        fields: &[&'static str],
        general: RwSignal<Option<String>>,
    ) -> Option<&'static str> {
        let order = |field: &str| fields.iter().position(|f| *f == field);
        found.sort_by_key(|(field, _)| order(field).unwrap_or(fields.len()));
        general.set(
            found
                .iter()
                .find(|(field, _)| order(field).is_none())
                .map(|(_, message)| message.clone()),
        );
        let first = found.first().map(|(field, _)| *field);
        self.set(found);
        first
    }

    /// Shows the server's refusal: next to its field when it names one of
    /// `fields` (and returns that field, to focus), else on top.
    pub fn show_api_error(
        self,
        error: ApiError,
        fields: &[&'static str],
        general: RwSignal<Option<String>>,
    ) -> Option<&'static str> {
        let field = error
            .field
            .as_deref()
            .and_then(|f| fields.iter().copied().find(|k| *k == f));
        match field {
            Some(field) => self.show(vec![(field, error.message)], fields, general),
            None => {
                self.set(Problems::new());
                general.set(Some(error.message));
                None
            }
        }
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

/// The problems the inputs have, then those the shared rules find in the
/// fields without one yet.
pub fn with_rules(mut found: Problems, rules: Result<(), Vec<FieldError>>) -> Problems {
    for error in rules.err().unwrap_or_default() {
        if !found.iter().any(|(field, _)| *field == error.field) {
            found.push((error.field, error.text(crate::api::language()).to_owned()));
        }
    }
    found
}

/// On top of a form: the problem that is about no field, and how many
/// fields have one (announced to screen readers).
#[component]
pub fn ProblemSummary(
    problems: FieldProblems,
    fields: &'static [&'static str],
    general: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div role="alert" class="alert-region">
            {move || general.get().map(|message| view! {
                <p class="notice notice--error">{message}</p>
            })}
            {move || {
                let count = problems.with(|p| p.iter().filter(|(f, _)| fields.contains(f)).count());
                (count > 0).then(|| view! {
                    <p class="notice notice--error">
                        {if count == 1 {
                            t_string!(i18n, common.problems.one).to_owned()
                        } else {
                            fill(t_string!(i18n, common.problems.several), &[("count", &count)])
                        }}
                    </p>
                })
            }}
        </div>
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
