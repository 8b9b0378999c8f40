//! The words of every mail: a subject and a plain-text body for each kind
//! of notice, audience and language.
//!
//! Every body has the same plain shape:
//!
//! ```text
//! Beste Sanne,
//!
//! De school nodigt u uit voor een gesprek. Kies een van de tijden die de
//! school voorstelt.
//!
//! Kind: Noor
//! School: Basisschool De Regenboog
//!
//! Open Verzuimwijzer om een tijd te kiezen:
//! https://verzuim.example.nl/gesprekken/...
//!
//! Dit is een automatisch bericht van Verzuimwijzer. ...
//! ```
//!
//! The child and the school stand on lines of their own ("Kind: Noor"), not
//! inside the sentences: names then never need a grammatical case (Polish,
//! Ukrainian, Turkish and Arabic would change them), and a reader finds
//! them at a glance. Sentences are short and calm; Dutch at B1 level, the
//! other languages just as plain.

use chrono::{Datelike, NaiveDate};
use shared::dates::{month_name, weekday_name};
use shared::Language;

use super::{Audience, Notice, NoticeKind, OutgoingMail, Recipient};

/// The mail for one recipient. `public_url` has no trailing slash.
pub fn render(recipient: &Recipient, notice: &Notice, public_url: &str) -> OutgoingMail {
    let texts = texts(recipient.language);
    let (side, footer, path) = match recipient.audience {
        Audience::Parent => (&texts.parent, texts.footer_parent, &notice.parent_path),
        Audience::Staff => (&texts.staff, texts.footer_staff, &notice.staff_path),
    };
    let message = message(texts, side, notice.kind);
    let child = one_line(&notice.child_first_name);
    let mut facts = vec![
        format!("{}: {child}", texts.child),
        format!("{}: {}", texts.school, one_line(&notice.school_name)),
    ];
    if let NoticeKind::TimeAgreed { day, start, end } = notice.kind {
        facts.push(format!(
            "{}: {}{} {}–{}",
            texts.when,
            (texts.date)(day),
            texts.comma,
            start.format("%H:%M"),
            end.format("%H:%M")
        ));
    }
    let body = [
        (texts.greeting)(first_name(&recipient.name)),
        String::new(),
        message.text.to_owned(),
        String::new(),
        facts.join("\n"),
        String::new(),
        texts
            .open
            .line(action(recipient.audience, notice.kind))
            .to_owned(),
        link(public_url, path),
        String::new(),
        footer.to_owned(),
    ]
    .join("\n");
    OutgoingMail {
        to_address: recipient.email.clone(),
        to_name: one_line(&recipient.name),
        subject: format!("{} – {child}", message.subject),
        body,
    }
}

/// What the link in a mail asks the reader to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Choose,
    Propose,
    See,
    Why,
    Note,
    Answer,
}

fn action(audience: Audience, kind: NoticeKind) -> Action {
    use NoticeKind::*;
    match (audience, kind) {
        (_, Cancelled { .. }) => Action::Why,
        (Audience::Parent, Invited { .. } | TimesProposed { .. }) => Action::Choose,
        (Audience::Parent, Done { note: true }) => Action::Note,
        (Audience::Staff, Requested | OtherTimesAsked) => Action::Propose,
        (_, AbsenceQuestion) => Action::Answer,
        _ => Action::See,
    }
}

/// An absolute link into the app.
fn link(public_url: &str, path: &str) -> String {
    if path.starts_with('/') {
        format!("{public_url}{path}")
    } else {
        format!("{public_url}/{path}")
    }
}

/// The first word of a name: mails greet by first name.
fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// A name as one line: a line break in stored data must not break a mail
/// header or the body's shape.
fn one_line(s: &str) -> String {
    s.split(char::is_control)
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One language's words.
struct Texts {
    greeting: fn(&str) -> String,
    /// The labels of the fact lines.
    child: &'static str,
    school: &'static str,
    when: &'static str,
    /// A day, written out: "dinsdag 1 december 2026".
    date: fn(NaiveDate) -> String,
    /// Between the day and the time.
    comma: &'static str,
    open: Open,
    footer_parent: &'static str,
    footer_staff: &'static str,
    /// To parents: the school marked their child absent and asks why. Says
    /// neither that nor the day: the question is in the app.
    absence_question: Message,
    parent: Side,
    staff: Side,
}

/// The line above the link, per [`Action`].
struct Open {
    choose: &'static str,
    propose: &'static str,
    see: &'static str,
    why: &'static str,
    note: &'static str,
    answer: &'static str,
}

impl Open {
    fn line(&self, action: Action) -> &'static str {
        match action {
            Action::Choose => self.choose,
            Action::Propose => self.propose,
            Action::See => self.see,
            Action::Why => self.why,
            Action::Note => self.note,
            Action::Answer => self.answer,
        }
    }
}

/// The messages for one audience.
struct Side {
    requested: Message,
    invited_one: Message,
    invited_many: Message,
    proposed_one: Message,
    proposed_many: Message,
    other_times: Message,
    agreed: Message,
    cancelled_by_school: Message,
    cancelled_by_parent: Message,
    done: Message,
    done_with_note: Message,
}

