// bench/pipeline: the vlog pipeline on a 60 s 1080p30 clip, in one run:
//   (a) the worker (`src/main.ts worker`, its own process): wall time from job start to outputs recorded,
//       which includes ffprobe, loudnorm's measuring pass, the encode, the renames and PostgreSQL;
//   (b) one hand-written ffmpeg command producing the same outputs (given the same loudness figures);
//   (c) one ffmpeg pass per output, each decoding the source again (PeerTube's way: a job per resolution).
// Then 50 short jobs through the same worker process, its resident memory read after each.
// Run by hand: `npm run bench:pipeline`. Targets: a/b ≤ 1.05, c/a ≥ 1.1, ≥ 1.5 s of input per second of
// (a), worker memory flat across 50 jobs. Needs PostgreSQL and Redis (BENCH_DATABASE_URL, REDIS_URL).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { startProcess } from './processes.js';
import { loadConfig } from '../src/config.js';
import { createPrisma } from '../src/data/database.js';
import { createQueues, jobIdFor } from '../src/jobs/queues.js';
import { resolveBinaries } from '../src/media/binaries.js';
import { measureLoudness } from '../src/media/loudness.js';
import { createLogger } from '../src/logger.js';
import { ingestClip } from '../src/services/clips/ingest-clip.js';
import { addStaff } from '../src/services/staff/add-staff.js';
import { createRepositories } from '../src/data/repositories.js';

const run = promisify(execFile);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MEMORY_JOBS = Number(process.env.BENCH_MEMORY_JOBS ?? 50);
const config = loadConfig();
const databaseUrl = process.env.BENCH_DATABASE_URL ?? Object.assign(new URL(config.DATABASE_URL), { pathname: '/langnghe_bench' }).toString();
const { ffmpeg } = resolveBinaries(config);
const dir = join(tmpdir(), 'langnghe-bench-pipeline');
const mediaDir = join(dir, 'media');
const prefix = `bench-${randomUUID().slice(0, 8)}`;
rmSync(mediaDir, { recursive: true, force: true });
mkdirSync(mediaDir, { recursive: true });

// The source: 60 s of 1080p30 test pattern with quiet speech-like sound, encoded as a phone does (H.264
// High with CABAC and B-frames, 17 Mbit/s), so decoding it costs what a real upload's does.
const source = join(dir, 'source-60s-1080p30-phone.mp4');
if (!existsSync(source)) {
  console.log('making the 60 s 1080p30 source…');
  await run(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=1920x1080:rate=30:duration=60',
    '-f',
    'lavfi',
    '-i',
    'anoisesrc=color=pink:sample_rate=48000:amplitude=0.25:duration=60,highpass=f=150,lowpass=f=3500,tremolo=f=4:d=0.9',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-profile:v',
    'high',
    '-b:v',
    '17M',
    '-maxrate',
    '17M',
    '-bufsize',
    '17M',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '192k',
    '-shortest',
    source,
  ]);
}

const worker = await startProcess(
  'src/main.ts',
  ['worker'],
  { DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, MEDIA_DIR: mediaDir, LOG_LEVEL: 'info' },
  /(LangNghe workers running)/,
);
// The worker logs each clip's encode and total seconds: (a) split into ffmpeg and everything else.
const workerTimes: Array<{ encodeSeconds: number; totalSeconds: number }> = [];
worker.child.stdout!.on('data', (chunk: Buffer) => {
  for (const line of chunk.toString().split('\n')) if (line.includes('"clip ready"')) workerTimes.push(JSON.parse(line));
});
const prisma = createPrisma(databaseUrl);
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
const queues = createQueues(redis, prefix, () => {});
const deps = {
  clips: createRepositories(prisma).clips,
  queues,
  mediaDir,
  binaries: resolveBinaries(config),
  logger: createLogger({ level: 'silent', secrets: [] }),
};
const staff = await addStaff({ staff: createRepositories(prisma).staff }, { name: 'Bench' });
const preset = config.FFMPEG_PRESET;
const threads = config.FFMPEG_THREADS;
const loud = await measureLoudness(ffmpeg, source, 600_000);
const loudnorm = `loudnorm=I=-14:TP=-1.5:LRA=11:measured_I=${loud!.input_i}:measured_TP=${loud!.input_tp}:measured_LRA=${loud!.input_lra}:measured_thresh=${loud!.input_thresh}:offset=${loud!.target_offset}:linear=true:print_format=none,aresample=48000`;

