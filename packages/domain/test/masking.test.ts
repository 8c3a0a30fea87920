import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import fc from 'fast-check';

import { hasLongDigitRun, maskContactDetails, normalizeForMasking } from '../src/masking/index.ts';

const phone = '[phone number hidden]';
const email = '[email hidden]';
const link = '[link hidden]';
const handle = '[social handle hidden]';

/** Each case: the message as typed and the text that is stored. */
type Case = [input: string, stored: string];

function checkCases(cases: Case[]): void {
  for (const [input, stored] of cases) {
    assert.equal(maskContactDetails(input).text, stored, input);
  }
}

describe('phone numbers', () => {
  test('written numbers are hidden', () => {
    checkCases([
      ['Call me at 513-555-0199 after school', `Call me at ${phone} after school`],
      ['my number is (513) 555 0199', `my number is ${phone}`],
      ['text 5135550199 tonight', `text ${phone} tonight`],
      ['+1 513.555.0199', phone],
      ['513 555-0199.', `${phone}.`],
      ['call 555-0199', `call ${phone}`],
      ['513_555_0199', phone],
      ['513*555*0199', phone],
      ['513, 555, 0199', phone],
      ['code1234567x', `code${phone}x`],
    ]);
  });

  test('spaced-out digits are hidden', () => {
    checkCases([
      ['5 1 3 5 5 5 0 1 9 9', phone],
      ['5  1  3  5  5  5  0  1  9  9', phone],
      ['5-1-3-5-5-5-0-1-9-9', phone],
      ['5.1.3.5.5.5.0.1.9.9', phone],
      ['51 35 55 01 99', phone],
    ]);
  });

  test('spelled-out digits are hidden', () => {
    checkCases([
      ['five one three five five five zero one nine nine', phone],
      ['Five One Three Five Five Five Zero One Nine Nine', phone],
      ['FIVE ONE THREE FIVE FIVE FIVE OH ONE NINE NINE', phone],
      ['five-one-three five-five-five oh-one-nine-nine', phone],
      ['my cell is five one three, five five five, oh one ninety nine', `my cell is ${phone}`],
      ['five thirteen five five five oh one nine nine', phone],
      ['double five one two three four five', phone],
      ['triple five two three four one', phone],
    ]);
  });

  test('mixed digits and words are hidden', () => {
    checkCases([
      ['five 1 three, 5 five 5, oh one 9 nine', phone],
      ['5one3five5five0one9nine', phone],
      ['513 five five five 0199', phone],
      ['513 555 O199', phone],
    ]);
  });

  test('look-alike digits are hidden', () => {
    checkCases([
      ['５１３５５５０１９９', phone],
      ['٥١٣٥٥٥٠١٩٩', phone],
      ['५१३५५५०१९९', phone],
      ['①②③④⑤⑥⑦', phone],
      ['𝟓𝟏𝟑𝟓𝟓𝟓𝟎𝟏𝟗𝟗', phone],
      ['513\u200B555\u200B0199', phone],
      ['513\u00AD555\u00AD0199', phone],
    ]);
  });

  test('ordinary numbers stay', () => {
    checkCases([
      ['I can work 4-8 on Monday, 3-7 on Tuesday', 'I can work 4-8 on Monday, 3-7 on Tuesday'],
      ['I worked 40 hours in 2024 at 2 jobs', 'I worked 40 hours in 2024 at 2 jobs'],
      ['I am 16 and in grade 11', 'I am 16 and in grade 11'],
      ['Shift is 4:30 to 8:00 pm', 'Shift is 4:30 to 8:00 pm'],
      ['Start on 12/15/2026', 'Start on 12/15/2026'],
      ['I have five shifts and one day off in three weeks', 'I have five shifts and one day off in three weeks'],
      ['It pays $12.50 an hour', 'It pays $12.50 an hour'],
      ['one to one for two', 'one to one for two'],
      ['513 555', '513 555'],
      ['five one three five five five', 'five one three five five five'],
    ]);
  });
});

