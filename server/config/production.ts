import type { Config } from '../config';

export interface ConfigProblem {
  variable: string;
  message: string;
}

const GENERATE = 'generate one with: openssl rand -base64 48';
/** Random secrets of 32+ characters use far more distinct characters than this; placeholders ("changeme…", "aaaa…") fewer. */
const MIN_DISTINCT = 10;

function placeholder(variable: string, value: string): ConfigProblem | undefined {
  const distinct = new Set(value).size;
  if (distinct >= MIN_DISTINCT) return undefined;
  return {
    variable,
    message: `${variable} looks like a placeholder, not a random value (${distinct} distinct characters in ${value.length}, expected at least ${MIN_DISTINCT}); ${GENERATE}`,
  };
}

/**
 * What production needs beyond a well-formed environment, checked by `npm start` before it opens
 * anything (loadConfig checks each variable's form; this checks that production has them all). Every
 * problem names the variable, what is expected and what was found, never a secret's value.
 * Outside production: none (a laptop generates what is missing).
 */
export function productionProblems(config: Config): ConfigProblem[] {
  if (config.env !== 'production') return [];
  const problems: ConfigProblem[] = [];
  const need = (variable: string, value: string | undefined, why: string) => {
    if (value === undefined) problems.push({ variable, message: `required in production: ${why}` });
    else {
      const p = placeholder(variable, value);
      if (p) problems.push(p);
    }
  };
  need(
    'TOKEN_SECRET',
    config.tokenSecret,
    `every link is derived from it, so it must be the same at every start and on every process (never generated per run); ${GENERATE}`,
  );
  need(
    'FISCAL_CODE_HMAC_KEY',
    config.fiscalCodeHmacKey,
    `the reserved area finds a citizen's guides by the HMAC of the fiscal code under this key, so it must never change; ${GENERATE}`,
  );
  if (config.tokenSecret && config.tokenSecret === config.fiscalCodeHmacKey) {
    problems.push({ variable: 'FISCAL_CODE_HMAC_KEY', message: 'FISCAL_CODE_HMAC_KEY must differ from TOKEN_SECRET (one secret, one purpose)' });
  }
  const webhooks = config.notify.smsWebhookUrl ? 'SMS_WEBHOOK_URL' : config.notify.appWebhookUrl ? 'APP_WEBHOOK_URL' : undefined;
  if (webhooks || config.notifyWebhookSecret) {
    need(
      'NOTIFY_WEBHOOK_SECRET',
      config.notifyWebhookSecret,
      `${webhooks} is set: webhooks are signed and delivery receipts verified with this secret shared with the gateway (without it the channel is off); ${GENERATE}`,
    );
  }
  const why = (role: string) =>
    `the ${role} key; without it npm start would generate one per run and print it on the log stream; generate one with: openssl rand -base64 32`;
  need('OPERATOR_KEY', config.operatorKey, why('operator'));
  need('ANALYST_KEY', config.analystKey, why('analyst'));
  if (config.metricsKey) need('METRICS_KEY', config.metricsKey, '');
  if (!config.publicBaseUrl.startsWith('https://')) {
    problems.push({
      variable: 'PUBLIC_BASE_URL',
      message: `required in production: the https:// address citizens open, printed on every letter and QR code (got ${config.publicBaseUrl}); links carry tokens, so never plain http`,
    });
  }
  return problems;
}