/// What to say about `kind` to the audience whose messages are `side`.
fn message<'a>(texts: &'a Texts, side: &'a Side, kind: NoticeKind) -> &'a Message {
    use NoticeKind::*;
    match kind {
        Requested => &side.requested,
        Invited { times: 1 } => &side.invited_one,
        Invited { .. } => &side.invited_many,
        TimesProposed { times: 1 } => &side.proposed_one,
        TimesProposed { .. } => &side.proposed_many,
        OtherTimesAsked => &side.other_times,
        TimeAgreed { .. } => &side.agreed,
        Cancelled { by_school: true } => &side.cancelled_by_school,
        Cancelled { by_school: false } => &side.cancelled_by_parent,
        Done { note: false } => &side.done,
        Done { note: true } => &side.done_with_note,
        AbsenceQuestion => &texts.absence_question,
    }
}

/// A subject (the child's name is added to it) and the sentences saying
/// what changed.
struct Message {
    subject: &'static str,
    text: &'static str,
}

const fn m(subject: &'static str, text: &'static str) -> Message {
    Message { subject, text }
}

fn texts(language: Language) -> &'static Texts {
    match language {
        Language::Nl => &NL,
        Language::En => &EN,
        Language::Ar => &AR,
        Language::Tr => &TR,
        Language::Pl => &PL,
        Language::Uk => &UK,
    }
}

static NL: Texts = Texts {
    greeting: |name| format!("Beste {name},"),
    child: "Kind",
    school: "School",
    when: "Wanneer",
    date: |d| format!("{} {} {} {}", weekday_name(Language::Nl, d.weekday()), d.day(), month_name(Language::Nl, d), d.year()),
    comma: ",",
    open: Open {
        choose: "Open Verzuimwijzer om een tijd te kiezen:",
        propose: "Open Verzuimwijzer om tijden voor te stellen:",
        see: "Open Verzuimwijzer om het gesprek te zien:",
        why: "Open Verzuimwijzer om te lezen waarom:",
        note: "Open Verzuimwijzer om de notitie te lezen:",
        answer: "Open Verzuimwijzer om de vraag te lezen:",
    },
    footer_parent: "Dit is een automatisch bericht van Verzuimwijzer. \
        U kunt niet op deze mail antwoorden. \
        Heeft u een vraag? Neem dan contact op met de school.",
    footer_staff: "Dit is een automatisch bericht van Verzuimwijzer. \
        U kunt niet op deze mail antwoorden. \
        Heeft u een vraag over Verzuimwijzer? Neem dan contact op met de beheerder van uw school.",
    absence_question: m(
        "De school heeft een vraag",
        "De school heeft een vraag over uw kind. U leest de vraag in Verzuimwijzer, en u kunt daar ook antwoorden.",
    ),
    parent: Side {
        requested: m(
            "Uw vraag om een gesprek is verstuurd",
            "U vroeg de school om een gesprek. De school heeft uw vraag gekregen. \
             U krijgt een mail als de school antwoordt.",
        ),
        invited_one: m(
            "Uitnodiging voor een gesprek",
            "De school nodigt u uit voor een gesprek en stelt een tijd voor. \
             Past die tijd niet? Dan kunt u om een andere tijd vragen.",
        ),
        invited_many: m(
            "Uitnodiging voor een gesprek",
            "De school nodigt u uit voor een gesprek. \
             Kies een van de tijden die de school voorstelt.",
        ),
        proposed_one: m(
            "Kies een tijd voor het gesprek",
            "De school heeft een tijd voor het gesprek gekozen. \
             Past die tijd niet? Vraag dan om een andere tijd.",
        ),
        proposed_many: m(
            "Kies een tijd voor het gesprek",
            "De school heeft een paar tijden voor het gesprek gekozen. \
             Kies de tijd die u het beste past.",
        ),
        other_times: m(
            "U vroeg om andere tijden",
            "U vroeg de school om andere tijden voor het gesprek. \
             U krijgt een mail als de school nieuwe tijden kiest.",
        ),
        agreed: m(
            "Het gesprek is afgesproken",
            "De tijd voor het gesprek met de school staat vast.",
        ),
        cancelled_by_school: m(
            "Het gesprek gaat niet door",
            "De school heeft het gesprek afgezegd.",
        ),
        cancelled_by_parent: m(
            "Het gesprek gaat niet door",
            "Het gesprek gaat niet door. Een ouder heeft het afgezegd.",
        ),
        done: m(
            "Het gesprek is afgesloten",
            "De school heeft het gesprek afgesloten.",
        ),
        done_with_note: m(
            "Het gesprek is afgesloten",
            "De school heeft het gesprek afgesloten en een notitie voor u geschreven.",
        ),
    },
    staff: Side {
        requested: m(
            "Een ouder vraagt om een gesprek",
            "Een ouder vraagt om een gesprek met de school. Stel een paar tijden voor.",
        ),
        invited_one: m(
            "Ouders uitgenodigd voor een gesprek",
            "De school heeft de ouders uitgenodigd voor een gesprek, met één tijd. \
             De ouders kunnen nu antwoorden.",
        ),
        invited_many: m(
            "Ouders uitgenodigd voor een gesprek",
            "De school heeft de ouders uitgenodigd voor een gesprek. \
             De ouders kunnen nu een tijd kiezen.",
        ),
        proposed_one: m(
            "Tijd voorgesteld voor een gesprek",
            "De school heeft de ouders een tijd voorgesteld. De ouders kunnen nu antwoorden.",
        ),
        proposed_many: m(
            "Tijden voorgesteld voor een gesprek",
            "De school heeft de ouders een paar tijden voorgesteld. \
             De ouders kunnen nu een tijd kiezen.",
        ),
        other_times: m(
            "Een ouder vraagt om andere tijden",
            "Een ouder kan niet op de voorgestelde tijden. Stel andere tijden voor.",
        ),
        agreed: m(
            "Een gesprek is afgesproken",
            "De ouders hebben een tijd gekozen. Het gesprek is afgesproken.",
        ),
        cancelled_by_school: m(
            "Een gesprek gaat niet door",
            "De school heeft het gesprek afgezegd.",
        ),
        cancelled_by_parent: m(
            "Een gesprek gaat niet door",
            "Een ouder heeft het gesprek afgezegd.",
        ),
        done: m("Een gesprek is afgesloten", "Het gesprek is afgesloten."),
        done_with_note: m(
            "Een gesprek is afgesloten",
            "Het gesprek is afgesloten, met een notitie voor de ouders.",
        ),
    },
};

