//! The default protocols' texts in English, as plain as the Dutch.

use chrono::NaiveTime;

use super::super::text::number;
use super::{clock_colon, texts, Count, Illness, Words};
use crate::protocol::{SchoolKind, StepTexts};

pub(super) struct En;

const ATTENDANCE_OFFICER: &str = "The attendance officer (leerplichtambtenaar) works for the \
    municipality, not for the school. Every child has a right to education. The attendance \
    officer makes sure that children get it. Most of the time it is about help: listening, \
    making agreements together and finding support. Only if agreements keep failing can a \
    penalty follow. That is always the last step.";

const ILLNESS_STAYS_AT_SCHOOL: &str =
    "The school never tells the attendance officer whether your child was ill.";

const REPORTING_IS_FINE: &str = "The school wants to know that all children are safe. That is \
    why every school keeps track of who is absent. Being ill is a good reason to stay at home. \
    So is an appointment with the doctor.";

fn when(kind: SchoolKind, illness: Illness) -> String {
    match illness.count(kind) {
        Count::Reports { reports, weeks } => {
            format!("After {reports} sick reports within {weeks} school weeks")
        }
        Count::DaysInRow { days } => format!("After {days} school days ill in a row"),
    }
}

impl Words for En {
    fn report_received(&self, kind: SchoolKind) -> StepTexts {
        match kind {
            SchoolKind::Po => texts(
                "The school knows your child is absent",
                "The teacher sees your report and writes down that your child is absent.",
                "You have reported your child absent. The teacher sees your report. The teacher \
                 writes down that your child is absent, and why. You do not need to do anything \
                 else now.",
                REPORTING_IS_FINE,
                "Is your child better again? Then report it in the app. Then the teacher knows \
                 that your child is coming back. Do you have a question? Contact the teacher.",
                "Your child's teacher.",
            ),
            SchoolKind::Vo => texts(
                "The school knows your child is absent",
                "The attendance desk (verzuimbalie) puts your report in the system, and the \
                 mentor sees it too.",
                "You have reported your child absent. The attendance desk (verzuimbalie) puts \
                 your report in the system. This way the teachers and the mentor know that your \
                 child is absent. You do not need to do anything else now.",
                REPORTING_IS_FINE,
                "Is your child better again? Then report it in the app. Do you have a question \
                 about lessons or tests? Contact the mentor.",
                "The attendance desk (verzuimbalie) and the mentor.",
            ),
        }
    }

    fn no_report(&self, kind: SchoolKind, at: NaiveTime) -> StepTexts {
        let at = clock_colon(at);
        texts(
            "No report? Then the school contacts you",
            format!(
                "If your child is not at school at {at} and not reported absent, the school \
                 calls you."
            ),
            "Sometimes a child is not there, and the school does not know why. Then the school \
             calls you the same morning. Does nobody answer? Then the school writes down for \
             now that your child is absent without a message. Was there a good reason? Then the \
             school changes it.",
            "The school wants to be sure that your child is safe. Maybe something happened on \
             the way.",
            format!(
                "Report your child absent before {at}. Then the school does not need to call you. \
                 Make sure the school has your correct phone number."
            ),
            match kind {
                SchoolKind::Po => "The teacher or the school office.",
                SchoolKind::Vo => "The attendance desk (verzuimbalie).",
            },
        )
    }

    fn teacher_asks_how_it_goes(&self) -> StepTexts {
        texts(
            "The teacher asks how things are going",
            "If your child is ill for a few days, the teacher asks how things are going within \
             about 5 school days.",
            "Is your child at home for a few days? Then the teacher calls or emails you within \
             about 5 school days. The teacher asks how your child is doing. You do not have to \
             say what illness your child has.",
            "The teacher misses your child and wants to stay in touch. This way the teacher can \
             also help with schoolwork when your child feels better.",
            "Tell how things are going, if you want to. Feel free to ask if there is work your \
             child can do at home. Let the teacher know when your child is coming back.",
            "The teacher.",
        )
    }

