//! One module per page (route).

pub mod account;
pub mod activate;
pub mod change_report;
pub mod child_leave;
pub mod child_reports;
pub mod confirmation;
pub mod contacts;
pub mod conversation;
pub mod conversation_form;
pub mod home;
pub mod leave_form;
pub mod leave_request;
pub mod login;
pub mod not_found;
pub mod report_form;
pub mod school;
pub mod step;
