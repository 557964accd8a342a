import { z } from 'zod';

/** Every refusal, whatever the route (api/errors.ts): a code, a message, the field it concerns. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().nullable(),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
