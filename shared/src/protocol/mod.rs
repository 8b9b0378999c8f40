//! What happens after an absence report: a school's protocol as data, and one
//! pure engine that says where a child stands on it.
//!
//! A [`Protocol`] is a list of [`Step`]s; each has a [`Trigger`] (what makes it
//! happen), a [`Role`] (who acts) and plain-Dutch [`StepTexts`] for parents.
//! [`evaluate`] takes the protocol, the [`SchoolCalendar`], the child's
//! [`AbsenceRecord`]s and today's date, and returns a [`Position`]: each step's
//! state, the next step and how far away it is, and the [`Totals`] of this
//! school year. No I/O: the same code runs on the server and in the browser.
//!
//! Illness and unauthorised absence stay apart, as the law keeps them apart:
//! [`Protocol::validate`] refuses any leerplicht step that illness could start.
//!
//! Read in this order: `steps` (the data), `defaults` (the two protocols we
//! ship), `calendar`, `record`, `engine`, `totals`.

mod calendar;
mod defaults;
mod engine;
mod record;
mod steps;
mod text;
mod totals;

#[cfg(test)]
mod tests;

pub use calendar::{Holiday, Period, SchoolCalendar};
pub use engine::{evaluate, Distance, NextStep, Position, StepState, StepStatus};
pub use record::{AbsenceCategory, AbsenceRecord};
pub use steps::{
    Protocol, ProtocolError, Role, SchoolKind, Step, StepTexts, TextsIn, Track, Trigger, MAX_TEXT,
    MAX_TITLE,
};
pub use totals::{CategoryTotal, Totals};
