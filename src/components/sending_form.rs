//! Sending a form: check it with the shared rules, show what is wrong next
//! to each field, send it once (a retry reuses its idempotency key), and
//! show the server's refusal the same way.

use std::future::Future;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{
    AbsenceExplanation, ApiError, FieldError, LeaveDecision, NewAbsenceReport, NewConversation,
    NewInvitation, NewLeaveRequest,
};

use crate::components::field_problems::{with_rules, FieldProblems, Problems};

/// A request a form sends: checked by the rules the server uses, and made
/// idempotent by its key.
pub trait FormRequest: PartialEq + Clone + Send + Sync + 'static {
    /// Only requests that make something new carry a key; a change of
    /// state needs none (sending it twice changes nothing more).
    fn set_key(&mut self, _key: String) {}
    fn check(&self, today: NaiveDate) -> Result<(), Vec<FieldError>>;
}

impl FormRequest for NewAbsenceReport {
    fn set_key(&mut self, key: String) {
        self.idempotency_key = key;
    }

    fn check(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        self.validate(today)
    }
}

impl FormRequest for NewLeaveRequest {
    fn set_key(&mut self, key: String) {
        self.idempotency_key = key;
    }

    fn check(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        self.validate(today)
    }
}

impl FormRequest for NewConversation {
    fn set_key(&mut self, key: String) {
        self.idempotency_key = key;
    }

    fn check(&self, _today: NaiveDate) -> Result<(), Vec<FieldError>> {
        self.validate()
    }
}

impl FormRequest for NewInvitation {
    fn set_key(&mut self, key: String) {
        self.idempotency_key = key;
    }

    fn check(&self, _today: NaiveDate) -> Result<(), Vec<FieldError>> {
        // Against the clock: a time earlier today has passed too.
        self.validate(crate::dates::now())
    }
}

impl FormRequest for AbsenceExplanation {
    fn check(&self, _today: NaiveDate) -> Result<(), Vec<FieldError>> {
        self.validate()
    }
}

impl FormRequest for LeaveDecision {
    fn check(&self, _today: NaiveDate) -> Result<(), Vec<FieldError>> {
        self.validate()
    }
}

/// What a form that sends an `R` keeps: its problems (per field, and one on
/// top), whether it is sending, and the last request it sent with its key.
pub struct SendingForm<R: Send + Sync + 'static> {
    pub problems: FieldProblems,
    pub general: RwSignal<Option<String>>,
    pub sending: RwSignal<bool>,
    last_attempt: StoredValue<Option<(R, String)>>,
    /// The form's fields, in their order.
    fields: &'static [&'static str],
    /// Moves focus to a field (by its name in the request).
    focus_field: fn(&str),
}

impl<R: Send + Sync + 'static> Clone for SendingForm<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Send + Sync + 'static> Copy for SendingForm<R> {}

impl<R: FormRequest> SendingForm<R> {
    pub fn new(fields: &'static [&'static str], focus_field: fn(&str)) -> Self {
        Self {
            problems: FieldProblems::new(),
            general: RwSignal::new(None),
            sending: RwSignal::new(false),
            last_attempt: StoredValue::new(None),
            fields,
            focus_field,
        }
    }

    /// Sends `request` (as read from the form, without a key) unless the
    /// form is sending already or something is wrong: `found` (the inputs'
    /// own problems) or what the shared rules find. `send` sends it; `done`
    /// gets the server's answer.
    pub fn submit<T, Fut>(
        self,
        mut request: R,
        found: Problems,
        today: NaiveDate,
        send: impl FnOnce(R) -> Fut + 'static,
        done: impl FnOnce(T) + 'static,
    ) where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        if self.sending.get_untracked() {
            return;
        }
        request.set_key(self.key_for(&request));
        let found = with_rules(found, request.check(today));
        if let Some(first) = self.problems.show(found, self.fields, self.general) {
            (self.focus_field)(first);
            return;
        }
        self.sending.set(true);
        spawn_local(async move {
            match send(request).await {
                Ok(answer) => {
                    // Stored: whatever comes next is a new request.
                    self.last_attempt.set_value(None);
                    done(answer);
                }
                Err(error) => {
                    self.sending.set(false);
                    let field = self
                        .problems
                        .show_api_error(error, self.fields, self.general);
                    if let Some(field) = field {
                        (self.focus_field)(field);
                    }
                }
            }
        });
    }

    /// The key for sending `request`: the last attempt's when it was the
    /// same request (a double tap, a retry after a lost connection), so the
    /// school never gets it twice; a new one otherwise.
    fn key_for(self, request: &R) -> String {
        let key = match self.last_attempt.get_value() {
            Some((last, key)) if last == *request => key,
            _ => new_idempotency_key(),
        };
        self.last_attempt
            .set_value(Some((request.clone(), key.clone())));
        key
    }
}

/// A fresh key for one submission: 32 random hex digits.
fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let random = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !random {
        // Every browser we support has crypto; this only keeps the key unique.
        let now = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        bytes[..8].copy_from_slice(&now.to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
