/**
 * The names of what a test run makes on the shared services, each carrying RUN_ID, so a run
 * only ever touches, and at its end removes, its own: PostgreSQL databases `cs_test_<run>_<n>`
 * (test-database.ts), Redis keys under `cs-test:<run>:<name>:` and Kafka topics and consumer
 * groups under `cs-test-<run>-<name>.`. A leftover is found with
 * `redis-cli --scan --pattern 'cs-test:*'` or a topic list filtered on `cs-test-`.
 */
import { Admin } from '@platformatic/kafka';
import { RUN_ID } from './services.js';

export function testKeyPrefix(name: string): string {
  return `cs-test:${RUN_ID}:${name}:`;
}

export function testTopicPrefix(name: string): string {
  return `cs-test-${RUN_ID}-${name}.`;
}

/** Deletes the topics and consumer groups whose names start with `prefix`. */
export async function deleteTopicsWithPrefix(brokers: string, prefix: string): Promise<void> {
  const admin = new Admin({ clientId: `cs-test-${RUN_ID}-cleanup`, bootstrapBrokers: brokers.split(',').map((b) => b.trim()) });
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics });
    const groups = [...(await admin.listGroups()).keys()].filter((g) => g.startsWith(prefix));
    // Best effort: a group the broker already dropped answers GROUP_ID_NOT_FOUND.
    if (groups.length) await admin.deleteGroups({ groups }).catch(() => undefined);
  } finally {
    await admin.close();
  }
}