/** (a): a clip through the worker; the job's own start and finish times, from BullMQ. */
async function viaWorker(path: string, sha256 = randomUUID()): Promise<number> {
  const copy = join(dir, `upload-${randomUUID()}.mp4`);
  await copyFile(path, copy);
  const created = await ingestClip(deps, {
    tempPath: copy,
    originalName: 'bench.mp4',
    bytes: readFileSync(path).length,
    sha256,
    title: 'Bench',
    staffId: staff.id,
  });
  const id = created.clip!.id;
  for (;;) {
    const clip = await prisma.clip.findUniqueOrThrow({ where: { id } });
    if (clip.state === 'ready') break;
    if (clip.state === 'failed' || clip.state === 'rejected') throw new Error(`bench clip ${clip.state}: ${clip.error}`);
    // Seldom: the time comes from the job itself, and a busy poll would take CPU from the worker.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const job = await queues.clipProcessing.getJob(jobIdFor['clip-processing']({ clipId: id }));
  return (job!.finishedOn! - job!.processedOn!) / 1000;
}

const x264 = [
  '-c:v',
  'libx264',
  '-preset',
  preset,
  '-profile:v',
  'high',
  '-pix_fmt',
  'yuv420p',
  '-sc_threshold',
  '0',
  '-g',
  '60',
  '-keyint_min',
  '60',
  ...(threads ? ['-threads', String(threads)] : []),
];
const aac = ['-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-movflags', '+faststart'];
const v1080 = [...x264, '-crf', '21', '-maxrate', '5M', '-bufsize', '10M'];
const v720 = [...x264, '-crf', '22', '-maxrate', '3M', '-bufsize', '6M'];
const poster = 'trim=start=1:duration=1.033,setpts=PTS-STARTPTS,thumbnail=n=30,scale=1280:720';
const thumbs = 'fps=fps=4/60,scale=320:180';

async function timed(args: string[][], cwd: string): Promise<number> {
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  const start = performance.now();
  for (const a of args) await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...a], { cwd });
  return (performance.now() - start) / 1000;
}

/** (b): everything from one decode, written by hand. */
const handWritten = () =>
  timed(
    [
      [
        '-i',
        source,
        '-filter_complex',
        `[0:v]fps=30,format=yuv420p,split=4[a][b][c][d];[a]scale=1920:1080[v1];[b]scale=1280:720[v2];[c]${poster}[p];[d]${thumbs}[t];[0:a]aresample=48000,aformat=channel_layouts=stereo,${loudnorm},asplit=2[a1][a2]`,
        '-map',
        '[v1]',
        '-map',
        '[a1]',
        ...v1080,
        ...aac,
        '1080p.mp4',
        '-map',
        '[v2]',
        '-map',
        '[a2]',
        ...v720,
        ...aac,
        '720p.mp4',
        '-map',
        '[p]',
        '-frames:v',
        '1',
        '-q:v',
        '3',
        'poster.jpg',
        '-map',
        '[t]',
        '-frames:v',
        '4',
        '-q:v',
        '5',
        'thumb-%d.jpg',
      ],
    ],
    join(dir, 'b'),
  );

/** (c): a pass per output, each decoding the source. */
const passPerOutput = () =>
  timed(
    [
      ['-i', source, '-vf', 'fps=30,scale=1920:1080', '-af', loudnorm, ...v1080, ...aac, '1080p.mp4'],
      ['-i', source, '-vf', 'fps=30,scale=1280:720', '-af', loudnorm, ...v720, ...aac, '720p.mp4'],
      ['-i', source, '-vf', poster, '-frames:v', '1', '-q:v', '3', 'poster.jpg'],
      ['-i', source, '-vf', thumbs, '-frames:v', '4', '-q:v', '5', 'thumb-%d.jpg'],
    ],
    join(dir, 'c'),
  );

