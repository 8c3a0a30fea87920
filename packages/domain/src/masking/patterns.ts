import type { TextRange } from './phone-numbers.ts';

// Patterns for email addresses, links and social-media handles, written out and spelled out.
// They favour masking too much over too little: a hidden word costs a student less than an
// adult's handle that moves the conversation off ClockIn.

/** One part of an address: letters, digits and the symbols allowed around them. */
const LABEL = String.raw`[\p{L}\p{N}_%+\-]+`;
/** "dot" written as a word: " dot ", "(dot)", "[dot]". */
const DOT_WORD = String.raw`(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)`;
/** A dot with spaces around it, as in "gmail . com". */
const DOT_SPACED = String.raw`(?:\s+\.\s*|\s*\.\s+)`;
/** "@" written as a word or with spaces: " at ", "(at)", "[at]", " @ ". */
const AT_ANY = String.raw`(?:\s*@\s*|\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)`;
/** Nothing of a word may follow, so "co" in "co-workers" is no top-level domain. */
const WORD_END = String.raw`(?![\p{L}\p{N}_\-])`;
const WORD_START = String.raw`(?<![\p{L}\p{N}_\-.@])`;

/**
 * Top-level domains that end a spelled-out email address. The list is short because "at home.
 * Us too" must not read as an address.
 */
const EMAIL_DOMAINS = ['com', 'net', 'org', 'edu', 'gov', 'io'];
/** Mail providers whose name alone makes "jess at gmail" an address. */
const MAIL_PROVIDERS = ['gmail', 'googlemail', 'yahoo', 'hotmail', 'outlook', 'icloud', 'aol', 'protonmail', 'proton'];
/** Top-level domains that make a word with a dot a link, as in "bit.ly" or "jess dot com". */
const LINK_DOMAINS = [
  'com', 'net', 'org', 'edu', 'gov', 'io', 'me', 'co', 'us', 'app', 'ly', 'gg', 'tv', 'info', 'biz', 'xyz', 'link',
  'page', 'site', 'online', 'ai', 'ee', 'be', 'cc', 'ws', 'la', 'tk', 'live', 'store', 'shop', 'club', 'dev',
]; // prettier-ignore
/** Top-level domains that a spaced-out dot may precede, as in "jess . com". */
const SPACED_LINK_DOMAINS = ['com', 'net', 'org'];

const anyOf = (words: readonly string[]) => `(?:${words.join('|')})`;

/**
 * "name@domain", with or without a top-level domain, because "jess@gmail" is an address to a
 * reader too. Further "@" signs join the match, so no part of "a@b@c" is left to read as a handle.
 */
const EMAIL_WRITTEN = new RegExp(String.raw`${LABEL}(?:\.${LABEL})*@${LABEL}(?:[.@]${LABEL})*`, 'gu');

const EMAIL_SPELLED = new RegExp(
  [
    `${WORD_START}${LABEL}(?:(?:\\.|${DOT_WORD})${LABEL})*`,
    AT_ANY,
    `(?:${LABEL}(?:(?:\\.|${DOT_WORD}|${DOT_SPACED})${LABEL})*(?:\\.|${DOT_WORD}|${DOT_SPACED})${anyOf(EMAIL_DOMAINS)}`,
    `|${anyOf(MAIL_PROVIDERS)})${WORD_END}`,
  ].join(''),
  'giu',
);

