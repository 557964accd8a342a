import { z } from 'zod';

/** /healthz says the process answers; /readyz whether it can do its job (api/ops/health.ts). */
export const liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

export const readiness = z
  .object({ status: z.enum(['ready', 'not ready']), checks: z.object({ database: z.boolean(), redis: z.boolean() }) })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof readiness>;
