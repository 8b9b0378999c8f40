//! One module per page (route).

pub mod child_reports;
pub mod confirmation;
pub mod contacts;
pub mod home;
pub mod login;
pub mod not_found;
pub mod report_form;
pub mod step;
