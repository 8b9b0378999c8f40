//! The default protocols' texts in Turkish ("siz"), as plain as the Dutch.

use chrono::NaiveTime;

use super::super::text::number;
use super::{clock_colon, texts, Count, Illness, Words};
use crate::protocol::{SchoolKind, StepTexts};

pub(super) struct Tr;

const ATTENDANCE_OFFICER: &str = "Zorunlu eğitim memuru (leerplichtambtenaar) okul için değil, \
    belediye için çalışır. Her çocuğun eğitim hakkı vardır. Zorunlu eğitim memuru, çocukların bu \
    eğitimi almasına dikkat eder. Çoğu zaman amaç yardım etmektir: dinlemek, birlikte anlaşmalar \
    yapmak ve destek bulmak. Ancak anlaşmalar hep tutmazsa bir ceza gelebilir. Bu her zaman son \
    adımdır.";

const ILLNESS_STAYS_AT_SCHOOL: &str =
    "Okul, çocuğunuzun hasta olup olmadığını zorunlu eğitim memuruna asla söylemez.";

const REPORTING_IS_FINE: &str = "Okul, bütün çocukların güvende olduğunu bilmek ister. Bu yüzden \
    her okul kimin gelmediğini kaydeder. Hasta olmak evde kalmak için iyi bir nedendir. Doktor \
    randevusu da öyle.";

fn when(kind: SchoolKind, illness: Illness) -> String {
    match illness.count(kind) {
        Count::Reports { reports, weeks } => {
            format!("{weeks} okul haftası içinde {reports} hastalık bildiriminden sonra")
        }
        Count::DaysInRow { days } => format!("Art arda {days} okul günü hastalıktan sonra"),
    }
}

impl Words for Tr {
    fn report_received(&self, kind: SchoolKind) -> StepTexts {
        match kind {
            SchoolKind::Po => texts(
                "Okul, çocuğunuzun gelmediğini biliyor",
                "Öğretmen bildiriminizi görür ve çocuğunuzun gelmediğini not eder.",
                "Çocuğunuzun gelmeyeceğini bildirdiniz. Öğretmen bildiriminizi görür. Öğretmen \
                 çocuğunuzun gelmediğini ve nedenini not eder. Şimdi başka bir şey yapmanız \
                 gerekmez.",
                REPORTING_IS_FINE,
                "Çocuğunuz iyileşti mi? O zaman bunu uygulamada bildirin. Böylece öğretmen \
                 çocuğunuzun tekrar geleceğini bilir. Bir sorunuz mu var? Öğretmenle iletişime \
                 geçin.",
                "Çocuğunuzun öğretmeni.",
            ),
            SchoolKind::Vo => texts(
                "Okul, çocuğunuzun gelmediğini biliyor",
                "Devamsızlık masası (verzuimbalie) bildiriminizi sisteme girer, mentor da \
                 bunu görür.",
                "Çocuğunuzun gelmeyeceğini bildirdiniz. Devamsızlık masası (verzuimbalie) \
                 bildiriminizi sisteme girer. Böylece öğretmenler ve mentor çocuğunuzun \
                 gelmediğini bilir. Şimdi başka bir şey yapmanız gerekmez.",
                REPORTING_IS_FINE,
                "Çocuğunuz iyileşti mi? O zaman bunu uygulamada bildirin. Dersler veya sınavlar \
                 hakkında bir sorunuz mu var? Mentorla iletişime geçin.",
                "Devamsızlık masası (verzuimbalie) ve mentor.",
            ),
        }
    }

    fn no_report(&self, kind: SchoolKind, at: NaiveTime) -> StepTexts {
        let at = clock_colon(at);
        texts(
            "Bildirim yok mu? O zaman okul sizi arar",
            format!(
                "Çocuğunuz saat {at}'da okulda değilse ve bildirim yapılmadıysa, okul sizi arar."
            ),
            "Bazen bir çocuk okula gelmez ve okul nedenini bilmez. O zaman okul sizi aynı sabah \
             arar. Kimse cevap vermezse, okul şimdilik çocuğunuzun haber vermeden gelmediğini \
             yazar. İyi bir neden var mıydı? O zaman okul bunu düzeltir.",
            "Okul, çocuğunuzun güvende olduğundan emin olmak ister. Belki yolda bir şey oldu.",
            format!(
                "Çocuğunuzun gelmeyeceğini saat {at}'dan önce bildirin. O zaman okulun sizi \
                 araması gerekmez. Okulda doğru telefon numaranızın olduğundan emin olun."
            ),
            match kind {
                SchoolKind::Po => "Öğretmen veya okulun idaresi.",
                SchoolKind::Vo => "Devamsızlık masası (verzuimbalie).",
            },
        )
    }

