//! `/school/inlezen`: the school admin reads in groups, pupils and their
//! parents from a CSV export of the pupil administration. "Controleren"
//! sends the file as a dry run (every row checked and counted, nothing
//! stored); only after a clean check does "Inlezen" send the same text.
//!
//! The file's text stays in memory only from the check until it is read in
//! or another file is chosen, and is never logged.

use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shared::onboarding::{read_pupil_csv, MAX_IMPORT_ROWS};
use shared::{DeskAction, ImportRejection, ImportSummary};

use crate::api;
use crate::app::School;
use crate::components::field_problems::{focus, FieldProblem, FieldProblems};
use crate::i18n::{t, t_string, tu_string, use_i18n};
use crate::pages::school::school_page;

/// The largest file the server takes.
const MAX_FILE_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// The columns: (name, what goes in it). The names are the file's format,
/// so they stay Dutch in every language; what goes in them is translated.
fn columns() -> [(&'static str, &'static str); 7] {
    let i18n = use_i18n();
    [
        (
            "leerlingnummer",
            t_string!(i18n, admin.import.column.pupil_number),
        ),
        ("voornaam", t_string!(i18n, admin.import.column.first_name)),
        ("tussenvoegsel", t_string!(i18n, admin.import.column.infix)),
        ("achternaam", t_string!(i18n, admin.import.column.last_name)),
        ("groep", t_string!(i18n, admin.import.column.group)),
        (
            "ouder1_naam, ouder1_email",
            t_string!(i18n, admin.import.column.parent1),
        ),
        (
            "ouder2_naam, ouder2_email",
            t_string!(i18n, admin.import.column.parent2),
        ),
    ]
}

/// What the page is busy with: its button says so meanwhile.
#[derive(Clone, Copy, PartialEq)]
enum Busy {
    Checking,
    Importing,
}

/// Why the browser could not read the file.
enum Unreadable {
    Failed,
    /// Not UTF-8 (older Excel versions).
    Encoding,
}

/// What the last check or import gave.
#[derive(Clone)]
enum Outcome {
    /// The file is fine: what reading it in would do. Nothing is stored.
    Checked(Counts),
    /// Read in.
    Imported(Counts),
    /// Mistakes per row; nothing is stored.
    Rejected(ImportRejection),
}

#[derive(Clone)]
struct Counts {
    summary: ImportSummary,
    /// The groups in the file (new or not).
    groups: usize,
}

/// The page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    school_page(
        t_string!(i18n, admin.import.title),
        DeskAction::ManageSchool,
        |school| view! { <Import school /> }.into_any(),
    )
}

