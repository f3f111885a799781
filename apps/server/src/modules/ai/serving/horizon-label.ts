import { intervalMs, type ModelArtifact } from '../engine/index.js';

/** The horizon as the API names it: horizon bars of the model's interval as a duration ("1h"). */
export function horizonLabel(artifact: Pick<ModelArtifact, 'interval' | 'horizon'>): string {
  const ms = artifact.horizon * intervalMs(artifact.interval);
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  return `${ms / 60_000}m`;
}
