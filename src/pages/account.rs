//! `/mijn-account`: the logged-in person's own account: a copy of all their
//! data to download (`GET /api/me/export`), and how long it is kept.

use leptos::prelude::*;

use crate::app::set_title;
use crate::i18n::{t, t_string, use_i18n};

/// "Mijn account", with the section "Uw gegevens".
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, settings.account.title)));
    view! {
        <h1>{t!(i18n, settings.account.title)}</h1>
        <MyDataSection />
    }
}

/// "Download mijn gegevens": a plain link, so the browser downloads the
/// file itself, with the session cookie, under the name the server gives.
#[component]
fn MyDataSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="uw-gegevens">
            <h2 id="uw-gegevens">{t!(i18n, settings.account.data_heading)}</h2>
            <p>{t!(i18n, settings.account.data_intro)}</p>
            <p>
                <a href="/api/me/export" download="" class="button" rel="external">
                    {t!(i18n, settings.account.download)}
                </a>
            </p>
            <p>{t!(i18n, settings.account.kept)}</p>
        </section>
    }
}
