/**
 * Turning an engine artifact into a registry row: its version (stable for the same bytes),
 * the params the scoring job and the API read (interval, horizon, θ per symbol, features, data
 * window, training parameters) and its metrics.
 */
import { createHash } from 'node:crypto';
import type { ModelArtifact } from '../engine/index.js';
import type { NewModel } from '../registry/model-repository.js';

export function artifactVersion(prefix: string, text: string): string {
  return `${prefix}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

export function modelRow(version: string, artifact: ModelArtifact, text: string, extraMetrics: Record<string, unknown> = {}): NewModel {
  return {
    version,
    params: {
      interval: artifact.interval,
      horizon: artifact.horizon,
      theta: artifact.theta,
      classes: artifact.classes,
      featureNames: artifact.featureNames,
      dataWindow: artifact.dataWindow,
      trainedWith: artifact.trainedWith,
      training: artifact.params,
    },
    metrics: { ...artifact.metrics, ...extraMetrics },
    artifact: text,
  };
}