    fn teacher_asks_how_it_goes(&self) -> StepTexts {
        texts(
            "Öğretmen nasıl olduğunu sorar",
            "Çocuğunuz birkaç gün hastaysa, öğretmen yaklaşık 5 okul günü içinde nasıl olduğunu \
             sorar.",
            "Çocuğunuz birkaç gün evde mi kalıyor? O zaman öğretmen yaklaşık 5 okul günü içinde \
             sizi arar veya size e-posta gönderir. Öğretmen çocuğunuzun nasıl olduğunu sorar. \
             Çocuğunuzun hastalığını söylemek zorunda değilsiniz.",
            "Öğretmen çocuğunuzu özler ve iletişimde kalmak ister. Böylece çocuğunuz kendini \
             daha iyi hissettiğinde öğretmen okul işlerinde de yardım edebilir.",
            "İsterseniz nasıl olduğunu anlatın. Çocuğunuzun evde yapabileceği ödev olup \
             olmadığını rahatça sorun. Çocuğunuzun ne zaman geleceğini bildirin.",
            "Öğretmen.",
        )
    }

    fn mentor_keeps_in_touch(&self) -> StepTexts {
        texts(
            "Mentor iletişimde kalır",
            "Çocuğunuz hastaysa, mentor çocuğunuzla veya sizinle iletişime geçer.",
            "Mentor hastalık bildirimini görür. Çocuğunuz birkaç gün okulda değil mi? O zaman \
             mentor çocuğunuzu veya sizi arar ya da e-posta gönderir. Mentor nasıl olduğunu \
             sorar. Kaçırılan derslere ve sınavlara birlikte bakarsınız. Çocuğunuzun \
             hastalığını söylemek zorunda değilsiniz.",
            "Mentor, okulda çocuğunuzun sabit kişisidir. İletişimde kalmak, çocuğunuzun sonra \
             tekrar derslere katılmasına yardım eder.",
            "İsterseniz nasıl olduğunu bildirin. Kaçırılan dersleri ve çocuğunuzun sonra \
             girebileceği sınavları sorun.",
            "Mentor, çocuğunuz ve siz.",
        )
    }

    fn illness_conversation(&self, kind: SchoolKind, illness: Illness) -> StepTexts {
        let title = match illness {
            Illness::Often => "Çocuğunuz sık hasta olduğu için bir görüşme",
            Illness::Long => "Çocuğunuz uzun süre hasta olduğu için bir görüşme",
        };
        let when = when(kind, illness);
        let why = match illness {
            Illness::Often => {
                "Hasta olmak serbesttir ve bu görüşme bir ceza değildir. Sık hasta olan bir çocuk \
                 çok ders kaçırır. Bazen arkasında okulun yardım edebileceği bir şey vardır."
            }
            Illness::Long => {
                "Hasta olmak serbesttir ve bu görüşme bir ceza değildir. Uzun süre hasta olan bir \
                 çocuk çok ders kaçırır. Okul yardım etmek ister, böylece çocuğunuz derslere \
                 yetişebilir."
            }
        };
        let what_you_can_do = "Ne gördüğünüzü ve neye ihtiyacınız olduğunu anlatın. Çocuğunuzun \
            tam olarak ne hastalığı olduğunu söylemek zorunda değilsiniz. Zaman size uymuyor mu? \
            O zaman başka bir gün isteyin.";
        match kind {
            SchoolKind::Po => texts(
                title,
                format!("{when} okul sizi bir görüşmeye davet eder."),
                "Öğretmen ve öğrenci destek sorumlusu (intern begeleider, IB) sizi davet eder. \
                 Çocuğunuzun evde ve okulda nasıl olduğunu sorarlar. Çocuğunuzun neye ihtiyacı \
                 olduğuna birlikte bakarsınız. Çocuğunuz da görüşmeye davetlidir. \
                 Siz de isterseniz okul doktoru (jeugdarts) da fikir verir.",
                why,
                what_you_can_do,
                "Öğretmen, öğrenci destek sorumlusu (intern begeleider, IB), siz ve çocuğunuz. \
                 Siz isterseniz, GGD'nin (halk sağlığı kurumu) okul doktoru (jeugdarts) da.",
            ),
            SchoolKind::Vo => texts(
                title,
                format!("{when} mentor çocuğunuzu ve sizi bir görüşmeye davet eder."),
                "Mentor veya bakım koordinatörü (zorgcoördinator) çocuğunuzu ve sizi davet eder. \
                 Sağlığın ve okulun nasıl gittiğini sorarlar. Çocuğunuzun neye ihtiyacı olduğuna \
                 birlikte bakarsınız. Çocuğunuz görüşmeye davetlidir, siz de. Sonra okul, okul \
                 doktorundan (jeugdarts) fikir ister.",
                why,
                what_you_can_do,
                "Mentor veya bakım koordinatörü (zorgcoördinator), çocuğunuz ve siz.",
            ),
        }
    }

