import { Connection } from 'rabbitmq-client';
import { startTestIntake, type TestIntake } from './intake';
import { createTestVhost, type TestVhost } from './rabbitmq';

export interface IntakeWithResults {
  vhost: TestVhost;
  t: TestIntake;
  /** The upstream's connection, for declaring, binding and deleting. */
  admin: Connection;
  /** A queue bound to the intake's reply exchange, where the test reads the results. */
  resultQueue: string;
}

/**
 * A test intake on a vhost of its own, with the upstream's side: a durable queue bound to the
 * reply exchange for the routing key the test reads. If a step fails, what was started is closed.
 */
export async function startIntakeWithResults(label: string, results: { queueSuffix: string; routingKey: string }): Promise<IntakeWithResults> {
  const vhost = await createTestVhost(label);
  let t: TestIntake | undefined;
  let admin: Connection | undefined;
  try {
    t = await startTestIntake({ label, amqpUrl: vhost.url });
    admin = new Connection({ url: vhost.url });
    admin.on('error', () => undefined);
    const resultQueue = `${t.config.intake.queue}.${results.queueSuffix}`;
    await admin.queueDeclare({ queue: resultQueue, durable: true });
    await admin.queueBind({ queue: resultQueue, exchange: t.config.intake.replyExchange, routingKey: results.routingKey });
    return { vhost, t, admin, resultQueue };
  } catch (err) {
    await admin?.close();
    await t?.close();
    await vhost.remove();
    throw err;
  }
}
