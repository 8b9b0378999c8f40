//! The language switch in every page's header. The choice is remembered on
//! this device (a cookie, read before the browser's own language) and, for
//! someone logged in, on their account, so that mails speak it too.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::app::Auth;
use crate::i18n::{choose_on_this_device, language_of, locale_of, t, use_i18n};

#[component]
pub fn LanguageChoice() -> impl IntoView {
    let i18n = use_i18n();
    let auth = expect_context::<Auth>();
    let choose = move |ev: leptos::ev::Event| {
        let Some(language) = shared::Language::parse(&event_target_value(&ev)) else {
            return;
        };
        let locale = locale_of(language);
        i18n.set_locale(locale);
        choose_on_this_device(locale);
        if auth
            .me
            .with_untracked(|me| me.as_ref().is_some_and(|me| me.language != language))
        {
            spawn_local(async move {
                // The app already speaks it; only mail waits for this.
                if let Ok(me) = api::set_language(language).await {
                    auth.me.set(Some(me));
                }
            });
        }
    };

    view! {
        <div class="language-choice">
            <label for="language-choice" class="language-choice__label">
                {t!(i18n, common.language)}
            </label>
            <select id="language-choice" on:change=choose>
                {shared::Language::ALL
                    .into_iter()
                    .map(|language| {
                        let selected = move || language_of(i18n.get_locale()) == language;
                        view! {
                            <option value=language.as_str() lang=language.as_str() selected=selected>
                                {language.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