static EN: Texts = Texts {
    greeting: |name| format!("Dear {name},"),
    child: "Child",
    school: "School",
    when: "When",
    date: |d| format!("{} {} {} {}", weekday_name(Language::En, d.weekday()), d.day(), month_name(Language::En, d), d.year()),
    comma: ",",
    open: Open {
        choose: "Open Verzuimwijzer to choose a time:",
        propose: "Open Verzuimwijzer to propose times:",
        see: "Open Verzuimwijzer to see the conversation:",
        why: "Open Verzuimwijzer to read why:",
        note: "Open Verzuimwijzer to read the note:",
        answer: "Open Verzuimwijzer to read the question:",
    },
    footer_parent: "This is an automatic message from Verzuimwijzer. \
        You cannot reply to this e-mail. \
        Do you have a question? Please contact the school.",
    footer_staff: "This is an automatic message from Verzuimwijzer. \
        You cannot reply to this e-mail. \
        Do you have a question about Verzuimwijzer? Please contact your school's administrator.",
    absence_question: m(
        "The school has a question",
        "The school has a question about your child. You can read the question and answer it in Verzuimwijzer.",
    ),
    parent: Side {
        requested: m(
            "Your request for a conversation was sent",
            "You asked the school for a conversation. The school has received your request. \
             You will get an e-mail when the school answers.",
        ),
        invited_one: m(
            "Invitation to a conversation",
            "The school invites you to a conversation and proposes a time. \
             Does this time not work for you? Then you can ask for another time.",
        ),
        invited_many: m(
            "Invitation to a conversation",
            "The school invites you to a conversation. \
             Choose one of the times the school proposes.",
        ),
        proposed_one: m(
            "Choose a time for the conversation",
            "The school has chosen a time for the conversation. \
             Does this time not work for you? Then ask for another time.",
        ),
        proposed_many: m(
            "Choose a time for the conversation",
            "The school has chosen some times for the conversation. \
             Choose the time that suits you best.",
        ),
        other_times: m(
            "You asked for other times",
            "You asked the school for other times for the conversation. \
             You will get an e-mail when the school chooses new times.",
        ),
        agreed: m(
            "The conversation is planned",
            "The time of the conversation with the school is fixed.",
        ),
        cancelled_by_school: m(
            "The conversation will not take place",
            "The school has cancelled the conversation.",
        ),
        cancelled_by_parent: m(
            "The conversation will not take place",
            "The conversation will not take place. A parent has cancelled it.",
        ),
        done: m(
            "The conversation is closed",
            "The school has closed the conversation.",
        ),
        done_with_note: m(
            "The conversation is closed",
            "The school has closed the conversation and wrote a note for you.",
        ),
    },
    staff: Side {
        requested: m(
            "A parent asks for a conversation",
            "A parent asks for a conversation with the school. Please propose a few times.",
        ),
        invited_one: m(
            "Parents invited to a conversation",
            "The school has invited the parents to a conversation, at one time. \
             The parents can now answer.",
        ),
        invited_many: m(
            "Parents invited to a conversation",
            "The school has invited the parents to a conversation. \
             The parents can now choose a time.",
        ),
        proposed_one: m(
            "Time proposed for a conversation",
            "The school has proposed a time to the parents. The parents can now answer.",
        ),
        proposed_many: m(
            "Times proposed for a conversation",
            "The school has proposed a few times to the parents. \
             The parents can now choose a time.",
        ),
        other_times: m(
            "A parent asks for other times",
            "A parent cannot come at the proposed times. Please propose other times.",
        ),
        agreed: m(
            "A conversation is planned",
            "The parents have chosen a time. The conversation is planned.",
        ),
        cancelled_by_school: m(
            "A conversation will not take place",
            "The school has cancelled the conversation.",
        ),
        cancelled_by_parent: m(
            "A conversation will not take place",
            "A parent has cancelled the conversation.",
        ),
        done: m("A conversation is closed", "The conversation is closed."),
        done_with_note: m(
            "A conversation is closed",
            "The conversation is closed, with a note for the parents.",
        ),
    },
};

