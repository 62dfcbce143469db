//! English: the wording the widget was written in.

use crate::{Forms, Key, Noun};
use alloc::format;
use alloc::string::String;

pub(crate) fn text(key: Key) -> &'static str {
    match key {
        Key::Comments => "Comments",
        Key::LoadingComments => "Loading comments…",
        Key::LoadingRest => "Loading the rest of the comments…",
        Key::RestNotLoaded => "Some comments could not be loaded: {reason}. Reload the page to try again.",
        Key::TryAgain => "Try again",
        Key::ContinueThread => "Continue this thread",
        Key::BackToThread => "Back to the whole thread",
        Key::SortBy => "Sort by",
        Key::SortRepliesBy => "Sort replies by",
        Key::Oldest => "Oldest",
        Key::Newest => "Newest",
        Key::MostLiked => "Most liked",
        Key::New => "New",

        Key::Reply => "Reply",
        Key::Edit => "Edit",
        Key::Delete => "Delete",
        Key::DeleteConfirm => "Delete this comment?",
        Key::ReportConfirm => "Report this comment to the moderators?",
        Key::Save => "Save",
        Key::Cancel => "Cancel",
        Key::CommentPosted => "Your comment was posted.",
        Key::ChangesSaved => "Your changes were saved.",
        Key::Like => "Like",
        Key::Deleted => "This comment was deleted.",
        Key::DeletedName => "[deleted]",
        Key::Edited => "edited",
        Key::LinkToComment => "Link to this comment",
        Key::LinkCopied => "Link copied",
        Key::Close => "Close",
        Key::ReplyTo => "reply to {name}",
        Key::Collapse => "Collapse comment by {name}",
        Key::CollapseWithReplies => "Collapse comment by {name} and its {replies}",
        Key::Expand => "Expand comment by {name}",
        Key::ExpandWithReplies => "Expand comment by {name} and its {replies}",

        Key::WriteComment => "Write a comment",
        Key::Name => "Name",
        Key::YourName => "Your name",
        Key::YourComment => "Your comment",
        Key::YourReply => "Your reply",
        Key::Write => "Write",
        Key::Preview => "Preview",
        Key::Post => "Post",
        Key::PostComment => "Post comment",
        Key::PostReply => "Post reply",
        Key::HintPost => "Ctrl+Enter posts",
        Key::HintPostOrClose => "Ctrl+Enter posts, Esc closes",
        Key::DraftNotSaved => "Draft not saved in this browser: {reason}",
        Key::PolicyLoading => "Checking against the discussion policy…",
        Key::PolicyUnavailable => {
            "The discussion-policy check could not be loaded ({reason}); the site checks your comment when it is sent."
        }

        Key::FindingBlock => "Cannot be posted:",
        Key::FindingNudge => "Please check:",
        Key::FindingHold => "Will be reviewed:",
        Key::Quote => "“{text}”",
        Key::HoldNotice => "Your comment will be published after a moderator has looked at it.",
        Key::BlockedSubmit => "This comment cannot be posted as it is: change the marked text.",
        Key::NudgeTitle => "Post anyway?",
        Key::NudgeQuestion => {
            "Are you sure? This may go against the discussion policy (see above). \
             You can edit it, or post it as it is."
        }
        Key::PostAnyway => "Post anyway",

        Key::Sending => "Sending…",
        Key::NotSentRetrying => "Not sent yet — retrying automatically.",
        Key::NotSent => "Not sent.",
        Key::RetryNow => "Retry now",
        Key::OutboxNotSaved => {
            "Your comment could not be saved in this browser ({reason}). Keep this page open until it is sent."
        }
        Key::Blocked => "A moderator has blocked writing here from this browser or network.",
        Key::Report => "Report",
        Key::Reported => "Reported",
        Key::AwaitingModeration => "Awaiting moderation",
        Key::LinkGone => "The comment this link points to is not in this thread; it may have been deleted.",
        Key::TurnedDown => "A moderator did not publish your comment. Its text is back in the form, to change or keep.",
        Key::OutboxUnreadable => {
            "Unsent comments from an earlier visit could not be read. They stay saved in this browser, and are not sent."
        }

        Key::Crashed => {
            "The comments stopped working because of an error in Threadline. \
             Your drafts and unsent comments are saved in this browser."
        }
        Key::ReloadComments => "Reload comments",

        Key::EmptyBody => "Write something before posting.",
        Key::EmptyAuthor => "Enter a name to post under.",
        Key::StoredUnreadable => "Some of what this browser kept for these comments could not be read; a copy stays saved.",
        Key::ControlInName => "Names cannot contain control characters ({code}).",
        Key::ControlInBody => "Comments cannot contain control characters ({code}).",

        Key::ErrOffline => "Could not reach the comment server: you may be offline, or the server is down.",
        Key::ErrTimeout => "Could not reach the comment server: it did not answer in time.",
        Key::ErrStatus => "The comment server answered with error {code}.",
        Key::ErrStatusMessage => "The comment server answered with error {code}: {message}",
        Key::ErrRejected => "Not accepted: {reason}",
        Key::ErrUnknownParent => "The comment you are replying to is no longer in this thread. Edit puts your text back in the form, to post as a new comment.",
        Key::ErrStorage => "This browser’s storage failed: {reason}",
        Key::ErrInvalidAnswer => "The comment server’s answer was not understood.",
        Key::ErrSetup => "The comments could not be set up: {detail}",

        Key::StorageUnavailable => "storage is not available in this browser",
        Key::StorageDisabled => "storage is disabled in this browser",
        Key::StorageUnreadable => "storage could not be read",
        Key::StorageFull => "storage is full or disabled; nothing was saved",
        Key::StorageUnwritable => "storage could not be written",
        Key::SavedCommentsUnreadable => "saved comments could not be read",

        Key::JustNow => "just now",
        Key::Yesterday => "yesterday",
    }
}

pub(crate) fn noun(noun: Noun) -> Forms {
    match noun {
        Noun::Comments => Forms::two("{n} comment", "{n} comments"),
        Noun::Replies => Forms::two("{n} reply", "{n} replies"),
        Noun::MoreComments => Forms::two("Show {n} more comment", "Show {n} more comments"),
        Noun::MoreReplies => Forms::two("{n} more reply", "{n} more replies"),
        Noun::Likes => Forms::two("{n} like", "{n} likes"),
        Noun::MinutesAgo => Forms::two("{n} minute ago", "{n} minutes ago"),
        Noun::HoursAgo => Forms::two("{n} hour ago", "{n} hours ago"),
        Noun::DaysAgo => Forms::two("{n} day ago", "{n} days ago"),
        Noun::NameTooLong => Forms::two("Names are limited to {n} character.", "Names are limited to {n} characters."),
        Noun::BodyTooLong => {
            Forms::two("Comments are limited to {n} character.", "Comments are limited to {n} characters.")
        }
        Noun::Unreadable => Forms::two(
            "{n} comment from the server could not be read and is not shown.",
            "{n} comments from the server could not be read and are not shown.",
        ),
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "12 Mar 2024": day first reads the same on both sides of the Atlantic.
pub(crate) fn date(day: u32, month: u32, year: i64) -> String {
    format!("{day} {} {year}", MONTHS[(month as usize + 11) % 12])
}
