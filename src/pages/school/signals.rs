//! `/school/signalen`: the steps of the school's protocol that are due for
//! a pupil now, worked out as for the parents: what to do, since when, the
//! deadline the law sets (the report to DUO), and a way to invite the
//! parents when the step is a conversation.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::{DeskAction, Signal};

use crate::api;
use crate::app::School;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::dates;
use crate::i18n::{t, t_string, use_i18n};
use crate::labels;
use crate::pages::school::school_page;

/// The page.
#[component]
pub fn SignalsPage() -> impl IntoView {
    let i18n = use_i18n();
    let title =
        leptos::prelude::Signal::derive(move || t_string!(i18n, school.signals.title).to_owned());
    school_page(title, DeskAction::SeeSignals, |school| {
        view! { <Signals school /> }.into_any()
    })
}

#[component]
fn Signals(school: School) -> impl IntoView {
    let i18n = use_i18n();
    let signals = {
        let id = school.id.clone();
        LocalResource::new(move || {
            let id = id.clone();
            async move { api::signals(&id).await }
        })
    };
    let school_id = StoredValue::new(school.id);
    view! {
        <p>{t!(i18n, school.signals.intro)}</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match signals.await {
                    Ok(signals) if signals.is_empty() => {
                        view! { <p>{t!(i18n, school.signals.none)}</p> }.into_any()
                    }
                    Ok(signals) => {
                        let today = dates::today();
                        let school_id = school_id.get_value();
                        view! {
                            <ul class="report-list" aria-label=move || t_string!(i18n, school.signals.title)>
                                {signals
                                    .into_iter()
                                    .map(|signal| view! { <SignalItem signal today school_id=school_id.clone() /> })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One due step for one pupil.
#[component]
fn SignalItem(signal: Signal, today: NaiveDate, school_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let s = signal;
    let deadline = s.deadline.map(|deadline| {
        let left = move || match (deadline - today).num_days() {
            ..0 => t_string!(i18n, school.signals.deadline_passed).into_any(),
            0 => t_string!(i18n, school.signals.deadline_today).into_any(),
            1 => t_string!(i18n, school.signals.one_day_left).into_any(),
            n => t!(i18n, school.signals.days_left, number = move || n).into_any(),
        };
        let day = dates::day(deadline, today);
        view! {
            <p class="deadline">
                <strong>
                    {t!(i18n, school.signals.deadline, day = move || day.clone(), left = left)}
                </strong>
            </p>
        }
    });
    let name = s.pupil_first_name.clone();
    let since = dates::day(s.since, today);
    let invite = s.invite.map(|with| {
        let href = format!(
            "/school/uitnodigen?school={school_id}&leerling={}&met={}",
            s.pupil_id,
            with.as_str()
        );
        view! {
            <p>
                <A href=href attr:class="button">
                    {t!(i18n, school.invite.title)}
                    <span class="visually-hidden">{format!(": {name}")}</span>
                </A>
            </p>
        }
    });
    view! {
        <li class="card signal">
            <p class="report-list__kind">
                {format!("{} {}", s.pupil_first_name, s.pupil_last_name)}
                <span class="card__meta">{format!(" · {}", s.group_name)}</span>
            </p>
            <p><strong>{s.texts.title.clone()}</strong></p>
            <p>{s.texts.what_happens.clone()}</p>
            <p class="card__meta">
                {t!(
                    i18n,
                    school.signals.who_since,
                    role = move || labels::role(s.role),
                    day = move || since.clone()
                )}
            </p>
            {deadline}
            {invite}
        </li>
    }
}
