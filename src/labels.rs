//! The names of the shared types' values (a reason, a status, a role) in
//! the chosen language: `common.labels` in the locale files. The shared
//! crate's own `label()`s stay Dutch, for the server's exports.

use crate::i18n::{t_string, use_i18n};
use shared::conversations::{ConversationEventKind, DayPart, SchoolDay};
use shared::protocol::{AbsenceCategory, Role, SchoolKind};
use shared::{
    AbsenceKind, AuditAction, ConversationStatus, ConversationTopic, ConversationWith, LeaveKind,
    LeaveStatus, MeetingMode,
};

/// In the chosen language, with the article: "De mentor".
pub fn conversation_with(value: ConversationWith, school: SchoolKind) -> String {
    let i18n = use_i18n();
    match (value, school) {
        (ConversationWith::Mentor, SchoolKind::Po) => {
            t_string!(i18n, common.labels.conversation_with.mentor_po).to_string()
        }
        (ConversationWith::Mentor, SchoolKind::Vo) => {
            t_string!(i18n, common.labels.conversation_with.mentor_vo).to_string()
        }
        (ConversationWith::CareCoordinator, SchoolKind::Po) => {
            t_string!(i18n, common.labels.conversation_with.care_coordinator_po).to_string()
        }
        (ConversationWith::CareCoordinator, SchoolKind::Vo) => {
            t_string!(i18n, common.labels.conversation_with.care_coordinator_vo).to_string()
        }
        (ConversationWith::AttendanceDesk, _) => {
            t_string!(i18n, common.labels.conversation_with.attendance_desk).to_string()
        }
        (ConversationWith::Director, _) => {
            t_string!(i18n, common.labels.conversation_with.director).to_string()
        }
        (ConversationWith::AttendanceOfficer, _) => {
            t_string!(i18n, common.labels.conversation_with.attendance_officer).to_string()
        }
    }
}

/// The same before the kind of school is known: "De leerkracht of mentor".
pub fn conversation_with_any_school(value: ConversationWith) -> String {
    let i18n = use_i18n();
    match value {
        ConversationWith::Mentor => {
            t_string!(i18n, common.labels.conversation_with_any_school.mentor).to_string()
        }
        ConversationWith::CareCoordinator => t_string!(
            i18n,
            common.labels.conversation_with_any_school.care_coordinator
        )
        .to_string(),
        other => conversation_with(other, SchoolKind::Vo),
    }
}

/// When to choose this person, in one plain sentence.
pub fn conversation_with_hint(value: ConversationWith) -> String {
    let i18n = use_i18n();
    match value {
        ConversationWith::Mentor => {
            t_string!(i18n, common.labels.conversation_with_hint.mentor).to_string()
        }
        ConversationWith::CareCoordinator => {
            t_string!(i18n, common.labels.conversation_with_hint.care_coordinator).to_string()
        }
        ConversationWith::AttendanceDesk => {
            t_string!(i18n, common.labels.conversation_with_hint.attendance_desk).to_string()
        }
        ConversationWith::Director => {
            t_string!(i18n, common.labels.conversation_with_hint.director).to_string()
        }
        ConversationWith::AttendanceOfficer => t_string!(
            i18n,
            common.labels.conversation_with_hint.attendance_officer
        )
        .to_string(),
    }
}

/// In the chosen language.
pub fn conversation_topic(value: ConversationTopic) -> String {
    let i18n = use_i18n();
    match value {
        ConversationTopic::Absence => {
            t_string!(i18n, common.labels.conversation_topic.absence).to_string()
        }
        ConversationTopic::Wellbeing => {
            t_string!(i18n, common.labels.conversation_topic.wellbeing).to_string()
        }
        ConversationTopic::HardToGo => {
            t_string!(i18n, common.labels.conversation_topic.hard_to_go).to_string()
        }
        ConversationTopic::Leave => {
            t_string!(i18n, common.labels.conversation_topic.leave).to_string()
        }
        ConversationTopic::Other => {
            t_string!(i18n, common.labels.conversation_topic.other).to_string()
        }
    }
}

/// In the chosen language.
pub fn meeting_mode(value: MeetingMode) -> String {
    let i18n = use_i18n();
    match value {
        MeetingMode::AtSchool => t_string!(i18n, common.labels.meeting_mode.at_school).to_string(),
        MeetingMode::Phone => t_string!(i18n, common.labels.meeting_mode.phone).to_string(),
        MeetingMode::Video => t_string!(i18n, common.labels.meeting_mode.video).to_string(),
    }
}

