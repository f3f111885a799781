/** Process entry: config → platform → signals. Everything else lives in buildApp and the roles. */
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startPlatform } from './app/start-platform.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`cryptosim: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { pid: process.pid, roles: [...config.roles].join(',') } });

  let platform: Awaited<ReturnType<typeof startPlatform>>;
  let failedAfterStart = false;
  try {
    platform = await startPlatform(config, logger, () => {
      failedAfterStart = true;
      stop('SIGTERM');
    });
  } catch (error) {
    // Operational faults we cannot retry away (corrupt DATA_DIR, port in use): one clear line, exit.
    logger.fatal(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
    return;
  }

  let stopping = false;
  function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    platform
      .stop()
      .then(() => {
        logger.info('stopped');
        process.exit(failedAfterStart ? 1 : 0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  }
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
