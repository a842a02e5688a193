// The health check bound to what it pings: /healthz calls it.
import { checkHealth, type HealthDeps } from './check-health.js';

export function createHealthService(deps: HealthDeps) {
  return {
    check: () => checkHealth(deps),
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
