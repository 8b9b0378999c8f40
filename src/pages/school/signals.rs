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
use crate::dutch;
use crate::pages::school::school_page;

/// The page.
#[component]
pub fn SignalsPage() -> impl IntoView {
    school_page("Signalen", DeskAction::SeeSignals, |school| {
        view! { <Signals school /> }.into_any()
    })
}

#[component]
fn Signals(school: School) -> impl IntoView {
    let signals = {
        let id = school.id.clone();
        LocalResource::new(move || {
            let id = id.clone();
            async move { api::signals(&id).await }
        })
    };
    let school_id = StoredValue::new(school.id);
    view! {
        <p>"Per leerling de stappen uit het verzuimprotocol die nu aan de beurt zijn. Ziekte leidt nooit tot een melding bij leerplicht."</p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match signals.await {
                    Ok(signals) if signals.is_empty() => {
                        view! { <p>"Er zijn nu geen signalen."</p> }.into_any()
                    }
                    Ok(signals) => {
                        let today = dutch::today();
                        let school_id = school_id.get_value();
                        view! {
                            <ul class="report-list" aria-label="Signalen">
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
    let s = signal;
    let deadline = s.deadline.map(|deadline| {
        let left = (deadline - today).num_days();
        let left = match left {
            ..0 => "de termijn is voorbij".to_owned(),
            0 => "vandaag".to_owned(),
            1 => "nog 1 dag".to_owned(),
            n => format!("nog {n} dagen"),
        };
        view! {
            <p class="deadline">
                <strong>{format!("Melden bij DUO uiterlijk {} ({left})", dutch::day(deadline, today))}</strong>
            </p>
        }
    });
    let name = s.pupil_first_name.clone();
    let invite = s.invite.map(|with| {
        let href = format!(
            "/school/uitnodigen?school={school_id}&leerling={}&met={}",
            s.pupil_id,
            with.as_str()
        );
        view! {
            <p>
                <A href=href attr:class="button">
                    "Uitnodigen voor een gesprek"
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
            <p class="card__meta">{format!("Wie: {} · Sinds {}", s.role.label(), dutch::day(s.since, today))}</p>
            {deadline}
            {invite}
        </li>
    }
}
