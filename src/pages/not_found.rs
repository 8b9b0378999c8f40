//! Any address the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::set_title;
use crate::i18n::{t, t_string, use_i18n};

/// "Deze pagina bestaat niet", with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, common.not_found.title)));
    view! {
        <h1>{t!(i18n, common.not_found.heading)}</h1>
        <p>{t!(i18n, common.not_found.text)}</p>
        <p>
            <A href="/">{t!(i18n, common.to_home)}</A>
        </p>
    }
}
