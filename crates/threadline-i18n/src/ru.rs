//! Russian. NEEDS REVIEW by a native speaker: written by a non-native.
//!
//! Terms follow threadline-policy's messages.rs: «правила обсуждения»,
//! «опубликовать», «модератор», «как есть». Author names are never declined:
//! they come after a declined noun («комментарий пользователя {name}»), so
//! any name reads correctly in the nominative.

use crate::{Forms, Key, Noun};
use alloc::format;
use alloc::string::String;

pub(crate) fn text(key: Key) -> &'static str {
    match key {
        Key::Comments => "Комментарии",
        Key::LoadingComments => "Загрузка комментариев…",
        Key::LoadingRest => "Загрузка остальных комментариев…",
        Key::RestNotLoaded => {
            "Не все комментарии удалось загрузить: {reason}. Обновите страницу, чтобы попробовать снова."
        }
        Key::TryAgain => "Попробовать ещё раз",
        Key::ContinueThread => "Открыть продолжение ветки",
        Key::BackToThread => "Вернуться ко всему обсуждению",
        Key::SortBy => "Сортировка",
        Key::SortRepliesBy => "Сортировка ответов",
        Key::Oldest => "Сначала старые",
        Key::Newest => "Сначала новые",
        Key::MostLiked => "Сначала популярные",
        Key::New => "Новый",

        Key::Reply => "Ответить",
        Key::Edit => "Изменить",
        Key::Delete => "Удалить",
        Key::DeleteConfirm => "Удалить этот комментарий?",
        Key::ReportConfirm => "Пожаловаться модераторам на этот комментарий?",
        Key::Save => "Сохранить",
        Key::Cancel => "Отмена",
        Key::CommentPosted => "Ваш комментарий опубликован.",
        Key::ChangesSaved => "Изменения сохранены.",
        Key::Like => "Нравится",
        Key::Deleted => "Этот комментарий удалён.",
        Key::DeletedName => "[удалено]",
        Key::Edited => "изменено",
        Key::LinkToComment => "Ссылка на этот комментарий",
        Key::LinkCopied => "Ссылка скопирована",
        Key::Close => "Закрыть",
        Key::ReplyTo => "ответ пользователю {name}",
        Key::Collapse => "Свернуть комментарий пользователя {name}",
        Key::CollapseWithReplies => "Свернуть комментарий пользователя {name} и {replies}",
        Key::Expand => "Развернуть комментарий пользователя {name}",
        Key::ExpandWithReplies => "Развернуть комментарий пользователя {name} и {replies}",

        Key::WriteComment => "Написать комментарий",
        Key::Name => "Имя",
        Key::YourName => "Ваше имя",
        Key::YourComment => "Ваш комментарий",
        Key::YourReply => "Ваш ответ",
        Key::Write => "Написать",
        Key::Preview => "Предпросмотр",
        Key::Post => "Опубликовать",
        Key::PostComment => "Опубликовать комментарий",
        Key::PostReply => "Опубликовать ответ",
        Key::HintPost => "Ctrl+Enter — опубликовать",
        Key::HintPostOrClose => "Ctrl+Enter — опубликовать, Esc — закрыть",
        Key::DraftNotSaved => "Черновик не сохранён в этом браузере: {reason}",
        Key::PolicyLoading => "Проверяем по правилам обсуждения…",
        Key::PolicyUnavailable => {
            "Не удалось загрузить проверку по правилам обсуждения ({reason}); сайт проверит комментарий при отправке."
        }

        Key::FindingBlock => "Нельзя опубликовать:",
        Key::FindingNudge => "Проверьте:",
        Key::FindingHold => "Будет проверено модератором:",
        Key::Quote => "«{text}»",
        Key::HoldNotice => "Ваш комментарий будет опубликован после проверки модератором.",
        Key::BlockedSubmit => "Комментарий нельзя опубликовать в таком виде: измените отмеченный текст.",
        Key::NudgeTitle => "Опубликовать как есть?",
        Key::NudgeQuestion => {
            "Вы уверены? Это может нарушать правила обсуждения (см. выше). \
             Можно исправить текст или опубликовать его как есть."
        }
        Key::PostAnyway => "Опубликовать как есть",

        Key::Sending => "Отправка…",
        Key::NotSentRetrying => "Пока не отправлено — повторим попытку автоматически.",
        Key::NotSent => "Не отправлено.",
        Key::RetryNow => "Повторить сейчас",
        Key::OutboxNotSaved => {
            "Не удалось сохранить комментарий в этом браузере ({reason}). \
             Не закрывайте страницу, пока он не будет отправлен."
        }
        Key::Blocked => "Модератор запретил писать здесь из этого браузера или сети.",
        Key::Report => "Пожаловаться",
        Key::Reported => "Жалоба отправлена",
        Key::AwaitingModeration => "Ожидает проверки модератором",
        Key::LinkGone => "Комментария по этой ссылке в обсуждении нет: возможно, он удалён.",
        Key::TurnedDown => {
            "Модератор не опубликовал ваш комментарий. Его текст возвращён в форму: его можно изменить или сохранить."
        }
        Key::OutboxUnreadable => {
            "Не удалось прочитать неотправленные комментарии с прошлого посещения. \
             Они остаются сохранёнными в этом браузере и не отправляются."
        }

        Key::Crashed => {
            "Комментарии перестали работать из-за ошибки в Threadline. \
             Ваши черновики и неотправленные комментарии сохранены в этом браузере."
        }
        Key::ReloadComments => "Перезагрузить комментарии",

        Key::EmptyBody => "Напишите что-нибудь перед публикацией.",
        Key::EmptyAuthor => "Укажите имя, под которым будет опубликован комментарий.",
        Key::StoredUnreadable => "Часть сохранённого браузером для этих комментариев не прочитать; копия сохранена.",
        Key::ControlInName => "Имя не может содержать управляющие символы ({code}).",
        Key::ControlInBody => "Комментарий не может содержать управляющие символы ({code}).",

        Key::ErrOffline => {
            "Не удалось связаться с сервером комментариев: возможно, нет подключения к интернету или сервер недоступен."
        }
        Key::ErrTimeout => "Не удалось связаться с сервером комментариев: он не ответил вовремя.",
        Key::ErrStatus => "Сервер комментариев вернул ошибку {code}.",
        Key::ErrStatusMessage => "Сервер комментариев вернул ошибку {code}: {message}",
        Key::ErrRejected => "Не принято: {reason}",
        Key::ErrUnknownParent => "Комментария, на который вы отвечаете, больше нет в этом обсуждении. «Изменить» вернёт ваш текст в форму, чтобы опубликовать его как новый комментарий.",
        Key::ErrStorage => "Ошибка хранилища браузера: {reason}",
        Key::ErrInvalidAnswer => "Не удалось разобрать ответ сервера комментариев.",
        Key::ErrSetup => "Не удалось настроить комментарии: {detail}",

        Key::StorageUnavailable => "хранилище недоступно в этом браузере",
        Key::StorageDisabled => "хранилище отключено в этом браузере",
        Key::StorageUnreadable => "не удалось прочитать хранилище",
        Key::StorageFull => "хранилище переполнено или отключено; ничего не сохранено",
        Key::StorageUnwritable => "не удалось записать данные в хранилище",
        Key::SavedCommentsUnreadable => "не удалось прочитать сохранённые комментарии",

        Key::JustNow => "только что",
        Key::Yesterday => "вчера",
    }
}

