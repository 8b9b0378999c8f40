//! One module per page (route).

pub mod change_report;
pub mod child_reports;
pub mod confirmation;
pub mod home;
pub mod login;
pub mod not_found;
pub mod report_form;
