/**
 * api and worker roles: make sure a model is active before anything predicts (the committed
 * default model on a fresh database). A broken default model is logged, not fatal: the API
 * then answers 503 MODEL_UNAVAILABLE until a model is trained or imported.
 */
import type { EntryPoint } from '../../../kernel/module.js';
import { ensureDefaultModel } from './ensure-default-model.js';

export const defaultModelEntryPoint: EntryPoint = {
  name: 'default-model',
  async start({ ports, logger }) {
    try {
      const outcome = await ensureDefaultModel(ports.db.db);
      if (outcome.activated) logger.info({ version: outcome.version }, 'registered the committed default model as the active model');
    } catch (err) {
      logger.error({ err }, 'could not register the committed default model; predictions wait for a trained or imported model');
    }
    return { stop: async () => undefined };
  },
};
