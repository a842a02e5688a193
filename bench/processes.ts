// Starts a program in its own process for a benchmark and waits for the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';

export async function startProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
  urlPattern: RegExp,
  nodeArgs: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${script} printed no URL in 60 s:\n${output.slice(-2000)}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = urlPattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}):\n${output.slice(-2000)}`)));
  });
}
