import type { Metadata } from 'next';
import promiseMap from '../../../../docs/promises.json';

export const metadata: Metadata = { title: 'Security and privacy' };

interface PagePromise {
  id: string;
  text: string;
  tests: string[];
}

/** Splits "path — test name" into the file and the test's name. */
function describeTest(reference: string): { file: string; name: string } {
  const [file = reference, name = ''] = reference.split(' — ');
  return { file, name };
}

/**
 * ClockIn's security and privacy promises, rendered from the promise map, with the automated
 * tests that fail when a promise breaks.
 */
export default function SecurityPage() {
  const promises = (promiseMap as { promises: PagePromise[] }).promises;
  const proven = promises.filter((promise) => promise.tests.length > 0).length;
  return (
    <section className="page">
      <h1>Security and privacy</h1>
      <p>
        Most people on ClockIn are students under 18, so these promises are requirements of the product. Each one below
        lists the automated tests that check it on every change; {proven} of {promises.length} promises have tests
        today.
      </p>
      <ol className="promise-list">
        {promises.map((promise) => (
          <li key={promise.id} id={promise.id}>
            <h2>{promise.text}</h2>
            {promise.tests.length > 0 ? (
              <details>
                <summary>
                  {promise.tests.length === 1 ? '1 test checks this' : `${promise.tests.length} tests check this`}
                </summary>
                <ul>
                  {promise.tests.map((reference) => {
                    const { file, name } = describeTest(reference);
                    return (
                      <li key={reference}>
                        {name ? `${name} ` : ''}
                        <code>{file}</code>
                      </li>
                    );
                  })}
                </ul>
              </details>
            ) : (
              <p>No automated test checks this promise yet.</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
