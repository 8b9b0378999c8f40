//! The contract between the Verzuimwijzer app (wasm) and its server.
//!
//! Everything that crosses the wire is defined here once, so the two sides
//! cannot disagree: request and response bodies, the one error body, and the
//! validation rules (the app checks a form with the same function the server
//! uses to refuse it). Pure data and logic: no I/O.
//!
//! Conventions (as in crates.io's API design): JSON with snake_case fields,
//! dates as `YYYY-MM-DD`, times of day as `HH:MM`, instants as RFC 3339 in UTC,
//! ids as opaque strings.

#[macro_use]
mod named_set;

pub mod account;
pub mod contacts;
pub mod conversations;
pub mod dates;
pub mod desk;
pub mod error;
mod hhmm;
pub mod language;
pub mod leave;
pub mod messages;
pub mod next_steps;
pub mod onboarding;
pub mod privacy;
pub mod protocol;
pub mod reports;
pub mod settings;
mod validation;

pub use account::{Child, LanguageChoice, LoginRequest, Me, StaffRole, StaffRoleKind};
pub use contacts::{ChildContacts, SchoolContact};
pub use conversations::{
    AskOtherTimes, CancelConversation, ChooseTime, Conversation, ConversationOutcome,
    ConversationStatus, ConversationTopic, ConversationWith, MeetingMode, NewConversation,
    NewInvitation, ProposeTimes, TimeSlot,
};
pub use desk::{
    AbsenceExplanation, AbsenceJudgement, Acknowledgement, AuditAction, AuditEntry, DeskAction,
    DeskGroup, DeskReport, DeskReports, LateArrival, NewAbsenceMark, NewLateArrival, Pupil,
    SchoolGroup, Signal, UnexplainedAbsence, UnexplainedStatus,
};
pub use error::{ApiError, ErrorCode, FieldError, Words};
pub use language::Language;
pub use leave::{LeaveDecision, LeaveKind, LeaveRequest, LeaveStatus, NewLeaveRequest};
pub use next_steps::ChildProtocol;
pub use onboarding::{
    Activation, ActivationCode, ImportProblem, ImportRejection, ImportRowError, ImportSummary,
    ImportedChild, NewActivationCodes, NewStaffMember, StaffAccount, StaffMember, StaffRolesChange,
};
pub use reports::{
    AbsenceDetails, AbsenceKind, AbsenceReport, NewAbsenceReport, ReportBetter, ReportChange,
};
pub use settings::{SchoolSettingsView, SettingsChange};