// Arabic addresses the reader in the plural, as is polite and leaves
// gender open; "the parents" of a child are الأهل.
static AR: Texts = Texts {
    greeting: |name| format!("مرحبًا {name}،"),
    child: "الطفل",
    school: "المدرسة",
    when: "الموعد",
    date: |d| {
        format!(
            "{} {} {} {}",
            weekday_name(Language::Ar, d.weekday()),
            d.day(),
            month_name(Language::Ar, d),
            d.year()
        )
    },
    comma: "،",
    open: Open {
        choose: "افتحوا Verzuimwijzer لاختيار موعد:",
        propose: "افتحوا Verzuimwijzer لاقتراح مواعيد:",
        see: "افتحوا Verzuimwijzer لرؤية تفاصيل اللقاء:",
        why: "افتحوا Verzuimwijzer لقراءة السبب:",
        note: "افتحوا Verzuimwijzer لقراءة الملاحظة:",
        answer: "افتحوا Verzuimwijzer لقراءة السؤال:",
    },
    footer_parent: "هذه رسالة تلقائية من Verzuimwijzer. \
        لا يمكن الرد على هذا البريد. \
        هل لديكم سؤال؟ تواصلوا مع المدرسة.",
    footer_staff: "هذه رسالة تلقائية من Verzuimwijzer. \
        لا يمكن الرد على هذا البريد. \
        هل لديكم سؤال عن Verzuimwijzer؟ تواصلوا مع مسؤول النظام في مدرستكم.",
    absence_question: m(
        "لدى المدرسة سؤال",
        "لدى المدرسة سؤال عن طفلكم. يمكنكم قراءة السؤال والإجابة عنه في Verzuimwijzer.",
    ),
    parent: Side {
        requested: m(
            "تم إرسال طلبكم للقاء",
            "طلبتم لقاءً مع المدرسة. وصل طلبكم إلى المدرسة. \
             ستصلكم رسالة عندما ترد المدرسة.",
        ),
        invited_one: m(
            "دعوة إلى لقاء",
            "تدعوكم المدرسة إلى لقاء وتقترح موعدًا. \
             هل الموعد لا يناسبكم؟ يمكنكم طلب موعد آخر.",
        ),
        invited_many: m(
            "دعوة إلى لقاء",
            "تدعوكم المدرسة إلى لقاء. اختاروا أحد المواعيد التي تقترحها المدرسة.",
        ),
        proposed_one: m(
            "اختاروا موعدًا للقاء",
            "اختارت المدرسة موعدًا للقاء. هل الموعد لا يناسبكم؟ اطلبوا موعدًا آخر.",
        ),
        proposed_many: m(
            "اختاروا موعدًا للقاء",
            "اختارت المدرسة عدة مواعيد للقاء. اختاروا الموعد الأنسب لكم.",
        ),
        other_times: m(
            "طلبتم مواعيد أخرى",
            "طلبتم من المدرسة مواعيد أخرى للقاء. \
             ستصلكم رسالة عندما تختار المدرسة مواعيد جديدة.",
        ),
        agreed: m("تم تحديد موعد اللقاء", "تم تحديد موعد اللقاء مع المدرسة."),
        cancelled_by_school: m("لن يُعقد اللقاء", "ألغت المدرسة اللقاء."),
        cancelled_by_parent: m("لن يُعقد اللقاء", "لن يُعقد اللقاء. ألغاه أحد الوالدين."),
        done: m("انتهى اللقاء", "أنهت المدرسة اللقاء."),
        done_with_note: m("انتهى اللقاء", "أنهت المدرسة اللقاء وكتبت لكم ملاحظة."),
    },
    staff: Side {
        requested: m(
            "أحد الوالدين يطلب لقاءً",
            "يطلب أحد الوالدين لقاءً مع المدرسة. يرجى اقتراح بعض المواعيد.",
        ),
        invited_one: m(
            "تمت دعوة الأهل إلى لقاء",
            "دعت المدرسة الأهل إلى لقاء في موعد واحد. يمكن للأهل الآن الرد.",
        ),
        invited_many: m(
            "تمت دعوة الأهل إلى لقاء",
            "دعت المدرسة الأهل إلى لقاء. يمكن للأهل الآن اختيار موعد.",
        ),
        proposed_one: m(
            "تم اقتراح موعد للقاء",
            "اقترحت المدرسة على الأهل موعدًا. يمكن للأهل الآن الرد.",
        ),
        proposed_many: m(
            "تم اقتراح مواعيد للقاء",
            "اقترحت المدرسة على الأهل بعض المواعيد. يمكن للأهل الآن اختيار موعد.",
        ),
        other_times: m(
            "أحد الوالدين يطلب مواعيد أخرى",
            "المواعيد المقترحة لا تناسب أحد الوالدين. يرجى اقتراح مواعيد أخرى.",
        ),
        agreed: m(
            "تم تحديد موعد لقاء",
            "اختار الأهل موعدًا. تم تحديد موعد اللقاء.",
        ),
        cancelled_by_school: m("لن يُعقد لقاء", "ألغت المدرسة اللقاء."),
        cancelled_by_parent: m("لن يُعقد لقاء", "ألغى أحد الوالدين اللقاء."),
        done: m("انتهى لقاء", "انتهى اللقاء."),
        done_with_note: m("انتهى لقاء", "انتهى اللقاء. هناك ملاحظة للأهل."),
    },
};