const results: Array<{ a: number; b: number; c: number }> = [];
for (let round = 1; round <= ROUNDS; round++) {
  // A new hash each round, so the same source is not refused as a duplicate.
  const a = await viaWorker(source);
  const b = await handWritten();
  const c = await passPerOutput();
  results.push({ a, b, c });
  const inside = workerTimes.at(-1);
  console.log(
    `round ${round}: (a) worker ${a.toFixed(1)} s (its ffmpeg ${inside?.encodeSeconds.toFixed(1)} s, all its steps ${inside?.totalSeconds.toFixed(1)} s), (b) one hand-written command ${b.toFixed(1)} s, (c) a pass per output ${c.toFixed(1)} s`,
  );
}
if (results.length) {
  const best = (key: 'a' | 'b' | 'c') => Math.min(...results.map((r) => r[key]));
  const [a, b, c] = [best('a'), best('b'), best('c')];
  console.log(`\nbest of ${ROUNDS} (preset ${preset}, threads ${threads || 'auto'}, ${process.env.BENCH_MACHINE ?? ''}):`);
  console.log(`  (a) worker                   ${a.toFixed(1)} s`);
  console.log(`  (b) one hand-written command ${b.toFixed(1)} s    a/b = ${(a / b).toFixed(3)}   target ≤ 1.05 ${a / b <= 1.05 ? 'MET' : 'MISSED'}`);
  console.log(`  (c) a pass per output        ${c.toFixed(1)} s    c/a = ${(c / a).toFixed(2)}    target ≥ 1.1 ${c / a >= 1.1 ? 'MET' : 'MISSED'}`);
  console.log(`  speed: ${(60 / a).toFixed(2)} s of input per second    target ≥ 1.5 ${60 / a >= 1.5 ? 'MET' : 'MISSED'}`);
  console.log(`  per round: a/b ${results.map((r) => (r.a / r.b).toFixed(3)).join(', ')}; c/a ${results.map((r) => (r.c / r.a).toFixed(2)).join(', ')}`);
}

// Memory: 50 short clips through the same worker process; its RSS after each (BENCH_ROUNDS=0 for this part alone).
const short = join(dir, 'short-3s-640x360.mp4');
await run(ffmpeg, [
  '-hide_banner',
  '-loglevel',
  'error',
  '-y',
  '-f',
  'lavfi',
  '-i',
  'testsrc2=size=640x360:rate=30:duration=3',
  '-f',
  'lavfi',
  '-i',
  'sine=duration=3',
  '-c:v',
  'libx264',
  '-preset',
  'ultrafast',
  '-pix_fmt',
  'yuv420p',
  '-c:a',
  'aac',
  '-shortest',
  short,
]);
const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${worker.child.pid}/status`, 'utf8'))![1]) / 1024;
const samples: number[] = [];
for (let job = 1; job <= MEMORY_JOBS; job++) {
  await viaWorker(short);
  samples.push(rssMb());
}
const avg = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const first = avg(samples.slice(0, 10));
const last = avg(samples.slice(-10));
console.log(
  `\nworker RSS over ${MEMORY_JOBS} jobs: jobs 1–10 ${first.toFixed(0)} MB, jobs ${MEMORY_JOBS - 9}–${MEMORY_JOBS} ${last.toFixed(0)} MB, max ${Math.max(...samples).toFixed(0)} MB (${(((last - first) / first) * 100).toFixed(1)} %)`,
);
console.log(
  `  every 10th: ${samples
    .filter((_, i) => i % 10 === 9)
    .map((v) => v.toFixed(0))
    .join(', ')} MB`,
);

worker.child.kill('SIGTERM');
await queues.close();
redis.disconnect();
await prisma.$disconnect();
process.exit(0);