/// In the chosen language.
pub fn day_part(value: DayPart) -> String {
    let i18n = use_i18n();
    match value {
        DayPart::Morning => t_string!(i18n, common.labels.day_part.morning).to_string(),
        DayPart::Afternoon => t_string!(i18n, common.labels.day_part.afternoon).to_string(),
        DayPart::AfterSchool => t_string!(i18n, common.labels.day_part.after_school).to_string(),
    }
}

/// In the chosen language.
pub fn school_day(value: SchoolDay) -> String {
    let i18n = use_i18n();
    match value {
        SchoolDay::Monday => t_string!(i18n, common.labels.school_day.monday).to_string(),
        SchoolDay::Tuesday => t_string!(i18n, common.labels.school_day.tuesday).to_string(),
        SchoolDay::Wednesday => t_string!(i18n, common.labels.school_day.wednesday).to_string(),
        SchoolDay::Thursday => t_string!(i18n, common.labels.school_day.thursday).to_string(),
        SchoolDay::Friday => t_string!(i18n, common.labels.school_day.friday).to_string(),
    }
}

/// One or two words, for a list.
pub fn conversation_status(value: ConversationStatus) -> String {
    let i18n = use_i18n();
    match value {
        ConversationStatus::Requested => {
            t_string!(i18n, common.labels.conversation_status.requested).to_string()
        }
        ConversationStatus::Proposed => {
            t_string!(i18n, common.labels.conversation_status.proposed).to_string()
        }
        ConversationStatus::Agreed => {
            t_string!(i18n, common.labels.conversation_status.agreed).to_string()
        }
        ConversationStatus::Done => {
            t_string!(i18n, common.labels.conversation_status.done).to_string()
        }
        ConversationStatus::Cancelled => {
            t_string!(i18n, common.labels.conversation_status.cancelled).to_string()
        }
    }
}

/// In the chosen language, for the history: "Tijden voorgesteld".
pub fn conversation_event_kind(value: ConversationEventKind) -> String {
    let i18n = use_i18n();
    match value {
        ConversationEventKind::Requested => {
            t_string!(i18n, common.labels.conversation_event_kind.requested).to_string()
        }
        ConversationEventKind::Invited => {
            t_string!(i18n, common.labels.conversation_event_kind.invited).to_string()
        }
        ConversationEventKind::TimesProposed => {
            t_string!(i18n, common.labels.conversation_event_kind.times_proposed).to_string()
        }
        ConversationEventKind::OtherTimesAsked => t_string!(
            i18n,
            common.labels.conversation_event_kind.other_times_asked
        )
        .to_string(),
        ConversationEventKind::TimeAgreed => {
            t_string!(i18n, common.labels.conversation_event_kind.time_agreed).to_string()
        }
        ConversationEventKind::Cancelled => {
            t_string!(i18n, common.labels.conversation_event_kind.cancelled).to_string()
        }
        ConversationEventKind::Done => {
            t_string!(i18n, common.labels.conversation_event_kind.done).to_string()
        }
    }
}

/// In the chosen language, for the school admin.
pub fn audit_action(value: AuditAction) -> String {
    let i18n = use_i18n();
    match value {
        AuditAction::ReportAcknowledged => {
            t_string!(i18n, common.labels.audit_action.report_acknowledged).to_string()
        }
        AuditAction::AbsenceMarked => {
            t_string!(i18n, common.labels.audit_action.absence_marked).to_string()
        }
        AuditAction::AbsenceExplained => {
            t_string!(i18n, common.labels.audit_action.absence_explained).to_string()
        }
        AuditAction::AbsenceJudged => {
            t_string!(i18n, common.labels.audit_action.absence_judged).to_string()
        }
        AuditAction::LateArrivalRegistered => {
            t_string!(i18n, common.labels.audit_action.late_arrival_registered).to_string()
        }
        AuditAction::ConversationChanged => {
            t_string!(i18n, common.labels.audit_action.conversation_changed).to_string()
        }
        AuditAction::LeaveDecided => {
            t_string!(i18n, common.labels.audit_action.leave_decided).to_string()
        }
        AuditAction::PupilsImported => {
            t_string!(i18n, common.labels.audit_action.pupils_imported).to_string()
        }
        AuditAction::ActivationCodesMade => {
            t_string!(i18n, common.labels.audit_action.activation_codes_made).to_string()
        }
        AuditAction::StaffAdded => {
            t_string!(i18n, common.labels.audit_action.staff_added).to_string()
        }
        AuditAction::StaffRolesChanged => {
            t_string!(i18n, common.labels.audit_action.staff_roles_changed).to_string()
        }
        AuditAction::SettingsChanged => {
            t_string!(i18n, common.labels.audit_action.settings_changed).to_string()
        }
        AuditAction::ReportMade => {
            t_string!(i18n, common.labels.audit_action.report_made).to_string()
        }
        AuditAction::ReportChanged => {
            t_string!(i18n, common.labels.audit_action.report_changed).to_string()
        }
        AuditAction::ReportWithdrawn => {
            t_string!(i18n, common.labels.audit_action.report_withdrawn).to_string()
        }
        AuditAction::ReportedBetter => {
            t_string!(i18n, common.labels.audit_action.reported_better).to_string()
        }
        AuditAction::LeaveRequested => {
            t_string!(i18n, common.labels.audit_action.leave_requested).to_string()
        }
        AuditAction::LeaveWithdrawn => {
            t_string!(i18n, common.labels.audit_action.leave_withdrawn).to_string()
        }
    }
}

