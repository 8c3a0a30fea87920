/** A stretch of text to replace, as UTF-16 offsets: `start` inclusive, `end` exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** Minimum digits that make a run count as a phone number: a local number without area code. */
export const PHONE_DIGITS_MIN = 7;

/**
 * Number words and how many digits each stands for. "oh" and a lone "o" read as zero, and the
 * sound-alikes "won", "to", "too", "for" and "ate" count only inside a run that reaches the limit
 * anyway. Tens and "hundred" make more than one digit ("ninety nine", "five hundred").
 */
const NUMBER_WORD_DIGITS: ReadonlyMap<string, number> = new Map([
  ...['zero', 'oh', 'o', 'one', 'won', 'two', 'to', 'too', 'three', 'four', 'for', 'five', 'six', 'seven'].map(
    (word) => [word, 1] as const,
  ),
  ...['eight', 'ate', 'nine'].map((word) => [word, 1] as const),
  ...['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map(
    (word) => [word, 2] as const,
  ),
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred'].map(
    (word) => [word, 2] as const,
  ),
  ['thousand', 3],
]);

/**
 * Words that repeat the next digit ("double five" is 55). They count no digit on their own, so a
 * run may contain them but never starts or ends with one.
 */
const REPEAT_WORDS: ReadonlyMap<string, number> = new Map([
  ['double', 2],
  ['triple', 3],
]);

/**
 * Characters allowed between the digits of one phone number: spaces, dashes, dots, commas,
 * brackets and a plus sign. Colons and slashes end a run, so clock times and dates stay readable.
 */
const SEPARATOR = /^[\s\-–—.,()+_*~|]+$/u;

/** Maximum gap between two parts of one number, so digits far apart in a sentence do not join. */
const SEPARATOR_LENGTH_MAX = 6;

interface Token {
  start: number;
  end: number;
  /** Digits this token stands for, or 0 for a repeat word. */
  digits: number;
  /** How often a repeat word repeats the next token, or 1 for every other token. */
  repeat: number;
}

interface Candidate {
  text: string;
  kind: 'digits' | 'word';
  start: number;
  end: number;
}

/** Splits text into runs of ASCII digits and runs of letters, with their offsets. */
function* candidateTokens(text: string): Generator<Candidate> {
  for (const match of text.matchAll(/[0-9]+|\p{L}+/gu)) {
    const kind = /[0-9]/.test(match[0][0] ?? '') ? 'digits' : 'word';
    yield { text: match[0], kind, start: match.index, end: match.index + match[0].length };
  }
}

/** Reads a token as part of a number, or returns null when it is an ordinary word. */
function numberPart(token: Candidate): { digits: number; repeat: number } | null {
  if (token.kind === 'digits') return { digits: token.text.length, repeat: 1 };
  const word = token.text.toLowerCase();
  const repeat = REPEAT_WORDS.get(word);
  if (repeat !== undefined) return { digits: 0, repeat };
  const digits = NUMBER_WORD_DIGITS.get(word);
  return digits === undefined ? null : { digits, repeat: 1 };
}

function joinsPrevious(text: string, previous: Token, next: Token): boolean {
  if (next.start === previous.end) return true;
  const gap = text.slice(previous.end, next.start);
  return gap.length <= SEPARATOR_LENGTH_MAX && SEPARATOR.test(gap);
}

/**
 * Returns the range of a run that stands for enough digits, widened to an opening bracket or plus
 * sign just before it and a closing bracket just after it. A repeat word at the end repeats
 * nothing and stays outside.
 */
function phoneRange(text: string, run: Token[]): TextRange | null {
  let last = run.length - 1;
  while (last >= 0 && run[last]?.digits === 0) last -= 1;
  const first = run[0];
  if (!first || last < 0) return null;

  let digits = 0;
  run.forEach((token, index) => {
    // "double five" stands for two fives.
    digits += token.digits * (run[index - 1]?.repeat ?? 1);
  });
  if (digits < PHONE_DIGITS_MIN) return null;

  let start = first.start;
  let end = (run[last] as Token).end;
  while (start > 0 && /[(+]/.test(text[start - 1] ?? '')) start -= 1;
  if (text[end] === ')') end += 1;
  return { start, end };
}

/**
 * Finds phone numbers: runs of digits and number words, joined only by short separators, that
 * stand for at least seven digits. Covers "513-555-0199", "(513) 555 0199", "5 1 3 5 5 5 0 1 9 9",
 * "five one three five five five zero one nine nine" and mixtures of digits and words. Expects
 * text whose digits are already ASCII (see `normalizeForMasking`).
 */
export function findPhoneNumbers(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let run: Token[] = [];

  const closeRun = () => {
    const range = phoneRange(text, run);
    if (range) ranges.push(range);
    run = [];
  };

  for (const candidate of candidateTokens(text)) {
    const part = numberPart(candidate);
    if (part === null) {
      closeRun();
      continue;
    }
    const token: Token = { start: candidate.start, end: candidate.end, ...part };
    const previous = run[run.length - 1];
    if (previous && !joinsPrevious(text, previous, token)) closeRun();
    run.push(token);
  }
  closeRun();
  return ranges;
}
