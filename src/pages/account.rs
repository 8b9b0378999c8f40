//! `/account`: who is logged in, and "log out on all devices" (a lost
//! phone, someone else's computer).

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

/// Name and e-mail address, and the button that ends every session of
/// this person; then on to the log-in page, which confirms it.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || set_title(t_string!(i18n, login.account.title)));
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
        <h1>{t!(i18n, login.account.title)}</h1>
        {move || auth.me.get().map(|me| view! {
            <p>{me.name}<br /><span dir="ltr">{me.email}</span></p>
        })}
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
