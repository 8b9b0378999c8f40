//! The language the API answers in: the request's `Accept-Language` (its
//! first language we speak), Dutch otherwise. Only messages change; codes
//! and fields stay the same in every language.

use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use shared::Language;

tokio::task_local! {
    /// The language of the request being answered.
    static LANGUAGE: Language;
}

/// Middleware: answers the request in the language it asks for. Errors are
/// turned into a body deep inside a handler, so the language waits in a
/// task-local value for [`current`] instead of being passed down.
pub async fn answer_in_asked_language(request: Request, next: Next) -> Response {
    let language = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(from_accept_language)
        .unwrap_or_default();
    LANGUAGE.scope(language, next.run(request)).await
}

/// The language of the request being answered; Dutch outside one.
pub fn current() -> Language {
    LANGUAGE.try_with(|language| *language).unwrap_or_default()
}

/// The first language of an `Accept-Language` value that we speak, by its
/// weights (`q`), as in `ar-MA,ar;q=0.9,en;q=0.5`; Dutch when none is.
pub fn from_accept_language(value: &str) -> Language {
    let mut asked: Vec<(Language, f32)> = value
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
            let language = Language::parse(&primary)?;
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (weight > 0.0).then_some((language, weight))
        })
        .collect();
    // A stable sort keeps the header's order among equal weights.
    asked.sort_by(|a, b| b.1.total_cmp(&a.1));
    asked
        .first()
        .map(|(language, _)| *language)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_language_we_speak_wins() {
        assert_eq!(from_accept_language("ar"), Language::Ar);
        assert_eq!(from_accept_language("tr-TR,tr;q=0.9"), Language::Tr);
        assert_eq!(
            from_accept_language("de-DE,de;q=0.9,pl;q=0.8"),
            Language::Pl
        );
        assert_eq!(from_accept_language("en;q=0.5, uk"), Language::Uk);
        assert_eq!(from_accept_language("EN-gb"), Language::En);
    }

    #[test]
    fn dutch_when_we_speak_none_of_them() {
        assert_eq!(from_accept_language(""), Language::Nl);
        assert_eq!(from_accept_language("de, fr;q=0.5"), Language::Nl);
        assert_eq!(from_accept_language("*"), Language::Nl);
        assert_eq!(from_accept_language("en;q=0"), Language::Nl);
        assert_eq!(from_accept_language("en;q=nonsense"), Language::Nl);
    }
}
