# syntax=docker/dockerfile:1
#
# Cosigner Console: the Next.js standalone output on Node.js 20 (docs/operations.md). Three stages: dependencies,
# build, and a runtime that holds only .next/standalone, .next/static and public/, run as a non-root user.
# Configuration and secrets come from the environment and mounted files at run time, never from the image.
#
#   docker build -t cosigner-console .
#   docker run -p 3000:3000 --env-file console.env -v /secure/fireblocks_secret.key:/run/secrets/fireblocks.key:ro \
#     -v console-data:/data cosigner-console

ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 is a native module: npm ci fetches its prebuilt binary for this Node ABI and glibc, or compiles it
# with these tools when none matches. Build and runtime use the same base image, so the binary fits the runtime.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# `output: 'standalone'` (next.config.js) writes .next/standalone: server.js and the node_modules it needs, traced
# file by file. better-sqlite3 and pg are serverExternalPackages, so they stay plain requires and the tracing copies
# them, better-sqlite3's build/Release/better_sqlite3.node included; the build fails below if that file is missing.
# public/ is optional in this project; it is made here so the runtime stage can always copy it.
RUN mkdir -p public \
  && npx next build \
  && test -f .next/standalone/node_modules/better-sqlite3/build/Release/better_sqlite3.node

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HOSTNAME: Docker sets it to the container id; server.js listens on it, so it must be every interface here.
# KEEP_ALIVE_TIMEOUT: idle connections outlive a load balancer's 60 s (stack/keep-alive.ts).
# DATA_DIR: the embedded SQLite database (unused with DATABASE_URL=postgres://...), on a volume the user can write.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    KEEP_ALIVE_TIMEOUT=65000 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
RUN groupadd --system --gid 10001 console \
  && useradd --system --uid 10001 --gid console --no-create-home --shell /usr/sbin/nologin console \
  && mkdir -p /data \
  && chown console:console /data
# Owned by root, so the server cannot rewrite its own code.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
USER console
EXPOSE 3000
VOLUME ["/data"]
# Slim images have no curl: Node's own fetch asks /api/ready (database migrated and reachable, signing key loaded).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
