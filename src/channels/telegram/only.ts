// grammY's Composer.on/filter/chatType build a new Composer for every update that reaches them (Composer.lazy),
// matched or not: on the webhook's hot path that was the largest share of what an update allocates (issue 20).
// These do the same with the inner middleware built once: an update the test rejects goes straight on.
import { Composer, matchFilter, type Context, type Filter, type FilterQuery, type Middleware, type MiddlewareFn } from 'grammy';

/** Composer.filter(predicate, ...middleware), without the per-update Composer. */
export function onlyIf<C extends Context, D extends C = C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): MiddlewareFn<C>;
export function onlyIf<C extends Context>(predicate: (ctx: C) => boolean, ...middleware: Middleware<C>[]): MiddlewareFn<C>;
export function onlyIf<C extends Context>(predicate: (ctx: C) => boolean, ...middleware: Middleware<C>[]): MiddlewareFn<C> {
  const handler = new Composer<C>(...middleware).middleware();
  return (ctx, next) => (predicate(ctx) ? handler(ctx, next) : next());
}

/** Composer.on(query, ...middleware) — grammY's own filter query and its types — without the per-update Composer. */
export function only<C extends Context, Q extends FilterQuery>(query: Q | Q[], ...middleware: Middleware<Filter<C, Q>>[]): MiddlewareFn<C> {
  return onlyIf(matchFilter<C, Q>(query), ...middleware);
}
