import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

export interface Secrets {
  fiscalCodeHmacKey: string;
  tokenSecret: string;
  /** Signs webhooks and verifies delivery receipts; null in production without NOTIFY_WEBHOOK_SECRET (receipts refused). */
  notifyWebhookSecret: string | null;
}

/**
 * Secrets come from the environment. On a laptop they are generated once and kept in
 * DATA_DIR/secrets.json (mode 0600), so links and HMACs survive restarts; production must set them.
 */
export function resolveSecrets(config: Config): Secrets {
  const { fiscalCodeHmacKey, tokenSecret } = storedSecrets(config);
  return { fiscalCodeHmacKey, tokenSecret, notifyWebhookSecret: webhookSecret(config, tokenSecret) };
}

function storedSecrets(config: Config): Omit<Secrets, 'notifyWebhookSecret'> {
  if (config.fiscalCodeHmacKey && config.tokenSecret) {
    return { fiscalCodeHmacKey: config.fiscalCodeHmacKey, tokenSecret: config.tokenSecret };
  }
  if (config.env === 'production') {
    const missing = [config.tokenSecret ? null : 'TOKEN_SECRET', config.fiscalCodeHmacKey ? null : 'FISCAL_CODE_HMAC_KEY'].filter(Boolean);
    throw new Error(`${missing.join(' and ')} must be set in production (32+ random characters, never generated per run: docs/operations.md)`);
  }
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets = {
    fiscalCodeHmacKey: config.fiscalCodeHmacKey ?? stored.fiscalCodeHmacKey ?? randomBytes(32).toString('base64url'),
    tokenSecret: config.tokenSecret ?? stored.tokenSecret ?? randomBytes(32).toString('base64url'),
  };
  if (stored.fiscalCodeHmacKey !== secrets.fiscalCodeHmacKey || stored.tokenSecret !== secrets.tokenSecret) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/**
 * Derived from TOKEN_SECRET outside production, so a laptop works with nothing configured and
 * nothing more to store; production must share a real secret with its gateways.
 */
function webhookSecret(config: Config, tokenSecret: string): string | null {
  if (config.notifyWebhookSecret) return config.notifyWebhookSecret;
  if (config.env === 'production') return null;
  return createHmac('sha256', tokenSecret).update('videoguida/notify-webhook/v1').digest('base64url');
}