/// One / few / many: «1 ответ», «2 ответа», «5 ответов» (21 → one, 12 → many).
/// After «назад» the time units are accusative («1 минуту назад»), and after
/// «не больше» genitive («не больше 1 символа»), so each phrase has its own forms.
pub(crate) fn noun(noun: Noun) -> Forms {
    match noun {
        Noun::Comments => Forms::three("{n} комментарий", "{n} комментария", "{n} комментариев"),
        Noun::Replies => Forms::three("{n} ответ", "{n} ответа", "{n} ответов"),
        Noun::MoreComments => Forms::three(
            "Показать ещё {n} комментарий",
            "Показать ещё {n} комментария",
            "Показать ещё {n} комментариев",
        ),
        Noun::MoreReplies => Forms::three("ещё {n} ответ", "ещё {n} ответа", "ещё {n} ответов"),
        Noun::Likes => Forms::three("{n} лайк", "{n} лайка", "{n} лайков"),
        Noun::MinutesAgo => Forms::three("{n} минуту назад", "{n} минуты назад", "{n} минут назад"),
        Noun::HoursAgo => Forms::three("{n} час назад", "{n} часа назад", "{n} часов назад"),
        Noun::DaysAgo => Forms::three("{n} день назад", "{n} дня назад", "{n} дней назад"),
        Noun::NameTooLong => Forms::three(
            "Имя может содержать не больше {n} символа.",
            "Имя может содержать не больше {n} символов.",
            "Имя может содержать не больше {n} символов.",
        ),
        Noun::BodyTooLong => Forms::three(
            "Комментарий может содержать не больше {n} символа.",
            "Комментарий может содержать не больше {n} символов.",
            "Комментарий может содержать не больше {n} символов.",
        ),
        Noun::Unreadable => Forms::three(
            "{n} комментарий с сервера не удалось прочитать, он не показан.",
            "{n} комментария с сервера не удалось прочитать, они не показаны.",
            "{n} комментариев с сервера не удалось прочитать, они не показаны.",
        ),
    }
}

/// Genitive, as after a day number («12 марта»); CLDR's long date format.
const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// «12 марта 2024 г.»; the no-break space keeps «г.» on the year's line.
pub(crate) fn date(day: u32, month: u32, year: i64) -> String {
    format!("{day} {} {year}\u{a0}г.", MONTHS[(month as usize + 11) % 12])
}
