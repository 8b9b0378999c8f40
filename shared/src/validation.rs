//! Small pieces every request's validation uses.

use crate::error::FieldError;
use crate::words;

/// Done checking: `Ok` when nothing was found.
pub(crate) fn done(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The key the app makes once per submission (16 to 64 letters, digits and
/// dashes), so that a retry finds what the first attempt stored.
pub(crate) fn check_idempotency_key(key: &str) -> Option<FieldError> {
    let fine = (16..=64).contains(&key.len())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (!fine).then(|| {
        FieldError::new(
            "idempotency_key",
            words!(
                nl: "Er ging iets mis met het formulier. Laad de pagina opnieuw.",
                en: "Something went wrong with the form. Please reload the page.",
                ar: "حدث خطأ في النموذج. يرجى تحميل الصفحة من جديد.",
                tr: "Formda bir sorun oldu. Lütfen sayfayı yeniden yükleyin.",
                pl: "Wystąpił problem z formularzem. Proszę odświeżyć stronę.",
                uk: "Сталася помилка у формі. Будь ласка, оновіть сторінку.",
            ),
        )
    })
}

/// A free text as it is stored: trimmed, and absent when empty.
pub(crate) fn clean_text(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}