#[component]
fn Import(school: School) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<Input>::new();
    let problems = FieldProblems::new();
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(None::<Busy>);
    // The checked text and its number of groups: "Inlezen" sends exactly
    // what was checked.
    let checked = StoredValue::new(None::<(String, usize)>);
    let school_id = StoredValue::new(school.id.clone());
    let codes_href = format!("/school/codes?school={}", school.id);

    let show_problem = move |message: String| {
        problems.set(vec![("file", message)]);
        focus("bestand");
    };
    let show_outcome = move |shown: Outcome| {
        outcome.set(Some(shown));
        request_animation_frame(|| focus("uitkomst"));
    };
    let refused = move |rejection: ImportRejection| {
        if rejection.errors.is_empty() {
            outcome.set(None);
            show_problem(rejection.message);
        } else {
            show_outcome(Outcome::Rejected(rejection));
        }
    };

    // Another file: forget the last one.
    let on_change = move |_| {
        checked.set_value(None);
        outcome.set(None);
        problems.clear(&["file"]);
    };

    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked().is_some() {
            return;
        }
        let file = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else {
            return show_problem(tu_string!(i18n, admin.import.no_file).into());
        };
        if file.size() > MAX_FILE_BYTES {
            return show_problem(tu_string!(i18n, admin.import.too_big).into());
        }
        checked.set_value(None);
        outcome.set(None);
        busy.set(Some(Busy::Checking));
        spawn_local(async move {
            match read_text(&file).await {
                Err(Unreadable::Failed) => {
                    show_problem(tu_string!(i18n, admin.import.unreadable).into())
                }
                Err(Unreadable::Encoding) => {
                    show_problem(tu_string!(i18n, admin.import.wrong_encoding).into())
                }
                Ok(text) => {
                    let id = school_id.get_value();
                    match api::import_pupils(&id, &text, true).await {
                        Ok(summary) => {
                            let groups = groups_in(&text);
                            checked.set_value(Some((text, groups)));
                            show_outcome(Outcome::Checked(Counts { summary, groups }));
                        }
                        Err(rejection) => refused(rejection),
                    }
                }
            }
            busy.set(None);
        });
    };

    let import = move |_| {
        let Some((text, groups)) = checked.get_value() else {
            return;
        };
        if busy.get_untracked().is_some() {
            return;
        }
        busy.set(Some(Busy::Importing));
        spawn_local(async move {
            let id = school_id.get_value();
            match api::import_pupils(&id, &text, false).await {
                Ok(summary) => {
                    // Done with the file: let it go.
                    checked.set_value(None);
                    if let Some(input) = input.get_untracked() {
                        input.set_value("");
                    }
                    show_outcome(Outcome::Imported(Counts { summary, groups }));
                }
                Err(rejection) => refused(rejection),
            }
            busy.set(None);
        });
    };

    // A button's text: what it does, or what the page is busy with.
    let button_text = move |does: Busy| {
        move || match (busy.get(), does) {
            (Some(Busy::Checking), _) => t_string!(i18n, admin.import.checking),
            (Some(Busy::Importing), _) => t_string!(i18n, admin.import.importing),
            (None, Busy::Checking) => t_string!(i18n, admin.import.check),
            (None, Busy::Importing) => t_string!(i18n, admin.import.import),
        }
    };

    view! {
        <p>{t!(i18n, admin.import.intro)}</p>
        <section aria-labelledby="het-bestand">
            <h2 id="het-bestand">{t!(i18n, admin.import.file_heading)}</h2>
            <p>{t!(i18n, admin.import.file_intro)}</p>
            <dl class="facts columns">
                {move || columns()
                    .into_iter()
                    .map(|(name, what)| view! {
                        <dt><code lang="nl">{name}</code></dt>
                        <dd>{what}</dd>
                    })
                    .collect_view()}
            </dl>
            <p>{t!(i18n, admin.import.no_other_columns)}</p>
            <p>{t!(i18n, admin.import.excel, rows = MAX_IMPORT_ROWS)}</p>
        </section>
        <form class="form" on:submit=check novalidate>
            <div class="field">
                <label for="bestand">{t!(i18n, admin.import.file_label)}</label>
                <p class="hint" id="bestand-hint">{t!(i18n, admin.import.file_hint)}</p>
                <FieldProblem field="file" problems />
                <input
                    type="file"
                    id="bestand"
                    name="file"
                    accept=".csv,text/csv"
                    node_ref=input
                    aria-invalid=move || problems.invalid("file")
                    aria-describedby=move || problems.described_by("file", "bestand-hint")
                    on:change=on_change
                />
            </div>
            <p>
                <button type="submit" class="button button--primary" disabled=move || busy.get().is_some()>
                    {button_text(Busy::Checking)}
                </button>
            </p>
        </form>
        {move || outcome.get().map(|shown| match shown {
            Outcome::Checked(counts) => view! {
                <section class="card status" aria-labelledby="uitkomst">
                    <h2 id="uitkomst" tabindex="-1">{t!(i18n, admin.import.checked_heading)}</h2>
                    <p>
                        {t!(
                            i18n,
                            admin.import.checked,
                            pupils = { let counts = counts.clone(); move || counts.pupils() },
                            groups = { let counts = counts.clone(); move || counts.groups() },
                            <b> = bold
                        )}
                    </p>
                    <CountsTable counts />
                    <p>
                        <button
                            type="button"
                            class="button button--primary"
                            on:click=import
                            disabled=move || busy.get().is_some()
                        >
                            {button_text(Busy::Importing)}
                        </button>
                    </p>
                </section>
            }
            .into_any(),
            Outcome::Imported(counts) => view! {
                <section class="card status status--granted" aria-labelledby="uitkomst">
                    <h2 id="uitkomst" tabindex="-1">{t!(i18n, admin.import.imported_heading)}</h2>
                    <p>
                        {
                            let pupils = { let counts = counts.clone(); move || counts.pupils() };
                            let groups = { let counts = counts.clone(); move || counts.groups() };
                            match counts.summary.rows {
                                1 => t!(i18n, admin.import.imported_single, pupils, groups, <b> = bold).into_any(),
                                _ => t!(i18n, admin.import.imported, pupils, groups, <b> = bold).into_any(),
                            }
                        }
                    </p>
                    <CountsTable counts />
                    <p>{t!(i18n, admin.import.new_parents)}</p>
                    <p>
                        <A href=codes_href.clone()>{t!(i18n, admin.import.to_codes)}</A>
                    </p>
                </section>
            }
            .into_any(),
            Outcome::Rejected(rejection) => view! { <Mistakes rejection /> }.into_any(),
        })}
    }
}