/// In the chosen language, for parents.
pub fn leave_kind(value: LeaveKind) -> String {
    let i18n = use_i18n();
    match value {
        LeaveKind::HolidayForWork => {
            t_string!(i18n, common.labels.leave_kind.holiday_for_work).to_string()
        }
        LeaveKind::ImportantCircumstances => {
            t_string!(i18n, common.labels.leave_kind.important_circumstances).to_string()
        }
        LeaveKind::Religious => t_string!(i18n, common.labels.leave_kind.religious).to_string(),
    }
}

/// One or two words, for a list.
pub fn leave_status(value: LeaveStatus) -> String {
    let i18n = use_i18n();
    match value {
        LeaveStatus::Pending => t_string!(i18n, common.labels.leave_status.pending).to_string(),
        LeaveStatus::Granted => t_string!(i18n, common.labels.leave_status.granted).to_string(),
        LeaveStatus::Refused => t_string!(i18n, common.labels.leave_status.refused).to_string(),
        LeaveStatus::Withdrawn => t_string!(i18n, common.labels.leave_status.withdrawn).to_string(),
    }
}

/// In the chosen language, for parents.
pub fn absence_category(value: AbsenceCategory) -> String {
    let i18n = use_i18n();
    match value {
        AbsenceCategory::Ill => t_string!(i18n, common.labels.absence_category.ill).to_string(),
        AbsenceCategory::Appointment => {
            t_string!(i18n, common.labels.absence_category.appointment).to_string()
        }
        AbsenceCategory::Leave => t_string!(i18n, common.labels.absence_category.leave).to_string(),
        AbsenceCategory::Other => t_string!(i18n, common.labels.absence_category.other).to_string(),
        AbsenceCategory::Unauthorised => {
            t_string!(i18n, common.labels.absence_category.unauthorised).to_string()
        }
        AbsenceCategory::Late => t_string!(i18n, common.labels.absence_category.late).to_string(),
    }
}

/// In the chosen language, for parents, without an article: "Leerkracht".
pub fn role(value: Role) -> String {
    let i18n = use_i18n();
    match value {
        Role::Teacher => t_string!(i18n, common.labels.role.teacher).to_string(),
        Role::Mentor => t_string!(i18n, common.labels.role.mentor).to_string(),
        Role::AttendanceDesk => t_string!(i18n, common.labels.role.attendance_desk).to_string(),
        Role::InternBegeleider => t_string!(i18n, common.labels.role.intern_begeleider).to_string(),
        Role::CareCoordinator => t_string!(i18n, common.labels.role.care_coordinator).to_string(),
        Role::Director => t_string!(i18n, common.labels.role.director).to_string(),
        Role::SchoolDoctor => t_string!(i18n, common.labels.role.school_doctor).to_string(),
        Role::AttendanceOfficer => {
            t_string!(i18n, common.labels.role.attendance_officer).to_string()
        }
    }
}

/// In the chosen language, for parents.
pub fn absence_kind(value: AbsenceKind) -> String {
    let i18n = use_i18n();
    match value {
        AbsenceKind::Ill => t_string!(i18n, common.labels.absence_kind.ill).to_string(),
        AbsenceKind::Appointment => {
            t_string!(i18n, common.labels.absence_kind.appointment).to_string()
        }
        AbsenceKind::Other => t_string!(i18n, common.labels.absence_kind.other).to_string(),
    }
}
