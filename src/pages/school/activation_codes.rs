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
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::school::school_page;
use crate::pages::school::staff::and_list;

/// The page.
#[component]
pub fn ActivationCodesPage() -> impl IntoView {
    let i18n = use_i18n();
    school_page(
        t_string!(i18n, admin.codes.title),
        DeskAction::ManageSchool,
        |school| view! { <Codes school /> }.into_any(),
    )
}

#[component]
fn Codes(school: School) -> impl IntoView {
    let i18n = use_i18n();
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
        <p>{t!(i18n, admin.codes.intro)}</p>
        <div class="notice notice--warning">
            <p><strong>{t!(i18n, admin.codes.once)}</strong></p>
            <p>{t!(i18n, admin.codes.once_more)}</p>
        </div>
        <div role="alert" class="alert-region">
            {move || error.get().map(|message| view! { <p class="notice notice--error">{message}</p> })}
        </div>
        <p>
            <button type="button" class="button button--primary" on:click=make disabled=move || busy.get()>
                {move || if busy.get() {
                    t_string!(i18n, admin.codes.making)
                } else {
                    t_string!(i18n, admin.codes.make)
                }}
            </button>
        </p>
        {move || codes.get().map(|codes| {
            if codes.is_empty() {
                return view! {
                    <h2 id="codes" tabindex="-1">{t!(i18n, admin.codes.none_heading)}</h2>
                    <p>{t!(i18n, admin.codes.none)}</p>
                }
                .into_any();
            }
            let made = codes.len();
            view! {
                <h2 id="codes" tabindex="-1">{t!(i18n, admin.codes.heading)}</h2>
                <p>{match made {
                    1 => t!(i18n, admin.codes.one_made).into_any(),
                    n => t!(i18n, admin.codes.made, number = move || n).into_any(),
                }}</p>
                <p>
                    <button type="button" class="button button--primary" on:click=print>
                        {t!(i18n, admin.codes.print)}
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
    let i18n = use_i18n();
    let today = dates::today();
    let address = activation_address();
    view! {
        <ul class="print-list" aria-label=move || t_string!(i18n, admin.codes.list_label)>
            {codes
                .into_iter()
                .map(|code| {
                    let until = dates::day(
                        code.expires_at.with_timezone(&chrono::Local).date_naive(),
                        today,
                    );
                    let address = address.clone();
                    let children = code.children;
                    view! {
                        <li class="code-card">
                            <p class="code-card__name">{code.name}</p>
                            <p>{code.email}</p>
                            {(!children.is_empty()).then(|| view! {
                                <p>{t!(i18n, admin.codes.letter_for, children = move || names(&children))}</p>
                            })}
                            <p>{t!(i18n, admin.codes.letter_code)}</p>
                            <p class="code">{code.code}</p>
                            <p>
                                {t!(
                                    i18n,
                                    admin.codes.letter_how,
                                    address,
                                    until,
                                    <b> = |children: ChildrenFn| view! { <strong><bdi>{children()}</bdi></strong> }
                                )}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "Noor de Vries (Groep 3) en Daan de Vries (2B)".
fn names(children: &[ImportedChild]) -> impl IntoView {
    and_list(
        children
            .iter()
            .map(|c| format!("{} {} ({})", c.first_name, c.last_name, c.group_name))
            .collect(),
    )
}

/// Where someone activates their account: "https://…/activeren".
pub fn activation_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|origin| format!("{origin}/activeren"))
        .unwrap_or_else(|| "/activeren".into())
}