describe('email addresses', () => {
  test('written addresses are hidden', () => {
    checkCases([
      ['email me: jess.smith@gmail.com', `email me: ${email}`],
      ['JESS+jobs@Example.org thanks', `${email} thanks`],
      ['reach me at jess_22@school.k12.oh.us', `reach me at ${email}`],
      ['jess @ gmail . com', email],
      ['jess@gmail . com', email],
    ]);
  });

  test('spelled-out addresses are hidden', () => {
    checkCases([
      ['jess at gmail dot com', email],
      ['jess dot smith at gmail dot com', email],
      ['jess (at) yahoo (dot) com', email],
      ['jess [at] school [dot] edu', email],
      ['jess {at} outlook {dot} com', email],
      ['jess AT hotmail DOT com', email],
      ['my email is jess at gmail', `my email is ${email}`],
      ['jess at icloud.com', email],
      ['jess at proton dot me', email],
    ]);
  });

  test('sentences with at and dots stay', () => {
    checkCases([
      ['I am good at math. Also I like art.', 'I am good at math. Also I like art.'],
      ['I work at Kroger. Me and my friends shop there.', 'I work at Kroger. Me and my friends shop there.'],
      ['co-workers at home. Co-op.', 'co-workers at home. Co-op.'],
      ['See you at noon.', 'See you at noon.'],
      ['I am at school until 3.', 'I am at school until 3.'],
    ]);
  });
});

describe('links', () => {
  test('links with a scheme are hidden', () => {
    checkCases([
      ['see https://bit.ly/abc now', `see ${link} now`],
      ['http://example.com/apply?x=1', link],
      ['www.example.com', link],
      ['WWW.EXAMPLE.COM/JOBS', link],
    ]);
  });

  test('bare domains are hidden', () => {
    checkCases([
      ['check jessportfolio.net/work', `check ${link}`],
      ['linktr.ee/jess', link],
      ['join discord.gg/abc', `join ${link}`],
      ['t.me/jess', link],
    ]);
  });

  test('spelled-out links are hidden', () => {
    checkCases([
      ['go to mysite dot com', `go to ${link}`],
      ['mysite (dot) net', link],
      ['mysite [dot] org slash jobs', `${link} slash jobs`],
      ['my site is jess . com', `my site is ${link}`],
      ['jess dot co dot uk', `${link} dot uk`],
    ]);
  });

  test('words with dots stay', () => {
    checkCases([
      ['Node.js and e.g. and a.m.', 'Node.js and e.g. and a.m.'],
      ['I can start Mon.Tue or Wed', 'I can start Mon.Tue or Wed'],
      ['Dot the i and cross the t', 'Dot the i and cross the t'],
    ]);
  });
});

describe('social handles', () => {
  test('at-sign handles are hidden', () => {
    checkCases([
      ['add me @jess_22', `add me ${handle}`],
      ['@jess.smith on there', `${handle} on there`],
      ['(@jess)', `(${handle})`],
    ]);
  });

  test('handles after an app name are hidden', () => {
    checkCases([
      ['insta: jess.smith', handle],
      ['Insta jess.smith', handle],
      ['ig - jess22', handle],
      ['my snap is jessie22', `my ${handle}`],
      ['snap jessie22', handle],
      ['snapchat = jessie22.', `${handle}.`],
      ['add me on tiktok jess', `add me on ${handle}`],
      ['my discord is jess#1234', `my ${handle}`],
      ['kik me at jess', handle],
      ['telegram username jess', handle],
      ['whats app jess', handle],
      ['venmo @jess-22', `${handle}-22`],
    ]);
  });

  test('app names in sentences stay', () => {
    checkCases([
      ['insta is fun', 'insta is fun'],
      ['do you have snapchat?', 'do you have snapchat?'],
      ['I saw it on tiktok today', 'I saw it on tiktok today'],
      ['meet @5pm by the door', 'meet @5pm by the door'],
      ['email is jess', 'email is jess'],
    ]);
  });
});