static TR: Texts = Texts {
    greeting: |name| format!("Merhaba {name},"),
    child: "Çocuk",
    school: "Okul",
    when: "Zaman",
    date: |d| format!("{} {} {} {}", d.day(), month_name(Language::Tr, d), d.year(), weekday_name(Language::Tr, d.weekday())),
    comma: ",",
    open: Open {
        choose: "Bir zaman seçmek için Verzuimwijzer'i açın:",
        propose: "Zaman önermek için Verzuimwijzer'i açın:",
        see: "Görüşmeyi görmek için Verzuimwijzer'i açın:",
        why: "Nedenini okumak için Verzuimwijzer'i açın:",
        note: "Notu okumak için Verzuimwijzer'i açın:",
        answer: "Soruyu okumak için Verzuimwijzer'i açın:",
    },
    footer_parent: "Bu, Verzuimwijzer'in otomatik bir mesajıdır. \
        Bu e-postayı yanıtlayamazsınız. \
        Bir sorunuz mu var? Lütfen okulla iletişime geçin.",
    footer_staff: "Bu, Verzuimwijzer'in otomatik bir mesajıdır. \
        Bu e-postayı yanıtlayamazsınız. \
        Verzuimwijzer hakkında bir sorunuz mu var? \
        Lütfen okulunuzdaki sistem yöneticisiyle iletişime geçin.",
    absence_question: m(
        "Okulun bir sorusu var",
        "Okulun çocuğunuz hakkında bir sorusu var. Soruyu Verzuimwijzer'de okuyabilir ve orada cevaplayabilirsiniz.",
    ),
    parent: Side {
        requested: m(
            "Görüşme talebiniz gönderildi",
            "Okuldan bir görüşme istediniz. Okul talebinizi aldı. \
             Okul yanıt verdiğinde size bir e-posta gelecek.",
        ),
        invited_one: m(
            "Görüşmeye davet",
            "Okul sizi bir görüşmeye davet ediyor ve bir zaman öneriyor. \
             Bu zaman size uymuyor mu? O zaman başka bir zaman isteyebilirsiniz.",
        ),
        invited_many: m(
            "Görüşmeye davet",
            "Okul sizi bir görüşmeye davet ediyor. \
             Okulun önerdiği zamanlardan birini seçin.",
        ),
        proposed_one: m(
            "Görüşme için bir zaman seçin",
            "Okul görüşme için bir zaman seçti. \
             Bu zaman size uymuyor mu? O zaman başka bir zaman isteyin.",
        ),
        proposed_many: m(
            "Görüşme için bir zaman seçin",
            "Okul görüşme için birkaç zaman seçti. Size en uygun zamanı seçin.",
        ),
        other_times: m(
            "Başka zamanlar istediniz",
            "Okuldan görüşme için başka zamanlar istediniz. \
             Okul yeni zamanlar seçtiğinde size bir e-posta gelecek.",
        ),
        agreed: m(
            "Görüşmenin zamanı belli",
            "Okulla görüşmenin zamanı kesinleşti.",
        ),
        cancelled_by_school: m("Görüşme yapılmayacak", "Okul görüşmeyi iptal etti."),
        cancelled_by_parent: m(
            "Görüşme yapılmayacak",
            "Görüşme yapılmayacak. Bir veli görüşmeyi iptal etti.",
        ),
        done: m("Görüşme kapatıldı", "Okul görüşmeyi kapattı."),
        done_with_note: m(
            "Görüşme kapatıldı",
            "Okul görüşmeyi kapattı ve sizin için bir not yazdı.",
        ),
    },
    staff: Side {
        requested: m(
            "Bir veli görüşme istiyor",
            "Bir veli okulla görüşme istiyor. Lütfen birkaç zaman önerin.",
        ),
        invited_one: m(
            "Veliler görüşmeye davet edildi",
            "Okul velileri tek bir zamanla görüşmeye davet etti. \
             Veliler şimdi yanıt verebilir.",
        ),
        invited_many: m(
            "Veliler görüşmeye davet edildi",
            "Okul velileri bir görüşmeye davet etti. Veliler şimdi bir zaman seçebilir.",
        ),
        proposed_one: m(
            "Görüşme için bir zaman önerildi",
            "Okul velilere bir zaman önerdi. Veliler şimdi yanıt verebilir.",
        ),
        proposed_many: m(
            "Görüşme için zamanlar önerildi",
            "Okul velilere birkaç zaman önerdi. Veliler şimdi bir zaman seçebilir.",
        ),
        other_times: m(
            "Bir veli başka zamanlar istiyor",
            "Bir veli önerilen zamanlarda gelemiyor. Lütfen başka zamanlar önerin.",
        ),
        agreed: m(
            "Bir görüşme planlandı",
            "Veliler bir zaman seçti. Görüşme planlandı.",
        ),
        cancelled_by_school: m("Bir görüşme yapılmayacak", "Okul görüşmeyi iptal etti."),
        cancelled_by_parent: m("Bir görüşme yapılmayacak", "Bir veli görüşmeyi iptal etti."),
        done: m("Bir görüşme kapatıldı", "Görüşme kapatıldı."),
        done_with_note: m(
            "Bir görüşme kapatıldı",
            "Görüşme kapatıldı. Veliler için bir not var.",
        ),
    },
};