    fn mentor_keeps_in_touch(&self) -> StepTexts {
        texts(
            "The mentor stays in touch",
            "If your child is ill, the mentor contacts your child or you.",
            "The mentor sees the sick report. Is your child away for a few days? Then the mentor \
             calls or emails your child or you. The mentor asks how things are going. Together \
             you look at missed work and tests. You do not have to say what illness your child \
             has.",
            "The mentor is your child's regular contact person at school. Staying in touch helps \
             your child to join in again later.",
            "Let the mentor know how things are going, if you want to. Ask about missed work and \
             about tests your child can take later.",
            "The mentor, your child and you.",
        )
    }

    fn illness_conversation(&self, kind: SchoolKind, illness: Illness) -> StepTexts {
        let title = match illness {
            Illness::Often => "A meeting because your child is often ill",
            Illness::Long => "A meeting because your child is ill for a long time",
        };
        let when = when(kind, illness);
        let why = match illness {
            Illness::Often => {
                "Being ill is allowed, and this meeting is not a punishment. A child who is often \
                 ill misses many lessons. Sometimes there is something behind it that the school \
                 can help with."
            }
            Illness::Long => {
                "Being ill is allowed, and this meeting is not a punishment. A child who is ill \
                 for a long time misses many lessons. The school wants to help, so that your \
                 child can keep up."
            }
        };
        let what_you_can_do = "Tell what you see and what you need. You do not have to say what \
            illness your child has exactly. Is the time not good for you? Then ask for another \
            day.";
        match kind {
            SchoolKind::Po => texts(
                title,
                format!("{when}, the school invites you to a meeting."),
                "The teacher and the pupil support coordinator (intern begeleider, IB) invite \
                 you. They ask how your child is doing, at home and at school. Together you look \
                 at what your child needs. Your child is very welcome at the meeting. If you \
                 agree, the school doctor (jeugdarts) also gives advice.",
                why,
                what_you_can_do,
                "The teacher, the pupil support coordinator (intern begeleider, IB), you and your \
                 child. If you agree, also the school doctor (jeugdarts) of the GGD, the public \
                 health service.",
            ),
            SchoolKind::Vo => texts(
                title,
                format!("{when}, the mentor invites your child and you to a meeting."),
                "The mentor or the care coordinator (zorgcoördinator) invites your child and you. \
                 They ask how things are going, with health and at school. Together you look at \
                 what your child needs. Your child is very welcome at the meeting, and so are \
                 you. After that, the school asks the school doctor (jeugdarts) for advice.",
                why,
                what_you_can_do,
                "The mentor or the care coordinator (zorgcoördinator), your child and you.",
            ),
        }
    }

    fn school_doctor(&self, kind: SchoolKind, illness: Illness) -> StepTexts {
        let when = when(kind, illness);
        match kind {
            SchoolKind::Po => texts(
                "The school doctor (jeugdarts) gives advice, if you agree",
                format!("{when}, the school doctor can give advice, if you agree."),
                "The school doctor works for the GGD, the public health service, not for the \
                 school. The school first asks if you agree. Then the school doctor invites you \
                 and your child. Your child is very welcome. The school doctor looks at how your \
                 child is doing and what can help.",
                "The school doctor knows a lot about children and health. Sometimes advice helps, \
                 a change at school or help from outside. It is about care, not about control.",
                "You decide yourself if you take part. You can talk freely with the school \
                 doctor. The school doctor must keep what you say secret. What you tell stays \
                 with the school doctor. The school only hears the advice you agree on together, \
                 never what illness your child has.",
                "The school doctor (jeugdarts) of the GGD, you and your child.",
            ),
            SchoolKind::Vo => texts(
                "A meeting with the school doctor (jeugdarts)",
                format!("{when}, the school asks the school doctor to invite your child."),
                "The school doctor works for the GGD, the public health service, not for the \
                 school. The school asks the school doctor for advice. You usually get an \
                 invitation within 2 weeks. Your child is very welcome, and so are you. The \
                 school doctor looks at how things are going and what can help.",
                "The school doctor knows a lot about young people and health. Sometimes advice \
                 helps, a change at school or help from outside. It is about care, not about \
                 control.",
                "Go to the meeting together with your child. The school doctor must keep what you \
                 say secret. The school never hears what illness your child has, only advice. Is \
                 your child between 12 and 16 years old? Then you and your child decide together \
                 what the school hears. From 16, your child decides this alone. You may choose \
                 yourself if you take part. But if nobody comes and the school hears nothing? \
                 Then the school may ask the attendance officer (leerplichtambtenaar) to help. Is \
                 the time not good for you? Then tell the school doctor.",
                "The school doctor (jeugdarts) of the GGD, your child and you.",
            ),
        }
    }

