//! Eastern Armenian (reformed orthography). NEEDS REVIEW by a native speaker:
//! written by a non-native.
//!
//! Terms follow threadline-policy's messages.rs: «հրապարակել», «քննարկման
//! կանոններ», «մոդերատոր», «այնուամենայնիվ». Punctuation is Armenian: `։`
//! (U+0589) ends a sentence, `․` (U+2024) stands where English has a colon, as
//! in messages.rs, `՝` (U+055D) marks apposition, `՞` sits on the stressed
//! vowel of a question and `՛` on an emphasised imperative.
//!
//! Author names never take a case ending: a Latin name would need a hyphen
//! ("Ani-ի") and an Armenian one none ("Անիի"), which a template cannot know.
//! So names stand in apposition («հեղինակ՝ {name}»).

use crate::{Forms, Key, Noun};
use alloc::format;
use alloc::string::String;

pub(crate) fn text(key: Key) -> &'static str {
    match key {
        Key::Comments => "Մեկնաբանություններ",
        Key::LoadingComments => "Մեկնաբանությունները բեռնվում են…",
        Key::LoadingRest => "Մնացած մեկնաբանությունները բեռնվում են…",
        Key::RestNotLoaded => {
            "Որոշ մեկնաբանություններ չհաջողվեց բեռնել. {reason}։ Թարմացրեք էջը՝ կրկին փորձելու համար։"
        }
        Key::TryAgain => "Կրկին փորձել",
        Key::ContinueThread => "Տեսնել այս ճյուղի շարունակությունը",
        Key::BackToThread => "Վերադառնալ ամբողջ քննարկմանը",
        Key::SortBy => "Դասավորում",
        Key::SortRepliesBy => "Պատասխանների դասավորում",
        Key::Oldest => "Սկզբում՝ հները",
        Key::Newest => "Սկզբում՝ նորերը",
        Key::MostLiked => "Սկզբում՝ ամենահավանվածները",
        Key::New => "Նոր",

        Key::Reply => "Պատասխանել",
        Key::Edit => "Խմբագրել",
        Key::Delete => "Ջնջել",
        Key::DeleteConfirm => "Ջնջե՞լ այս մեկնաբանությունը",
        Key::ReportConfirm => "Բողոքե՞լ մոդերատորներին այս մեկնաբանության մասին",
        Key::Save => "Պահպանել",
        Key::Cancel => "Չեղարկել",
        Key::CommentPosted => "Ձեր մեկնաբանությունը հրապարակված է։",
        Key::ChangesSaved => "Փոփոխությունները պահպանված են։",
        Key::Like => "Հավանել",
        Key::Deleted => "Այս մեկնաբանությունը ջնջվել է։",
        Key::DeletedName => "[ջնջված]",
        Key::Edited => "խմբագրված",
        Key::LinkToComment => "Հղում այս մեկնաբանությանը",
        Key::LinkCopied => "Հղումը պատճենվեց",
        Key::Close => "Փակել",
        Key::ReplyTo => "ի պատասխան՝ {name}",
        Key::Collapse => "Ծալել մեկնաբանությունը (հեղինակ՝ {name})",
        Key::CollapseWithReplies => "Ծալել մեկնաբանությունը (հեղինակ՝ {name}) և {replies}",
        Key::Expand => "Բացել մեկնաբանությունը (հեղինակ՝ {name})",
        Key::ExpandWithReplies => "Բացել մեկնաբանությունը (հեղինակ՝ {name}) և {replies}",

        Key::WriteComment => "Գրել մեկնաբանություն",
        Key::Name => "Անուն",
        Key::YourName => "Ձեր անունը",
        Key::YourComment => "Ձեր մեկնաբանությունը",
        Key::YourReply => "Ձեր պատասխանը",
        Key::Write => "Գրել",
        Key::Preview => "Նախադիտում",
        Key::Post => "Հրապարակել",
        Key::PostComment => "Հրապարակել մեկնաբանությունը",
        Key::PostReply => "Հրապարակել պատասխանը",
        Key::HintPost => "Ctrl+Enter՝ հրապարակել",
        Key::HintPostOrClose => "Ctrl+Enter՝ հրապարակել, Esc՝ փակել",
        Key::DraftNotSaved => "Սևագիրը չպահպանվեց այս դիտարկիչում․ {reason}",
        Key::PolicyLoading => "Ստուգում ենք քննարկման կանոնների համաձայն…",
        Key::PolicyUnavailable => {
            "Քննարկման կանոնների ստուգումը չբեռնվեց ({reason}), կայքը կստուգի մեկնաբանությունը ուղարկելիս։"
        }

        Key::FindingBlock => "Չի կարող հրապարակվել․",
        Key::FindingNudge => "Խնդրում ենք ստուգել․",
        Key::FindingHold => "Կդիտարկվի մոդերատորի կողմից․",
        Key::Quote => "«{text}»",
        Key::HoldNotice => "Ձեր մեկնաբանությունը կհրապարակվի, երբ մոդերատորը դիտարկի այն։",
        Key::BlockedSubmit => "Մեկնաբանությունն այս տեսքով չի կարող հրապարակվել․ փոխեք նշված հատվածը։",
        Key::NudgeTitle => "Հրապարակե՞լ այնուամենայնիվ",
        Key::NudgeQuestion => {
            "Վստա՞հ եք։ Սա կարող է հակասել քննարկման կանոններին (տե՛ս վերևում)։ \
             Կարող եք խմբագրել այն կամ հրապարակել այնպես, ինչպես կա։"
        }
        Key::PostAnyway => "Հրապարակել այնուամենայնիվ",

        Key::Sending => "Ուղարկվում է…",
        Key::NotSentRetrying => "Դեռ չի ուղարկվել․ կրկին կփորձենք ավտոմատ կերպով։",
        Key::NotSent => "Չի ուղարկվել։",
        Key::RetryNow => "Կրկին փորձել հիմա",
        Key::OutboxNotSaved => {
            "Ձեր մեկնաբանությունը չհաջողվեց պահպանել այս դիտարկիչում ({reason})։ \
             Մի՛ փակեք այս էջը, մինչև այն ուղարկվի։"
        }
        Key::Blocked => "Մոդերատորն արգելափակել է այս դիտարկիչից կամ ցանցից այստեղ գրելը։",
        Key::Report => "Բողոքել",
        Key::Reported => "Բողոքն ուղարկված է",
        Key::AwaitingModeration => "Սպասում է մոդերատորի հաստատմանը",
        Key::LinkGone => "Այս հղման մեկնաբանությունը քննարկման մեջ չկա. հնարավոր է՝ այն ջնջվել է։",
        Key::TurnedDown => {
            "Մոդերատորը չհրապարակեց ձեր մեկնաբանությունը։ Դրա տեքստը վերադարձվել է ձևին՝ փոխելու կամ պահելու համար։"
        }
        Key::OutboxUnreadable => {
            "Նախորդ այցելությունից չուղարկված մեկնաբանությունները հնարավոր չեղավ կարդալ։ \
             Դրանք մնում են պահպանված այս դիտարկիչում և չեն ուղարկվում։"
        }

        Key::Crashed => {
            "Մեկնաբանությունները դադարեցին աշխատել Threadline-ի սխալի պատճառով։ \
             Ձեր սևագրերը և չուղարկված մեկնաբանությունները պահպանված են այս դիտարկիչում։"
        }
        Key::ReloadComments => "Վերբեռնել մեկնաբանությունները",

        Key::EmptyBody => "Գրեք որևէ բան՝ նախքան հրապարակելը։",
        Key::EmptyAuthor => "Նշեք անունը, որով կհրապարակվի մեկնաբանությունը։",
        Key::StoredUnreadable => "Դիտարկիչում պահվածի մի մասը հնարավոր չեղավ կարդալ. պատճենը պահված է։",
        Key::ControlInName => "Անունը չի կարող պարունակել կառավարող նիշեր ({code})։",
        Key::ControlInBody => "Մեկնաբանությունը չի կարող պարունակել կառավարող նիշեր ({code})։",

        Key::ErrOffline => {
            "Չհաջողվեց կապվել մեկնաբանությունների սերվերի հետ․ \
             հնարավոր է՝ համացանցին միացված չեք, կամ սերվերը չի աշխատում։"
        }
        Key::ErrTimeout => "Չհաջողվեց կապվել մեկնաբանությունների սերվերի հետ․ այն ժամանակին չպատասխանեց։",
        Key::ErrStatus => "Մեկնաբանությունների սերվերը պատասխանեց {code} սխալով։",
        Key::ErrStatusMessage => "Մեկնաբանությունների սերվերը պատասխանեց {code} սխալով․ {message}",
        Key::ErrRejected => "Չընդունվեց․ {reason}",
        Key::ErrUnknownParent => "Մեկնաբանությունը, որին պատասխանում եք, այլևս այս քննարկման մեջ չէ։ «Խմբագրել»-ը ձեր տեքստը կվերադարձնի ձևին՝ որպես նոր մեկնաբանություն հրապարակելու համար։",
        Key::ErrStorage => "Դիտարկիչի պահոցի սխալ․ {reason}",
        Key::ErrInvalidAnswer => "Մեկնաբանությունների սերվերի պատասխանը հնարավոր չեղավ հասկանալ։",
        Key::ErrSetup => "Չհաջողվեց կարգավորել մեկնաբանությունները․ {detail}",

        Key::StorageUnavailable => "պահոցը հասանելի չէ այս դիտարկիչում",
        Key::StorageDisabled => "պահոցն անջատված է այս դիտարկիչում",
        Key::StorageUnreadable => "պահոցից հնարավոր չեղավ կարդալ",
        Key::StorageFull => "պահոցը լցված է կամ անջատված․ ոչինչ չպահպանվեց",
        Key::StorageUnwritable => "պահոցում հնարավոր չեղավ գրել",
        Key::SavedCommentsUnreadable => "պահպանված մեկնաբանությունները հնարավոր չեղավ կարդալ",

        Key::JustNow => "հենց նոր",
        Key::Yesterday => "երեկ",
    }
}

