// The loopback fake Bot API as a process of its own, for bench/telegram-webhook.
import { startFakeTelegram } from '../test/helpers/fake-telegram.js';

const fake = await startFakeTelegram();
// Keep memory flat over a long run: the benchmark needs no record of the calls.
setInterval(() => fake.calls.splice(0, fake.calls.length), 1000).unref();
console.log(`FAKE ${fake.url}`);