describe('masking as a whole', () => {
  test('kinds list what was hidden', () => {
    const masked = maskContactDetails('text 513 555 0199 or jess at gmail dot com, insta jess22');
    assert.deepEqual(masked.kinds, ['email', 'phone', 'handle']);
    assert.deepEqual(maskContactDetails('See you Saturday at 9').kinds, []);
  });

  test('clean text is unchanged', () => {
    const text = 'Hi! I can work Saturdays 9 to 1, and I have a ride. When would you like to meet at the store?';
    assert.deepEqual(maskContactDetails(text), { text, kinds: [] });
  });

  test('a number next to an address joins one mask', () => {
    assert.equal(maskContactDetails('5135550199@gmail.com').text, email);
    assert.equal(maskContactDetails('whatsapp 513 555 0199').text, phone);
  });

  test('normalizing keeps ordinary text', () => {
    assert.equal(normalizeForMasking('Café crème, 12 hours'), 'Café crème, 12 hours');
    assert.equal(normalizeForMasking('ｆｕｌｌ　ｗｉｄｔｈ ５'), 'full width 5');
  });

  test('long input finishes quickly', () => {
    for (const text of [
      'a '.repeat(1000),
      'a.'.repeat(1000),
      'a at '.repeat(400),
      '1 '.repeat(1000),
      '@'.repeat(2000),
    ]) {
      const started = performance.now();
      maskContactDetails(text);
      assert.ok(performance.now() - started < 500, `masking ${text.slice(0, 10)}… took too long`);
    }
  });
});

/** Characters that exercise the masking rules: digits of several scripts, separators and letters. */
const trickyCharacter = fc.constantFrom(
  ...'0123456789 -.,()+_*~|/:@#'.split(''),
  '５',
  '٣',
  '𝟗',
  '①',
  '\u200B',
  '\u00AD',
  'o',
  'O',
  'a',
  'x',
);
const trickyWord = fc.constantFrom('five', 'oh', 'nine', 'double', 'at', 'dot', 'com', 'gmail', 'snap', 'insta');
const trickyText = fc
  .array(fc.oneof(trickyCharacter, trickyWord, fc.string({ maxLength: 4 })), { maxLength: 120 })
  .map((parts) => parts.join(''));

describe('masking properties', () => {
  test('output never has seven digits in a row', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        const masked = maskContactDetails(text).text;
        assert.equal(hasLongDigitRun(masked), false, masked);
        assert.equal(/\p{Nd}{7,}/u.test(masked), false, masked);
      }),
      { numRuns: 2000 },
    );
  });

  test('masking twice changes nothing', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const once = maskContactDetails(text).text;
        assert.equal(maskContactDetails(once).text, once);
      }),
      { numRuns: 1000 },
    );
  });

  test('formatted phone numbers are always hidden', () => {
    const digitWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const digitForm = fc.constantFrom('digit', 'word', 'upper word');
    const separator = fc.constantFrom('', ' ', '-', '.', ' - ', '  ', ', ');
    const formattedNumber = fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 11 }),
        fc.array(fc.tuple(digitForm, separator), { minLength: 11, maxLength: 11 }),
      )
      .map(([digits, styles]) =>
        digits
          .map((digit, index) => {
            const [form, after] = styles[index] as [string, string];
            const written = form === 'digit' ? String(digit) : (digitWords[digit] as string);
            const spaced = form === 'digit' ? written : ` ${form === 'upper word' ? written.toUpperCase() : written} `;
            return index === digits.length - 1 ? spaced : spaced + after;
          })
          .join(''),
      );
    fc.assert(
      fc.property(formattedNumber, (number) => {
        const masked = maskContactDetails(`Hi, reach me at ${number} after school`);
        assert.ok(masked.kinds.includes('phone'), `${number} → ${masked.text}`);
        assert.equal(/[0-9]/.test(masked.text), false, masked.text);
      }),
      { numRuns: 1000 },
    );
  });

  test('words without digits or symbols stay', () => {
    const safeWord = fc.constantFrom(
      'I',
      'can',
      'work',
      'weekends',
      'and',
      'after',
      'school',
      'my',
      'mom',
      'drives',
      'me',
      'thank',
      'you',
      'hello',
      'the',
      'store',
    );
    fc.assert(
      fc.property(fc.array(safeWord, { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        assert.deepEqual(maskContactDetails(text), { text, kinds: [] });
      }),
    );
  });
});
