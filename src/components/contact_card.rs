//! One contact of the school: who, when to turn to them, and how (tap to
//! call, e-mail, hours).

use leptos::prelude::*;
use shared::protocol::Role;
use shared::SchoolContact;

use crate::i18n::{t, t_string, use_i18n};
use crate::labels;

/// When to turn to someone in this role, in the chosen language.
fn when_to_contact(role: Role) -> String {
    let i18n = use_i18n();
    match role {
        Role::Teacher => t_string!(i18n, common.contact.when.teacher),
        Role::Mentor => t_string!(i18n, common.contact.when.mentor),
        Role::AttendanceDesk => t_string!(i18n, common.contact.when.attendance_desk),
        Role::InternBegeleider | Role::CareCoordinator => {
            t_string!(i18n, common.contact.when.care)
        }
        Role::Director => t_string!(i18n, common.contact.when.director),
        Role::SchoolDoctor => t_string!(i18n, common.contact.when.school_doctor),
        Role::AttendanceOfficer => t_string!(i18n, common.contact.when.attendance_officer),
    }
    .to_string()
}

/// A contact as a card, headed by their role.
#[component]
pub fn ContactCard(contact: SchoolContact) -> impl IntoView {
    let i18n = use_i18n();
    let call = contact.phone_link();
    let role = contact.role;
    view! {
        <article class="card contact">
            <h3>{move || labels::role(role)}</h3>
            <p class="contact__name">{contact.name.clone()}</p>
            <p>{move || when_to_contact(role)}</p>
            <ul class="card__actions">
                {call.zip(contact.phone.clone()).map(|(href, phone)| view! {
                    <li><a href=href class="button">{t!(i18n, common.contact.call, phone)}</a></li>
                })}
                {contact.email.clone().map(|email| view! {
                    <li><a href=format!("mailto:{email}")>{t!(i18n, common.contact.mail, email = email.clone())}</a></li>
                })}
            </ul>
            {contact.hours.clone().map(|hours| view! { <p class="card__meta">{t!(i18n, common.contact.hours, hours)}</p> })}
        </article>
    }
}
