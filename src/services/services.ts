// The application's services, one per area, built by the composition root (src/app.ts) from the
// repositories and ports they need. The edges (HTTP, chat channels, workers) receive these, never Prisma.
export interface Services {}