// Polish addresses parents as "Państwo": polite, and the same for a mother
// and a father.
static PL: Texts = Texts {
    greeting: |name| format!("Dzień dobry, {name},"),
    child: "Dziecko",
    school: "Szkoła",
    when: "Termin",
    date: |d| format!("{}, {} {} {}", weekday_name(Language::Pl, d.weekday()), d.day(), month_name(Language::Pl, d), d.year()),
    comma: ",",
    open: Open {
        choose: "Proszę otworzyć Verzuimwijzer, aby wybrać termin:",
        propose: "Proszę otworzyć Verzuimwijzer, aby zaproponować terminy:",
        see: "Proszę otworzyć Verzuimwijzer, aby zobaczyć szczegóły spotkania:",
        why: "Proszę otworzyć Verzuimwijzer, aby przeczytać powód:",
        note: "Proszę otworzyć Verzuimwijzer, aby przeczytać notatkę:",
        answer: "Proszę otworzyć Verzuimwijzer, aby przeczytać pytanie:",
    },
    footer_parent: "To jest automatyczna wiadomość z Verzuimwijzer. \
        Prosimy nie odpowiadać na tę wiadomość. \
        Mają Państwo pytanie? Prosimy o kontakt ze szkołą.",
    footer_staff: "To jest automatyczna wiadomość z Verzuimwijzer. \
        Prosimy nie odpowiadać na tę wiadomość. \
        Mają Państwo pytanie o Verzuimwijzer? \
        Prosimy o kontakt z administratorem w Państwa szkole.",
    absence_question: m(
        "Szkoła ma pytanie",
        "Szkoła ma pytanie dotyczące Państwa dziecka. Pytanie można przeczytać i na nie odpowiedzieć w Verzuimwijzer.",
    ),
    parent: Side {
        requested: m(
            "Prośba o spotkanie została wysłana",
            "Poprosili Państwo szkołę o spotkanie. Szkoła otrzymała Państwa prośbę. \
             Gdy szkoła odpowie, dostaną Państwo e-mail.",
        ),
        invited_one: m(
            "Zaproszenie na spotkanie",
            "Szkoła zaprasza Państwa na spotkanie i proponuje termin. \
             Termin nie pasuje? Mogą Państwo poprosić o inny termin.",
        ),
        invited_many: m(
            "Zaproszenie na spotkanie",
            "Szkoła zaprasza Państwa na spotkanie. \
             Prosimy wybrać jeden z terminów zaproponowanych przez szkołę.",
        ),
        proposed_one: m(
            "Prosimy wybrać termin spotkania",
            "Szkoła wybrała termin spotkania. \
             Termin nie pasuje? Mogą Państwo poprosić o inny termin.",
        ),
        proposed_many: m(
            "Prosimy wybrać termin spotkania",
            "Szkoła wybrała kilka terminów spotkania. \
             Prosimy wybrać termin, który najbardziej Państwu odpowiada.",
        ),
        other_times: m(
            "Poprosili Państwo o inne terminy",
            "Poprosili Państwo szkołę o inne terminy spotkania. \
             Gdy szkoła wybierze nowe terminy, dostaną Państwo e-mail.",
        ),
        agreed: m(
            "Termin spotkania jest ustalony",
            "Termin spotkania ze szkołą został ustalony.",
        ),
        cancelled_by_school: m("Spotkanie się nie odbędzie", "Szkoła odwołała spotkanie."),
        cancelled_by_parent: m(
            "Spotkanie się nie odbędzie",
            "Spotkanie się nie odbędzie. Jeden z rodziców je odwołał.",
        ),
        done: m(
            "Spotkanie zostało zakończone",
            "Szkoła zakończyła spotkanie.",
        ),
        done_with_note: m(
            "Spotkanie zostało zakończone",
            "Szkoła zakończyła spotkanie i napisała dla Państwa notatkę.",
        ),
    },
    staff: Side {
        requested: m(
            "Rodzic prosi o spotkanie",
            "Rodzic prosi o spotkanie ze szkołą. Prosimy zaproponować kilka terminów.",
        ),
        invited_one: m(
            "Rodzice zaproszeni na spotkanie",
            "Szkoła zaprosiła rodziców na spotkanie w jednym terminie. \
             Rodzice mogą teraz odpowiedzieć.",
        ),
        invited_many: m(
            "Rodzice zaproszeni na spotkanie",
            "Szkoła zaprosiła rodziców na spotkanie. Rodzice mogą teraz wybrać termin.",
        ),
        proposed_one: m(
            "Zaproponowano termin spotkania",
            "Szkoła zaproponowała rodzicom termin. Rodzice mogą teraz odpowiedzieć.",
        ),
        proposed_many: m(
            "Zaproponowano terminy spotkania",
            "Szkoła zaproponowała rodzicom kilka terminów. Rodzice mogą teraz wybrać termin.",
        ),
        other_times: m(
            "Rodzic prosi o inne terminy",
            "Rodzicowi nie pasują zaproponowane terminy. Prosimy zaproponować inne terminy.",
        ),
        agreed: m(
            "Spotkanie jest umówione",
            "Rodzice wybrali termin. Spotkanie jest umówione.",
        ),
        cancelled_by_school: m("Spotkanie się nie odbędzie", "Szkoła odwołała spotkanie."),
        cancelled_by_parent: m("Spotkanie się nie odbędzie", "Rodzic odwołał spotkanie."),
        done: m(
            "Spotkanie zostało zakończone",
            "Spotkanie zostało zakończone.",
        ),
        done_with_note: m(
            "Spotkanie zostało zakończone",
            "Spotkanie zostało zakończone. Jest notatka dla rodziców.",
        ),
    },
};

