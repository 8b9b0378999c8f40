//! `/kinderen/:id/contact`: whom to contact at the child's school, and the
//! independent bodies outside it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::contacts::{IndependentBody, INDEPENDENT_BODIES};
use shared::ChildContacts;

use crate::api;
use crate::app::set_title;
use crate::components::contact_card::ContactCard;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::i18n::{t, t_string, use_i18n};

/// The contacts page.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| set_title(t_string!(i18n, child.contacts.title)));
    let params = use_params_map();
    let contacts = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { api::child_contacts(&id).await }
    });
    view! {
        <h1>{t!(i18n, child.contacts.title)}</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match contacts.await {
                    Ok(contacts) => view! { <SchoolContacts contacts /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
        <h2>{t!(i18n, child.contacts.outside)}</h2>
        <p>{t!(i18n, child.contacts.independent)}</p>
        {INDEPENDENT_BODIES
            .iter()
            .map(|body| view! {
                <article class="card contact">
                    <h3>{body.name}</h3>
                    {move || match when(body) {
                        Some(when) => view! { <p>{when}</p> }.into_any(),
                        None => view! { <p lang="nl">{body.when}</p> }.into_any(),
                    }}
                    <ul class="card__actions">
                        {body.phone.map(|phone| view! {
                            <li>
                                <a href=format!("tel:{}", phone.replace(' ', "")) class="button">
                                    {t!(i18n, child.contacts.call, phone = move || phone)}
                                </a>
                            </li>
                        })}
                        <li><a href=body.website>{t!(i18n, child.contacts.website, name = move || body.name)}</a></li>
                    </ul>
                </article>
            })
            .collect_view()}
    }
}

#[component]
fn SchoolContacts(contacts: ChildContacts) -> impl IntoView {
    view! {
        <h2>{contacts.school_name}</h2>
        {contacts
            .contacts
            .into_iter()
            .map(|contact| view! { <ContactCard contact /> })
            .collect_view()}
    }
}

/// When to turn to a body, in the chosen language (`None`: a body this app
/// has no translation for yet, shown in Dutch).
fn when(body: &IndependentBody) -> Option<&'static str> {
    let i18n = use_i18n();
    Some(match body.name {
        "Ouders & Onderwijs" => t_string!(i18n, child.contacts.when.parents_and_education),
        "Onderwijsconsulenten" => t_string!(i18n, child.contacts.when.education_consultants),
        "Inspectie van het Onderwijs" => t_string!(i18n, child.contacts.when.inspectorate),
        "De Kinderombudsman" => t_string!(i18n, child.contacts.when.childrens_ombudsman),
        _ => return None,
    })
}
