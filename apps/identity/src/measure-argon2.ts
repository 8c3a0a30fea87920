import { hash, verify } from '@node-rs/argon2';
import { argon2Options } from './passwords.ts';

// Measures the password hash time with the service's argon2id parameters:
// `npx tsx apps/identity/src/measure-argon2.ts`. Prints the median of 20 hashes after one warm-up.

const runs = 20;
await hash('warm-up', argon2Options);
const durations: number[] = [];
let lastHash = '';
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  lastHash = await hash(`Example-Password-${run}!`, argon2Options);
  durations.push(performance.now() - started);
}
durations.sort((a, b) => a - b);
const verifyStarted = performance.now();
await verify(lastHash, `Example-Password-${runs - 1}!`);
const verifyMs = performance.now() - verifyStarted;
const median = durations[Math.floor(runs / 2)] ?? 0;
console.log(
  `argon2id m=${argon2Options.memoryCost} KiB t=${argon2Options.timeCost} p=${argon2Options.parallelism}: ` +
    `hash median ${median.toFixed(1)} ms (min ${durations[0]?.toFixed(1)}, max ${durations.at(-1)?.toFixed(1)}), ` +
    `one verify ${verifyMs.toFixed(1)} ms`,
);
