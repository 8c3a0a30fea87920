import { findEmailAddresses, findLinks, findSocialHandles } from './patterns.ts';
import { findPhoneNumbers, PHONE_DIGITS_MIN, type TextRange } from './phone-numbers.ts';

export { findEmailAddresses, findLinks, findSocialHandles } from './patterns.ts';
export { findPhoneNumbers, PHONE_DIGITS_MIN, type TextRange } from './phone-numbers.ts';

/** Kinds of contact details that messages hide until contact is shared, in order of precedence. */
export const MASK_KINDS = ['email', 'link', 'phone', 'handle'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

/** The label that replaces each kind. No label contains a digit or a number word, so masking twice changes nothing. */
export const MASK_LABELS: Readonly<Record<MaskKind, string>> = {
  email: '[email hidden]',
  link: '[link hidden]',
  handle: '[social handle hidden]',
  phone: '[phone number hidden]',
};

export interface MaskedText {
  text: string;
  /** The kinds that were hidden, in the order of MASK_KINDS, or empty when the text is unchanged. */
  kinds: MaskKind[];
}

/** Characters that render as nothing and can split a number or an address invisibly. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

/**
 * Returns the ASCII digit for a Unicode decimal digit. Unicode encodes each script's digits
 * 0 to 9 as consecutive code points. Scripts with several digit sets (mathematical bold,
 * double-struck, …) place them back to back. So the value is the distance from the start of the
 * run of digits, modulo 10.
 */
function asciiDigit(character: string): string {
  let codePoint = character.codePointAt(0) as number;
  let offset = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(codePoint - 1))) {
    codePoint -= 1;
    offset += 1;
  }
  return String(offset % 10);
}

/**
 * Rewrites text so that look-alike characters cannot hide a number or an address: compatibility
 * forms become plain ones (full-width "５" becomes "5", "①" becomes "1"), every script's digits
 * become ASCII digits, and invisible characters are removed.
 */
export function normalizeForMasking(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\p{Nd}/gu, (digit) => (/[0-9]/.test(digit) ? digit : asciiDigit(digit)));
}

interface KindRange extends TextRange {
  kind: MaskKind;
}

/** Merges overlapping and touching ranges. A merged range takes the kind that comes first in MASK_KINDS. */
function mergeRanges(ranges: KindRange[]): KindRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: KindRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      if (MASK_KINDS.indexOf(range.kind) < MASK_KINDS.indexOf(last.kind)) last.kind = range.kind;
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/**
 * Hides email addresses, phone numbers, social-media handles and links in a message, written
 * out, spaced out or spelled out ("five one three …", "jess at gmail dot com"). The text is
 * normalized first (see `normalizeForMasking`), and the result never contains seven or more
 * digits in a row.
 */
export function maskContactDetails(input: string): MaskedText {
  const text = normalizeForMasking(input);
  const found: KindRange[] = [
    ...findEmailAddresses(text).map((range) => ({ ...range, kind: 'email' as const })),
    ...findLinks(text).map((range) => ({ ...range, kind: 'link' as const })),
    ...findSocialHandles(text).map((range) => ({ ...range, kind: 'handle' as const })),
    ...findPhoneNumbers(text).map((range) => ({ ...range, kind: 'phone' as const })),
  ];
  const ranges = mergeRanges(found);

  let output = '';
  let position = 0;
  for (const range of ranges) {
    output += text.slice(position, range.start) + MASK_LABELS[range.kind];
    position = range.end;
  }
  output += text.slice(position);

  const kinds = MASK_KINDS.filter((kind) => ranges.some((range) => range.kind === kind));
  return { text: output, kinds };
}

/** Returns whether text contains `PHONE_DIGITS_MIN` or more ASCII digits in a row. */
export function hasLongDigitRun(text: string): boolean {
  return new RegExp(`[0-9]{${PHONE_DIGITS_MIN},}`).test(text);
}
