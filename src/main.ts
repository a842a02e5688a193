// Entry point: `npm start` runs the server and the workers; `npm run server` / `npm run worker` one role.
import { ConfigError, loadConfig } from './config.js';
import { ContentError } from './content/load.js';
import { startApp, type Role } from './app.js';

const role = (process.argv[2] ?? 'all') as Role;
if (!['all', 'server', 'worker'].includes(role)) {
  console.error(`Unknown role "${role}": use server, worker or nothing for both.`);
  process.exit(2);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const app = await startApp(config, role).catch((error: unknown) => {
  // A broken handbook file stops the start with its path and line, not a stack trace.
  if (error instanceof ContentError) {
    console.error(`content/ has ${error.problems.length} problem(s); nothing was imported:\n${error.message}`);
    process.exit(1);
  }
  throw error;
});
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    void app.close().then(() => process.exit(0));
  });
}
