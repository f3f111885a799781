import type { AppModule } from './module.js';
import { jobsModule } from '../modules/jobs/index.js';

/** Every business module, in registration order. Add a module here and nowhere else. */
export const MODULES: AppModule[] = [jobsModule];
