//! Logging in, and who the logged-in person is.

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Words};
use crate::language::Language;
use crate::validation::done;
use crate::words;

/// The longest e-mail address there can be (RFC 5321).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest password we take; far above any real one, but a bound on the
/// work a log-in costs.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// `POST /api/session`
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

impl LoginRequest {
    /// What must be right before a log-in is even tried.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let email = self.email.trim();
        if email.is_empty() {
            errors.push(FieldError::new(
                "email",
                words!(
                    nl: "Vul uw e-mailadres in.",
                    en: "Please enter your email address.",
                    ar: "اكتب بريدك الإلكتروني.",
                    tr: "E-posta adresinizi yazın.",
                    pl: "Proszę wpisać adres e-mail.",
                    uk: "Введіть вашу електронну адресу.",
                ),
            ));
        } else if email.chars().count() > MAX_EMAIL_CHARS || !email.contains('@') {
            errors.push(FieldError::new(
                "email",
                words!(
                    nl: "Dit is geen e-mailadres. Kijk of u het goed heeft getypt.",
                    en: "This is not an email address. Please check how you typed it.",
                    ar: "هذا ليس بريدًا إلكترونيًا. تأكد أنك كتبته بشكل صحيح.",
                    tr: "Bu bir e-posta adresi değil. Doğru yazıp yazmadığınıza bakın.",
                    pl: "To nie jest adres e-mail. Proszę sprawdzić, czy jest dobrze wpisany.",
                    uk: "Це не електронна адреса. Перевірте, чи ви правильно її ввели.",
                ),
            ));
        }
        if self.password.is_empty() {
            errors.push(FieldError::new(
                "password",
                words!(
                    nl: "Vul uw wachtwoord in.",
                    en: "Please enter your password.",
                    ar: "اكتب كلمة المرور.",
                    tr: "Şifrenizi yazın.",
                    pl: "Proszę wpisać hasło.",
                    uk: "Введіть ваш пароль.",
                ),
            ));
        } else if self.password.chars().count() > MAX_PASSWORD_CHARS {
            errors.push(FieldError::new(
                "password",
                words!(
                    nl: "Dit wachtwoord is te lang.",
                    en: "This password is too long.",
                    ar: "كلمة المرور هذه طويلة جدًا.",
                    tr: "Bu şifre çok uzun.",
                    pl: "To hasło jest za długie.",
                    uk: "Цей пароль задовгий.",
                ),
            ));
        }
        done(errors)
    }
}

/// `GET /api/me` (and the answer to a log-in): the person and what they may see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub name: String,
    pub email: String,
    /// The children this person is a guardian of; empty for staff only.
    pub children: Vec<Child>,
    /// The schools this person works at, with their role there.
    pub staff_roles: Vec<StaffRole>,
    /// The language they chose (mails come in it); Dutch until they choose.
    #[serde(default)]
    pub language: crate::Language,
}

/// `PUT /api/me/language`: the language mails (and later the app) use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LanguageChoice {
    pub language: crate::Language,
}

/// A child as their guardian sees it (`GET /api/children`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Child {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    /// The group or class, e.g. "Groep 5" or "2B".
    pub group_name: String,
    pub school_name: String,
}

/// A staff member's role at one school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRole {
    pub school_id: String,
    pub school_name: String,
    pub role: StaffRoleKind,
}

/// What a staff member does at a school; decides what they may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffRoleKind {
    AttendanceDesk,
    Teacher,
    CareCoordinator,
    Director,
    SchoolAdmin,
}

impl StaffRoleKind {
    pub const ALL: [StaffRoleKind; 5] = [
        Self::AttendanceDesk,
        Self::Teacher,
        Self::CareCoordinator,
        Self::Director,
        Self::SchoolAdmin,
    ];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AttendanceDesk => "attendance_desk",
            Self::Teacher => "teacher",
            Self::CareCoordinator => "care_coordinator",
            Self::Director => "director",
            Self::SchoolAdmin => "school_admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role answers leave requests (the director, or a school
    /// admin on the director's behalf).
    pub fn decides_leave(self) -> bool {
        matches!(self, Self::Director | Self::SchoolAdmin)
    }
}