    fn late_teacher(&self, count: u32) -> StepTexts {
        texts(
            "Late more often: the teacher talks with you",
            format!("After {count} times late in this school year, the teacher talks with you."),
            "The teacher asks if you have some time for a talk. Together you find out how the \
             morning can be easier. Your child is welcome at the talk.",
            "A child who comes late misses the start of the day. Then the teacher has already \
             explained the work. That makes it hard to join in.",
            "Tell what is hard in the morning. Maybe the school can think along or help.",
            "The teacher, you and your child.",
        )
    }

    fn late_director(&self, count: u32) -> StepTexts {
        texts(
            "Often late: a meeting with the head teacher",
            format!(
                "After {count} times late in this school year, the head teacher invites you to a \
                 meeting."
            ),
            "The head teacher invites you to a meeting. Together you make agreements, so that \
             your child can come on time. Your child is welcome at the meeting.",
            "Often coming late costs a lot of lesson time. The school wants to solve this \
             together with you, before it becomes a bigger problem.",
            "Talk about what is needed. Are mornings at home difficult? Then feel free to ask for \
             help.",
            "The head teacher, you and your child. Sometimes the teacher too.",
        )
    }

    fn late_letter(&self, count: u32) -> StepTexts {
        texts(
            "Late more often: a letter and a meeting",
            format!(
                "After {count} times late in this school year, you get a letter and your child \
                 has a meeting with the mentor."
            ),
            "You get a letter from the school. The mentor talks with your child about coming on \
             time. You are welcome at that meeting too. Together you make agreements.",
            "A child who comes late misses the start of the lesson. That is hard for your child \
             and disturbs the class.",
            "Talk at home about the morning: what time to get up, what time to leave. Is \
             something making it hard? Tell the mentor.",
            "The mentor, your child and you.",
        )
    }

    fn late_leerplicht(&self, count: u32) -> StepTexts {
        texts(
            "Very often late: the attendance officer (leerplichtambtenaar) is told",
            format!(
                "After {count} times late in this school year, you get a letter, and the \
                 attendance officer is told."
            ),
            "You get a letter from the school. The school tells the attendance officer how \
             often your child was late. The attendance officer often invites you and your child \
             to a meeting. Your child is very welcome.",
            ATTENDANCE_OFFICER,
            format!(
                "Go to the meeting and tell what is going on. Then the attendance officer can \
                 think along with you. {ILLNESS_STAYS_AT_SCHOOL}"
            ),
            "The school, the attendance officer (leerplichtambtenaar) of your municipality, you \
             and your child.",
        )
    }

    fn lessons_missed(&self, hours: f32, weeks: u32) -> StepTexts {
        let hours = number(hours).replace(',', ".");
        texts(
            "Lessons missed without permission: report to the attendance officer \
             (leerplichtambtenaar)",
            format!(
                "If your child misses {hours} hours of lessons without permission within {weeks} \
                 school weeks, the school must report it."
            ),
            format!(
                "Sometimes a child is away without a good reason. Then the school counts the \
                 missed hours. At {hours} hours within {weeks} school weeks, the school reports \
                 this to DUO, a government office. DUO passes it on to the attendance officer of \
                 your municipality. The attendance officer usually invites you and your child to \
                 a meeting. Your child is very welcome."
            ),
            format!(
                "This is in the Compulsory Education Act (Leerplichtwet). The school cannot \
                 choose this itself. Being ill never counts here. {ATTENDANCE_OFFICER}"
            ),
            format!(
                "Was there a good reason after all? Tell the school as soon as possible. Is \
                 something going on at home or at school? Talk about it with the school first. In \
                 the meeting with the attendance officer you can tell everything. \
                 {ILLNESS_STAYS_AT_SCHOOL}"
            ),
            "The school, DUO and the attendance officer (leerplichtambtenaar) of your \
             municipality, you and your child.",
        )
    }
}