    fn school_doctor(&self, kind: SchoolKind, illness: Illness) -> StepTexts {
        let when = when(kind, illness);
        match kind {
            SchoolKind::Po => texts(
                "Siz isterseniz okul doktoru (jeugdarts) fikir verir",
                format!("{when} siz isterseniz okul doktoru fikir verebilir."),
                "Okul doktoru okulda değil, GGD'de (halk sağlığı kurumu) çalışır. Okul önce size \
                 izin verip vermediğinizi sorar. Sonra okul doktoru sizi ve çocuğunuzu davet \
                 eder. Çocuğunuz da davetlidir. Okul doktoru çocuğunuzun nasıl olduğuna ve neyin \
                 yardım edebileceğine bakar.",
                "Okul doktoru çocuklar ve sağlık hakkında çok şey bilir. Bazen bir tavsiye, okulda \
                 bir değişiklik veya dışarıdan yardım iyi gelir. Amaç kontrol değil, bakımdır.",
                "Katılıp katılmayacağınıza siz karar verirsiniz. Okul doktoruyla rahatça \
                 konuşabilirsiniz. Okul doktoru sır tutmak zorundadır. Anlattıklarınız okul \
                 doktorunda kalır. Okul sadece birlikte kararlaştırdığınız tavsiyeyi duyar, \
                 çocuğunuzun hastalığını asla duymaz.",
                "GGD'nin okul doktoru (jeugdarts), siz ve çocuğunuz.",
            ),
            SchoolKind::Vo => texts(
                "Okul doktoruyla (jeugdarts) bir görüşme",
                format!("{when} okul, okul doktorundan çocuğunuzu davet etmesini ister."),
                "Okul doktoru okulda değil, GGD'de (halk sağlığı kurumu) çalışır. Okul, okul \
                 doktorundan tavsiye ister. Genellikle 2 hafta içinde bir davet alırsınız. \
                 Çocuğunuz davetlidir, siz de. Okul doktoru işlerin nasıl gittiğine ve neyin \
                 yardım edebileceğine bakar.",
                "Okul doktoru gençler ve sağlık hakkında çok şey bilir. Bazen bir tavsiye, okulda \
                 bir değişiklik veya dışarıdan yardım iyi gelir. Amaç kontrol değil, bakımdır.",
                "Görüşmeye çocuğunuzla birlikte gidin. Okul doktoru sır tutmak zorundadır. Okul, \
                 çocuğunuzun hastalığını asla duymaz, sadece bir tavsiye duyar. Çocuğunuz 12 ile \
                 16 yaş arasında mı? O zaman okulun ne duyacağına çocuğunuzla birlikte karar \
                 verirsiniz. 16 yaşından itibaren buna çocuğunuz kendisi karar verir. Katılıp \
                 katılmamayı siz seçebilirsiniz. Ama kimse gelmezse ve okul hiçbir şey duymazsa? \
                 O zaman okul, zorunlu eğitim memurundan (leerplichtambtenaar) yardım isteyebilir. \
                 Randevu size uymuyor mu? O zaman bunu okul doktoruna bildirin.",
                "GGD'nin okul doktoru (jeugdarts), çocuğunuz ve siz.",
            ),
        }
    }

    fn late_teacher(&self, count: u32) -> StepTexts {
        texts(
            "Daha sık geç kalma: öğretmen sizinle konuşur",
            format!("Bu okul yılında {count} kez geç kalınca öğretmen sizinle konuşur."),
            "Öğretmen, bir görüşme için biraz vaktiniz olup olmadığını sorar. Sabahın nasıl \
             daha kolay olabileceğini birlikte bulursunuz. Çocuğunuz da görüşmeye davetlidir.",
            "Geç gelen çocuk günün başlangıcını kaçırır. O zaman açıklama zaten yapılmıştır. Bu \
             da derse katılmayı zorlaştırır.",
            "Sabahları neyin zor olduğunu anlatın. Belki okul fikir verebilir veya yardım \
             edebilir.",
            "Öğretmen, siz ve çocuğunuz.",
        )
    }

