// Starts a program in its own process for a benchmark and waits for the URL it prints: a helper (fake API,
// minimal bot) through tsx, or LangNghe's server as production runs it (`npm run server`'s command: the
// compiled JavaScript in dist/, built first when stale, with the same Node flags).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

type Started = { url: string; child: ChildProcess };

export function startProcess(script: string, args: string[], env: Record<string, string>, urlPattern: RegExp, nodeArgs: string[] = []): Promise<Started> {
  return waitForUrl(spawnNode([...nodeArgs, '--import', 'tsx', script, ...args], env), script, urlPattern);
}

/** LangNghe's server role, started as `npm run server` starts it (without npm). */
export function startServer(env: Record<string, string>, urlPattern: RegExp, nodeArgs: string[] = []): Promise<Started> {
  const command = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.server!;
  const [, ...args] = command.split(' '); // node <flags> scripts/start.mjs server
  return waitForUrl(spawnNode([...nodeArgs, ...args], env), command, urlPattern);
}

const spawnNode = (args: string[], env: Record<string, string>) =>
  spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });

function waitForUrl(child: ChildProcess, what: string, urlPattern: RegExp): Promise<Started> {
  return new Promise((resolve, reject) => {
    let output = '';
    // A first start may build dist/ (~30 s).
    const timer = setTimeout(() => reject(new Error(`${what} printed no URL in 120 s:\n${output.slice(-2000)}`)), 120_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = urlPattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}):\n${output.slice(-2000)}`)));
  });
}
