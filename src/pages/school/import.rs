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
use crate::pages::school::school_page;

/// The largest file the server takes.
const MAX_FILE_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// The columns, in plain words: (name, what goes in it).
const COLUMNS: [(&str, &str); 7] = [
    ("leerlingnummer", "Het nummer van de leerling in uw leerlingadministratie. Zo herkennen we de leerling als u later opnieuw inleest: dan passen we naam en groep aan, zonder dubbele leerlingen."),
    ("voornaam", "De roepnaam van de leerling."),
    ("tussenvoegsel", "Bijvoorbeeld \"van\" of \"de\". Mag leeg blijven."),
    ("achternaam", "De achternaam van de leerling."),
    ("groep", "De groep of klas, bijvoorbeeld \"Groep 5\" of \"1A\". Een groep die er nog niet is, maken we aan. De kolom mag ook \"klas\" heten."),
    ("ouder1_naam, ouder1_email", "De naam en het e-mailadres van een ouder of verzorger. Altijd invullen."),
    ("ouder2_naam, ouder2_email", "Van een tweede ouder of verzorger. Mag leeg blijven. Vult u het in, dan allebei."),
];

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
    school_page("Leerlingen inlezen", DeskAction::ManageSchool, |school| {
        view! { <Import school /> }.into_any()
    })
}