    fn late_director(&self, count: u32) -> StepTexts {
        texts(
            "Sık geç kalma: okul müdürüyle bir görüşme",
            format!(
                "Bu okul yılında {count} kez geç kalınca okul müdürü sizi bir görüşmeye davet \
                 eder."
            ),
            "Okul müdürü sizi bir görüşmeye davet eder. Çocuğunuzun zamanında gelebilmesi için \
             birlikte anlaşmalar yaparsınız. Çocuğunuz da görüşmeye davetlidir.",
            "Sık geç kalmak çok ders zamanı kaybettirir. Okul, bu daha büyük bir sorun olmadan \
             önce sizinle birlikte çözmek ister.",
            "Neye ihtiyaç olduğunu konuşun. Evde sabahlar zor mu? O zaman rahatça yardım isteyin.",
            "Okul müdürü, siz ve çocuğunuz. Bazen öğretmen de.",
        )
    }

    fn late_letter(&self, count: u32) -> StepTexts {
        texts(
            "Daha sık geç kalma: bir mektup ve bir görüşme",
            format!(
                "Bu okul yılında {count} kez geç kalınca bir mektup gelir ve mentorla bir \
                 görüşme olur."
            ),
            "Okuldan bir mektup alırsınız. Mentor çocuğunuzla zamanında gelmek hakkında konuşur. \
             Siz de bu görüşmeye davetlisiniz. Birlikte anlaşmalar yaparsınız.",
            "Geç gelen çocuk dersin başlangıcını kaçırır. Bu çocuğunuz için zordur ve sınıfı \
             rahatsız eder.",
            "Evde sabahı konuşun: saat kaçta kalkmak, saat kaçta çıkmak. Bir şey işleri \
             zorlaştırıyor mu? Bunu mentora söyleyin.",
            "Mentor, çocuğunuz ve siz.",
        )
    }

    fn late_leerplicht(&self, count: u32) -> StepTexts {
        texts(
            "Çok sık geç kalma: zorunlu eğitim memuru (leerplichtambtenaar) haberdar edilir",
            format!(
                "Bu okul yılında {count} kez geç kalınca bir mektup alırsınız ve okul zorunlu \
                 eğitim memuruna haber verir."
            ),
            "Okuldan bir mektup alırsınız. Okul, çocuğunuzun ne kadar sık geç kaldığını zorunlu \
             eğitim memuruna söyler. Zorunlu eğitim memuru sizi ve çocuğunuzu çoğu zaman bir \
             görüşmeye davet eder. Çocuğunuz da davetlidir.",
            ATTENDANCE_OFFICER,
            format!(
                "Görüşmeye gidin ve neler olduğunu anlatın. Böylece zorunlu eğitim memuru size \
                 fikir verebilir. {ILLNESS_STAYS_AT_SCHOOL}"
            ),
            "Okul, belediyenizin zorunlu eğitim memuru (leerplichtambtenaar), siz ve çocuğunuz.",
        )
    }

    fn lessons_missed(&self, hours: f32, weeks: u32) -> StepTexts {
        let hours = number(hours);
        texts(
            "İzinsiz kaçırılan dersler: zorunlu eğitim memuruna (leerplichtambtenaar) bildirim",
            format!(
                "Çocuğunuz {weeks} ders haftası içinde izinsiz {hours} saat ders kaçırırsa, okul \
                 bunu bildirmek zorundadır."
            ),
            format!(
                "Bazen bir çocuk iyi bir neden olmadan okula gelmez. O zaman okul kaçırılan \
                 saatleri sayar. {weeks} ders haftası içinde {hours} saat olunca okul bunu DUO'ya \
                 (devlet eğitim kurumu) bildirir. DUO bunu belediyenizin zorunlu eğitim memuruna \
                 iletir. Zorunlu eğitim memuru sizi ve çocuğunuzu genellikle bir görüşmeye davet \
                 eder. Çocuğunuz da davetlidir."
            ),
            format!(
                "Bu, Zorunlu Eğitim Kanunu'nda (Leerplichtwet) yazılıdır. Okul bunu kendisi \
                 seçemez. Hasta olmak burada asla sayılmaz. {ATTENDANCE_OFFICER}"
            ),
            format!(
                "Aslında iyi bir neden var mıydı? Bunu okula en kısa sürede söyleyin. Evde veya \
                 okulda bir sorun mu var? Önce okulla bunun hakkında konuşun. Zorunlu eğitim \
                 memuruyla görüşmede her şeyi anlatabilirsiniz. {ILLNESS_STAYS_AT_SCHOOL}"
            ),
            "Okul, DUO ve belediyenizin zorunlu eğitim memuru (leerplichtambtenaar), siz ve \
             çocuğunuz.",
        )
    }
}
