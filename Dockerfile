# syntax=docker/dockerfile:1
# KubeCon Recaps as a container: nginx serving the built site on port 8080, as a non-root user, with a read-only
# root filesystem (only /tmp needs to be writable). See README "Deploy".
#
#   docker build --build-arg SITE_URL=https://recaps.example.org -t kubecon-recaps .
#   docker run --rm -p 8080:8080 --read-only --tmpfs /tmp kubecon-recaps

# Build with the project's own Node: Debian's npm installs the dependencies, among them the "node" package, whose
# Node 24 then runs every npm script (npm puts node_modules/.bin first on the PATH).
FROM debian:bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates git nodejs npm \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The public address (required: build:deploy refuses a missing or local one) and the path the site is served under.
ARG SITE_URL
ARG BASE_PATH=/
ARG REPO_URL
ENV ASTRO_TELEMETRY_DISABLED=1
RUN SITE_URL="$SITE_URL" BASE_PATH="$BASE_PATH" REPO_URL="$REPO_URL" npm run build:deploy \
  && mkdir -p "/out/site$BASE_PATH" /out/nginx \
  && mv dist/_nginx/* /out/nginx/ \
  && rm -r dist/_nginx dist/_headers dist/_redirects \
  && cp -R dist/. "/out/site$BASE_PATH"

# Serve with Debian's nginx, the same package and configuration CI tests (tests/deploy/).
FROM debian:bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends nginx-light libnginx-mod-http-brotli-static \
  && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
  && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin recaps
COPY deploy/nginx/nginx.conf /etc/nginx/recaps/nginx.conf
COPY --from=build /out/nginx/ /etc/nginx/recaps/
COPY --from=build /out/site/ /srv/site/
USER 10001:10001
EXPOSE 8080
STOPSIGNAL SIGQUIT
CMD ["nginx", "-c", "/etc/nginx/recaps/nginx.conf"]
