//! Reader-facing explanations in English, Armenian and Russian: one sentence
//! saying what was found and why it breaks the policy, one saying what
//! happens next (depends on the action the site chose for the rule).

use crate::config::Rule;
use crate::{Action, Messages};

fn reason(rule: Rule) -> [&'static str; 3] {
    match rule {
        Rule::Profanity => [
            "“{x}” is profanity, which the discussion policy does not permit.",
            "«{x}» հայհոյանք է, որը քննարկման կանոնները չեն թույլատրում։",
            "«{x}» — нецензурная лексика, которую правила обсуждения не допускают.",
        ],
        Rule::PersonalAttack => [
            "“{x}” insults another commenter. Criticise ideas, governments and public figures, not the people in this discussion.",
            "«{x}» վիրավորում է մեկ այլ մեկնաբանողի։ Քննադատեք գաղափարները, կառավարություններն ու հասարակական գործիչներին, ոչ թե քննարկման մասնակիցներին։",
            "«{x}» оскорбляет другого участника. Критикуйте идеи, правительства и публичных лиц, а не собеседников.",
        ],
        Rule::Threat => [
            "“{x}” reads as a threat of violence.",
            "«{x}» ընկալվում է որպես բռնության սպառնալիք։",
            "«{x}» звучит как угроза насилием.",
        ],
        Rule::SelfHarm => [
            "“{x}” urges someone to harm or kill themselves.",
            "«{x}» մղում է մարդուն վնասել կամ սպանել իրեն։",
            "«{x}» призывает человека причинить себе вред или покончить с собой.",
        ],
        Rule::Slur => [
            "“{x}” is a slur or hateful language against a group of people.",
            "«{x}» վիրավորական կամ ատելության խոսք է մարդկանց խմբի հանդեպ։",
            "«{x}» — оскорбление или язык вражды в адрес группы людей.",
        ],
        Rule::Sexual => [
            "“{x}” is sexual content, which is not appropriate in this discussion.",
            "«{x}» սեռական բովանդակություն է, որը տեղին չէ այս քննարկման մեջ։",
            "«{x}» — контент сексуального характера, он неуместен в этом обсуждении.",
        ],
        Rule::SpamLinks => [
            "The comment has more than {n:# link|# links}; many links look like spam.",
            "Մեկնաբանությունը պարունակում է {n}-ից ավելի հղում․ շատ հղումները նման են սպամի։",
            "В комментарии больше {n:# ссылки|# ссылок|# ссылок}; много ссылок похоже на спам.",
        ],
        Rule::RepeatedText => [
            "“{x}” repeats the same words over and over.",
            "«{x}» հատվածում նույն բառերը կրկնվում են բազմիցս։",
            "«{x}» повторяет одни и те же слова снова и снова.",
        ],
        Rule::Shouting => [
            "Most of the comment is in capital letters, which reads as shouting.",
            "Մեկնաբանության մեծ մասը գրված է մեծատառերով, ինչը ընկալվում է որպես բղավոց։",
            "Большая часть комментария написана заглавными буквами — это воспринимается как крик.",
        ],
        Rule::RepeatedChars => [
            "“{x}” repeats one character {n:# time|# times} or more.",
            "«{x}» հատվածում մեկ նիշը կրկնվում է {n} կամ ավելի անգամ։",
            "В «{x}» один символ повторяется {n:# раз|# раза|# раз} или больше.",
        ],
        Rule::TooShort => [
            "The comment is too short: write at least {n:# character|# characters}.",
            "Մեկնաբանությունը չափազանց կարճ է․ գրեք առնվազն {n} նիշ։",
            "Комментарий слишком короткий: напишите не меньше {n:# символа|# символов|# символов}.",
        ],
        Rule::TooLong => [
            "The comment is too long: at most {n:# character is|# characters are} allowed.",
            "Մեկնաբանությունը չափազանց երկար է․ թույլատրվում է առավելագույնը {n} նիշ։",
            "Комментарий слишком длинный: допускается не больше {n:# символа|# символов|# символов}.",
        ],
        Rule::Duplicate => [
            "You have already posted this same comment.",
            "Դուք արդեն հրապարակել եք նույն մեկնաբանությունը։",
            "Вы уже публиковали такой же комментарий.",
        ],
        Rule::Cooldown => [
            "You are posting too quickly: wait {n:# more second|# more seconds}.",
            "Դուք չափազանց արագ եք հրապարակում․ սպասեք ևս {n} վայրկյան։",
            "Вы публикуете слишком часто: подождите ещё {n} с.",
        ],
        Rule::BlockedAuthor => [
            "This name has been blocked for violating the posting standards.",
            "Այս անունն արգելափակված է հրապարակման կանոնները խախտելու համար։",
            "Это имя заблокировано за нарушение правил публикации.",
        ],
        Rule::DenyWord => [
            "“{x}” is on this site’s list of words that are not allowed.",
            "«{x}» բառն այս կայքի արգելված բառերի ցանկում է։",
            "«{x}» входит в список слов, запрещённых на этом сайте.",
        ],
    }
}