#[component]
fn Import(school: School) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let problems = FieldProblems::new();
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(None::<&'static str>);
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
            return show_problem("Kies eerst een bestand.".into());
        };
        if file.size() > MAX_FILE_BYTES {
            return show_problem(
                "Het bestand is te groot: ten hoogste 2 MB. Verdeel de leerlingen over meer bestanden."
                    .into(),
            );
        }
        checked.set_value(None);
        outcome.set(None);
        busy.set(Some("Bezig met controleren…"));
        spawn_local(async move {
            match read_text(&file).await {
                Err(message) => show_problem(message.into()),
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
        busy.set(Some("Bezig met inlezen…"));
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

    view! {
        <p>
            "Lees de leerlingen, hun groepen en hun ouders in uit een bestand van uw leerlingadministratie. Eerst controleren we het bestand. Klopt alles, dan leest u het in. Zit er een fout in, dan slaan we niets op."
        </p>
        <section aria-labelledby="het-bestand">
            <h2 id="het-bestand">"Wat moet er in het bestand?"</h2>
            <p>
                "Een CSV-bestand met een kopregel en één regel per leerling. De kopregel noemt de kolommen, in welke volgorde u wilt:"
            </p>
            <dl class="facts columns">
                {COLUMNS
                    .into_iter()
                    .map(|(name, what)| view! {
                        <dt><code>{name}</code></dt>
                        <dd>{what}</dd>
                    })
                    .collect_view()}
            </dl>
            <p>
                "Andere kolommen mogen er niet in staan. Zo komen er geen gegevens in de app die de school hier niet nodig heeft."
            </p>
            <p>
                {format!("Maakt u het bestand in Excel? Kies bij \"Opslaan als\" het type \"CSV UTF-8 (door komma's gescheiden)\". Ten hoogste {MAX_IMPORT_ROWS} leerlingen en 2 MB per bestand.")}
            </p>
        </section>
        <form class="form" on:submit=check novalidate>
            <div class="field">
                <label for="bestand">"Bestand (CSV)"</label>
                <FieldProblem field="file" problems />
                <input
                    type="file"
                    id="bestand"
                    name="file"
                    accept=".csv,text/csv"
                    node_ref=input
                    aria-invalid=move || problems.invalid("file")
                    aria-describedby=move || problems.described_by("file", "")
                    on:change=on_change
                />
            </div>
            <p>
                <button type="submit" class="button button--primary" disabled=move || busy.get().is_some()>
                    {move || busy.get().unwrap_or("Controleren")}
                </button>
            </p>
        </form>
        {move || outcome.get().map(|shown| match shown {
            Outcome::Checked(counts) => view! {
                <section class="card status" aria-labelledby="uitkomst">
                    <h2 id="uitkomst" tabindex="-1">"Het bestand klopt"</h2>
                    <p>
                        <strong>{counts.headline()}</strong>
                        ". Er is nog niets opgeslagen. Dit gebeurt als u het bestand inleest:"
                    </p>
                    <CountsTable counts />
                    <p>
                        <button
                            type="button"
                            class="button button--primary"
                            on:click=import
                            disabled=move || busy.get().is_some()
                        >
                            {move || busy.get().unwrap_or("Inlezen")}
                        </button>
                    </p>
                </section>
            }
            .into_any(),
            Outcome::Imported(counts) => view! {
                <section class="card status status--granted" aria-labelledby="uitkomst">
                    <h2 id="uitkomst" tabindex="-1">"Ingelezen"</h2>
                    <p><strong>{counts.headline()}</strong> " zijn ingelezen."</p>
                    <CountsTable counts />
                    <p>"Nieuwe ouders hebben nog geen wachtwoord. Geef ze een activeringscode."</p>
                    <p>
                        <A href=codes_href.clone()>"Naar de activeringscodes"</A>
                    </p>
                </section>
            }
            .into_any(),
            Outcome::Rejected(rejection) => view! { <Mistakes rejection /> }.into_any(),
        })}
    }
}

impl Counts {
    /// "60 leerlingen in 3 groepen".
    fn headline(&self) -> String {
        format!(
            "{} in {}",
            count(self.summary.rows as usize, "leerling", "leerlingen"),
            count(self.groups, "groep", "groepen")
        )
    }
}

/// What reading in does (or did), a number per line.
#[component]
fn CountsTable(counts: Counts) -> impl IntoView {
    let s = counts.summary;
    let rows = [
        ("Nieuwe groepen", s.groups_created),
        ("Nieuwe leerlingen", s.pupils_created),
        ("Leerlingen met een andere naam of groep", s.pupils_updated),
        ("Leerlingen die al zo bekend waren", s.pupils_unchanged),
        ("Nieuwe ouders (nog zonder wachtwoord)", s.guardians_created),
        (
            "Ouders die aan een leerling gekoppeld worden",
            s.guardians_linked,
        ),
    ];
    view! {
        <table class="counts">
            <tbody>
                {rows
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
    let shown = rejection.errors.len();
    let total = rejection.error_count as usize;
    let how_many = if total > shown {
        format!(
            "{}. Hieronder staan de eerste {shown}.",
            count(total, "fout", "fouten")
        )
    } else {
        format!("{}.", count(total, "fout", "fouten"))
    };
    view! {
        <section class="card status status--refused" aria-labelledby="uitkomst">
            <h2 id="uitkomst" tabindex="-1">"Er staan fouten in het bestand"</h2>
            <p>{rejection.message}</p>
            <p><strong>{how_many}</strong></p>
            <table class="mistakes">
                    <caption class="visually-hidden">"Fouten per regel"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Regel"</th>
                            <th scope="col">"Kolom"</th>
                            <th scope="col">"Wat er niet klopt"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rejection
                            .errors
                            .into_iter()
                            .map(|e| view! {
                                <tr>
                                    <td>{e.row.map_or("Hele bestand".to_owned(), |r| r.to_string())}</td>
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

/// "1 leerling", "60 leerlingen".
fn count(n: usize, one: &str, more: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { more })
}

/// The file's text, as UTF-8; a file in another encoding (older Excel
/// versions) gets the advice to save it again.
async fn read_text(file: &web_sys::File) -> Result<String, &'static str> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or("We konden dit bestand niet lezen. Kies het opnieuw.")?;
    if text.contains('\u{FFFD}') {
        return Err("De tekens in dit bestand kunnen we niet lezen. Sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)' en kies het opnieuw.");
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
