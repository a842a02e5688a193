// The fault trials run short inside `npm test` and at full size with `npm run test:resilience`.
export const FULL = process.env.RESILIENCE === 'full';
export const size = (short: number, full: number) => (FULL ? full : short);
