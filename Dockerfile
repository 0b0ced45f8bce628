# syntax=docker/dockerfile:1
# One image for the api (which serves the built web app), the worker and the one-shot migrate/bootstrap;
# docker-compose.yml chooses the command.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# No test tool may download a browser into the image.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NX_DAEMON=false \
    NX_NO_CLOUD=true
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PARLEY_WEB_DIR=dist/web \
    PARLEY_SAMPLE_DIR=examples/sample
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
# Workspace packages (npm links them into node_modules); the built code itself uses relative imports.
COPY --from=build /app/apps ./apps
COPY --from=build /app/libs ./libs
COPY --from=build /app/dist ./dist
COPY --from=build /app/examples ./examples
USER node
EXPOSE 3000 3001
CMD ["node", "dist/server/apps/api/src/main.js"]
