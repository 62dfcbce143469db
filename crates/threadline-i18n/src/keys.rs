//! The fixed strings, by key. Counted phrases ("4 replies") are `Noun`s, not
//! keys, because their wording depends on the number.

/// Declares `Key` and `Key::ALL` from one list, so the tests can walk every
/// key without a list that could fall out of step with the enum.
macro_rules! keys {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// One reader-facing string. The doc of each variant is its English text;
        /// `{name}`-style placeholders are filled with [`crate::fill`].
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum Key {
            $($(#[$doc])* $name,)*
        }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$name,)*];
        }
    };
}

keys! {
    // The thread.
    /// "Comments" (the thread's accessible name, a heading).
    Comments,
    /// "Loading comments…"
    LoadingComments,
    /// "Loading the rest of the comments…" (a big thread's first screen is shown).
    LoadingRest,
    /// "Some comments could not be loaded: {reason}. Reload the page to try again." ({reason} without its full stop)
    RestNotLoaded,
    /// "Try again" (after the thread failed to load).
    TryAgain,
    /// "Continue this thread" (a reply chain cut off at the depth limit).
    ContinueThread,
    /// "Back to the whole thread"
    BackToThread,
    /// "Sort by" (label before the order choices).
    SortBy,
    /// "Sort replies by"
    SortRepliesBy,
    /// "Oldest" (oldest first).
    Oldest,
    /// "Newest" (newest first).
    Newest,
    /// "Most liked" (most liked first).
    MostLiked,
    /// "New" (badge on a comment that arrived while the page was open).
    New,

    // One comment.
    /// "Reply" (button; also the accessible name of a reply form).
    Reply,
    /// "Edit"
    Edit,
    /// "Delete"
    Delete,
    /// "Delete this comment?"
    DeleteConfirm,
    /// "Report this comment to the moderators?" (asked in place: a report cannot be taken back)
    ReportConfirm,
    /// "Save"
    Save,
    /// "Cancel"
    Cancel,
    /// "Your comment was posted." (said to screen readers when the backend took it)
    CommentPosted,
    /// "Your changes were saved." (said to screen readers when an edit was saved)
    ChangesSaved,
    /// "Like" (button).
    Like,
    /// "This comment was deleted."
    Deleted,
    /// "[deleted]": whose a deleted comment was, where a name is read out.
    DeletedName,
    /// "edited" (marker after the time).
    Edited,
    /// "Link to this comment"
    LinkToComment,
    /// "Link copied"
    LinkCopied,
    /// "Close"
    Close,
    /// "reply to {name}" (shown past the indentation limit).
    ReplyTo,
    /// "Collapse comment by {name}"
    Collapse,
    /// "Collapse comment by {name} and {replies}" ({replies} is `Noun::Replies`).
    CollapseWithReplies,
    /// "Expand comment by {name}"
    Expand,
    /// "Expand comment by {name} and {replies}" ({replies} is `Noun::Replies`).
    ExpandWithReplies,

    // The form.
    /// "Write a comment" (the top form's accessible name).
    WriteComment,
    /// "Name" (field label).
    Name,
    /// "Your name"
    YourName,
    /// "Your comment"
    YourComment,
    /// "Your reply"
    YourReply,
    /// "Write" (the editing tab, beside Preview).
    Write,
    /// "Preview"
    Preview,
    /// "Post"
    Post,
    /// "Post comment"
    PostComment,
    /// "Post reply"
    PostReply,
    /// "Ctrl+Enter posts"
    HintPost,
    /// "Ctrl+Enter posts, Esc closes"
    HintPostOrClose,
    /// "Draft not saved in this browser: {reason}" ({reason} is a `Storage*` key).
    DraftNotSaved,
    /// "Checking against the discussion policy…" (a post waits for the check to load).
    PolicyLoading,
    /// "The discussion-policy check could not be loaded ({reason}); the site checks your comment when it is sent."
    PolicyUnavailable,

    // The policy pre-check.
    /// "Cannot be posted:" (before a blocking finding; add a space).
    FindingBlock,
    /// "Please check:" (before a nudging finding; add a space).
    FindingNudge,
    /// "Will be reviewed:" (before a held finding; add a space).
    FindingHold,
    /// "“{text}”" (the flagged words, quoted the language's way).
    Quote,
    /// "Your comment will be published after a moderator has looked at it."
    HoldNotice,
    /// "This comment cannot be posted as it is: change the marked text."
    BlockedSubmit,
    /// "Post anyway?" (the nudge dialog's accessible name).
    NudgeTitle,
    /// "Are you sure? This may go against the discussion policy (see above). You can edit it, or post it as it is."
    NudgeQuestion,
    /// "Post anyway"
    PostAnyway,

    // Sending.
    /// "Sending…"
    Sending,
    /// "Not sent yet — retrying automatically."
    NotSentRetrying,
    /// "Not sent."
    NotSent,
    /// "Retry now"
    RetryNow,
    /// "Your comment could not be saved in this browser ({reason}). Keep this page open until it is sent."
    OutboxNotSaved,
    /// "Unsent comments from an earlier visit could not be read. They stay saved in this browser, and are not sent."
    OutboxUnreadable,
    /// "Awaiting moderation"
    AwaitingModeration,
    /// "A moderator did not publish your comment. Its text is back in the form, to change or keep."
    TurnedDown,
    /// "The comment this link points to is not in this thread; it may have been deleted."
    LinkGone,
    /// "Report"
    Report,
    /// "Reported"
    Reported,
    /// "A moderator has blocked writing here from this browser or network."
    Blocked,

    // The crash notice.
    /// "The comments stopped working because of an error in Threadline. Your drafts and unsent comments are saved in this browser."
    Crashed,
    /// "Reload comments"
    ReloadComments,

    // Draft errors (`DraftError`; the length limits are `Noun::NameTooLong` and `Noun::BodyTooLong`).
    /// "Write something before posting."
    EmptyBody,
    /// "Enter a name to post under."
    EmptyAuthor,
    /// "Some of what this browser kept for these comments could not be read; a copy stays saved."
    StoredUnreadable,
    /// "Names cannot contain control characters ({code})."
    ControlInName,
    /// "Comments cannot contain control characters ({code})."
    ControlInBody,

    // Backend errors (`BackendError`).
    /// "Could not reach the comment server: you may be offline, or the server is down."
    ErrOffline,
    /// "Could not reach the comment server: it did not answer in time."
    ErrTimeout,
    /// "The comment server answered with error {code}."
    ErrStatus,
    /// "The comment server answered with error {code}: {message}"
    ErrStatusMessage,
    /// "Not accepted: {reason}"
    ErrRejected,
    /// "The comment you are replying to is no longer in this thread."
    ErrUnknownParent,
    /// "This browser's storage failed: {reason}" ({reason} is a `Storage*` key).
    ErrStorage,
    /// "The comment server's answer was not understood."
    ErrInvalidAnswer,
    /// "The comments could not be set up: {detail}" (a wrong backend description; the detail stays technical).
    ErrSetup,

    // Why storage failed: lowercase fragments for {reason} above.
    /// "storage is not available in this browser"
    StorageUnavailable,
    /// "storage is disabled in this browser"
    StorageDisabled,
    /// "storage could not be read"
    StorageUnreadable,
    /// "storage is full or disabled; nothing was saved"
    StorageFull,
    /// "storage could not be written"
    StorageUnwritable,
    /// "saved comments could not be read"
    SavedCommentsUnreadable,

    // Times.
    /// "just now"
    JustNow,
    /// "yesterday"
    Yesterday,
}
