/**
 * At start: when the registry has no active model, the committed default model becomes the
 * active one, so a fresh install predicts from its first minute. Safe with several processes
 * starting at once: the row is inserted once (conflicts ignored), and the activation is one
 * guarded statement — a second process's update finds the row no longer a candidate, and the
 * one-active index refuses an activation racing another model's.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { models } from '../../../db/schema.js';
import type { Database } from '../../../ports/db/db-port.js';
import { isUniqueViolation } from '../../../ports/db/pg-error.js';
import { DEFAULT_MODEL_PATH, parseModelArtifact } from '../engine/index.js';
import { artifactVersion, modelRow } from './register-artifact.js';

/** `activated`: this call made the default model active; `active`: the active version after it. */
export type DefaultModelOutcome = { activated: boolean; version: string; active: string | null };

export async function ensureDefaultModel(db: Database, file = DEFAULT_MODEL_PATH): Promise<DefaultModelOutcome> {
  const active = await activeVersion(db);
  const text = await readFile(file, 'utf8');
  const version = artifactVersion('default', text);
  if (active !== null) return { activated: false, version, active };
  const artifact = parseModelArtifact(text);
  await db.insert(models).values({ ...modelRow(version, artifact, text, { source: 'committed default model' }), status: 'candidate' }).onConflictDoNothing();
  let activated = false;
  try {
    const result = await db.execute(sql`update models set status = 'active'
      where version = ${version} and status = 'candidate' and not exists (select 1 from models where status = 'active')
      returning version`);
    activated = (result as unknown as { rows: unknown[] }).rows.length === 1;
  } catch (err) {
    // Another process activated a model between the check and the update: that one serves.
    if (!isUniqueViolation(err, 'models_one_active')) throw err;
  }
  return { activated, version, active: await activeVersion(db) };
}

async function activeVersion(db: Database): Promise<string | null> {
  const [row] = await db.select({ version: models.version }).from(models).where(sql`${models.status} = 'active'`);
  return row?.version ?? null;
}