const LINK_WITH_SCHEME = /(?:\b(?:https?|ftp):\/\/|\bwww\.)[^\s<>"']+/giu;

const LINK_BARE = new RegExp(
  `${WORD_START}${LABEL}(?:\\.${LABEL})*\\.${anyOf(LINK_DOMAINS)}${WORD_END}(?:/[^\\s<>"']*)?`,
  'giu',
);

const LINK_SPELLED = new RegExp(
  [
    `${WORD_START}${LABEL}(?:(?:\\.|${DOT_WORD})${LABEL})*`,
    `(?:${DOT_WORD}${anyOf(LINK_DOMAINS)}|${DOT_SPACED}${anyOf(SPACED_LINK_DOMAINS)})${WORD_END}`,
  ].join(''),
  'giu',
);

const AT_HANDLE = /(?<![\p{L}\p{N}_.@])@[\p{L}_][\p{L}\p{N}_.]{1,29}/gu;

/** Apps that students and adults trade handles for. Short names count as words of their own. */
const PLATFORMS = [
  'instagram', 'insta', 'ig', 'snapchat', 'snap', 'sc', 'tik\\s?tok', 'tt', 'discord', 'kik', 'telegram', 'tg',
  'whats\\s?app', 'wa', 'twitter', 'facebook', 'fb', 'messenger', 'threads', 'venmo', 'cash\\s?app', 'wechat',
  'youtube', 'yt', 'twitch', 'reddit', 'signal', 'bereal', 'pinterest', 'skype', 'groupme',
]; // prettier-ignore

/** Words between the app's name and the handle: "my snap is …", "insta: …", "add me on kik at …". */
const CONNECTOR = String.raw`(?:\s*[:=>\-–—]\s*|\s+(?:is|it's|its|me|at|on|handle|username|user|name|id|account)${WORD_END})*`;

const PLATFORM_HANDLE = new RegExp(
  `${WORD_START}${anyOf(PLATFORMS)}${WORD_END}${CONNECTOR}\\s*(@?[\\p{L}\\p{N}_][\\p{L}\\p{N}_.#]{1,29})`,
  'giu',
);

/**
 * Ordinary words that may follow an app's name ("snap that photo", "insta is fun"): never read as
 * a handle.
 */
const NOT_HANDLES = new Set([
  'a', 'an', 'and', 'are', 'as', 'be', 'but', 'can', 'chat', 'do', 'for', 'from', 'fun', 'go', 'has', 'have', 'he',
  'i', 'if', 'in', 'is', 'it', 'just', 'later', 'like', 'maybe', 'me', 'my', 'no', 'not', 'now', 'of', 'ok', 'okay',
  'or', 'our', 'photo', 'photos', 'pic', 'pics', 'please', 'post', 'posts', 'she', 'so', 'some', 'sometime', 'story',
  'streak', 'streaks', 'thanks', 'that', 'the', 'then', 'there', 'they', 'this', 'to', 'today', 'tomorrow', 'tonight',
  'too', 'video', 'videos', 'was', 'we', 'when', 'will', 'with', 'yes', 'you', 'your',
]); // prettier-ignore

function rangesOf(pattern: RegExp, text: string): TextRange[] {
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Finds email addresses, written ("jess@example.com") or spelled out ("jess at gmail dot com"). */
export function findEmailAddresses(text: string): TextRange[] {
  return [...rangesOf(EMAIL_WRITTEN, text), ...rangesOf(EMAIL_SPELLED, text)];
}

/** Finds links: with a scheme or "www.", bare domains ("bit.ly/x") and spelled ones ("jess dot com"). */
export function findLinks(text: string): TextRange[] {
  return [...rangesOf(LINK_WITH_SCHEME, text), ...rangesOf(LINK_BARE, text), ...rangesOf(LINK_SPELLED, text)];
}

/** Finds social-media handles: "@name", and a name after an app's name ("insta: name", "snap name"). */
export function findSocialHandles(text: string): TextRange[] {
  const ranges = rangesOf(AT_HANDLE, text);
  for (const match of text.matchAll(PLATFORM_HANDLE)) {
    const written = match[1] ?? '';
    // A full stop after the handle ends the sentence and stays.
    const withoutFullStop = written.replace(/\.+$/, '');
    const handle = withoutFullStop.replace(/^@/, '');
    if (handle.length < 2 || NOT_HANDLES.has(handle.toLowerCase())) continue;
    const end = match.index + match[0].length - (written.length - withoutFullStop.length);
    ranges.push({ start: match.index, end });
  }
  return ranges;
}
