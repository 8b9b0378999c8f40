//! The frame around every page: a skip link, the header and the main area.

use leptos::html::Main;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::api;
use crate::app::Auth;
use crate::components::language_choice::LanguageChoice;
use crate::i18n::{chosen_on_this_device, t, use_i18n};
use crate::outbox;

/// The page frame: "Naar de inhoud" skip link, a header with the app's name,
/// the language switch (and "Uitloggen" when someone is logged in) and the
/// `<main>` landmark.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    // The language chosen on this device comes before the browser's, from
    // the first view on. leptos_i18n sets the browser's again in its first
    // effect: this effect, made after it, runs after it.
    if let Some(locale) = chosen_on_this_device() {
        i18n.set_locale(locale);
        Effect::new(move || i18n.set_locale(locale));
    }
    let navigate = use_navigate();
    api::set_navigator(move |path| navigate(path, NavigateOptions::default()));

    let main_ref = NodeRef::<Main>::new();
    let skip_to_content = move |ev: leptos::ev::MouseEvent| {
        if let Some(main) = main_ref.get() {
            ev.prevent_default();
            _ = main.focus();
        }
    };

    view! {
        <a class="skip-link" href="#inhoud" on:click=skip_to_content>
            {t!(i18n, common.skip_to_content)}
        </a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-name">
                    "Verzuimwijzer"
                </A>
                <div class="site-header__tools">
                    <LanguageChoice />
                    <LogOutButton />
                </div>
            </div>
        </header>
        <main id="inhoud" class="page" tabindex="-1" node_ref=main_ref>
            {children()}
        </main>
    }
}

/// "Uitloggen", shown only while someone is logged in: ends the session and
/// goes to the log-in page.
#[component]
fn LogOutButton() -> impl IntoView {
    let i18n = use_i18n();
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let log_out = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            // Whatever the answer, go to the log-in page; it forgets who was
            // logged in on this device.
            _ = api::log_out().await;
            outbox::forget_account();
            busy.set(false);
            navigate("/inloggen", NavigateOptions::default());
        });
    };

    view! {
        <Show when=move || auth.me.with(Option::is_some)>
            <button type="button" class="button button--quiet" on:click=log_out.clone() disabled=move || busy.get()>
                {t!(i18n, common.log_out)}
            </button>
        </Show>
    }
}
