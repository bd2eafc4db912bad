/**
 * The message catalog: every string the components show or announce. Placeholders are written
 * `{name}` and filled by `format`. A message that counts has one key per plural category,
 * `<key>.one`, `<key>.other` (and `.zero`, `.two`, `.few`, `.many` where a language has them);
 * `t("<key>", { count })` picks the form with `Intl.PluralRules`.
 */
export const en = {
  "thread.label": "Conversation",
  "thread.empty": "What can I help with today?",
  "thread.loadingOlder": "Loading earlier messages…",
  "thread.loadOlder": "Load earlier messages",
  "thread.loadFailed": "This conversation could not be loaded.",
  "thread.loadOlderFailed": "Earlier messages could not be loaded.",
  "thread.loadFailed.notFound": "It may have been deleted, or the link is wrong.",
  "thread.loadFailed.auth": "You may not have access to it, or your session has expired.",
  "thread.loadFailed.network": "Check your connection.",
  "thread.jumpToLatest": "Jump to latest",
  "thread.replyAnnouncement": "Assistant replied: {text}",
  "item.user": "You",
  "item.assistant": "Assistant",
  "item.error": "This item could not be displayed.",
  "item.errorRetry": "Try again",
  "action.copy": "Copy",
  "action.copied": "Copied",
  "action.feedbackPositive": "Good response",
  "action.feedbackNegative": "Bad response",
  "action.retry": "Regenerate",
  "action.actions": "Message actions",
  "code.copy": "Copy code",
  "code.copied": "Copied",
  "code.language": "{language} code",
  "code.plain": "Code",
  "sources.title": "Sources",
  "sources.count.one": "{count} source",
  "sources.count.other": "{count} sources",
  "sources.citation": "Source {number}: {title}",
  "sources.citationLabel": "{label}: {title}",
  "message.refusal": "The assistant declined this request.",
  "message.quoted": "Quoted text",
  "message.model": "Model",
  "message.tool": "Tool",
  "attachment.preview": "Preview {name}",
  "attachment.close": "Close preview",
  "attachment.image": "Image",
  "toolCall.title": "Tool call: {name}",
  "toolCall.pending": "Pending",
  "toolCall.in_progress": "Running",
  "toolCall.completed": "Completed",
  "toolCall.arguments": "Arguments",
  "toolCall.output": "Output",
  "task.loading": "In progress",
  "task.complete": "Done",
  "task.searching": "Searching the web",
  "task.files": "Searching files",
  "task.thinking": "Thinking",
  "task.image": "Creating image",
  "task.task": "Task",
  "workflow.duration": "Worked for {duration}",
  "workflow.working": "Working…",
  "workflow.thought": "Thought for {duration}",
  "workflow.thinking": "Thinking…",
  "workflow.steps.one": "{count} step",
  "workflow.steps.other": "{count} steps",
  "duration.seconds": "{count}s",
  "duration.minutes": "{minutes}m {seconds}s",
  "image.generating": "Generating image…",
  "image.progress": "Generating image: {percent}%",
  "image.alt": "Generated image",
  "image.blocked": "This image was blocked because its address is not allowed.",
  "input.submit": "Submit",
  "input.skip": "Skip",
  "input.answered": "Answered",
  "input.skipped": "Skipped",
  "input.placeholder": "Type your answer",
  "input.noAnswer": "No answer",
  "endOfTurn.label": "End of turn",
  "notice.info": "Info",
  "notice.warning": "Warning",
  "notice.danger": "Error",
  "notice.dismiss": "Dismiss",
  "error.stream": "Something went wrong while generating a response.",
  "error.connection": "The connection to the server failed.",
  "error.retry": "Try again",
  "error.rateLimited": "The server is receiving too many requests.",
  "error.server": "The server ran into a problem.",
  "error.notEventStream": "The server sent something other than a reply (a sign-in page?).",
  "error.timeout": "The server stopped responding.",
  "error.sessionExpired": "Your session has expired.",
  "error.unconfirmed": "The server did not confirm your message, so it may not have been sent.",
  "error.retryIn": "You can try again in {seconds} s.",
  "error.retryAt": "You can try again at {time}.",
  "error.signIn": "Sign in again",
  "run.unanswered": "No reply to this message yet.",
  "run.getReply": "Get a reply",
  "run.incomplete": "The reply is incomplete.",
  "run.incomplete.max_tokens":
    "The reply was cut off: it reached the maximum length of a response.",
  "run.incomplete.max_prompt_tokens":
    "The reply was cut off: the conversation is longer than the model can read.",
  "run.incomplete.cancelled": "The run was cancelled before the reply was finished.",
  "unknown.title": "Unsupported item type {type}",
  "unknown.raw": "Show raw data",
  "widget.label": "Widget",
  "widget.raw": "Widget data",
  "composer.label": "Message",
  "composer.placeholder": "Message the assistant",
  "composer.send": "Send message",
  "composer.stop": "Stop generating",
  "composer.attach": "Add attachments",
  "composer.remove": "Remove {name}",
  "composer.uploading": "Uploading {name}: {percent}%",
  "composer.uploadFailed": "Upload of {name} failed",
  "composer.attachments": "Attachments",
  "composer.locked": "This conversation is locked.",
  "composer.closed": "This conversation is closed.",
  "composer.rejectedDisabled": "{name} was not added: attachments are turned off.",
  "composer.rejectedTooMany": "{name} was not added: too many files.",
  "composer.rejectedTooLarge": "{name} is too large.",
  "composer.rejectedType": "{name} is not an accepted file type.",
  "composer.limitCount.one": "At most {count} file per message.",
  "composer.limitCount.other": "At most {count} files per message.",
  "composer.limitSize": "Files can be at most {limit}.",
  "composer.limitType": "Accepted: {limit}.",
  "composer.dismissRejections": "Dismiss",
  "composer.tools": "Tools",
  "composer.clearTool": "Stop using {name}",
  "composer.model": "Model: {name}",
  "composer.modelNone": "Choose a model",
  "composer.dictation": "Dictate",
  "composer.dictationStop": "Stop dictation",
  "composer.dictationTranscribing": "Transcribing…",
  "composer.dictationDenied": "Microphone access was denied. Allow it in the browser to dictate.",
  "composer.dictationNoDevice": "No microphone was found.",
  "composer.dictationUnsupported": "This browser cannot record audio.",
  "composer.dictationFailed": "Dictation failed: {message}",
  "composer.mentions": "Suggestions",
  "composer.mentionsSearching": "Searching…",
  "composer.mentionsEmpty": "No matches",
  "composer.mentionsFailed": "Search failed: {message}",
  "composer.tags": "Mentions",
  "composer.mention": "Mention",
  "composer.commands": "Commands",
  "composer.previewLoading": "Loading preview…",
  "composer.previewFailed": "Preview failed: {message}",
  "history.title": "History",
  "history.empty": "No conversations yet",
  "history.untitled": "New conversation",
  "history.rename": "Rename",
  "history.renameLabel": "Conversation title",
  "history.save": "Save",
  "history.cancel": "Cancel",
  "history.delete": "Delete",
  "history.deleteTitle": "Delete conversation?",
  "history.deleteDescription": "“{title}” will be deleted permanently.",
  "history.loadMore": "Load more",
  "history.loadingMore": "Loading…",
  "history.loadMoreFailed": "More conversations could not be loaded.",
  "history.renameFailed": "“{title}” could not be renamed.",
  "history.deleteFailed": "“{title}” could not be deleted.",
  "chatkit.placeholder": "Message the AI",
  "chatkit.showHistory": "Show history",
  "chatkit.hideHistory": "Hide history",
  "chatkit.newThread": "New chat",
  "chatkit.untitled": "New chat",
  "chatkit.readOnly": "This chat is read-only.",
  "chatkit.toolFailed": "The tool “{name}” failed: {message}",
} as const;

/** Keys of the message catalog. */
export type MessageKey = keyof typeof en;

/** A plural category of `Intl.PluralRules`. */
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";

/** Base keys of counted messages: `t("workflow.steps", { count })` reads `workflow.steps.<category>`. */
export type PluralMessageKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageKey];

/**
 * A complete message catalog. Counted messages need `.one` and `.other` like `en`; the other
 * plural categories are optional and fall back to `.other`.
 */
export type Messages = Record<MessageKey, string> &
  Partial<Record<`${PluralMessageKey}.${PluralCategory}`, string>>;

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "iw", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

/** The writing direction of a BCP 47 locale. */
export function directionOf(locale: string): "ltr" | "rtl" {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? "";
  return RTL_LANGUAGES.has(language) ? "rtl" : "ltr";
}

/** Fills `{name}` placeholders. Unknown placeholders stay as written. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
