//! Any address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::set_title;

/// "Deze pagina bestaat niet", with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_title("Pagina niet gevonden");
    view! {
        <h1>"Deze pagina bestaat niet"</h1>
        <p>"Misschien is het adres niet goed overgenomen. Dat kan gebeuren."</p>
        <p>
            <A href="/">"Naar de startpagina"</A>
        </p>
    }
}
