//! `/kinderen/:id/contact`: whom to contact at the child's school, and the
//! independent bodies outside it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::contacts::INDEPENDENT_BODIES;
use shared::ChildContacts;

use crate::api;
use crate::app::set_title;
use crate::components::contact_card::ContactCard;
use crate::components::feedback::{ErrorNotice, Loading};

/// The contacts page.
#[component]
pub fn ContactsPage() -> impl IntoView {
    set_title("Contact met de school");
    let params = use_params_map();
    let contacts = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { api::child_contacts(&id).await }
    });
    view! {
        <h1>"Contact met de school"</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match contacts.await {
                    Ok(contacts) => view! { <SchoolContacts contacts /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
        <h2>"Hulp buiten de school"</h2>
        <p>"Deze organisaties zijn onafhankelijk en gratis."</p>
        {INDEPENDENT_BODIES
            .iter()
            .map(|body| view! {
                <article class="card contact">
                    <h3>{body.name}</h3>
                    <p>{body.when}</p>
                    <ul class="card__actions">
                        {body.phone.map(|phone| view! {
                            <li>
                                <a href=format!("tel:{}", phone.replace(' ', "")) class="button">
                                    {format!("Bel {phone}")}
                                </a>
                            </li>
                        })}
                        <li><a href=body.website>{format!("Website van {}", body.name)}</a></li>
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
