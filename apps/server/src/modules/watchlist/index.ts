/**
 * Watchlist: each user's starred symbols, kept on the server so they follow the user to every
 * device. Stored in the one database (PGlite embedded, PostgreSQL with services).
 */
import type { AppModule } from '../../kernel/module.js';
import { watchlistRoutes } from './routes.js';

export const watchlistModule: AppModule = {
  name: 'watchlist',
  routes: watchlistRoutes,
};