impl Counts {
    /// "60 leerlingen". One or several, chosen here: leptos_i18n's plural
    /// forms need ICU data the build leaves out.
    fn pupils(&self) -> AnyView {
        let i18n = use_i18n();
        match self.summary.rows {
            1 => t!(i18n, admin.import.one_pupil).into_any(),
            n => t!(i18n, admin.import.pupils, number = move || n).into_any(),
        }
    }

    /// "3 groepen".
    fn groups(&self) -> AnyView {
        let i18n = use_i18n();
        match self.groups {
            1 => t!(i18n, admin.import.one_group).into_any(),
            n => t!(i18n, admin.import.groups, number = move || n).into_any(),
        }
    }
}

/// Bold, for `<b>` in a text.
fn bold(children: ChildrenFn) -> impl IntoView {
    view! { <strong>{children()}</strong> }
}

/// What reading in does (or did), a number per line.
#[component]
fn CountsTable(counts: Counts) -> impl IntoView {
    let i18n = use_i18n();
    let s = counts.summary;
    let rows = move || {
        [
            (
                t_string!(i18n, admin.import.counts.groups_created),
                s.groups_created,
            ),
            (
                t_string!(i18n, admin.import.counts.pupils_created),
                s.pupils_created,
            ),
            (
                t_string!(i18n, admin.import.counts.pupils_updated),
                s.pupils_updated,
            ),
            (
                t_string!(i18n, admin.import.counts.pupils_unchanged),
                s.pupils_unchanged,
            ),
            (
                t_string!(i18n, admin.import.counts.guardians_created),
                s.guardians_created,
            ),
            (
                t_string!(i18n, admin.import.counts.guardians_linked),
                s.guardians_linked,
            ),
            (
                t_string!(i18n, admin.import.counts.pupils_left),
                s.pupils_left,
            ),
        ]
    };
    view! {
        <table class="counts">
            <tbody>
                {move || rows()
                    .into_iter()
                    .map(|(label, n)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td>{n}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The mistakes per row, in a table: line, column, what is wrong.
#[component]
fn Mistakes(rejection: ImportRejection) -> impl IntoView {
    let i18n = use_i18n();
    let shown = rejection.errors.len();
    let total = rejection.error_count;
    view! {
        <section class="card status status--refused" aria-labelledby="uitkomst">
            <h2 id="uitkomst" tabindex="-1">{t!(i18n, admin.import.mistakes_heading)}</h2>
            <p>{rejection.message}</p>
            <p>
                <strong>
                    {match total {
                        1 => t!(i18n, admin.import.one_mistake).into_any(),
                        n => t!(i18n, admin.import.mistakes, number = move || n).into_any(),
                    }}
                    {(total as usize > shown).then(|| view! {
                        " " {t!(i18n, admin.import.first_shown, shown)}
                    })}
                </strong>
            </p>
            <table class="mistakes">
                    <caption class="visually-hidden">{t!(i18n, admin.import.mistakes_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, admin.import.line)}</th>
                            <th scope="col">{t!(i18n, admin.import.column_name)}</th>
                            <th scope="col">{t!(i18n, admin.import.what_is_wrong)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rejection
                            .errors
                            .into_iter()
                            .map(|e| view! {
                                <tr>
                                    <td>{match e.row {
                                        Some(row) => row.to_string().into_any(),
                                        None => t!(i18n, admin.import.whole_file).into_any(),
                                    }}</td>
                                    <td class="mistakes__column">{e.field.unwrap_or_else(|| "–".into())}</td>
                                    <td>{e.message}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
            </table>
        </section>
    }
}

/// The file's text, as UTF-8; a file in another encoding (older Excel
/// versions) gets the advice to save it again.
async fn read_text(file: &web_sys::File) -> Result<String, Unreadable> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(Unreadable::Failed)?;
    if text.contains('\u{FFFD}') {
        return Err(Unreadable::Encoding);
    }
    Ok(text)
}

/// How many groups a checked file names.
fn groups_in(text: &str) -> usize {
    let mut groups: Vec<String> = read_pupil_csv(text)
        .unwrap_or_default()
        .into_iter()
        .map(|row| row.group)
        .collect();
    groups.sort();
    groups.dedup();
    groups.len()
}
