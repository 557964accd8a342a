import { z } from 'zod';
import { isoDate } from '../../compositions/common/primitives';
import { EARLIEST_DAY, LATEST_DAY } from './periods';

/**
 * A calendar day a client may send us: 2000-01-01 to 2099-12-31, the range the statistics cover.
 * PostgreSQL has no year 0 (isoDate alone admits 0000-01-01) and no letter is printed in year 9999.
 * Shared by the HTTP edge (api/) and the broker intake (intake/).
 */
export const serviceDay = isoDate.pipe(
  z.string().superRefine((s, ctx) => {
    if (s < EARLIEST_DAY || s > LATEST_DAY) ctx.addIssue({ code: 'custom', message: `expected a date from ${EARLIEST_DAY} to ${LATEST_DAY}, got "${s}"` });
  }),
);
