//! `/mijn-account`: the logged-in person's own account: who is logged in, a
//! copy of all their data to download (`GET /api/me/export`) and how long it
//! is kept, and "log out everywhere" (a lost phone, someone else's computer).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::api;
use crate::app::{set_title, Auth};
use crate::i18n::{t, t_string, use_i18n};

/// The log-in page shows "You are logged out on all devices" when it is
/// opened with this query.
pub const LOGGED_OUT_EVERYWHERE: &str = "/inloggen?uitgelogd=overal";

/// "Mijn account": name and e-mail address, "Uw gegevens" and "Log overal
/// uit".
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, settings.account.title)));
    let auth = expect_context::<Auth>();
    view! {
        <h1>{t!(i18n, settings.account.title)}</h1>
        {move || auth.me.get().map(|me| view! {
            <p>{me.name}<br /><span dir="ltr">{me.email}</span></p>
        })}
        <MyDataSection />
        <LogOutEverywhereSection />
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

/// The button that ends every session of this person; then on to the
/// log-in page, which confirms it.
#[component]
fn LogOutEverywhereSection() -> impl IntoView {
    let i18n = use_i18n();
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let log_out_everywhere = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::log_out_everywhere().await {
                Ok(()) => {
                    auth.me.set(None);
                    navigate(LOGGED_OUT_EVERYWHERE, NavigateOptions::default());
                }
                Err(e) => {
                    error.set(Some(e.message));
                    busy.set(false);
                }
            }
        });
    };

    view! {
        <section aria-labelledby="overal-uitloggen">
            <h2 id="overal-uitloggen">{t!(i18n, login.account.everywhere)}</h2>
            <p>{t!(i18n, login.account.everywhere_intro)}</p>
            <div role="alert" class="alert-region">
                {move || error.get().map(|message| view! {
                    <p class="notice notice--error">{message}</p>
                })}
            </div>
            <button type="button" class="button" on:click=log_out_everywhere disabled=move || busy.get()>
                {move || if busy.get() {
                    t_string!(i18n, login.account.everywhere_busy)
                } else {
                    t_string!(i18n, login.account.everywhere)
                }}
            </button>
        </section>
    }
}
