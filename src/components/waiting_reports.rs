//! The reports kept on this phone (see `outbox.rs`), each with its true
//! state: not sent yet, log in first, not accepted, or sent. Shown on the
//! start page and above the report form; nothing when nothing is kept.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::dates;
use crate::i18n::{t, use_i18n};
use crate::labels;
use crate::outbox::{self, Kept, State};

/// A card per kept report; changes are read out (a polite live region),
/// so "Verstuurd" is heard when the connection comes back.
#[component]
pub fn WaitingReports() -> impl IntoView {
    view! {
        <div class="outbox" aria-live="polite">
            <For
                each=outbox::shown_reports
                // The state is in the key: a changed state is a new card.
                key=|kept| (kept.key().to_owned(), kept.state.clone())
                let(kept)
            >
                <KeptReport kept />
            </For>
        </div>
    }
}

/// One kept report: for whom, why and when, and where it stands.
#[component]
fn KeptReport(kept: Kept) -> impl IntoView {
    let i18n = use_i18n();
    let today = dates::today();
    let details = kept.report.details.clone();
    let kind = details.kind;
    let what = move || {
        format!(
            "{} · {}",
            labels::absence_kind(kind),
            dates::period(&details, today)
        )
    };
    let names = kept.names.join(", ");
    let key = kept.key().to_owned();
    // Named by its heading: a region a screen reader can jump to.
    let heading_id = format!("kept-{}", key_id(kept.key()));
    let (class, heading, body) = match kept.state {
        State::NotSent => (
            "card outbox__item outbox__item--waiting",
            t!(i18n, report.outbox.not_sent).into_any(),
            view! { <NotSent /> }.into_any(),
        ),
        State::LogInFirst => (
            "card outbox__item outbox__item--waiting",
            t!(i18n, report.outbox.not_sent).into_any(),
            view! {
                <p>{t!(i18n, report.outbox.log_in_first)}</p>
                <p>
                    <A href="/inloggen" attr:class="button">{t!(i18n, report.outbox.log_in)}</A>
                </p>
            }
            .into_any(),
        ),
        State::Refused { message } => (
            "card outbox__item outbox__item--refused",
            t!(i18n, report.outbox.refused).into_any(),
            view! { <Refused message key first_child=kept.report.pupil_ids.first().cloned() /> }
                .into_any(),
        ),
        State::Sent { ids, .. } => (
            "card outbox__item outbox__item--sent",
            t!(i18n, report.outbox.sent).into_any(),
            view! {
                <p>{t!(i18n, report.outbox.sent_text)}</p>
                <p>
                    <A href=format!("/meldingen/{}", ids.join(","))>{t!(i18n, report.outbox.see)}</A>
                </p>
                <p>
                    <button type="button" class="button button--quiet" on:click=move |_| outbox::remove(&key)>
                        {t!(i18n, report.outbox.close)}
                    </button>
                </p>
            }
            .into_any(),
        ),
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class=class aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p class="outbox__what">
                <strong>{names}</strong>
                " · "
                {what}
            </p>
            {body}
        </section>
    }
}

/// The key as part of an element id (it is hex digits already; this
/// keeps it so whatever it is).
fn key_id(key: &str) -> String {
    key.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// Not sent yet: why, what happens, and a way to try now.
#[component]
fn NotSent() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{t!(i18n, report.outbox.kept)}</p>
        <p>{t!(i18n, report.outbox.urgent)}</p>
        <p>
            <button
                type="button"
                class="button"
                on:click=|_| outbox::send_due()
                disabled=outbox::sending
            >
                {move || if outbox::sending() {
                    t!(i18n, report.outbox.sending).into_any()
                } else {
                    t!(i18n, report.outbox.send_now).into_any()
                }}
            </button>
        </p>
    }
}

/// Refused: the server's reason, and what the parent can do: report again
/// (the form, with the child chosen) or throw this one away.
#[component]
fn Refused(message: String, key: String, first_child: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let again = match first_child {
        Some(child) => format!("/melden?kind={child}"),
        None => "/melden".to_owned(),
    };
    view! {
        <p>{message}</p>
        <p>{t!(i18n, report.outbox.refused_text)}</p>
        <ul class="card__actions">
            <li>
                <A href=again>{t!(i18n, report.outbox.again)}</A>
            </li>
            <li>
                <button type="button" class="button button--quiet" on:click=move |_| outbox::remove(&key)>
                    {t!(i18n, report.outbox.remove)}
                </button>
            </li>
        </ul>
    }
}
