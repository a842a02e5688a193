// ffmpeg ignores SIGPIPE and outlives a worker killed with SIGKILL, burning CPU on a job another worker
// has taken over. On Linux, util-linux's setpriv sets the child's parent-death signal, so the kernel
// kills ffmpeg with its worker; where setpriv is missing, ffmpeg runs as a plain child.
import { spawn, spawnSync } from 'node:child_process';

let setpriv: boolean | undefined;
const hasSetpriv = () => (setpriv ??= process.platform === 'linux' && spawnSync('setpriv', ['--pdeathsig', 'KILL', 'true']).status === 0);

/** Runs `command` with stdout and stderr piped to us, stdin closed. */
export function spawnTied(command: string, args: string[], options: { cwd?: string } = {}) {
  const stdio = { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
  return hasSetpriv() ? spawn('setpriv', ['--pdeathsig', 'KILL', command, ...args], stdio) : spawn(command, args, stdio);
}
