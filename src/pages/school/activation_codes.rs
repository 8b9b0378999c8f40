//! `/school/codes`: the school admin makes activation codes for every
//! parent who has no password yet, and prints them: one block per parent,
//! to cut out or hand over. The codes are shown once: only their hash is
//! stored.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{ActivationCode, DeskAction, ImportedChild};

use crate::api;
use crate::app::School;
use crate::components::field_problems::focus;
use crate::dutch;
use crate::pages::school::school_page;

/// The page.
#[component]
pub fn ActivationCodesPage() -> impl IntoView {
    school_page("Activeringscodes", DeskAction::ManageSchool, |school| {
        view! { <Codes school /> }.into_any()
    })
}

#[component]
fn Codes(school: School) -> impl IntoView {
    let codes = RwSignal::new(None::<Vec<ActivationCode>>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let school_id = StoredValue::new(school.id);

    let make = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::make_activation_codes(&school_id.get_value()).await {
                Ok(made) => {
                    codes.set(Some(made));
                    request_animation_frame(|| focus("codes"));
                }
                Err(e) => error.set(Some(e.message)),
            }
            busy.set(false);
        });
    };
    let print = |_| {
        if let Some(window) = web_sys::window() {
            _ = window.print();
        }
    };

    view! {
        <p>
            "Ouders die de school heeft ingelezen, hebben nog geen wachtwoord. Met een activeringscode kiezen ze er zelf een. Maak hier de codes voor alle ouders die nog geen wachtwoord hebben, en geef ze de code: op papier, of in een persoonlijke mail."
        </p>
        <div class="notice notice--warning">
            <p><strong>"U ziet de codes maar één keer."</strong></p>
            <p>
                "We bewaren ze niet. Druk ze af voordat u deze pagina verlaat. Maakt u opnieuw codes, dan werken de oude niet meer. Een code werkt 30 dagen, en één keer."
            </p>
        </div>
        <div role="alert" class="alert-region">
            {move || error.get().map(|message| view! { <p class="notice notice--error">{message}</p> })}
        </div>
        <p>
            <button type="button" class="button button--primary" on:click=make disabled=move || busy.get()>
                {move || if busy.get() { "Bezig met codes maken…" } else { "Maak activeringscodes" }}
            </button>
        </p>
        {move || codes.get().map(|codes| {
            if codes.is_empty() {
                return view! {
                    <h2 id="codes" tabindex="-1">"Geen codes nodig"</h2>
                    <p>"Alle ouders van deze school hebben al een wachtwoord gekozen."</p>
                }
                .into_any();
            }
            let how_many = match codes.len() {
                1 => "1 code gemaakt.".to_owned(),
                n => format!("{n} codes gemaakt."),
            };
            view! {
                <h2 id="codes" tabindex="-1">"De codes"</h2>
                <p>{how_many} " Druk ze nu af: u ziet ze maar één keer."</p>
                <p>
                    <button type="button" class="button button--primary" on:click=print>
                        "Afdrukken"
                    </button>
                </p>
                <CodeList codes />
            }
            .into_any()
        })}
    }
}

/// The printed list: a block per person, readable on its own.
#[component]
fn CodeList(codes: Vec<ActivationCode>) -> impl IntoView {
    let today = dutch::today();
    let address = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|origin| format!("{origin}/activeren"))
        .unwrap_or_else(|| "/activeren".into());
    view! {
        <ul class="print-list" aria-label="Activeringscodes">
            {codes
                .into_iter()
                .map(|code| {
                    let until = dutch::day(
                        code.expires_at.with_timezone(&chrono::Local).date_naive(),
                        today,
                    );
                    view! {
                        <li class="code-card">
                            <p class="code-card__name">{code.name}</p>
                            <p>{code.email}</p>
                            {(!code.children.is_empty()).then(|| view! {
                                <p>"Voor: " {children(&code.children)}</p>
                            })}
                            <p>"Uw activeringscode:"</p>
                            <p class="code">{code.code}</p>
                            <p>
                                "Ga naar " <strong>{address.clone()}</strong>
                                ", vul de code in en kies een wachtwoord. De code werkt tot "
                                {until} ", en één keer."
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "Noor de Vries (Groep 3) en Daan de Vries (2B)".
fn children(children: &[ImportedChild]) -> String {
    let mut names: Vec<String> = children
        .iter()
        .map(|c| format!("{} {} ({})", c.first_name, c.last_name, c.group_name))
        .collect();
    let last = names.pop().unwrap_or_default();
    if names.is_empty() {
        last
    } else {
        format!("{} en {last}", names.join(", "))
    }
}
