# LangNghe: one image for both roles (`npm run server`, `npm run worker`). DejaVu: burned-in captions need a
# font with Vietnamese letters.
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
# postinstall generates the Prisma client and compiles dist/ (TypeScript is a dev dependency, pruned after).
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production \
    FFMPEG_PATH=/usr/bin/ffmpeg \
    FFPROBE_PATH=/usr/bin/ffprobe \
    MEDIA_DIR=/data/media
RUN mkdir -p /data/media && chown node:node /data/media
VOLUME ["/data/media"]
EXPOSE 3000
USER node
CMD ["npm", "start"]
