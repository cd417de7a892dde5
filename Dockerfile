# syntax=docker/dockerfile:1
# Multi-stage production image: build with dev dependencies, run with production ones only.

FROM node:22-bookworm-slim AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false

# --- dependencies (all, for the build) ---
FROM base AS deps
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
# npm ci: exactly the lock file (docs/decisions/0004).
RUN npm ci --no-audit --no-fund

# --- build ---
FROM deps AS build
COPY . .
RUN npx react-router build

# --- production dependencies only ---
FROM deps AS prod-deps
RUN npm prune --omit=dev

# --- runtime ---
FROM base AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
# Set DATABASE_URL to a real PostgreSQL in production; without it the embedded database lives in
# the /data volume (it runs as this unprivileged `node` user, which Postgres requires anyway).
RUN mkdir -p /data && chown node:node /data
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --chown=node:node package.json prisma.config.ts ./
# The server bundle applies these SQL migrations at start.
COPY --chown=node:node prisma ./prisma
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The built server (app/server/index.ts): applies pending migrations, then serves; SIGTERM drains
# in-flight requests. Plain node: tsx is a development tool only.
CMD ["node", "build/server/index.js"]
