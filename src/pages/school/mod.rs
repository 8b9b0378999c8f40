//! The school's side (staff): the conversations parents ask for, and the
//! school admin's onboarding (reading in pupils, activation codes, staff).
//! Apart from the parents' pages, with the same components.

pub mod activation_codes;
pub mod conversation;
pub mod conversations;
pub mod import;
pub mod staff;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::StaffRoleKind;

use crate::app::{set_title, Auth, School};

/// What a parent sees on a school page: it is not for them.
#[component]
pub fn StaffOnly() -> impl IntoView {
    view! {
        <p class="notice">"Deze pagina is voor medewerkers van een school."</p>
        <p>
            <A href="/">"Naar de startpagina"</A>
        </p>
    }
}

/// A page for the school admin: its title, then `page` for the school
/// (`?school=<id>` among the schools where this person is the admin, else
/// the first). Anyone else reads whom the page is for.
#[component]
pub fn ForSchoolAdmin(title: &'static str, page: fn(School) -> AnyView) -> impl IntoView {
    set_title(title);
    let auth = expect_context::<Auth>();
    let wanted = use_query_map().with_untracked(|q| q.get("school"));
    let staff = auth.schools();
    let mut admin_of: Vec<School> = staff
        .iter()
        .filter(|s| auth.roles_at(&s.id).contains(&StaffRoleKind::SchoolAdmin))
        .cloned()
        .collect();
    let chosen = admin_of.iter().position(|s| Some(&s.id) == wanted.as_ref());
    let school = (!admin_of.is_empty()).then(|| admin_of.swap_remove(chosen.unwrap_or(0)));

    view! {
        <h1>{title}</h1>
        {match school {
            Some(school) => view! {
                <p class="lead">{school.name.clone()}</p>
                {page(school)}
            }
            .into_any(),
            None if staff.is_empty() => view! { <StaffOnly /> }.into_any(),
            None => view! {
                <p class="notice">"Deze pagina is alleen voor de beheerder van de school."</p>
                <p>
                    <A href="/">"Naar de startpagina"</A>
                </p>
            }
            .into_any(),
        }}
    }
}
