import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentSecurityPolicy } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  test('allows no other origin', () => {
    const policy = directives(contentSecurityPolicy('bm9uY2U=', false));
    for (const [name, sources] of policy) {
      for (const source of sources) {
        assert.match(
          source,
          /^('self'|'none'|'nonce-[A-Za-z0-9+/=]+'|'strict-dynamic'|'unsafe-inline'|data:|blob:)$/,
          name,
        );
      }
    }
    assert.deepEqual(policy.get('script-src'), ["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
  });

  test('only development allows eval', () => {
    assert.doesNotMatch(contentSecurityPolicy('a', false), /unsafe-eval/);
    assert.match(contentSecurityPolicy('a', true), /'unsafe-eval'/);
  });
});