static UK: Texts = Texts {
    greeting: |name| format!("Добрий день, {name}!"),
    child: "Дитина",
    school: "Школа",
    when: "Коли",
    date: |d| format!("{}, {} {} {} р.", weekday_name(Language::Uk, d.weekday()), d.day(), month_name(Language::Uk, d), d.year()),
    comma: ",",
    open: Open {
        choose: "Відкрийте Verzuimwijzer, щоб вибрати час:",
        propose: "Відкрийте Verzuimwijzer, щоб запропонувати час:",
        see: "Відкрийте Verzuimwijzer, щоб переглянути зустріч:",
        why: "Відкрийте Verzuimwijzer, щоб прочитати причину:",
        note: "Відкрийте Verzuimwijzer, щоб прочитати нотатку:",
        answer: "Відкрийте Verzuimwijzer, щоб прочитати запитання:",
    },
    footer_parent: "Це автоматичне повідомлення від Verzuimwijzer. \
        Відповісти на цей лист не можна. \
        Маєте запитання? Зверніться до школи.",
    footer_staff: "Це автоматичне повідомлення від Verzuimwijzer. \
        Відповісти на цей лист не можна. \
        Маєте запитання про Verzuimwijzer? Зверніться до адміністратора вашої школи.",
    absence_question: m(
        "Школа має запитання",
        "Школа має запитання щодо вашої дитини. Ви можете прочитати його і відповісти у Verzuimwijzer.",
    ),
    parent: Side {
        requested: m(
            "Ваш запит на зустріч надіслано",
            "Ви попросили школу про зустріч. Школа отримала ваш запит. \
             Коли школа відповість, ви отримаєте лист.",
        ),
        invited_one: m(
            "Запрошення на зустріч",
            "Школа запрошує вас на зустріч і пропонує час. \
             Цей час вам не підходить? Тоді попросіть інший час.",
        ),
        invited_many: m(
            "Запрошення на зустріч",
            "Школа запрошує вас на зустріч. \
             Виберіть один із варіантів часу, які пропонує школа.",
        ),
        proposed_one: m(
            "Виберіть час для зустрічі",
            "Школа вибрала час для зустрічі. \
             Цей час вам не підходить? Тоді попросіть інший час.",
        ),
        proposed_many: m(
            "Виберіть час для зустрічі",
            "Школа вибрала кілька варіантів часу для зустрічі. \
             Виберіть час, який вам найкраще підходить.",
        ),
        other_times: m(
            "Ви попросили інший час",
            "Ви попросили школу про інший час для зустрічі. \
             Коли школа вибере новий час, ви отримаєте лист.",
        ),
        agreed: m(
            "Час зустрічі узгоджено",
            "Час зустрічі зі школою узгоджено.",
        ),
        cancelled_by_school: m("Зустріч не відбудеться", "Школа скасувала зустріч."),
        cancelled_by_parent: m(
            "Зустріч не відбудеться",
            "Зустріч не відбудеться. Один із батьків її скасував.",
        ),
        done: m("Зустріч завершено", "Школа завершила зустріч."),
        done_with_note: m(
            "Зустріч завершено",
            "Школа завершила зустріч і написала для вас нотатку.",
        ),
    },
    staff: Side {
        requested: m(
            "Батьки просять про зустріч",
            "Один із батьків просить про зустріч зі школою. \
             Будь ласка, запропонуйте кілька варіантів часу.",
        ),
        invited_one: m(
            "Батьків запрошено на зустріч",
            "Школа запросила батьків на зустріч в один час. Тепер батьки можуть відповісти.",
        ),
        invited_many: m(
            "Батьків запрошено на зустріч",
            "Школа запросила батьків на зустріч. Тепер батьки можуть вибрати час.",
        ),
        proposed_one: m(
            "Запропоновано час для зустрічі",
            "Школа запропонувала батькам час. Тепер батьки можуть відповісти.",
        ),
        proposed_many: m(
            "Запропоновано час для зустрічі",
            "Школа запропонувала батькам кілька варіантів часу. \
             Тепер батьки можуть вибрати час.",
        ),
        other_times: m(
            "Батьки просять інший час",
            "Одному з батьків не підходить запропонований час. \
             Будь ласка, запропонуйте інший час.",
        ),
        agreed: m(
            "Зустріч заплановано",
            "Батьки вибрали час. Зустріч заплановано.",
        ),
        cancelled_by_school: m("Зустріч не відбудеться", "Школа скасувала зустріч."),
        cancelled_by_parent: m(
            "Зустріч не відбудеться",
            "Один із батьків скасував зустріч.",
        ),
        done: m("Зустріч завершено", "Зустріч завершено."),
        done_with_note: m(
            "Зустріч завершено",
            "Зустріч завершено. Є нотатка для батьків.",
        ),
    },
};

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;

    const PUBLIC_URL: &str = "https://verzuim.example.nl";

    fn every_kind() -> Vec<NoticeKind> {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let time = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        vec![
            NoticeKind::Requested,
            NoticeKind::Invited { times: 1 },
            NoticeKind::Invited { times: 3 },
            NoticeKind::TimesProposed { times: 1 },
            NoticeKind::TimesProposed { times: 4 },
            NoticeKind::OtherTimesAsked,
            NoticeKind::TimeAgreed {
                day,
                start: time(10, 0),
                end: time(10, 30),
            },
            NoticeKind::Cancelled { by_school: true },
            NoticeKind::Cancelled { by_school: false },
            NoticeKind::Done { note: true },
            NoticeKind::AbsenceQuestion,
            NoticeKind::Done { note: false },
        ]
    }

    fn notice(kind: NoticeKind) -> Notice {
        Notice {
            kind,
            child_first_name: "Noor".into(),
            school_name: "Basisschool De Regenboog".into(),
            parent_path: "/gesprekken/c-1".into(),
            staff_path: "/school/gesprekken/c-1".into(),
        }
    }

    fn recipient(language: Language, audience: Audience) -> Recipient {
        Recipient {
            email: "sanne@example.nl".into(),
            name: "Sanne de Vries".into(),
            language,
            audience,
        }
    }

    /// Every mail there is: (language, audience, kind, mail).
    fn every_mail() -> Vec<(Language, Audience, NoticeKind, OutgoingMail)> {
        let mut all = Vec::new();
        for language in Language::ALL {
            for audience in [Audience::Parent, Audience::Staff] {
                for kind in every_kind() {
                    let mail = render(&recipient(language, audience), &notice(kind), PUBLIC_URL);
                    all.push((language, audience, kind, mail));
                }
            }
        }
        all
    }

    #[test]
    fn every_mail_renders_with_the_link_and_the_child() {
        for (language, audience, kind, mail) in every_mail() {
            let case = format!("{language:?} {audience:?} {kind:?}");
            let link = match audience {
                Audience::Parent => "https://verzuim.example.nl/gesprekken/c-1",
                Audience::Staff => "https://verzuim.example.nl/school/gesprekken/c-1",
            };
            assert_eq!(mail.to_address, "sanne@example.nl", "{case}");
            assert_eq!(mail.to_name, "Sanne de Vries", "{case}");
            assert!(
                mail.subject.ends_with(" – Noor"),
                "{case}: {}",
                mail.subject
            );
            assert!(!mail.subject.contains('\n'), "{case}");
            assert!(
                mail.body.lines().any(|l| l == link),
                "{case}:\n{}",
                mail.body
            );
            assert!(mail.body.contains("Sanne"), "{case}: greets by name");
            assert!(!mail.body.contains("de Vries"), "{case}: first name only");
            assert!(mail.body.contains(": Noor\n"), "{case}");
            assert!(mail.body.contains(": Basisschool De Regenboog\n"), "{case}");
            for text in [&mail.subject, &mail.body] {
                assert!(!text.contains(['{', '}']), "{case}: {text}");
                assert!(!text.contains("  "), "{case}: {text:?}");
            }
            assert!(mail.body.lines().all(|l| l == l.trim_end()), "{case}");
        }
    }

    #[test]
    fn each_language_and_audience_has_its_own_words() {
        let mails = every_mail();
        for (i, (la, aa, ka, a)) in mails.iter().enumerate() {
            for (lb, ab, kb, b) in &mails[i + 1..] {
                if ka == kb && (la != lb || aa != ab) {
                    assert_ne!(a.body, b.body, "{la:?} {aa:?} and {lb:?} {ab:?}: {ka:?}");
                }
            }
        }
    }

    #[test]
    fn an_agreed_time_is_written_in_the_readers_language() {
        let kind = every_kind()[6];
        let when = |language| {
            let mail = render(
                &recipient(language, Audience::Parent),
                &notice(kind),
                PUBLIC_URL,
            );
            mail.body
                .lines()
                .nth(6)
                .unwrap_or_else(|| panic!("a time line in:\n{}", mail.body))
                .to_owned()
        };
        assert_eq!(
            when(Language::Nl),
            "Wanneer: dinsdag 1 december 2026, 10:00–10:30"
        );
        assert_eq!(
            when(Language::En),
            "When: Tuesday 1 December 2026, 10:00–10:30"
        );
        assert_eq!(when(Language::Tr), "Zaman: 1 Aralık 2026 Salı, 10:00–10:30");
        assert_eq!(
            when(Language::Pl),
            "Termin: wtorek, 1 grudnia 2026, 10:00–10:30"
        );
        assert_eq!(
            when(Language::Uk),
            "Коли: вівторок, 1 грудня 2026 р., 10:00–10:30"
        );
        assert_eq!(
            when(Language::Ar),
            "الموعد: الثلاثاء 1 ديسمبر 2026، 10:00–10:30"
        );
    }

    #[test]
    fn a_dutch_mail_reads_like_this() {
        let mail = render(
            &recipient(Language::Nl, Audience::Parent),
            &notice(NoticeKind::Invited { times: 3 }),
            PUBLIC_URL,
        );
        assert_eq!(mail.subject, "Uitnodiging voor een gesprek – Noor");
        assert_eq!(
            mail.body,
            "Beste Sanne,\n\
             \n\
             De school nodigt u uit voor een gesprek. \
             Kies een van de tijden die de school voorstelt.\n\
             \n\
             Kind: Noor\n\
             School: Basisschool De Regenboog\n\
             \n\
             Open Verzuimwijzer om een tijd te kiezen:\n\
             https://verzuim.example.nl/gesprekken/c-1\n\
             \n\
             Dit is een automatisch bericht van Verzuimwijzer. \
             U kunt niet op deze mail antwoorden. \
             Heeft u een vraag? Neem dan contact op met de school."
        );
    }

    #[test]
    fn dutch_sentences_are_short() {
        for (language, audience, kind, mail) in every_mail() {
            if language != Language::Nl {
                continue;
            }
            for sentence in mail.body.split(['.', '?', '!', ':', '\n']) {
                let words = sentence.split_whitespace().count();
                assert!(
                    words <= 20,
                    "{audience:?} {kind:?}: {words} words in {sentence:?}"
                );
            }
        }
    }

    #[test]
    fn names_stay_on_one_line() {
        let mut notice = notice(NoticeKind::Requested);
        notice.child_first_name = "Noor\r\nBcc: x@example.nl".into();
        let mail = render(
            &recipient(Language::Nl, Audience::Staff),
            &notice,
            PUBLIC_URL,
        );
        assert_eq!(
            mail.subject,
            "Een ouder vraagt om een gesprek – Noor Bcc: x@example.nl"
        );
        assert!(mail.body.contains("\nKind: Noor Bcc: x@example.nl\n"));
    }

    #[test]
    fn a_path_without_a_slash_still_makes_a_link() {
        assert_eq!(
            link(PUBLIC_URL, "gesprekken/1"),
            "https://verzuim.example.nl/gesprekken/1"
        );
        assert_eq!(
            link(PUBLIC_URL, "/gesprekken/1"),
            "https://verzuim.example.nl/gesprekken/1"
        );
    }
}
