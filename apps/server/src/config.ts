/**
 * The one place that reads the environment. Every variable is declared here, validated at
 * start-up, and documented in .env.example. A bad value stops the process with one line
 * naming the variable and what is wrong.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SYMBOLS } from '@cryptosim/contracts';

export const ROLES = ['api', 'ingest', 'projector', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** The engine's slippage coefficient when SLIPPAGE_K is not set (test apps that model the real book use it too). */
export const DEFAULT_SLIPPAGE_K = '0.03';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const list = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const urlWithProtocol = (protocols: string[]) =>
  optionalString.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** A decimal kept as text (money rules must not pass through a float): "0.001", never "1e-3". */
const plainDecimal = z.string().trim().regex(/^(0|[1-9][0-9]*)(\.[0-9]+)?$/, 'must be a plain decimal like 0.001');
/** A rate in [0, 1): a fee or slippage cap of 100 % or more would let a sell pay out nothing. */
const fraction = (fallback: string) =>
  plainDecimal.refine((v) => /^0(\.[0-9]+)?$/.test(v), { message: 'must be at least 0 and below 1' }).default(fallback);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().trim().min(1).default('localhost'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  ROLES: list
    .prefault(ROLES.join(','))
    .pipe(z.array(z.enum(ROLES, { message: `each role must be one of ${ROLES.join(', ')}` })).min(1, 'must name at least one role')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: urlWithProtocol(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  REDIS_URL: urlWithProtocol(['redis:', 'rediss:']),
  KAFKA_BROKERS: optionalString
    .transform((v) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean)))
    .refine((v) => v === undefined || v.every((b) => /^[^\s:]+:\d{1,5}$/.test(b)), {
      message: 'must be a comma-separated list of host:port',
    }),
  KAFKA_CLIENT_ID: z.string().trim().min(1).default('cryptosim'),
  KAFKA_TOPIC_PREFIX: z.string().trim().regex(/^[A-Za-z0-9._-]*$/, 'may hold only letters, digits, ".", "_" and "-"').default(''),
  CACHE_KEY_PREFIX: z.string().trim().default('cryptosim:'),
  JWT_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  API_KEY_ENCRYPTION_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  CORS_ORIGINS: list.prefault(''),
  WEB_DIST_DIR: optionalString,
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WS_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(100),
  WS_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(30),
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v, ctx): boolean | number | string[] => {
      if (v === 'false' || v === '') return false;
      if (v === 'true') return true;
      if (/^\d+$/.test(v)) return Number(v);
      const list = v.split(',').map((s) => s.trim()).filter(Boolean);
      if (list.every((a) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a))) return list;
      ctx.addIssue({ code: 'custom', message: 'must be false, true, a hop count, or a comma-separated list of proxy addresses/CIDRs' });
      return z.NEVER;
    }),
  MARKET_SOURCE: z
    .string()
    .trim()
    .regex(/^(auto|binance|simulator|replay:.+)$/, 'must be auto, binance, simulator or replay:<file.csv>[,<file.csv>…]')
    .default('auto'),
  MARKET_SYMBOLS: list
    .prefault(DEFAULT_SYMBOLS.join(','))
    .pipe(z.array(z.string().regex(/^[A-Z0-9]{2,20}$/, 'each symbol must be like BTCUSDT')).min(1, 'must name at least one symbol')),
  SEED: z.string().trim().min(1).default('cryptosim'),
  REPLAY_SPEED: z.coerce.number().positive().max(1_000_000).default(600),
  REPLAY_RESTART: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  BINANCE_WS_URL: urlWithProtocol(['ws:', 'wss:']).default('wss://stream.binance.com:9443'),
  BINANCE_REST_URL: urlWithProtocol(['http:', 'https:']).default('https://api.binance.com'),
  SIMULATOR_START_PRICES: list
    .prefault('')
    .pipe(z.array(z.string().regex(/^[A-Z0-9]{2,20}=\d+(\.\d+)?$/, 'must be SYMBOL=price pairs, e.g. BTCUSDT=80000'))),
  TRADING_MAKER_FEE_RATE: fraction('0.001'),
  TRADING_TAKER_FEE_RATE: fraction('0.001'),
  SLIPPAGE_K: plainDecimal.default(DEFAULT_SLIPPAGE_K),
  SLIPPAGE_CAP: fraction('0.05'),
  ORDER_BATCH_MAX: z.coerce.number().int().min(1).max(10_000).default(128),
  JOB_MARKET_DATA_EVERY_MS: z.coerce.number().int().min(0).max(7 * 86_400_000).default(3_600_000),
  JOB_MARKET_DATA_LOOKBACK_HOURS: z.coerce.number().int().min(1).max(24 * 31).default(48),
  JOB_SCORE_PREDICTIONS_EVERY_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  PREDICTION_VOID_AFTER_MS: z.coerce.number().int().min(60_000).max(30 * 86_400_000).default(21_600_000),
  JOB_PREDICT_EVERY_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  JOB_BATCH_PROCESSING_EVERY_MS: z.coerce.number().int().min(0).max(30 * 86_400_000).default(86_400_000),
  AI_CHAT_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  LLM_BASE_URL: urlWithProtocol(['http:', 'https:']),
  LLM_MODEL: z.string().trim().min(1).default('llama3.1'),
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
});

/** Every variable the platform reads; .env.example documents each one. */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

