/**
 * Seconds during which a rotated refresh token still returns the result of its exchange. Requests
 * that the browser sent before it stored the new cookie arrive within a second or two. A new access
 * token lasts an hour and is refreshed only in its last five minutes, so the same sign-in never
 * rotates twice within this period.
 */
export const REFRESH_GRACE_SECONDS = 30;

interface SettledExchange<Result> {
  result: Result;
  settledAt: number;
}

/**
 * Exchanges each refresh token at most once in this server process and shares the result.
 *
 * The identity service rotates refresh tokens, and a second use of one token revokes the whole
 * sign-in (RefreshTokenReuseException), because it looks like a stolen token. A browser often sends
 * several requests with the same cookie at once: a page, the prefetches of its links, another tab.
 * Requests that arrive while an exchange runs wait for it. Requests that arrive within the grace
 * period after it finished get its stored result, so they write the same new cookies instead of
 * presenting the old token again. A failed exchange is not stored, so a later request tries again.
 */
export class RefreshCoordinator<Result> {
  private readonly running = new Map<string, Promise<Result>>();
  /** Finished exchanges in the order they finished, so pruning stops at the first fresh one. */
  private readonly settled = new Map<string, SettledExchange<Result>>();

  constructor(
    private readonly graceMilliseconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the result of exchanging `refreshToken`, running `exchange` only if no recent result exists. */
  exchangeOnce(refreshToken: string, exchange: () => Promise<Result>): Promise<Result> {
    this.forgetExpired();

    const recent = this.settled.get(refreshToken);
    if (recent) return Promise.resolve(recent.result);
    const pending = this.running.get(refreshToken);
    if (pending) return pending;

    const started = exchange()
      .then((result) => {
        this.settled.set(refreshToken, { result, settledAt: this.now() });
        return result;
      })
      .finally(() => this.running.delete(refreshToken));
    this.running.set(refreshToken, started);
    return started;
  }

  private forgetExpired(): void {
    const oldestKept = this.now() - this.graceMilliseconds;
    for (const [refreshToken, exchange] of this.settled) {
      if (exchange.settledAt > oldestKept) break;
      this.settled.delete(refreshToken);
    }
  }
}
