//! Messages that several checks share, in every language.

use crate::error::Words;
use crate::words;

/// A last day before the first.
pub fn last_day_before_first() -> Words {
    words!(
        nl: "De laatste dag kan niet vóór de eerste dag liggen.",
        en: "The last day cannot be before the first day.",
        ar: "لا يمكن أن يكون اليوم الأخير قبل اليوم الأول.",
        tr: "Son gün, ilk günden önce olamaz.",
        pl: "Ostatni dzień nie może być przed pierwszym dniem.",
        uk: "Останній день не може бути раніше за перший день.",
    )
}

/// A day too far ahead.
pub fn more_than_a_year_ahead() -> Words {
    words!(
        nl: "Deze dag is meer dan een jaar vooruit. Kies een eerdere dag.",
        en: "This day is more than a year ahead. Please choose an earlier day.",
        ar: "هذا اليوم بعد أكثر من سنة. اختر يومًا أقرب.",
        tr: "Bu gün bir yıldan daha ileride. Daha erken bir gün seçin.",
        pl: "Ten dzień jest za ponad rok. Proszę wybrać wcześniejszy dzień.",
        uk: "Цей день більш ніж через рік. Виберіть раніший день.",
    )
}

/// A child id that is not one of the parent's children.
pub fn unknown_child() -> Words {
    words!(
        nl: "Dit kind kennen we niet.",
        en: "We do not know this child.",
        ar: "لا نعرف هذا الطفل.",
        tr: "Bu çocuğu tanımıyoruz.",
        pl: "Nie znamy tego dziecka.",
        uk: "Ми не знаємо цієї дитини.",
    )
}

/// A pupil id the school does not have.
pub fn not_a_pupil_here() -> Words {
    words!(
        nl: "Deze leerling zit niet op deze school.",
        en: "This pupil does not go to this school.",
        ar: "هذا التلميذ ليس في هذه المدرسة.",
        tr: "Bu öğrenci bu okulda değil.",
        pl: "Ten uczeń nie chodzi do tej szkoły.",
        uk: "Цей учень не навчається в цій школі.",
    )
}

/// A list filter other than `open` or `all`.
pub fn open_or_all() -> Words {
    words!(
        nl: "Kies open of all.",
        en: "Choose open or all.",
        ar: "اختر open أو all.",
        tr: "open veya all seçin.",
        pl: "Proszę wybrać open albo all.",
        uk: "Виберіть open або all.",
    )
}

/// A reason longer than 500 characters.
pub fn reason_too_long() -> Words {
    words!(
        nl: "De reden is te lang. Gebruik hoogstens 500 tekens.",
        en: "The reason is too long. Please use 500 characters at most.",
        ar: "السبب طويل جدًا. استخدم 500 حرف على الأكثر.",
        tr: "Neden çok uzun. En fazla 500 karakter kullanın.",
        pl: "Powód jest za długi. Proszę użyć najwyżej 500 znaków.",
        uk: "Причина задовга. Використайте не більше 500 символів.",
    )
}

/// An end time not after the start time.
pub fn end_before_start() -> Words {
    words!(
        nl: "De eindtijd moet later zijn dan de begintijd.",
        en: "The end time must be later than the start time.",
        ar: "يجب أن يكون وقت النهاية بعد وقت البداية.",
        tr: "Bitiş saati, başlangıç saatinden sonra olmalı.",
        pl: "Godzina końca musi być późniejsza niż godzina początku.",
        uk: "Час закінчення має бути пізніше за час початку.",
    )
}

/// A note with an illness: what a child has is private.
pub fn no_note_for_illness() -> Words {
    words!(
        nl: "Bij ziek hoort geen toelichting. Wat uw kind heeft, blijft privé.",
        en: "Illness needs no explanation. What your child has stays private.",
        ar: "لا حاجة إلى شرح عند المرض. ما يعاني منه طفلك يبقى خاصًا.",
        tr: "Hastalıkta açıklama yazılmaz. Çocuğunuzun neyi olduğu özel kalır.",
        pl: "Przy chorobie nie trzeba nic wyjaśniać. To, na co choruje dziecko, pozostaje prywatne.",
        uk: "Під час хвороби пояснення не потрібне. Чим хвора дитина, залишається приватним.",
    )
}

/// A note longer than 200 characters.
pub fn note_too_long() -> Words {
    words!(
        nl: "De toelichting is te lang. Gebruik hoogstens 200 tekens.",
        en: "The explanation is too long. Please use 200 characters at most.",
        ar: "الشرح طويل جدًا. استخدم 200 حرف على الأكثر.",
        tr: "Açıklama çok uzun. En fazla 200 karakter kullanın.",
        pl: "Wyjaśnienie jest za długie. Proszę użyć najwyżej 200 znaków.",
        uk: "Пояснення задовге. Використайте не більше 200 символів.",
    )
}