export interface MarketSourceConfig {
  source: { kind: 'auto' | 'binance' | 'simulator' } | { kind: 'replay'; files: string[] };
  symbols: string[];
  seed: string;
  replaySpeed: number;
  /** Start a replay over from its files' beginning instead of where it stopped. */
  replayRestart: boolean;
  binanceWsUrl: string;
  binanceRestUrl: string;
  simulatorStartPrices: Record<string, number>;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  roles: ReadonlySet<Role>;
  logLevel: string;
  databaseUrl: string | undefined;
  /** node-postgres pool size per process (PostgreSQL mode only). */
  databasePoolSize: number;
  redisUrl: string | undefined;
  kafkaBrokers: string[] | undefined;
  kafkaClientId: string;
  kafkaTopicPrefix: string;
  cacheKeyPrefix: string;
  /** Absent in embedded mode until start-up reads or creates one in DATA_DIR. */
  jwtSecret: string | undefined;
  /**
   * Key material for encrypting API-key secrets at rest; the JWT secret when unset. Changing
   * either one (whichever is in use) makes existing HMAC keys unusable: they must be re-created.
   */
  apiKeyEncryptionSecret: string | undefined;
  corsOrigins: string[];
  /** Where the built web app lives; undefined means "next to the server". */
  webDistDir: string | undefined;
  shutdownTimeoutMs: number;
  /** Open WebSockets one client address (IPv6: one /64) may hold on this process. */
  wsMaxSocketsPerAddress: number;
  /** Open /ws/orders and /ws/portfolio sockets one user may hold on this process. */
  wsMaxSocketsPerUser: number;
  /**
   * Which proxies may set X-Forwarded-For (Fastify's trustProxy). Off by default: trusting
   * it without a proxy in front would let any client pick its own address and dodge
   * the per-address rate limits.
   */
  trustProxy: boolean | number | string[];
  market: MarketSourceConfig;
  /** Fee rates and slippage as decimal strings; the trading module parses them (trading-config.ts). */
  trading: { makerFeeRate: string; takerFeeRate: string; slippageK: string; slippageCap: string };
  /** Placements per group-commit transaction at most (1 makes every order its own transaction). */
  orderBatchMax: number;
  /** Schedules of the worker role's jobs; a period of 0 leaves a job unscheduled. */
  jobs: {
    marketData: { everyMs: number; lookbackHours: number };
    scorePredictions: { everyMs: number; voidAfterMs: number };
    /** Predictions at each newly closed bar (checked every everyMs). */
    predict: { everyMs: number };
    /** features → train → evaluate → promote. */
    batchProcessing: { everyMs: number };
  };
  /** The AI assistant: its per-user message limit and, when baseUrl is set, the OpenAI-compatible endpoint it answers with. */
  assistant: {
    ratePerMinute: number;
    llm: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${variable}=${JSON.stringify(env[variable] ?? '')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    roles: new Set(e.ROLES),
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    kafkaBrokers: e.KAFKA_BROKERS,
    kafkaClientId: e.KAFKA_CLIENT_ID,
    kafkaTopicPrefix: e.KAFKA_TOPIC_PREFIX,
    cacheKeyPrefix: e.CACHE_KEY_PREFIX,
    jwtSecret: e.JWT_SECRET,
    apiKeyEncryptionSecret: e.API_KEY_ENCRYPTION_SECRET,
    corsOrigins: e.CORS_ORIGINS,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : undefined,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    wsMaxSocketsPerAddress: e.WS_MAX_SOCKETS_PER_ADDRESS,
    wsMaxSocketsPerUser: e.WS_MAX_SOCKETS_PER_USER,
    trustProxy: e.TRUST_PROXY,
    market: {
      source: e.MARKET_SOURCE.startsWith('replay:')
        ? { kind: 'replay', files: e.MARKET_SOURCE.slice('replay:'.length).split(',').map((f) => f.trim()).filter(Boolean) }
        : { kind: e.MARKET_SOURCE as 'auto' | 'binance' | 'simulator' },
      symbols: e.MARKET_SYMBOLS,
      seed: e.SEED,
      replaySpeed: e.REPLAY_SPEED,
      replayRestart: e.REPLAY_RESTART === 'true',
      binanceWsUrl: e.BINANCE_WS_URL!,
      binanceRestUrl: e.BINANCE_REST_URL!,
      simulatorStartPrices: Object.fromEntries(e.SIMULATOR_START_PRICES.map((p) => [p.split('=')[0]!, Number(p.split('=')[1])])),
    },
    trading: { makerFeeRate: e.TRADING_MAKER_FEE_RATE, takerFeeRate: e.TRADING_TAKER_FEE_RATE, slippageK: e.SLIPPAGE_K, slippageCap: e.SLIPPAGE_CAP },
    orderBatchMax: e.ORDER_BATCH_MAX,
    jobs: {
      marketData: { everyMs: e.JOB_MARKET_DATA_EVERY_MS, lookbackHours: e.JOB_MARKET_DATA_LOOKBACK_HOURS },
      scorePredictions: { everyMs: e.JOB_SCORE_PREDICTIONS_EVERY_MS, voidAfterMs: e.PREDICTION_VOID_AFTER_MS },
      predict: { everyMs: e.JOB_PREDICT_EVERY_MS },
      batchProcessing: { everyMs: e.JOB_BATCH_PROCESSING_EVERY_MS },
    },
    assistant: {
      ratePerMinute: e.AI_CHAT_RATE_PER_MINUTE,
      llm: e.LLM_BASE_URL ? { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS } : undefined,
    },
  };
}
