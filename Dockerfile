# syntax=docker/dockerfile:1
#
# One image runs every server role (ROLES=api|ingest|projector|worker, any combination; all four
# when unset), and a small nginx image is the web role. docker-compose.yaml builds both:
#   docker build -t cryptosim .                    the server (the last stage, `runtime`)
#   docker build --target web -t cryptosim-web .   nginx: the web app, /api and /ws proxied

# --- manifests: the root and every workspace's package.json, listed once for both installs --
FROM scratch AS manifests
COPY package.json package-lock.json /app/
COPY packages/contracts/package.json /app/packages/contracts/
COPY packages/trading-rules/package.json /app/packages/trading-rules/
COPY apps/server/package.json /app/apps/server/
COPY apps/web/package.json /app/apps/web/

# --- build: everything (dev dependencies included), then `npm run build` ------------------
FROM node:24-bookworm AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until package-lock.json changes.
COPY --from=manifests /app ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY packages/contracts packages/contracts
COPY packages/trading-rules packages/trading-rules
COPY apps/server apps/server
COPY apps/web apps/web
RUN npm run build

# --- server-deps: the server's production dependencies only (no web app, no tooling) --------
# On the runtime's own base image, so native packages (@node-rs/argon2) match its libc.
FROM node:24-bookworm-slim AS server-deps
WORKDIR /app
COPY --from=manifests /app ./
RUN npm ci --omit=dev --workspace=apps/server --no-audit --no-fund && npm cache clean --force

# --- web: nginx serving the built web app and proxying the API replicas --------------------
FROM nginx:1.28-alpine AS web
# The official image renders /etc/nginx/templates/*.template into conf.d at start; only our
# variables are substituted. Compose sets CRYPTOSIM_API_SERVERS; see infra/nginx/cryptosim.conf.
ENV CRYPTOSIM_LISTEN_PORT=80 \
    CRYPTOSIM_WEB_ROOT=/srv/cryptosim \
    CRYPTOSIM_API_SERVERS="server api:8000;" \
    NGINX_ENVSUBST_FILTER=CRYPTOSIM_
COPY infra/nginx/cryptosim.conf /etc/nginx/templates/default.conf.template
COPY --from=build /app/apps/web/dist /srv/cryptosim
# Served from disk, so this says nginx is up whatever the API replicas are doing.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${CRYPTOSIM_LISTEN_PORT}/index.html" || exit 1

# --- runtime: the server, as the unprivileged `node` user ---------------------------------
FROM node:24-bookworm-slim AS runtime
# libxgboost for the worker's batch-processing (training) job; serving needs no native library.
RUN apt-get update && apt-get install -y --no-install-recommends libxgboost0 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=server-deps /app/node_modules node_modules
COPY package.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/trading-rules/package.json packages/trading-rules/
COPY --from=build /app/packages/contracts/dist packages/contracts/dist
COPY --from=build /app/packages/trading-rules/dist packages/trading-rules/dist
COPY apps/server/package.json apps/server/
# Migrations are read at start (db/migrations.ts resolves them next to dist).
COPY apps/server/drizzle apps/server/drizzle
COPY --from=build /app/apps/server/dist apps/server/dist
# The committed default model (tsc copies no JSON): beside the compiled AI module, the first
# place DEFAULT_MODEL_PATH looks, so a fresh database predicts from the first minute.
COPY apps/server/src/modules/ai/default-model apps/server/dist/modules/ai/default-model
# Lets one container serve the whole platform (`docker run -p 8000:8000 cryptosim`); behind
# the web role nginx serves its own copy and these files go unused.
COPY --from=build /app/apps/web/dist apps/web/dist
# DATA_DIR: the embedded database and JWT secret when no services are configured.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8000
# Liveness only (/readyz would flap with a restarting dependency); Compose gates on /readyz.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node directly (not npm start): signals reach the server, and nothing is built at start.
CMD ["node", "apps/server/dist/main.js"]
