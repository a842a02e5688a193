// The architecture's boundaries, kept by the tool (`npm run lint`), not by memory. README's Architecture
// section says the same in words.
const channelLibraries = ['grammy', '@grammyjs/[^/]+', 'axios'];
const httpLibraries = ['fastify', '@fastify/[^/]+', '@bull-board/[^/]+', '@tus/[^/]+'];
const databaseLibraries = ['@prisma/[^/]+', 'prisma', 'pg'];
/** Paths of installed packages, as dependency-cruiser resolves them. */
const packages = (...names) => names.map((name) => `^node_modules/${name}/`);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'prisma-only-in-the-data-layer',
      comment: "Only src/data/ and the composition root (src/app.ts, the CLIs' bootstrap) import the Prisma client; everything else goes through repositories.",
      severity: 'error',
      from: { path: '^(src|workers)/', pathNot: ['^src/data/', '^src/app\\.ts$', '^src/cli/bootstrap\\.ts$', '^src/generated/'] },
      to: { path: ['^src/generated/prisma/', '^src/data/database\\.ts$', ...packages(...databaseLibraries)] },
    },
    {
      name: 'engine-and-dialogue-know-no-channel-database-or-http',
      comment: 'The Q&A engine and the dialogue are channel-free: Telegram, Zalo and the web render their replies.',
      severity: 'error',
      from: { path: '^src/(ask|conversation)/' },
      to: { path: ['^src/(channels|http|data|generated)/', '^workers/', '^src/jobs/'] },
    },
    {
      name: 'engine-and-dialogue-use-no-channel-database-or-http-library',
      severity: 'error',
      from: { path: '^src/(ask|conversation)/' },
      to: { path: packages(...channelLibraries, ...httpLibraries, ...databaseLibraries, 'ioredis', 'bullmq') },
    },
    {
      name: 'services-know-no-http-or-channel',
      comment: 'Use cases are called by the edges; they never reach back into them.',
      severity: 'error',
      from: { path: '^src/(services|domain)/' },
      to: { path: ['^src/(http|channels)/', '^workers/'] },
    },
    {
      name: 'services-use-no-http-or-channel-library',
      severity: 'error',
      from: { path: '^src/(services|domain)/' },
      to: { path: packages(...channelLibraries, ...httpLibraries) },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain/ holds rules that need no I/O.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: ['^src/(data|generated|services|jobs|media)/', ...packages('ioredis', 'bullmq')] },
    },
    {
      name: 'media-knows-no-database',
      comment: 'ffmpeg lives in a module that knows nothing of queues or the database.',
      severity: 'error',
      from: { path: '^src/media/' },
      to: { path: ['^src/(data|generated|services|http|channels|jobs)/', ...packages(...databaseLibraries, 'ioredis', 'bullmq')] },
    },
    {
      name: 'observability-knows-no-edge-or-database',
      comment: 'Metrics are counted by services, roles and the HTTP edge; the metrics module reaches into none of them.',
      severity: 'error',
      from: { path: '^src/observability/' },
      to: {
        path: [
          '^src/(http|channels|data|generated|services|conversation|ask|jobs)/',
          '^workers/',
          ...packages(...channelLibraries, ...httpLibraries, ...databaseLibraries, 'ioredis'),
        ],
      },
    },
    {
      name: 'channels-do-not-import-each-other',
      severity: 'error',
      from: { path: '^src/channels/([^/]+)/' },
      to: { path: '^src/channels/', pathNot: '^src/channels/$1/' },
    },
  ],
  options: {
    // Reached but not walked: the generated client is a target of the rules above, not a subject.
    doNotFollow: { path: ['node_modules', '^src/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs'],
    },
  },
};