/// "Too many tries: try again in N minutes", in each language with the
/// plural its grammar asks for after the number ("1 minuut", "5 minuten";
/// Polish "2 minuty", "5 minut"; ...). Not `words!`: its six texts name the
/// same values, and here each language has its own word for "minutes".
pub fn try_again_in(minutes: u32) -> Words {
    let n = minutes.max(1);
    let text = |language| match language {
        Language::Nl => format!(
            "U heeft het te vaak geprobeerd. Probeer het over {n} {} opnieuw.",
            if n == 1 { "minuut" } else { "minuten" }
        ),
        Language::En => format!(
            "You have tried too many times. Please try again in {n} {}.",
            if n == 1 { "minute" } else { "minutes" }
        ),
        Language::Ar => format!(
            "لقد حاولت مرات كثيرة جدًا. حاول مرة أخرى بعد {}.",
            arabic_minutes(n)
        ),
        Language::Tr => {
            format!("Çok fazla denediniz. Lütfen {n} dakika sonra yeniden deneyin.")
        }
        Language::Pl => format!(
            "Było zbyt wiele prób. Proszę spróbować ponownie za {n} {}.",
            slavic_plural(n, ("minutę", false), "minuty", "minut")
        ),
        Language::Uk => format!(
            "Забагато спроб. Спробуйте ще раз через {n} {}.",
            slavic_plural(n, ("хвилину", true), "хвилини", "хвилин")
        ),
    };
    Words::from_texts(Language::ALL.map(|language| text(language).into()))
}

/// Polish and Ukrainian after a number: the "one" form (Polish only for 1,
/// Ukrainian also for 21, 31, ... but not 11), the "few" form for 2-4 (and
/// 22-24, ...; not 12-14), the "many" form for the rest.
fn slavic_plural(
    n: u32,
    one: (&'static str, bool),
    few: &'static str,
    many: &'static str,
) -> &'static str {
    let ((one, also_21), last, last_two) = (one, n % 10, n % 100);
    if n == 1 || (also_21 && last == 1 && last_two != 11) {
        one
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        few
    } else {
        many
    }
}

/// Arabic: one minute, two minutes (dual), 3-10 minutes (plural), 11 and up
/// (singular after the number).
fn arabic_minutes(n: u32) -> String {
    match n % 100 {
        _ if n == 1 => "دقيقة واحدة".to_owned(),
        _ if n == 2 => "دقيقتين".to_owned(),
        3..=10 => format!("{n} دقائق"),
        _ => format!("{n} دقيقة"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failing_fields(email: &str, password: &str) -> Vec<&'static str> {
        let login = LoginRequest {
            email: email.into(),
            password: password.into(),
        };
        login
            .validate()
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn try_again_says_the_minutes_with_the_right_plural() {
        let text = |n, language| try_again_in(n).get(language).to_owned();
        assert_eq!(
            text(1, Language::Nl),
            "U heeft het te vaak geprobeerd. Probeer het over 1 minuut opnieuw."
        );
        assert!(text(15, Language::Nl).contains("over 15 minuten opnieuw"));
        assert!(text(1, Language::En).ends_with("in 1 minute."));
        assert!(text(2, Language::En).ends_with("in 2 minutes."));
        assert!(text(0, Language::En).ends_with("in 1 minute."), "never 0");
        assert!(text(15, Language::Tr).contains("15 dakika sonra"));
        for (n, polish) in [
            (1, "1 minutę"),
            (2, "2 minuty"),
            (5, "5 minut"),
            (12, "12 minut"),
            (22, "22 minuty"),
            (21, "21 minut"),
        ] {
            assert!(text(n, Language::Pl).contains(polish), "{n}");
        }
        for (n, ukrainian) in [
            (1, "1 хвилину"),
            (3, "3 хвилини"),
            (11, "11 хвилин"),
            (15, "15 хвилин"),
            (21, "21 хвилину"),
        ] {
            assert!(text(n, Language::Uk).contains(ukrainian), "{n}");
        }
        assert!(text(2, Language::Ar).contains("دقيقتين"));
        assert!(text(15, Language::Ar).contains("15 دقيقة"));
        assert!(text(5, Language::Ar).contains("5 دقائق"));
    }

    #[test]
    fn a_log_in_needs_an_address_and_a_password() {
        assert_eq!(
            failing_fields("sanne@example.nl", "geheim"),
            Vec::<&str>::new()
        );
        assert_eq!(failing_fields(" ", ""), ["email", "password"]);
        assert_eq!(failing_fields("sanne", "geheim"), ["email"]);
        assert_eq!(
            failing_fields(&format!("{}@x.nl", "a".repeat(250)), "geheim"),
            ["email"]
        );
        assert_eq!(
            failing_fields("sanne@example.nl", &"x".repeat(257)),
            ["password"]
        );
        assert_eq!(
            failing_fields("sanne@example.nl", &"x".repeat(256)),
            Vec::<&str>::new()
        );
    }
}
