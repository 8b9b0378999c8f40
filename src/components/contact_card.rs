//! One contact of the school: who, when to turn to them, and how (tap to
//! call, e-mail, hours).

use leptos::prelude::*;
use shared::contacts::when_to_contact;
use shared::SchoolContact;

/// A contact as a card, headed by their role.
#[component]
pub fn ContactCard(contact: SchoolContact) -> impl IntoView {
    let call = contact.phone_link();
    view! {
        <article class="card contact">
            <h3>{contact.role.label()}</h3>
            <p class="contact__name">{contact.name.clone()}</p>
            <p>{when_to_contact(contact.role)}</p>
            <ul class="card__actions">
                {call.zip(contact.phone.clone()).map(|(href, phone)| view! {
                    <li><a href=href class="button">{format!("Bel {phone}")}</a></li>
                })}
                {contact.email.clone().map(|email| view! {
                    <li><a href=format!("mailto:{email}")>{format!("Mail {email}")}</a></li>
                })}
            </ul>
            {contact.hours.clone().map(|hours| view! { <p class="card__meta">"Bereikbaar: " {hours}</p> })}
        </article>
    }
}
