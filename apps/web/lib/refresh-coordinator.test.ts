import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RefreshCoordinator } from './refresh-coordinator';

const graceMilliseconds = 30_000;

/** Creates an exchange that counts its calls and finishes only when the test resolves or rejects it. */
function controlledExchange() {
  let calls = 0;
  let resolveResult: (value: string) => void = () => {};
  let rejectResult: (error: Error) => void = () => {};
  const exchange = () => {
    calls += 1;
    return new Promise<string>((resolve, reject) => {
      resolveResult = resolve;
      rejectResult = reject;
    });
  };
  return {
    exchange,
    calls: () => calls,
    resolve: (value: string) => resolveResult(value),
    reject: (error: Error) => rejectResult(error),
  };
}

describe('refresh coordinator', () => {
  test('parallel requests share one exchange', async () => {
    const coordinator = new RefreshCoordinator<string>(graceMilliseconds);
    const controlled = controlledExchange();

    const results = [1, 2, 3].map(() => coordinator.exchangeOnce('refresh-1', controlled.exchange));
    controlled.resolve('tokens-2');

    assert.deepEqual(await Promise.all(results), ['tokens-2', 'tokens-2', 'tokens-2']);
    assert.equal(controlled.calls(), 1);
  });

  test('late request within grace gets the stored result', async () => {
    let clock = 1_000_000;
    const coordinator = new RefreshCoordinator<string>(graceMilliseconds, () => clock);
    let calls = 0;
    const exchange = async () => `tokens-${++calls}`;

    assert.equal(await coordinator.exchangeOnce('refresh-1', exchange), 'tokens-1');
    clock += graceMilliseconds - 1;
    assert.equal(await coordinator.exchangeOnce('refresh-1', exchange), 'tokens-1');
    assert.equal(calls, 1);
  });

  test('request after grace exchanges again', async () => {
    let clock = 1_000_000;
    const coordinator = new RefreshCoordinator<string>(graceMilliseconds, () => clock);
    let calls = 0;
    const exchange = async () => `tokens-${++calls}`;

    assert.equal(await coordinator.exchangeOnce('refresh-1', exchange), 'tokens-1');
    clock += graceMilliseconds;
    assert.equal(await coordinator.exchangeOnce('refresh-1', exchange), 'tokens-2');
    assert.equal(calls, 2);
  });

  test('different tokens exchange separately', async () => {
    const coordinator = new RefreshCoordinator<string>(graceMilliseconds);
    const first = controlledExchange();
    const second = controlledExchange();

    const results = [
      coordinator.exchangeOnce('refresh-a', first.exchange),
      coordinator.exchangeOnce('refresh-b', second.exchange),
    ];
    first.resolve('tokens-a');
    second.resolve('tokens-b');

    assert.deepEqual(await Promise.all(results), ['tokens-a', 'tokens-b']);
    assert.equal(first.calls(), 1);
    assert.equal(second.calls(), 1);
  });

  test('failure reaches every waiting request', async () => {
    const coordinator = new RefreshCoordinator<string>(graceMilliseconds);
    const controlled = controlledExchange();

    const results = [1, 2].map(() => coordinator.exchangeOnce('refresh-1', controlled.exchange));
    controlled.reject(new Error('RefreshTokenReuseException'));

    for (const result of results) await assert.rejects(result, { message: 'RefreshTokenReuseException' });
    assert.equal(controlled.calls(), 1);
  });

  test('failure is not stored', async () => {
    const coordinator = new RefreshCoordinator<string>(graceMilliseconds);
    let calls = 0;
    const exchange = async () => {
      calls += 1;
      if (calls === 1) throw new Error('fetch failed');
      return 'tokens-2';
    };

    await assert.rejects(coordinator.exchangeOnce('refresh-1', exchange), { message: 'fetch failed' });
    assert.equal(await coordinator.exchangeOnce('refresh-1', exchange), 'tokens-2');
    assert.equal(calls, 2);
  });
});
