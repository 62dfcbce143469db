//! CLDR plural categories for whole numbers and the counted phrases that use
//! them. Rules from CLDR's plurals.xml (checked against ICU 78.2 / CLDR 48's
//! `Intl.PluralRules`, see tests/plural.rs):
//! - en: one = 1; other.
//! - ru: one = n%10=1 and n%100!=11; few = n%10=2..4 and n%100!=12..14; many = the rest.
//!   (`other` is for fractions only, which counts never are.)
//! - hy: one = 0 and 1 (`i = 0,1`); other.

use crate::Lang;

/// The CLDR categories these languages use for whole numbers. `zero` and
/// `two` exist in CLDR but none of en/hy/ru uses them.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

pub fn plural_category(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::En if n == 1 => Plural::One,
        Lang::En => Plural::Other,
        Lang::Hy if n <= 1 => Plural::One,
        Lang::Hy => Plural::Other,
        Lang::Ru => {
            let (last, last_two) = (n % 10, n % 100);
            if last == 1 && last_two != 11 {
                Plural::One
            } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                Plural::Few
            } else {
                Plural::Many
            }
        }
    }
}

/// A phrase with a number in it. The doc of each variant is its English text;
/// `count` picks the form and puts the number in place of `{n}`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Noun {
    /// "1 comment", "2 comments"
    Comments,
    /// "1 reply", "2 replies"
    Replies,
    /// "Show 1 more comment", "Show 2 more comments"
    MoreComments,
    /// "1 more reply", "2 more replies"
    MoreReplies,
    /// "1 like", "2 likes"
    Likes,
    /// "1 minute ago", "2 minutes ago"
    MinutesAgo,
    /// "1 hour ago", "2 hours ago"
    HoursAgo,
    /// "1 day ago", "2 days ago"
    DaysAgo,
    /// "Names are limited to 80 characters." (`DraftError::AuthorTooLong`)
    NameTooLong,
    /// "Comments are limited to 20,000 characters." (`DraftError::BodyTooLong`)
    BodyTooLong,
    /// "2 comments from the server could not be read and are not shown." (entries with no usable id)
    Unreadable,
}

impl Noun {
    pub const ALL: &'static [Noun] = &[
        Noun::Comments,
        Noun::Replies,
        Noun::MoreComments,
        Noun::MoreReplies,
        Noun::Likes,
        Noun::MinutesAgo,
        Noun::HoursAgo,
        Noun::DaysAgo,
        Noun::NameTooLong,
        Noun::BodyTooLong,
        Noun::Unreadable,
    ];
}

/// A phrase's form for each category, each with `{n}` where the number goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Forms {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Forms {
    /// English and Armenian: singular and plural.
    pub(crate) const fn two(one: &'static str, other: &'static str) -> Forms {
        Forms { one, few: other, many: other, other }
    }

    /// Armenian: a noun after a numeral stays singular ("2 պատասխան"), so
    /// both categories share one form.
    pub(crate) const fn same(form: &'static str) -> Forms {
        Forms { one: form, few: form, many: form, other: form }
    }

    /// Russian. `other` (fractions, "1,5 ответа") takes the genitive singular,
    /// which is the `few` form.
    pub(crate) const fn three(one: &'static str, few: &'static str, many: &'static str) -> Forms {
        Forms { one, few, many, other: few }
    }

    pub fn get(&self, p: Plural) -> &'static str {
        match p {
            Plural::One => self.one,
            Plural::Few => self.few,
            Plural::Many => self.many,
            Plural::Other => self.other,
        }
    }
}
