// `npm run demo:referral`: one more sample referral into the running local service, signed like any other client.
import { loadConfig } from '../config';
import { loadOrCreateDevSecret } from '../dev-secret';
import { systemClock } from '../../platform/clock';
import { DEMO_REFERRAL_COUNT, demoReferral, sendReferral } from './demo-referrals';

async function main(): Promise<void> {
  const config = loadConfig();
  const secret = config.intakeSecret ?? (await loadOrCreateDevSecret(config.dataDir));
  const now = systemClock();
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const index = now.getSeconds() % DEMO_REFERRAL_COUNT;
  const body = demoReferral(index, now.getTime().toString(36), now);
  const { id } = await sendReferral(`http://${host}:${config.port}`, secret, body);
  process.stdout.write(`Sent "${String(body['name'])}" as referral ${id}. Look for its card in General.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo:referral failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