fn consequence(action: Action) -> [&'static str; 3] {
    match action {
        Action::Block => [
            "The comment cannot be posted until this is changed.",
            "Մեկնաբանությունը չի կարող հրապարակվել, քանի դեռ սա չի փոխվել։",
            "Комментарий нельзя опубликовать, пока это не исправлено.",
        ],
        Action::Nudge => [
            "Please edit it, or post anyway if you are sure.",
            "Խնդրում ենք խմբագրել, կամ հրապարակել այնուամենայնիվ, եթե վստահ եք։",
            "Исправьте это или опубликуйте как есть, если уверены.",
        ],
        Action::Hold => [
            "It can be posted, but a moderator will review it before it appears.",
            "Այն կարող է ուղարկվել, բայց մոդերատորը կդիտարկի այն մինչև հրապարակումը։",
            "Его можно отправить, но модератор проверит его перед публикацией.",
        ],
    }
}

/// The offending text as quoted in a message: at most 40 chars, one line.
fn excerpt(x: &str) -> String {
    let one_line: String = x.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let mut out: String = one_line.chars().take(40).collect();
    if one_line.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// A wait is over by itself: nothing in the text is to change.
const AFTER_THE_WAIT: [&str; 3] = [
    "It can be posted once the wait is over.",
    "Այն կարելի է հրապարակել սպասելուց հետո։",
    "Его можно будет опубликовать, когда время истечёт.",
];

pub(crate) fn messages(rule: Rule, action: Action, offending: &str, n: i64) -> Messages {
    let x = excerpt(offending);
    let r = reason(rule);
    let c = match (rule, action) {
        (Rule::Cooldown, Action::Block) => AFTER_THE_WAIT,
        _ => consequence(action),
    };
    // The words quoted go in last: a draft's own "{n}" stays as typed.
    let fill = |s: &str, form: fn(i64) -> usize| counted(s, n, form).replace("{n}", &n.to_string()).replace("{x}", &x);
    Messages {
        en: format!("{} {}", fill(r[0], english_form), c[0]),
        hy: format!("{} {}", fill(r[1], |_| 0), c[1]),
        ru: format!("{} {}", fill(r[2], russian_form), c[2]),
    }
}

/// `{n:one|other}` (English) or `{n:one|few|many}` (Russian) in `s` as the
/// form `form` picks for `n`, with `#` standing for the number.
fn counted(s: &str, n: i64, form: fn(i64) -> usize) -> String {
    let Some(open) = s.find("{n:") else { return s.to_owned() };
    let Some(len) = s[open..].find('}') else { return s.to_owned() };
    let forms: Vec<&str> = s[open + 3..open + len].split('|').collect();
    let chosen = forms.get(form(n)).or(forms.last()).copied().unwrap_or_default();
    format!("{}{}{}", &s[..open], chosen.replace('#', &n.to_string()), &s[open + len + 1..])
}

fn english_form(n: i64) -> usize {
    usize::from(n != 1)
}

/// CLDR's Russian cardinal: one (1, 21, 31…), few (2–4, 22–24…), many.
fn russian_form(n: i64) -> usize {
    let (last, two) = (n.unsigned_abs() % 10, n.unsigned_abs() % 100);
    if last == 1 && two != 11 {
        0
    } else if (2..=4).contains(&last) && !(12..=14).contains(&two) {
        1
    } else {
        2
    }
}
