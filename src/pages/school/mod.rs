//! The school's side (staff): for now only the conversations parents ask
//! for. Apart from the parents' pages, with the same components.

pub mod conversation;
pub mod conversations;

use leptos::prelude::*;
use leptos_router::components::A;

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
