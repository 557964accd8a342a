import { z } from 'zod';

/** The channels a guide's links are issued for: the letter's QR code, email, SMS and the app. */
export const CHANNELS = ['qr', 'email', 'sms', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channel = z.enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` });

/** A guide's links by channel (capabilities: each opens the guide without a login). */
export const links = z.object({ qr: z.url(), email: z.url(), sms: z.url(), app: z.url() }).partial();