/// A noun after a numeral stays singular in Armenian: «2 պատասխան», not
/// «2 պատասխաններ». CLDR's Armenian unit patterns do the same for both of
/// its categories ("{0} օր", "{0} ժամ", "{0} րոպե" for one and other), so
/// every phrase has a single form even though CLDR distinguishes one (0, 1)
/// from other.
pub(crate) fn noun(noun: Noun) -> Forms {
    match noun {
        Noun::Comments => Forms::same("{n} մեկնաբանություն"),
        Noun::Replies => Forms::same("{n} պատասխան"),
        Noun::MoreComments => Forms::same("Ցույց տալ ևս {n} մեկնաբանություն"),
        Noun::MoreReplies => Forms::same("ևս {n} պատասխան"),
        Noun::Likes => Forms::same("{n} հավանում"),
        Noun::MinutesAgo => Forms::same("{n} րոպե առաջ"),
        Noun::HoursAgo => Forms::same("{n} ժամ առաջ"),
        Noun::DaysAgo => Forms::same("{n} օր առաջ"),
        Noun::NameTooLong => Forms::same("Անունը կարող է պարունակել առավելագույնը {n} նիշ։"),
        Noun::BodyTooLong => Forms::same("Մեկնաբանությունը կարող է պարունակել առավելագույնը {n} նիշ։"),
        Noun::Unreadable => Forms::same("Սերվերից {n} մեկնաբանություն հնարավոր չեղավ կարդալ, դրանք ցուցադրված չեն։"),
    }
}

/// Genitive, as after a day number («12 մարտի»); CLDR's long date format.
const MONTHS: [&str; 12] = [
    "հունվարի",
    "փետրվարի",
    "մարտի",
    "ապրիլի",
    "մայիսի",
    "հունիսի",
    "հուլիսի",
    "օգոստոսի",
    "սեպտեմբերի",
    "հոկտեմբերի",
    "նոյեմբերի",
    "դեկտեմբերի",
];

/// «12 մարտի, 2024 թ.»; the no-break space keeps «թ.» on the year's line.
pub(crate) fn date(day: u32, month: u32, year: i64) -> String {
    format!("{day} {}, {year}\u{a0}թ.", MONTHS[(month as usize + 11) % 12])
}
